from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2.0

@test_case(points=0.25, hidden=False, 
    failure_message="q4_kink is one number and q4_wages one number per entry of options, in the same order.")
def test_q4_types(q4_kink, q4_wages, options):
    import math
    import numbers
    import numpy as np
    for name, v in (('q4_kink', q4_kink), ('q4_wages', q4_wages)):
        assert v is not None and v is not Ellipsis, f'{name} is not set yet: replace the ... and run the cell'
    assert isinstance(q4_kink, numbers.Real) and (not isinstance(q4_kink, bool)) and math.isfinite(q4_kink), f'q4_kink should be one finite number; it is {q4_kink!r}'
    try:
        wages = np.asarray(q4_wages, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError('q4_wages should hold numbers, one per outside option') from None
    n = len(np.atleast_1d(options))
    assert wages.shape == (n,), f'q4_wages should hold one wage per outside option ({n}); shape {wages.shape}'
    assert np.all(np.isfinite(wages)), 'q4_wages has missing or infinite values'

