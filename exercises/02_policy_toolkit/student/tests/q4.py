from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 5.5

@test_case(points=0.5, hidden=False, 
    failure_message="q4_N is 3 x 3, q4_B 3 x 2 (rows the three rungs, columns listed then exited) and q4_t three numbers, at least 1 year each.")
def test_q4_form(q4_N, q4_B, q4_t):
    import numpy as np
    shapes = {'q4_N': (3, 3), 'q4_B': (3, 2), 'q4_t': (3,)}
    arrays = {}
    for name, value in (('q4_N', q4_N), ('q4_B', q4_B), ('q4_t', q4_t)):
        try:
            arrays[name] = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise AssertionError(f'{name} should hold numbers; it is {type(value).__name__}') from None
        assert arrays[name].shape == shapes[name], f'{name} should have shape {shapes[name]}; it has {arrays[name].shape}'
    assert (arrays['q4_t'] >= 1).all(), 'q4_t counts years on the ladder: at least 1 from every rung'

