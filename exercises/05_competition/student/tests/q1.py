from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q1_hhi must be one number between 0 and 10000 and q1_cr4 one share between 0 and 100 (shares in percent).")
def test_q1_form(q1_hhi, q1_cr4):
    import numbers
    for name, value, top in (('q1_hhi', q1_hhi, 10000), ('q1_cr4', q1_cr4, 100)):
        assert value is not None, f'{name} is not defined yet: assign it in the cell above and run that cell'
        assert isinstance(value, numbers.Real) and (not isinstance(value, bool)), f'{name} should be one number; it is {type(value).__name__}.'
        assert 0 < value <= top, f'{name} should lie between 0 and {top:,} (shares in percent)'

