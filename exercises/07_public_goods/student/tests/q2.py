from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1.5

@test_case(points=0.5, hidden=False, 
    failure_message="q2_mpr must be one finite number (per unit contributed), between -1 and r.")
def test_q2_form(q2_mpr, r):
    import math
    import numbers
    assert q2_mpr is not None, 'q2_mpr is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q2_mpr, numbers.Real) and (not isinstance(q2_mpr, bool)), f'q2_mpr should be one number; it is {type(q2_mpr).__name__}.'
    assert math.isfinite(q2_mpr) and -1 <= q2_mpr <= float(r), f'q2_mpr = {q2_mpr} is outside the possible range -1 to r'

