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

@test_case(points=1.5, hidden=True)
def test_q5_value(q5_cagr):
    from cqlab import data
    v2022 = data.value('cluster_indicators', indicator='NEV output', year=2022, value_qualifier='exact')
    v2024 = data.value('cluster_indicators', indicator='NEV output', year=2024, value_qualifier='exact')
    expected = (v2024 / v2022) ** 0.5 - 1
    assert abs(q5_cagr - expected) <= 5e-05 + 1e-12, f'expected {expected:.6f} (to 4 decimals: {expected:.4f}), got {q5_cagr:.6f}'

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

@test_case(points=1, hidden=True)
def test_q5_needed(q5_compare):
    from cqlab import data
    rows = data.load('cluster_indicators')
    expected = {}
    for _, o in rows[rows['indicator'].isin(['cluster output', 'cluster scale']) & (rows['period_type'] == 'full-year') & (rows['unit'] == '亿元')].iterrows():
        mine = rows[rows['cluster_cn'] == o['cluster_cn']]
        p = mine[mine['period_type'] == 'partial-year'].iloc[0]
        t = mine[(mine['period_type'] == 'target') & (mine['unit'] == '万亿元')].iloc[0]
        start, end = p['period'].split('/')
        v0 = p['value'] / (int(end[-2:]) - int(start[-2:]) + 1) * 12
        needed = (t['value'] * 10000 / v0) ** (1 / (t['year'] - p['year'])) - 1
        achieved = (o['value'] / v0) ** (1 / (o['year'] - p['year'])) - 1
        expected[o['cluster_cn']] = {'needed': needed, 'on_path': v0 * (1 + needed) ** (o['year'] - p['year']), 'achieved': achieved, 'on_track': achieved >= needed}
    frame = q5_compare.set_index('cluster_cn') if 'cluster_cn' in q5_compare.columns else q5_compare
    got = {str(k): row for k, row in frame.to_dict(orient='index').items()}
    wrong = {c: got.get(c, {}).get('needed') for c, e in expected.items() if not abs(float(got.get(c, {}).get('needed', float('nan'))) - e['needed']) <= 5e-05 + 1e-12}
    assert not wrong, 'needed: expected ' + ', '.join((f"{c} {e['needed']:.4f}" for c, e in expected.items() if c in wrong)) + f'; got {wrong}'

@test_case(points=1, hidden=True)
def test_q5_on_path(q5_compare):
    from cqlab import data
    rows = data.load('cluster_indicators')
    expected = {}
    for _, o in rows[rows['indicator'].isin(['cluster output', 'cluster scale']) & (rows['period_type'] == 'full-year') & (rows['unit'] == '亿元')].iterrows():
        mine = rows[rows['cluster_cn'] == o['cluster_cn']]
        p = mine[mine['period_type'] == 'partial-year'].iloc[0]
        t = mine[(mine['period_type'] == 'target') & (mine['unit'] == '万亿元')].iloc[0]
        start, end = p['period'].split('/')
        v0 = p['value'] / (int(end[-2:]) - int(start[-2:]) + 1) * 12
        needed = (t['value'] * 10000 / v0) ** (1 / (t['year'] - p['year'])) - 1
        achieved = (o['value'] / v0) ** (1 / (o['year'] - p['year'])) - 1
        expected[o['cluster_cn']] = {'needed': needed, 'on_path': v0 * (1 + needed) ** (o['year'] - p['year']), 'achieved': achieved, 'on_track': achieved >= needed}
    frame = q5_compare.set_index('cluster_cn') if 'cluster_cn' in q5_compare.columns else q5_compare
    got = {str(k): row for k, row in frame.to_dict(orient='index').items()}
    wrong = {c: got.get(c, {}).get('on_path') for c, e in expected.items() if not abs(float(got.get(c, {}).get('on_path', float('nan'))) - e['on_path']) <= 0.001 * e['on_path']}
    assert not wrong, 'on_path: expected ' + ', '.join((f"{c} {e['on_path']:.1f}" for c, e in expected.items() if c in wrong)) + f'; got {wrong}'

@test_case(points=2, hidden=True)
def test_q5_achieved(q5_compare):
    from cqlab import data
    rows = data.load('cluster_indicators')
    expected = {}
    for _, o in rows[rows['indicator'].isin(['cluster output', 'cluster scale']) & (rows['period_type'] == 'full-year') & (rows['unit'] == '亿元')].iterrows():
        mine = rows[rows['cluster_cn'] == o['cluster_cn']]
        p = mine[mine['period_type'] == 'partial-year'].iloc[0]
        t = mine[(mine['period_type'] == 'target') & (mine['unit'] == '万亿元')].iloc[0]
        start, end = p['period'].split('/')
        v0 = p['value'] / (int(end[-2:]) - int(start[-2:]) + 1) * 12
        needed = (t['value'] * 10000 / v0) ** (1 / (t['year'] - p['year'])) - 1
        achieved = (o['value'] / v0) ** (1 / (o['year'] - p['year'])) - 1
        expected[o['cluster_cn']] = {'needed': needed, 'on_path': v0 * (1 + needed) ** (o['year'] - p['year']), 'achieved': achieved, 'on_track': achieved >= needed}
    frame = q5_compare.set_index('cluster_cn') if 'cluster_cn' in q5_compare.columns else q5_compare
    got = {str(k): row for k, row in frame.to_dict(orient='index').items()}
    wrong = {c: got.get(c, {}).get('achieved') for c, e in expected.items() if not abs(float(got.get(c, {}).get('achieved', float('nan'))) - e['achieved']) <= 5e-05 + 1e-12}
    assert not wrong, 'achieved: expected ' + ', '.join((f"{c} {e['achieved']:.4f}" for c, e in expected.items() if c in wrong)) + f'; got {wrong}'

@test_case(points=1, hidden=True)
def test_q5_on_track(q5_compare):
    from cqlab import data
    rows = data.load('cluster_indicators')
    expected = {}
    for _, o in rows[rows['indicator'].isin(['cluster output', 'cluster scale']) & (rows['period_type'] == 'full-year') & (rows['unit'] == '亿元')].iterrows():
        mine = rows[rows['cluster_cn'] == o['cluster_cn']]
        p = mine[mine['period_type'] == 'partial-year'].iloc[0]
        t = mine[(mine['period_type'] == 'target') & (mine['unit'] == '万亿元')].iloc[0]
        start, end = p['period'].split('/')
        v0 = p['value'] / (int(end[-2:]) - int(start[-2:]) + 1) * 12
        needed = (t['value'] * 10000 / v0) ** (1 / (t['year'] - p['year'])) - 1
        achieved = (o['value'] / v0) ** (1 / (o['year'] - p['year'])) - 1
        expected[o['cluster_cn']] = {'needed': needed, 'on_path': v0 * (1 + needed) ** (o['year'] - p['year']), 'achieved': achieved, 'on_track': achieved >= needed}
    frame = q5_compare.set_index('cluster_cn') if 'cluster_cn' in q5_compare.columns else q5_compare
    got = {str(k): row for k, row in frame.to_dict(orient='index').items()}
    wrong = {c: got.get(c, {}).get('on_track') for c, e in expected.items() if got.get(c, {}).get('on_track') not in (True, False) or bool(got[c]['on_track']) != e['on_track']}
    assert not wrong, 'on_track should be True where achieved >= needed: expected ' + ', '.join((f"{c} {expected[c]['on_track']}" for c in wrong)) + f'; got {wrong}'

