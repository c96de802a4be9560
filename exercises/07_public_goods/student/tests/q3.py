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

