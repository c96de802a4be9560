from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q4_table must be a DataFrame with the columns start, end, tfp and pwt_tfp and one row per sub-period of breaks.")
def test_q4_form(q4_table, breaks):
    import pandas as pd
    assert isinstance(q4_table, pd.DataFrame), f'q4_table should be a pandas DataFrame; it is {type(q4_table).__name__}.'
    missing = {'start', 'end', 'tfp', 'pwt_tfp'} - set(map(str, q4_table.columns))
    assert not missing, f'q4_table lacks the column(s) {sorted(missing)}'
    assert len(q4_table) == len(breaks), f'one row per sub-period: {len(breaks)} rows for breaks = {list(breaks)}; got {len(q4_table)}'

