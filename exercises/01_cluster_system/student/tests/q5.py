from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 8

@test_case(points=0.5, hidden=False, 
    failure_message="q5_cagr must be one number, a fraction such as 0.3 for 30% a year (growth.cagr returns one).")
def test_q5_type(q5_cagr):
    import numbers
    assert q5_cagr is not None, 'q5_cagr is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q5_cagr, numbers.Real) and (not isinstance(q5_cagr, bool)), f'q5_cagr should be a number; it is {type(q5_cagr).__name__}.'
    assert -1 < q5_cagr < 5, f'q5_cagr = {q5_cagr}: give the rate as a fraction, not a percentage'

@test_case(points=1, hidden=False, 
    failure_message="q5_compare must be a DataFrame with one row per cluster of `later` (names as the index or in a column cluster_cn) and the columns needed, on_path, achieved, on_track; rates as fractions (0.12, not 12), on_path in 亿元.")
def test_q5_compare_form(q5_compare):
    import numbers
    import pandas as pd
    from cqlab import data
    assert q5_compare is not None, 'q5_compare is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q5_compare, pd.DataFrame), f'q5_compare should be a pandas DataFrame; it is {type(q5_compare).__name__}.'
    missing = {'needed', 'on_path', 'achieved', 'on_track'} - set(q5_compare.columns)
    assert not missing, f'q5_compare lacks the columns {sorted(missing)}'
    rows = data.load('cluster_indicators')
    wanted = set(rows.loc[rows['indicator'].isin(['cluster output', 'cluster scale']) & (rows['period_type'] == 'full-year') & (rows['unit'] == '亿元'), 'cluster_cn'])
    names = set(map(str, q5_compare['cluster_cn'] if 'cluster_cn' in q5_compare.columns else q5_compare.index))
    assert names == wanted, f'one row per cluster of `later`: expected {sorted(wanted)}, got {sorted(names)}'
    for column in ('needed', 'achieved'):
        assert all((isinstance(v, numbers.Real) and -1 < v < 1 for v in q5_compare[column])), f'{column} should hold fractions such as 0.12 for 12% a year; got {list(q5_compare[column])}'
    assert all((isinstance(v, numbers.Real) and 1000 < v < 100000 for v in q5_compare['on_path'])), f"on_path should be in 亿元 (thousands); got {list(q5_compare['on_path'])}"

