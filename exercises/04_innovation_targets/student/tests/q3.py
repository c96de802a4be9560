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

