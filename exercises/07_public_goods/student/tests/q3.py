from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q3_reward must be one number (a reward per unit, between 0 and 1 here) and q3_payoffs four numbers.")
def test_q3_types(q3_reward, q3_payoffs):
    import numbers
    import numpy as np
    assert q3_reward is not None and q3_payoffs is not None, 'define both q3_reward and q3_payoffs, then run the cell'
    assert isinstance(q3_reward, numbers.Real) and (not isinstance(q3_reward, bool)), f'q3_reward should be a number; it is {type(q3_reward).__name__}.'
    assert 0 <= q3_reward <= 1, f'q3_reward = {q3_reward}'
    try:
        shape = np.asarray(q3_payoffs, dtype=float).shape
    except (TypeError, ValueError):
        raise AssertionError(f'q3_payoffs should be numbers; got {type(q3_payoffs).__name__}') from None
    assert shape == (4,), f'expected 4 payoffs, got shape {shape}'

