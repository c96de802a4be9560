from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q1_flows must be a DataFrame of flow rows with period and span columns, q1_growth one number (a fraction) and q1_implied_2023 one positive number.")
def test_q1_form(q1_flows, q1_growth, q1_implied_2023):
    import math
    import numbers
    import pandas as pd
    assert isinstance(q1_flows, pd.DataFrame), f'q1_flows should be a pandas DataFrame; it is {type(q1_flows).__name__}.'
    assert 'span' in q1_flows.columns, 'add the column span to q1_flows'
    assert 'period_type' in q1_flows.columns, 'keep the column period_type in q1_flows'
    assert set(q1_flows['period_type']) <= {'full-year', 'partial-year'}, 'keep only full-year and partial-year rows'
    for name, x in (('q1_growth', q1_growth), ('q1_implied_2023', q1_implied_2023)):
        assert isinstance(x, numbers.Real) and (not isinstance(x, bool)), f'{name} should be one number; it is {type(x).__name__}.'
        assert math.isfinite(x), f'{name} = {x} is not a finite number'
    assert q1_growth > -1, f'q1_growth = {q1_growth}: a growth below -1 (-100%) is impossible'
    assert q1_implied_2023 > 0, f'q1_implied_2023 = {q1_implied_2023}: a volume is positive'

@test_case(points=1, hidden=True)
def test_q1_flowrows(q1_flows):
    from cqlab import data
    from cqlab.models import routes
    trade = data.load('corridor_trade')
    rows = trade[(trade['scope'] == 'Chongqing, 3 modes') & (trade['indicator'] == 'containers carried')]
    flows = rows[rows['period_type'].isin(['full-year', 'partial-year'])]
    expected = sorted(((str(p), routes.period_span(p, t)) for p, t in zip(flows['period'], flows['period_type'])))
    table = q1_flows if 'period' in q1_flows.columns else q1_flows.reset_index()
    assert 'period' in table.columns and 'span' in table.columns, 'q1_flows should keep the period column and have a span column'
    got = sorted(((str(p), str(s)) for p, s in zip(table['period'], table['span'])))
    missing = sorted(set(expected) - set(got))
    extra = sorted(set(got) - set(expected))
    assert got == expected, f'q1_flows should hold every full-year and partial-year row once, each with its span; missing or wrong: {missing[:3]}; not expected: {extra[:3]}'

@test_case(points=0.5, hidden=True)
def test_q1_janfeb(q1_growth):
    from cqlab import data
    trade = data.load('corridor_trade')
    rows = trade[(trade['scope'] == 'Chongqing, 3 modes') & (trade['indicator'] == 'containers carried')]
    jan_feb = rows[rows['period'].str.match('^\\d{4}-01/\\d{4}-02$')].sort_values('year')
    assert len(jan_feb) == 2, 'the data should hold two January-February rows'
    expected = jan_feb['value'].iloc[1] / jan_feb['value'].iloc[0] - 1
    assert abs(float(q1_growth) - expected) <= 0.005, f'the growth from the earlier to the later January-February is later / earlier - 1 = {expected:.3f}; got {q1_growth}'

@test_case(points=1, hidden=True)
def test_q1_backcast(q1_implied_2023):
    import re
    from cqlab import data
    trade = data.load('corridor_trade')
    row = trade[(trade['scope'] == 'Chongqing, via corridor (modes not stated)') & (trade['period'] == '2024')].iloc[0]
    rate = float(re.findall('同比增[长長](\\d+(?:\\.\\d+)?)%', row['quote_original'])[0]) / 100
    expected = float(row['value']) / (1 + rate)
    got = float(q1_implied_2023)
    assert any((abs(got - expected * scale) <= 0.003 * expected * scale for scale in (1, 10000))), f"the 2023 volume implied by {row['value']:g} {row['unit']} and growth g = {rate:.2f} is V_2024 / (1 + g) = {expected:.1f} {row['unit']}; got {q1_implied_2023}"

