from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1

@test_case(points=0.25, hidden=False, 
    failure_message="q1_named must be a list of English names, q1_labs a whole number (int(...)), q1_counted a number from data.value.")
def test_q1_types(q1_named, q1_labs, q1_counted):
    import numbers
    assert isinstance(q1_named, list) and all((isinstance(n, str) for n in q1_named)), 'q1_named should be a list of names (text)'
    assert isinstance(q1_labs, numbers.Integral) and (not isinstance(q1_labs, bool)), f'q1_labs should be a whole number; it is {type(q1_labs).__name__}.'
    assert isinstance(q1_counted, numbers.Real) and (not isinstance(q1_counted, bool)), f'q1_counted should be a number; it is {type(q1_counted).__name__}.'

@test_case(points=0.75, hidden=True)
def test_q1_lookup(q1_named, q1_labs, q1_counted):
    import csv
    from cqlab import data
    rows = list(csv.DictReader((data.DATASETS_DIR / 'innovation_highlands.csv').open(encoding='utf-8')))
    assert list(q1_named) == [r['item_en'] for r in rows if r['kind'] == 'highland'], f'got {q1_named}: the item_en of the highland rows, in table order'
    assert q1_labs == sum((r['kind'] == 'laboratory' for r in rows)), f'q1_labs: count the rows of kind laboratory; got {q1_labs}'
    facts = list(csv.DictReader((data.DATASETS_DIR / 'source_facts.csv').open(encoding='utf-8')))
    assert q1_counted == float(next((f['value'] for f in facts if f['fact_id'] == 'rt_highlands_n'))), f'got {q1_counted}'

