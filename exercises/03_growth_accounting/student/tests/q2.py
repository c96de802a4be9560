from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q2_tfp must be one number, a yearly rate as a fraction (0.01 means one percentage point a year).")
def test_q2_type(q2_tfp):
    import numbers
    assert isinstance(q2_tfp, numbers.Real) and (not isinstance(q2_tfp, bool)), f'q2_tfp should be one number; it is {type(q2_tfp).__name__}.'
    assert -0.1 < q2_tfp < 0.1, f'q2_tfp = {q2_tfp}: a yearly rate as a fraction is small (0.01 is one point a year)'

