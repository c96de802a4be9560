from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q1_tech must be a pandas Series indexed by year (pd.Series(values, index=years)), counts in firms (家), without the expectation; q1_cagr one number, a fraction.")
def test_q1_form(q1_tech, q1_cagr):
    import numbers
    import pandas as pd
    assert isinstance(q1_tech, pd.Series), f'q1_tech should be a pandas Series; it is {type(q1_tech).__name__}.'
    assert all((isinstance(y, numbers.Integral) for y in q1_tech.index)), 'the index of q1_tech should hold years as whole numbers, e.g. 2018'
    assert all((isinstance(v, numbers.Real) and v >= 100 for v in q1_tech)), 'every value should be a count in firms; a value below 100 is still in 万家 (tens of thousands)'
    assert isinstance(q1_cagr, numbers.Real) and (not isinstance(q1_cagr, bool)), f'q1_cagr should be one number; it is {type(q1_cagr).__name__}.'
    assert 0 < q1_cagr < 1, f'q1_cagr = {q1_cagr}: give it as a fraction (0.05 means 5%)'

@test_case(points=1, hidden=True)
def test_q1_tech(q1_tech):
    from cqlab import data
    macro = data.load('macro')
    rows = macro[(macro['indicator'] == 'tech-based enterprises') & (macro['period_type'] != 'expectation')]
    per_unit = {'家': 1, '万家': 10000}
    expected = {int(y): v * per_unit[u] for y, v, u in zip(rows['year'], rows['value'], rows['unit'])}
    got = {int(k): float(v) for k, v in q1_tech.items()}
    assert got.keys() == expected.keys(), f'years {sorted(got)}; the rows without the expectation are for {sorted(expected)}'
    wrong = {y: got[y] for y in expected if abs(got[y] - expected[y]) >= 0.5}
    assert not wrong, 'these years are not the count in firms: ' + ', '.join((f'{y}: {v:g} (expected {expected[y]:g})' for y, v in wrong.items()))

@test_case(points=0.5, hidden=True)
def test_q1_cagr(q1_cagr):
    from cqlab import data
    macro = data.load('macro')
    rows = macro[(macro['indicator'] == 'tech-based enterprises') & (macro['period_type'] != 'expectation')]
    per_unit = {'家': 1, '万家': 10000}
    counts = {int(y): v * per_unit[u] for y, v, u in zip(rows['year'], rows['value'], rows['unit'])}
    first, last = (min(counts), max(counts))
    rate = (counts[last] / counts[first]) ** (1 / (last - first)) - 1
    assert abs(q1_cagr - rate) <= 5e-05 + 1e-12, f'q1_cagr: expected {rate:.4f} (from {first} to {last}), got {q1_cagr:.6f}'

