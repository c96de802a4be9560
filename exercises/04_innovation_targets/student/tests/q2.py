from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 3.5

@test_case(points=0.5, hidden=False, 
    failure_message="Four single numbers, namely q2_months (1 to 12), q2_baseline in 亿元, and two rates as fractions.")
def test_q2_types(q2_months, q2_baseline, q2_needed, q2_needed_other):
    import math
    import numbers
    for name, v in (('q2_months', q2_months), ('q2_baseline', q2_baseline), ('q2_needed', q2_needed), ('q2_needed_other', q2_needed_other)):
        assert v is not None and v is not ..., f'{name} is not set yet: assign it in the cell above and run that cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert math.isfinite(v), f'{name} = {v} is not a finite number'
    assert 1 <= q2_months <= 12 and float(q2_months).is_integer(), f'q2_months = {q2_months}: a whole number of months, 1 to 12'
    assert q2_baseline > 0, 'q2_baseline is an amount of R&D in 亿元: it must be positive'
    assert -1 < q2_needed < 1 and -1 < q2_needed_other < 1, 'give the rates as fractions (0.05 means 5% a year)'

