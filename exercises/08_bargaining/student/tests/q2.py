from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2.25

@test_case(points=0.25, hidden=False, 
    failure_message="q2_gains, q2_worker and q2_passed are each one number; q2_passed a fraction between 0 and 1.")
def test_q2_types(q2_gains, q2_worker, q2_passed):
    import math
    import numbers
    for name, v in (('q2_gains', q2_gains), ('q2_worker', q2_worker), ('q2_passed', q2_passed)):
        assert v is not None and v is not Ellipsis, f'{name} is not set yet: replace the ... and run the cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert math.isfinite(v), f'{name} should be a finite number; it is {v}'
    assert 0 <= q2_passed <= 1, f'q2_passed = {q2_passed}: a fraction of the 10, between 0 and 1'

