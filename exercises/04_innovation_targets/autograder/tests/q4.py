from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q4_achieved and q4_needed are rates as fractions; q4_reading is one of the three readings, as text.")
def test_q4_types(q4_achieved, q4_needed, q4_reading):
    import math
    import numbers
    for name, v in (('q4_achieved', q4_achieved), ('q4_needed', q4_needed)):
        assert v is not None and v is not ..., f'{name} is not set yet: assign it in the cell above and run that cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert math.isfinite(v) and -1 < v < 1, f'{name} = {v}: give a rate as a fraction (0.05 means 5% a year)'
    assert isinstance(q4_reading, str) and q4_reading.strip(), 'q4_reading should be text: comparable, indicative or not comparable'

@test_case(points=1.5, hidden=True)
def test_q4_revisedcagr(q4_achieved):
    import csv
    from cqlab import data
    rows = [r for r in csv.DictReader((data.DATASETS_DIR / 'macro.csv').open(encoding='utf-8')) if r['indicator'] == 'R&D intensity' and r['period_type'] == 'full-year']
    rows.sort(key=lambda r: int(r['year']))
    final = [r for r in rows if r['revision'] != 'preliminary']
    first, last = (final[0], final[-1])
    years = int(last['year']) - int(first['year'])
    expected = (float(last['value']) / float(first['value'])) ** (1 / years) - 1
    assert abs(float(q4_achieved) - expected) <= 0.0006, f"from {first['year']} (the first point after the preliminary one) to {last['year']}: {expected:.4f} a year; got {q4_achieved}"

@test_case(points=0.5, hidden=True)
def test_q4_naiverate(q4_needed):
    import csv
    from cqlab import data
    rows = [r for r in csv.DictReader((data.DATASETS_DIR / 'macro.csv').open(encoding='utf-8')) if r['indicator'] == 'R&D intensity' and r['period_type'] == 'full-year']
    last = max(rows, key=lambda r: int(r['year']))
    goal = next((r for r in csv.DictReader((data.DATASETS_DIR / 'cluster_indicators.csv').open(encoding='utf-8')) if r['indicator'] == 'R&D intensity of above-scale industrial firms' and r['period_type'] == 'target' and (not r['cluster_cn'])))
    expected = (float(goal['value']) / float(last['value'])) ** (1 / (int(goal['year']) - int(last['year']))) - 1
    assert abs(float(q4_needed) - expected) <= 0.0006, f"from {last['value']}% in {last['year']} to {goal['value']}% in {goal['year']}: {expected:.4f}; got {q4_needed}"

@test_case(points=0.5, hidden=True)
def test_q4_verdict(q4_reading):
    text = str(q4_reading).strip().lower().replace('-', ' ')
    assert 'not comparable' in text or 'incomparable' in text or '不可比' in text, f'GDP is not the revenue of above-scale industrial firms, and all R&D is not theirs: the scopes differ, so the comparison is not comparable; got {q4_reading!r}'

