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

