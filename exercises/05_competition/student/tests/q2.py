from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q2_hhi must be one number between 0 and 10000 (shares are in percent, so a monopoly scores 100 squared).")
def test_q2_type(q2_hhi):
    import numbers
    assert q2_hhi is not None, 'q2_hhi is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q2_hhi, numbers.Real) and (not isinstance(q2_hhi, bool)), f'q2_hhi should be a number; it is {type(q2_hhi).__name__}.'
    assert 0 < q2_hhi <= 10000, f'q2_hhi = {q2_hhi}: did you use shares in percent (35, not 0.35)?'

