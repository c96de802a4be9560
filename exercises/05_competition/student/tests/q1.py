from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q1_ratio must be one number, the 2024 threshold divided by the 2018 one (e.g. 1.5 for a rise of half).")
def test_q1_type(q1_ratio):
    import numbers
    assert q1_ratio is not None, 'q1_ratio is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q1_ratio, numbers.Real) and (not isinstance(q1_ratio, bool)), f'q1_ratio should be a number; it is {type(q1_ratio).__name__}.'
    assert q1_ratio > 1, f'q1_ratio = {q1_ratio}: the thresholds were raised in 2024, so 2024 / 2018 is above 1'

