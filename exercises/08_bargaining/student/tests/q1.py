from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1.25

@test_case(points=0.25, hidden=False, 
    failure_message="Both answers are whole numbers (counts), greater than zero.")
def test_q1_types(q1_reach, q1_lower_bounds):
    import numbers
    for name, v in (('q1_reach', q1_reach), ('q1_lower_bounds', q1_lower_bounds)):
        assert v is not None and v is not Ellipsis, f'{name} is not set yet: replace the ... and run the cell'
        whole = isinstance(v, numbers.Integral) or (isinstance(v, numbers.Real) and float(v).is_integer())
        assert whole and (not isinstance(v, bool)), f'{name} should be a whole number (a count); it is {v!r}.'
        assert v > 0, f'{name} should be a count greater than zero; it is {v}'

