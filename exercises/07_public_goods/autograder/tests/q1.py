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

@test_case(points=1.5, hidden=True)
def test_q1_values(q1_payoffs):
    import numpy as np
    c = np.array([10, 10, 0, 0], dtype=float)
    expected = 10 - c + 1.6 * c.sum() / 4
    assert np.allclose(np.asarray(q1_payoffs, dtype=float), expected), f'expected {expected}, got {q1_payoffs}'

