from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2.0

@test_case(points=0.25, hidden=False, 
    failure_message="q3_grid and q3_product are 2001 numbers each (np.linspace(d_w, S - d_f, 2001) and the product at each), q3_best one payoff of the grid.")
def test_q3_types(q3_grid, q3_product, q3_best):
    import numbers
    import numpy as np
    for name, v in (('q3_grid', q3_grid), ('q3_product', q3_product), ('q3_best', q3_best)):
        assert v is not None and v is not Ellipsis, f'{name} is not set yet: replace the ... and run the cell'
    try:
        grid = np.asarray(q3_grid, dtype=float)
        product = np.asarray(q3_product, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError('q3_grid and q3_product should hold numbers') from None
    assert grid.shape == (2001,), f'q3_grid should hold 2001 payoffs; shape {grid.shape}'
    assert product.shape == (2001,), f'q3_product should hold one Nash product per payoff of the grid (2001); shape {product.shape}'
    assert isinstance(q3_best, numbers.Real) and (not isinstance(q3_best, bool)), f'q3_best should be one number; it is {type(q3_best).__name__}.'
    assert grid.min() - 1e-06 <= q3_best <= grid.max() + 1e-06, 'q3_best should be one of the payoffs on the grid'

@test_case(points=0.75, hidden=True)
def test_q3_productcurve(q3_grid, q3_product, S, beta_check, d_w, d_f):
    import numpy as np
    S, b, d_w, d_f = (float(S), float(beta_check), float(d_w), float(d_f))
    grid = np.asarray(q3_grid, dtype=float)
    got = np.asarray(q3_product, dtype=float)
    assert np.isclose(grid[0], d_w) and np.isclose(grid[-1], S - d_f), 'the grid should run from d_w to S - d_f'
    expected = np.clip(grid - d_w, 0, None) ** b * np.clip(S - grid - d_f, 0, None) ** (1 - b)
    assert np.all(np.isfinite(got)) and got.max() > 0, 'q3_product should hold finite numbers, the largest above 0'
    assert np.allclose(got / got.max(), expected / expected.max(), atol=0.002), f'q3_product does not follow (w - d_w)^beta_check (S - w - d_f)^(1 - beta_check) along your grid (its peak is at w = {grid[np.argmax(expected)]:.3f}, yours at {grid[np.argmax(got)]:.3f})'

@test_case(points=1.0, hidden=True)
def test_q3_gridpeak(q3_grid, q3_best, S, beta_check, d_w, d_f):
    import numpy as np
    S, b, d_w, d_f = (float(S), float(beta_check), float(d_w), float(d_f))
    grid = np.asarray(q3_grid, dtype=float)
    assert np.isclose(grid[0], d_w) and np.isclose(grid[-1], S - d_f), 'the grid should run from d_w to S - d_f'
    peak = d_w + b * (S - d_w - d_f)
    step = grid[1] - grid[0]
    assert abs(float(q3_best) - peak) <= step / 2 + 0.006, f'the Nash product peaks at d_w + beta_check (S - d_w - d_f) = {peak:.3f} with your settings; the best grid point should be within half a step ({step / 2:.3f}) of it; got {q3_best}'

