from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q2_xun must be the Series toolkit.to_xun(daily) returns (36 rows, one per 旬) and q2_dip one number.")
def test_q2_type(q2_xun, q2_dip):
    import numbers
    import pandas as pd
    assert isinstance(q2_xun, pd.Series), f'q2_xun should be a pandas Series; it is {type(q2_xun).__name__}.'
    assert len(q2_xun) == 12 * 3, f'a year has three 旬 a month, 36 in all; q2_xun has {len(q2_xun)} rows'
    assert isinstance(q2_dip, numbers.Real) and (not isinstance(q2_dip, bool)), f'q2_dip should be one number; it is {type(q2_dip).__name__}.'

@test_case(points=1.5, hidden=True)
def test_q2_values(q2_xun, q2_dip):
    import numpy as np
    from cqlab.models import toolkit
    daily = toolkit.simulate_daily()
    day = daily.index.day
    key = daily.index.strftime('%Y-%m-') + np.select([day <= 10, day <= 20], ['1', '2'], '3')
    expected = daily.groupby(key).mean()
    assert np.allclose(np.asarray(q2_xun, dtype=float), expected.to_numpy()), 'q2_xun values differ from the 旬 means'
    dip = expected['2024-05-2'] - expected['2024-05-1']
    assert abs(q2_dip - dip) < 1e-09, f'q2_dip: expected {dip:.3f}, got {q2_dip}'

