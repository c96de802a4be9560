from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 3.5

@test_case(points=0.5, hidden=False, 
    failure_message="q2_xun, q2_threshold and q2_flag each hold 36 values, one per 旬 in time order (a Series, an array or a list); q2_flag holds True or False.")
def test_q2_form(q2_xun, q2_threshold, q2_flag):
    import numpy as np
    for name, value in (('q2_xun', q2_xun), ('q2_threshold', q2_threshold), ('q2_flag', q2_flag)):
        try:
            array = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise AssertionError(f'{name} should hold numbers (or True/False); it is {type(value).__name__}') from None
        assert array.shape == (36,), f'{name} should hold 36 values (three 旬 a month); its shape is {array.shape}'
    assert set(np.asarray(q2_flag, dtype=float)) <= {0.0, 1.0}, 'q2_flag should hold True or False for each 旬'
    assert (np.asarray(q2_threshold, dtype=float) > 0).all(), 'a threshold is a positive number of index points'

