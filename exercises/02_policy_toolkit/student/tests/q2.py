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

