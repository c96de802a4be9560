from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q4_2018 and q4_2024 must each be True or False (the .required attribute of the result), not the whole result object or a text.")
def test_q4_types(q4_2018, q4_2024):
    for name, value in (('q4_2018', q4_2018), ('q4_2024', q4_2024)):
        assert value is not None, f'{name} is not defined yet: assign it in the cell above and run that cell'
        assert isinstance(value, bool), f'{name} should be True or False; it is {type(value).__name__}.'

