from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q4_P must be the 4 x 4 matrix from toolkit.ladder_matrix(up, down) and q4_years four numbers, 0 for the bottom rung.")
def test_q4_shape(q4_P, q4_years):
    import numpy as np
    try:
        P, years = (np.asarray(q4_P, dtype=float), np.asarray(q4_years, dtype=float))
    except (TypeError, ValueError):
        raise AssertionError('q4_P and q4_years should hold numbers') from None
    assert P.shape == (4, 4), f'q4_P should be 4 x 4 (four rungs); it has shape {P.shape}'
    assert np.allclose(P.sum(axis=1), 1), 'each row of q4_P should sum to 1'
    assert years.shape == (4,), f'q4_years should hold 4 numbers, one per rung; shape {years.shape}'
    assert years[0] == 0 and np.all(np.diff(years) > 0), 'years should start at 0 and rise rung by rung'

@test_case(points=1.5, hidden=True)
def test_q4_values(q4_years):
    import numpy as np
    up, down = ([0.3, 0.2, 0.1], [0.0, 0.05, 0.05])
    for k in range(1, 4):
        t = np.zeros(k + 1)
        for _ in range(5000):
            new = t.copy()
            for i in range(k):
                stay = 1 - up[i] - down[i]
                new[i] = 1 + stay * t[i] + up[i] * t[i + 1] + (down[i] * t[i - 1] if i else 0)
            t = new
        assert abs(q4_years[k] - t[0]) < 1e-06, f'rung {k}: expected {t[0]:.3f} years, got {q4_years[k]}'

