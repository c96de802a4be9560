from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q4_tfp must be a list of four numbers, one TFP growth rate per labour share in shares.")
def test_q4_shape(q4_tfp):
    import numbers
    assert isinstance(q4_tfp, list), f'q4_tfp should be a list; it is {type(q4_tfp).__name__}.'
    assert len(q4_tfp) == 4, f'one rate per labour share in shares (4); got {len(q4_tfp)}'
    assert all((isinstance(t, numbers.Real) for t in q4_tfp)), 'every element should be a number'

