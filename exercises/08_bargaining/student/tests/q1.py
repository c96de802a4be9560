from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Both answers are whole numbers (wrap a pandas sum in int(...)), greater than zero.")
def test_q1_types(q1_reach, q1_lower_bounds):
    import numbers
    for name, v in (('q1_reach', q1_reach), ('q1_lower_bounds', q1_lower_bounds)):
        assert isinstance(v, numbers.Integral) and (not isinstance(v, bool)), f'{name} should be a whole number (use int(...)); it is {type(v).__name__}.'
        assert v > 0, f'{name} = {v}'

