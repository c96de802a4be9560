from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 1.5

@test_case(points=0.5, hidden=False, 
    failure_message="q4_threshold must be one finite number (a reward per unit), at most N / (N - 1).")
def test_q4_form(q4_threshold, N):
    import math
    import numbers
    assert q4_threshold is not None, 'q4_threshold is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q4_threshold, numbers.Real) and (not isinstance(q4_threshold, bool)), f'q4_threshold should be one number; it is {type(q4_threshold).__name__}.'
    assert math.isfinite(q4_threshold) and q4_threshold <= int(N) / (int(N) - 1) + 1e-09, f'q4_threshold = {q4_threshold} is outside the possible range'

