from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q3_annual and q3_rate must each be one number (a float), e.g. the value growth.annualise(...) returns.")
def test_q3_types(q3_annual, q3_rate):
    import numbers
    for name, value in (('q3_annual', q3_annual), ('q3_rate', q3_rate)):
        assert value is not None, f'{name} is not defined yet: assign it in the cell above and run that cell'
        assert isinstance(value, numbers.Real) and (not isinstance(value, bool)), f'{name} should be a number; it is {type(value).__name__}.'

@test_case(points=0.5, hidden=False, 
    failure_message="q3_annual is in 亿元, so it is in the thousands, and larger than the ten-month figure. q3_rate is a fraction between 0 and 1 (0.05 means 5%), not a percentage.")
def test_q3_ranges(q3_annual, q3_rate):
    import numbers
    assert isinstance(q3_annual, numbers.Real) and isinstance(q3_rate, numbers.Real), 'first make both numbers (see the message above)'
    assert 1000 < q3_annual < 100000, f'q3_annual = {q3_annual}: is it in 亿元?'
    assert 0 < q3_rate < 1, f'q3_rate = {q3_rate}: give it as a fraction, not a percentage'

