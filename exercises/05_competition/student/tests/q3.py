from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q3_delta and q3_after must be numbers, taken from the result of competition.merger_effect(shares, 1, 2).")
def test_q3_types(q3_delta, q3_after):
    import numbers
    for name, value in (('q3_delta', q3_delta), ('q3_after', q3_after)):
        assert value is not None, f'{name} is not defined yet: assign it in the cell above and run that cell'
        assert isinstance(value, numbers.Real) and (not isinstance(value, bool)), f'{name} should be a number; it is {type(value).__name__}.'

