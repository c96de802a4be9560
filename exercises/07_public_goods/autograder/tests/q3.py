from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q3_reward must be one finite number between 0 and 1 (a reward per unit) and q3_payoffs N finite numbers, one per villager.")
def test_q3_form(q3_reward, q3_payoffs, N):
    import math
    import numbers
    import numpy as np
    assert q3_reward is not None and q3_payoffs is not None, 'define both q3_reward and q3_payoffs, then run the cell'
    assert isinstance(q3_reward, numbers.Real) and (not isinstance(q3_reward, bool)), f'q3_reward should be one number; it is {type(q3_reward).__name__}.'
    assert math.isfinite(q3_reward) and 0 <= q3_reward <= 1, f'q3_reward = {q3_reward}: a reward per unit here lies between 0 and 1'
    try:
        values = np.asarray(q3_payoffs, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f'q3_payoffs should be numbers; got {type(q3_payoffs).__name__}') from None
    assert values.shape == (int(N),), f'expected {int(N)} payoffs, one per villager; got shape {values.shape}'
    assert np.all(np.isfinite(values)), 'q3_payoffs has missing or infinite values'

@test_case(points=1, hidden=True)
def test_q3_outside(q3_reward, N, r):
    endowment = 1.0
    import numbers
    import math
    assert isinstance(N, numbers.Integral) or float(N).is_integer(), f'N must be a whole number of villagers; it is {N!r}'
    N = int(N)
    r, endowment = (float(r), float(endowment))
    assert N >= 2 and r > 0 and (endowment > 0), f'the settings need N >= 2, r > 0, endowment > 0; got N={N}, r={r}, endowment={endowment}'
    expected = max(0.0, 1 - r / N)
    assert abs(float(q3_reward) - expected) <= 0.006, f'with N = {N} and r = {r:g} the smallest reward that makes giving pay is max(0, 1 - r/N) = {expected:.4f}; got {q3_reward}'

@test_case(points=0.5, hidden=True)
def test_q3_everyone(q3_payoffs, N, r, endowment):
    import numpy as np
    import numbers
    import math
    assert isinstance(N, numbers.Integral) or float(N).is_integer(), f'N must be a whole number of villagers; it is {N!r}'
    N = int(N)
    r, endowment = (float(r), float(endowment))
    assert N >= 2 and r > 0 and (endowment > 0), f'the settings need N >= 2, r > 0, endowment > 0; got N={N}, r={r}, endowment={endowment}'
    s = max(0.0, 1 - r / N)
    expected = np.full(N, r * endowment + s * endowment)
    got = np.asarray(q3_payoffs, dtype=float)
    assert got.shape == expected.shape and np.allclose(got, expected, rtol=0.005, atol=0.006), f'when everyone gives {endowment:g} and is paid s* per unit each gets r*e + s*e = {expected[0]:.3f}; got {got.tolist()}'

