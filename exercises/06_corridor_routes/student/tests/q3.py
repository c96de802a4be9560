from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q3_pairs must be a table with one row per pair of routes (three rows) and q3_switches a list of at most two values of time (numbers >= 0), in increasing order.")
def test_q3_form(q3_pairs, q3_switches):
    import numbers
    import numpy as np
    import pandas as pd
    assert isinstance(q3_pairs, (pd.DataFrame, list, tuple, dict)), f'q3_pairs should be a DataFrame; it is {type(q3_pairs).__name__}.'
    assert len(q3_pairs) == 3, f'q3_pairs should have one row per pair of the three routes (3 rows); it has {len(q3_pairs)}'
    assert isinstance(q3_switches, (list, tuple, np.ndarray, pd.Series)), f'q3_switches should be a list; it is {type(q3_switches).__name__}.'
    values = [getattr(s, 'value_of_time', s) for s in q3_switches]
    assert 1 <= len(values) <= 2, f'with three routes the winner changes once or twice; q3_switches has {len(values)} values'
    assert all((isinstance(x, numbers.Real) and (not isinstance(x, bool)) and (x >= 0) for x in values)), 'q3_switches should hold numbers >= 0'
    assert list(values) == sorted(values), 'list q3_switches in increasing order'

