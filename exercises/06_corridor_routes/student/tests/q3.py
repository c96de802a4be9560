from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Both answers are positive numbers in yuan per container-day, and the high-value break-even is the smaller one.")
def test_q3_types(q3_break_even, q3_high_value):
    import numbers
    for name, v in (('q3_break_even', q3_break_even), ('q3_high_value', q3_high_value)):
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert v > 0, f'{name} = {v}: a value of time in yuan per container-day is positive here'
    assert q3_high_value < q3_break_even, 'cargo that loses more per day switches to the fast route at a lower value of time'

