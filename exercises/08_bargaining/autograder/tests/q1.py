from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="Both answers are whole numbers (wrap a pandas sum in int(...)), greater than zero.")
def test_q1_types(q1_reach, q1_lower_bounds):
    import numbers
    for name, v in (('q1_reach', q1_reach), ('q1_lower_bounds', q1_lower_bounds)):
        assert isinstance(v, numbers.Integral) and (not isinstance(v, bool)), f'{name} should be a whole number (use int(...)); it is {type(v).__name__}.'
        assert v > 0, f'{name} = {v}'

@test_case(points=1.5, hidden=True)
def test_q1_values(q1_reach, q1_lower_bounds):
    import csv
    from cqlab import data
    rows = [r for r in csv.DictReader((data.DATASETS_DIR / 'source_facts.csv').open(encoding='utf-8')) if r['theme'] == 'labour_relations']
    ids = {'la_dispute_committee', 'la_new_forms_room', 'la_mediation_stations', 'la_rights_posts'}
    reach = sum((float(r['value']) for r in rows if r['fact_id'] in ids))
    assert q1_reach == reach, f'reach: expected {reach:g}, got {q1_reach}'
    bounds = sum((r['qualifier'].startswith('more than') for r in rows))
    assert q1_lower_bounds == bounds, f'lower bounds: expected {bounds}, got {q1_lower_bounds}'

