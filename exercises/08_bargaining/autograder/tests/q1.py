from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1.25

@test_case(points=0.25, hidden=False, 
    failure_message="Both answers are whole numbers (counts), greater than zero.")
def test_q1_types(q1_reach, q1_lower_bounds):
    import numbers
    for name, v in (('q1_reach', q1_reach), ('q1_lower_bounds', q1_lower_bounds)):
        assert v is not None and v is not Ellipsis, f'{name} is not set yet: replace the ... and run the cell'
        whole = isinstance(v, numbers.Integral) or (isinstance(v, numbers.Real) and float(v).is_integer())
        assert whole and (not isinstance(v, bool)), f'{name} should be a whole number (a count); it is {v!r}.'
        assert v > 0, f'{name} should be a count greater than zero; it is {v}'

@test_case(points=0.5, hidden=True)
def test_q1_servicepoints(q1_reach):
    import csv
    from cqlab import data
    rows = [r for r in csv.DictReader((data.DATASETS_DIR / 'source_facts.csv').open(encoding='utf-8')) if r['theme'] == 'labour_relations']
    ids = {'la_dispute_committee', 'la_new_forms_room', 'la_mediation_stations', 'la_rights_posts'}
    reach = sum((float(r['value']) for r in rows if r['fact_id'] in ids))
    assert float(q1_reach) == reach, f'the four kinds of service point add up to {reach:g}; got {q1_reach}'

@test_case(points=0.5, hidden=True)
def test_q1_yucounts(q1_lower_bounds):
    import csv
    from cqlab import data
    rows = [r for r in csv.DictReader((data.DATASETS_DIR / 'source_facts.csv').open(encoding='utf-8')) if r['theme'] == 'labour_relations']
    bounds = sum((r['qualifier'].startswith('more than') for r in rows))
    assert float(q1_lower_bounds) == bounds, f"{bounds} of the {len(rows)} labour rows are lower bounds (qualifier starting 'more than'); got {q1_lower_bounds}"

