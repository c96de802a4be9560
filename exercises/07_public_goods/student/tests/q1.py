from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q1_table must be a table of numbers with one row per k = 0, ..., N - 1 and three columns (contributor, free rider, difference); a DataFrame or an array of shape (N, 3). An extra column holding k is fine.")
def test_q1_form(q1_table, N):
    import numpy as np
    import pandas as pd
    assert q1_table is not None, 'q1_table is not defined yet: assign it in the cell above and run that cell'
    table = q1_table.select_dtypes('number') if isinstance(q1_table, pd.DataFrame) else q1_table
    try:
        values = np.asarray(table, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f'q1_table should hold numbers; got {type(q1_table).__name__}') from None
    assert values.ndim == 2 and values.shape[0] == int(N), f'expected one row per k = 0..{int(N) - 1} ({int(N)} rows); got shape {values.shape}'
    assert values.shape[1] in (3, 4), f'expected 3 columns (contributor, free rider, difference), or 4 with k; got {values.shape[1]}'
    assert np.all(np.isfinite(values)), 'q1_table has missing or infinite values'

