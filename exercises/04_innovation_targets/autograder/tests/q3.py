from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="Two single numbers, both fractions, a growth rate and a share.")
def test_q3_types(q3_stated, q3_implied):
    import math
    import numbers
    for name, v in (('q3_stated', q3_stated), ('q3_implied', q3_implied)):
        assert v is not None and v is not ..., f'{name} is not set yet: assign it in the cell above and run that cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert math.isfinite(v), f'{name} = {v} is not a finite number'
    assert -1 < q3_stated < 5, f'q3_stated = {q3_stated}: give the rate as a fraction (0.05 means 5%)'
    assert 0 < q3_implied < 1, f'q3_implied = {q3_implied}: a share as a fraction (0.05 means 5%); check the units'

@test_case(points=1, hidden=True)
def test_q3_quoterate(q3_stated):
    import csv
    import re
    from cqlab import data
    rows = list(csv.DictReader((data.DATASETS_DIR / 'cluster_indicators.csv').open(encoding='utf-8')))
    p = next((r for r in rows if r['indicator'] == 'R&D expenses of above-scale industrial firms' and r['period_type'] == 'partial-year'))
    expected = float(re.search('同比增长([0-9.]+)%', p['quote_original']).group(1)) / 100
    assert abs(float(q3_stated) - expected) <= 0.0006, f'the quote states 同比增长 {expected:.1%}, so {expected:.3f}; got {q3_stated}'

@test_case(points=1, hidden=True)
def test_q3_impliedshare(q3_implied):
    import csv
    from cqlab import data
    rows = list(csv.DictReader((data.DATASETS_DIR / 'cluster_indicators.csv').open(encoding='utf-8')))

    def target_of(name):
        return next((r for r in rows if r['indicator'] == name and r['period_type'] == 'target' and (not r['cluster_cn'])))
    rd, rev = (target_of('R&D input of above-scale industrial firms'), target_of('above-scale industrial revenue'))
    scale = {'亿元': 100000000.0, '万亿元': 1000000000000.0}
    expected = float(rd['value']) * scale[rd['unit']] / (float(rev['value']) * scale[rev['unit']])
    assert abs(float(q3_implied) - expected) <= 0.005 * expected, f"{rd['value']} {rd['unit']} / {rev['value']} {rev['unit']} = {expected:.4f} once both are in yuan; got {q3_implied}"

