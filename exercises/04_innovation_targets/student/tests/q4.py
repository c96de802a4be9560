from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q4_achieved and q4_needed are rates as fractions; q4_reading is one of the three readings, as text.")
def test_q4_types(q4_achieved, q4_needed, q4_reading):
    import math
    import numbers
    for name, v in (('q4_achieved', q4_achieved), ('q4_needed', q4_needed)):
        assert v is not None and v is not ..., f'{name} is not set yet: assign it in the cell above and run that cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert math.isfinite(v) and -1 < v < 1, f'{name} = {v}: give a rate as a fraction (0.05 means 5% a year)'
    assert isinstance(q4_reading, str) and q4_reading.strip(), 'q4_reading should be text: comparable, indicative or not comparable'

