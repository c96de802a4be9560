from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q3_grid must be 2001 numbers from np.linspace(d_w, S - d_f, 2001) and q3_best one of them.")
def test_q3_types(q3_grid, q3_best):
    import numbers
    import numpy as np
    try:
        grid = np.asarray(q3_grid, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError('q3_grid should hold numbers') from None
    assert grid.shape == (2001,), f'q3_grid should hold 2001 payoffs; shape {grid.shape}'
    assert isinstance(q3_best, numbers.Real) and (not isinstance(q3_best, bool)), f'q3_best should be one number; it is {type(q3_best).__name__}.'
    assert grid.min() <= q3_best <= grid.max(), 'q3_best should be one of the payoffs on the grid'

