from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 3.5

@test_case(points=0.5, hidden=False, 
    failure_message="Four single numbers, namely q2_months (1 to 12), q2_baseline in 亿元, and two rates as fractions.")
def test_q2_types(q2_months, q2_baseline, q2_needed, q2_needed_other):
    import math
    import numbers
    for name, v in (('q2_months', q2_months), ('q2_baseline', q2_baseline), ('q2_needed', q2_needed), ('q2_needed_other', q2_needed_other)):
        assert v is not None and v is not ..., f'{name} is not set yet: assign it in the cell above and run that cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert math.isfinite(v), f'{name} = {v} is not a finite number'
    assert 1 <= q2_months <= 12 and float(q2_months).is_integer(), f'q2_months = {q2_months}: a whole number of months, 1 to 12'
    assert q2_baseline > 0, 'q2_baseline is an amount of R&D in 亿元: it must be positive'
    assert -1 < q2_needed < 1 and -1 < q2_needed_other < 1, 'give the rates as fractions (0.05 means 5% a year)'

@test_case(points=0.5, hidden=True)
def test_q2_monthcount(q2_months, method):
    import csv
    from cqlab import data
    rows = list(csv.DictReader((data.DATASETS_DIR / 'cluster_indicators.csv').open(encoding='utf-8')))
    p = next((r for r in rows if r['indicator'] == 'R&D expenses of above-scale industrial firms' and r['period_type'] == 'partial-year'))
    t = next((r for r in rows if r['indicator'] == 'R&D input of above-scale industrial firms' and r['period_type'] == 'target'))
    first, last = p['period'].split('/')
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert method in ('proportional', 'as_is'), f"method must be 'proportional' or 'as_is'; it is {method!r}"
    value, goal, n = (float(p['value']), float(t['value']), int(t['year']) - int(p['year']))
    base = value * 12 / months if method == 'proportional' else value
    other = value if method == 'proportional' else value * 12 / months
    assert q2_months == months, f"{p['period']} covers {months} months (both end months count); got {q2_months}"

@test_case(points=1, hidden=True)
def test_q2_annualbase(q2_baseline, method):
    import csv
    from cqlab import data
    rows = list(csv.DictReader((data.DATASETS_DIR / 'cluster_indicators.csv').open(encoding='utf-8')))
    p = next((r for r in rows if r['indicator'] == 'R&D expenses of above-scale industrial firms' and r['period_type'] == 'partial-year'))
    t = next((r for r in rows if r['indicator'] == 'R&D input of above-scale industrial firms' and r['period_type'] == 'target'))
    first, last = p['period'].split('/')
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert method in ('proportional', 'as_is'), f"method must be 'proportional' or 'as_is'; it is {method!r}"
    value, goal, n = (float(p['value']), float(t['value']), int(t['year']) - int(p['year']))
    base = value * 12 / months if method == 'proportional' else value
    other = value if method == 'proportional' else value * 12 / months
    ok = [b for b in (base, base / 10) if abs(float(q2_baseline) - b) <= 0.005 * b + 0.06]
    assert ok, f'with method = {method!r} the baseline is {base:.2f} 亿元 ' + ('(the figure ×12/months)' if method == 'proportional' else '(the figure itself)') + f'; got {q2_baseline}'

@test_case(points=1, hidden=True)
def test_q2_ratebuilt(q2_needed, method):
    import csv
    from cqlab import data
    rows = list(csv.DictReader((data.DATASETS_DIR / 'cluster_indicators.csv').open(encoding='utf-8')))
    p = next((r for r in rows if r['indicator'] == 'R&D expenses of above-scale industrial firms' and r['period_type'] == 'partial-year'))
    t = next((r for r in rows if r['indicator'] == 'R&D input of above-scale industrial firms' and r['period_type'] == 'target'))
    first, last = p['period'].split('/')
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert method in ('proportional', 'as_is'), f"method must be 'proportional' or 'as_is'; it is {method!r}"
    value, goal, n = (float(p['value']), float(t['value']), int(t['year']) - int(p['year']))
    base = value * 12 / months if method == 'proportional' else value
    other = value if method == 'proportional' else value * 12 / months
    expected = (goal / base) ** (1 / n) - 1
    assert abs(float(q2_needed) - expected) <= 0.0006, f"from {base:.2f} in {p['year']} to {goal:g} in {t['year']} needs (T/B)^(1/{n}) - 1 = {expected:.4f} a year; got {q2_needed}"

@test_case(points=0.5, hidden=True)
def test_q2_otherway(q2_needed_other, method):
    import csv
    from cqlab import data
    rows = list(csv.DictReader((data.DATASETS_DIR / 'cluster_indicators.csv').open(encoding='utf-8')))
    p = next((r for r in rows if r['indicator'] == 'R&D expenses of above-scale industrial firms' and r['period_type'] == 'partial-year'))
    t = next((r for r in rows if r['indicator'] == 'R&D input of above-scale industrial firms' and r['period_type'] == 'target'))
    first, last = p['period'].split('/')
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert method in ('proportional', 'as_is'), f"method must be 'proportional' or 'as_is'; it is {method!r}"
    value, goal, n = (float(p['value']), float(t['value']), int(t['year']) - int(p['year']))
    base = value * 12 / months if method == 'proportional' else value
    other = value if method == 'proportional' else value * 12 / months
    expected = (goal / other) ** (1 / n) - 1
    assert abs(float(q2_needed_other) - expected) <= 0.0006, f'under the other assumption the baseline is {other:.2f} and the rate {expected:.4f}; got {q2_needed_other}'

