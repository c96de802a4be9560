from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q1_payoffs must hold four numbers, one payoff per villager, in the order of contributions (a list or a NumPy array).")
def test_q1_shape(q1_payoffs):
    import numpy as np
    assert q1_payoffs is not None, 'q1_payoffs is not defined yet: assign it in the cell above and run that cell'
    try:
        values = np.asarray(q1_payoffs, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f'q1_payoffs should be numbers; got {type(q1_payoffs).__name__}') from None
    assert values.shape == (4,), f'expected 4 payoffs, got shape {values.shape}'

