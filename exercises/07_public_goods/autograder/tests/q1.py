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

@test_case(points=2, hidden=True)
def test_q1_payoff_rows(q1_table, N, r, endowment):
    import numpy as np
    import pandas as pd
    import numbers
    import math
    assert isinstance(N, numbers.Integral) or float(N).is_integer(), f'N must be a whole number of villagers; it is {N!r}'
    N = int(N)
    r, endowment = (float(r), float(endowment))
    assert N >= 2 and r > 0 and (endowment > 0), f'the settings need N >= 2, r > 0, endowment > 0; got N={N}, r={r}, endowment={endowment}'
    k = np.arange(N, dtype=float)
    contributor = r * (k + 1) * endowment / N
    free_rider = endowment + r * k * endowment / N
    expected = {'contributor': contributor, 'free rider': free_rider, 'difference': contributor - free_rider}
    table = q1_table.select_dtypes('number') if isinstance(q1_table, pd.DataFrame) else q1_table
    values = np.asarray(table, dtype=float)
    assert values.ndim == 2, f'q1_table should be a table (rows k = 0..{N - 1}); got shape {values.shape}'
    columns = [np.sort(values[:, j]) for j in range(values.shape[1])]
    close = lambda a, b: len(a) == len(b) and np.allclose(a, np.sort(b), rtol=0.005, atol=0.006)
    missing = [name for name, want in expected.items() if not any((close(c, want) for c in columns))]
    assert not missing, f"no column holds the {missing[0]}'s payoff for k = 0..{N - 1} others giving (expected {np.round(expected[missing[0]], 3).tolist()}); a contributor with k others giving gets r*(k + 1)*e/N, a free rider e + r*k*e/N"

