from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q1_flows must be a DataFrame of flow rows with a span column, and q1_growth one number (a fraction).")
def test_q1_types(q1_flows, q1_growth):
    import numbers
    import pandas as pd
    assert isinstance(q1_flows, pd.DataFrame), f'q1_flows should be a pandas DataFrame; it is {type(q1_flows).__name__}.'
    assert 'span' in q1_flows.columns, 'add the column span to q1_flows'
    assert set(q1_flows['period_type']) <= {'full-year', 'partial-year'}, 'keep only full-year and partial-year rows'
    assert isinstance(q1_growth, numbers.Real) and (not isinstance(q1_growth, bool)), f'q1_growth should be one number; it is {type(q1_growth).__name__}.'

@test_case(points=2.5, hidden=True)
def test_q1_values(q1_flows, q1_growth):
    from cqlab import data
    trade = data.load('corridor_trade')
    rows = trade[(trade['scope'] == 'Chongqing, 3 modes') & (trade['indicator'] == 'containers carried')]
    flows = rows[rows['period_type'].isin(['full-year', 'partial-year'])]
    assert sorted(q1_flows.index) == sorted(flows.index), 'q1_flows should hold every full-year and partial-year row, no others'
    jan_feb = flows[flows['period'].str.match('^\\d{4}-01/\\d{4}-02$')].sort_values('year')
    assert len(jan_feb) == 2, 'the data should hold two January-February rows'
    expected = jan_feb['value'].iloc[1] / jan_feb['value'].iloc[0] - 1
    assert abs(q1_growth - expected) < 1e-09, f'expected {expected:.4f}, got {q1_growth}'
    assert set(q1_flows.loc[jan_feb.index, 'span']) == {'Jan-Feb'}, 'the span of the two rows should be Jan-Feb'

