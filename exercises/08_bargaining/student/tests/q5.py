from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2.0

@test_case(points=0.25, hidden=False, 
    failure_message="q5_share, q5_finite and q5_limit are each one number between 0 and 1 (shares of a pie of 1).")
def test_q5_types(q5_share, q5_finite, q5_limit):
    import numbers
    for name, v in (('q5_share', q5_share), ('q5_finite', q5_finite), ('q5_limit', q5_limit)):
        assert v is not None and v is not Ellipsis, f'{name} is not set yet: replace the ... and run the cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert 0 <= v <= 1, f'{name} = {v}: a share of a pie of 1 lies between 0 and 1'

