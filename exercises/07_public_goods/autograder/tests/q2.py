from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1.5

@test_case(points=0.5, hidden=False, 
    failure_message="q2_mpr must be one finite number (per unit contributed), between -1 and r.")
def test_q2_form(q2_mpr, r):
    import math
    import numbers
    assert q2_mpr is not None, 'q2_mpr is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q2_mpr, numbers.Real) and (not isinstance(q2_mpr, bool)), f'q2_mpr should be one number; it is {type(q2_mpr).__name__}.'
    assert math.isfinite(q2_mpr) and -1 <= q2_mpr <= float(r), f'q2_mpr = {q2_mpr} is outside the possible range -1 to r'

@test_case(points=1, hidden=True)
def test_q2_marginal(q2_mpr, N, r):
    endowment = 1.0
    import numbers
    import math
    assert isinstance(N, numbers.Integral) or float(N).is_integer(), f'N must be a whole number of villagers; it is {N!r}'
    N = int(N)
    r, endowment = (float(r), float(endowment))
    assert N >= 2 and r > 0 and (endowment > 0), f'the settings need N >= 2, r > 0, endowment > 0; got N={N}, r={r}, endowment={endowment}'
    expected = -1 + r / N
    assert abs(float(q2_mpr) - expected) <= 0.006, f'with N = {N} and r = {r:g} the marginal private return -1 + r/N is {expected:.4f}; got {q2_mpr}'

