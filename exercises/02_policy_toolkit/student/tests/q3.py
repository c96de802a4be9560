from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q3_d_firms must be a list of firm ids (text such as 'F07'), q3_changed one whole number.")
def test_q3_form(q3_d_firms, q3_changed):
    import numbers
    assert isinstance(q3_d_firms, (list, tuple)) and all((isinstance(f, str) for f in q3_d_firms)), "q3_d_firms should be a list of firm ids such as 'F07': list(...) or sorted(...)"
    assert isinstance(q3_changed, numbers.Real) and (not isinstance(q3_changed, bool)), f'q3_changed should be a number; it is {type(q3_changed).__name__}.'
    assert float(q3_changed) == int(q3_changed) and q3_changed >= 0, 'a count of firms is a whole number, 0 or more'

