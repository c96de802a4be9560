from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="Two single numbers, both fractions, a growth rate and a share.")
def test_q3_types(q3_stated, q3_implied):
    import math
    import numbers
    for name, v in (('q3_stated', q3_stated), ('q3_implied', q3_implied)):
        assert v is not None and v is not ..., f'{name} is not set yet: assign it in the cell above and run that cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert math.isfinite(v), f'{name} = {v} is not a finite number'
    assert -1 < q3_stated < 5, f'q3_stated = {q3_stated}: give the rate as a fraction (0.05 means 5%)'
    assert 0 < q3_implied < 1, f'q3_implied = {q3_implied}: a share as a fraction (0.05 means 5%); check the units'

