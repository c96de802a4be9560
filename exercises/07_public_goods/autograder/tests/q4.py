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

@test_case(points=1, hidden=True)
def test_q4_selffunded(q4_threshold, N, r):
    endowment = 1.0
    import numbers
    import math
    assert isinstance(N, numbers.Integral) or float(N).is_integer(), f'N must be a whole number of villagers; it is {N!r}'
    N = int(N)
    r, endowment = (float(r), float(endowment))
    assert N >= 2 and r > 0 and (endowment > 0), f'the settings need N >= 2, r > 0, endowment > 0; got N={N}, r={r}, endowment={endowment}'
    expected = (N - r) / (N - 1)
    accepted = [expected, max(0.0, expected)]
    assert any((abs(float(q4_threshold) - a) <= 0.006 for a in accepted)), f'with N = {N} and r = {r:g} the self-funded threshold (N - r)/(N - 1) is {expected:.4f}; got {q4_threshold}. Set -1 + r/N + s*(N - 1)/N to zero and solve for s'

