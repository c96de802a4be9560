from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q3_obs must be a table from innovation.observations, q3_check the result of innovation.check_target, and the two rates numbers.")
def test_q3_types(q3_obs, q3_check, q3_required, q3_achieved):
    import numbers
    import pandas as pd
    from cqlab.models import innovation
    assert isinstance(q3_obs, pd.DataFrame) and 'status' in q3_obs, 'q3_obs should be the table innovation.observations returns'
    assert isinstance(q3_check, innovation.TargetCheck), f'q3_check should be what innovation.check_target returns; it is {type(q3_check).__name__}.'
    for name, v in (('q3_required', q3_required), ('q3_achieved', q3_achieved)):
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'

@test_case(points=2.5, hidden=True)
def test_q3_values(q3_check, q3_required, q3_achieved):
    from cqlab import data
    macro = data.load('macro')
    rows = macro[(macro['indicator'] == 'R&D intensity') & (macro['period_type'] != 'expectation')].sort_values('year')
    t = data.row('cluster_indicators', indicator='R&D intensity of above-scale industrial firms', period_type='target')
    base = rows.iloc[-1]
    required = (t['value'] / base['value']) ** (1 / (t['year'] - base['year'])) - 1
    final = rows[rows['revision'].fillna('') != 'preliminary']
    achieved = (base['value'] / final.iloc[0]['value']) ** (1 / (base['year'] - final.iloc[0]['year'])) - 1
    assert abs(q3_required - required) < 1e-09, f'required: expected {required:.4f}, got {q3_required}'
    assert abs(q3_achieved - achieved) < 1e-09, f'achieved: expected {achieved:.4f}, got {q3_achieved}'
    assert not q3_check.scope_matches and any(('Scopes differ' in w for w in q3_check.warnings)), 'pass both scopes to check_target'

