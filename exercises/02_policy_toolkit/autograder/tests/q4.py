from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 5.5

@test_case(points=0.5, hidden=False, 
    failure_message="q4_N is 3 x 3, q4_B 3 x 2 (rows the three rungs, columns listed then exited) and q4_t three numbers, at least 1 year each.")
def test_q4_form(q4_N, q4_B, q4_t):
    import numpy as np
    shapes = {'q4_N': (3, 3), 'q4_B': (3, 2), 'q4_t': (3,)}
    arrays = {}
    for name, value in (('q4_N', q4_N), ('q4_B', q4_B), ('q4_t', q4_t)):
        try:
            arrays[name] = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise AssertionError(f'{name} should hold numbers; it is {type(value).__name__}') from None
        assert arrays[name].shape == shapes[name], f'{name} should have shape {shapes[name]}; it has {arrays[name].shape}'
    assert (arrays['q4_t'] >= 1).all(), 'q4_t counts years on the ladder: at least 1 from every rung'

@test_case(points=1.5, hidden=True)
def test_q4_N(q4_N, up, down, exits):

    def _ladder(up, down, exits):
        """The transient and absorbing blocks built by hand from the per-rung chances."""
        import numpy as np
        n = len(up)
        Q, R = (np.zeros((n, n)), np.zeros((n, 2)))
        for i in range(n):
            Q[i, i] = 1 - up[i] - down[i] - exits[i]
            if i + 1 < n:
                Q[i, i + 1] = up[i]
            else:
                R[i, 0] = up[i]
            if i > 0:
                Q[i, i - 1] = down[i]
            R[i, 1] = exits[i]
        return (Q, R)
    import numpy as np
    Q, _ = _ladder(up, down, exits)
    expected = np.linalg.solve(np.eye(len(Q)) - Q, np.eye(len(Q)))
    got = np.asarray(q4_N, dtype=float)
    assert got.shape == expected.shape and np.allclose(got, expected, atol=0.0005), 'q4_N is not (I - Q)^-1 for your up, down and exits: expected first row ' + ', '.join((f'{v:.3f}' for v in expected[0])) + '; got ' + ', '.join((f'{v:.3f}' for v in got.ravel()[:3]))

@test_case(points=2, hidden=True)
def test_q4_B(q4_B, up, down, exits):

    def _ladder(up, down, exits):
        """The transient and absorbing blocks built by hand from the per-rung chances."""
        import numpy as np
        n = len(up)
        Q, R = (np.zeros((n, n)), np.zeros((n, 2)))
        for i in range(n):
            Q[i, i] = 1 - up[i] - down[i] - exits[i]
            if i + 1 < n:
                Q[i, i + 1] = up[i]
            else:
                R[i, 0] = up[i]
            if i > 0:
                Q[i, i - 1] = down[i]
            R[i, 1] = exits[i]
        return (Q, R)
    import numpy as np
    Q, R = _ladder(up, down, exits)
    expected = np.linalg.solve(np.eye(len(Q)) - Q, R)
    got = np.asarray(q4_B, dtype=float)
    assert got.shape == expected.shape, f'q4_B should be {expected.shape[0]} x 2 (listed, exited); it is {got.shape}'
    sums = '' if np.allclose(got.sum(axis=1), 1, atol=0.002) else ' (each row should sum to 1: every firm ends listed or exited)'
    assert np.allclose(got, expected, atol=0.0005), f'q4_B is not N R{sums}: a small firm lists with probability {expected[0, 0]:.3f}; your first row is ' + ', '.join((f'{v:.3f}' for v in got[0]))

@test_case(points=1.5, hidden=True)
def test_q4_t(q4_t, up, down, exits):

    def _ladder(up, down, exits):
        """The transient and absorbing blocks built by hand from the per-rung chances."""
        import numpy as np
        n = len(up)
        Q, R = (np.zeros((n, n)), np.zeros((n, 2)))
        for i in range(n):
            Q[i, i] = 1 - up[i] - down[i] - exits[i]
            if i + 1 < n:
                Q[i, i + 1] = up[i]
            else:
                R[i, 0] = up[i]
            if i > 0:
                Q[i, i - 1] = down[i]
            R[i, 1] = exits[i]
        return (Q, R)
    import numpy as np
    Q, _ = _ladder(up, down, exits)
    expected = np.linalg.solve(np.eye(len(Q)) - Q, np.ones(len(Q)))
    got = np.asarray(q4_t, dtype=float)
    assert got.shape == expected.shape and np.allclose(got, expected, atol=0.005), 'q4_t is not N 1 (the row sums of N): expected ' + ', '.join((f'{v:.2f}' for v in expected)) + '; got ' + ', '.join((f'{v:.2f}' for v in got.ravel()))

