from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q3_index and q3_pwt must each be a pandas Series with one value per year from start to end (years in the index), q3_index positive (1 in the start year).")
def test_q3_form(q3_index, q3_pwt, start):
    import pandas as pd
    from cqlab import data
    end = int(data.load('pwt_china')['year'].max())
    for name, series in (('q3_index', q3_index), ('q3_pwt', q3_pwt)):
        assert isinstance(series, pd.Series), f'{name} should be a pandas Series; it is {type(series).__name__}.'
        assert len(series) == end - int(start) + 1, f'{name}: one value per year from {int(start)} to {end}; got {len(series)}'
    first = dict(zip([int(float(k)) for k in q3_index.index], q3_index)).get(int(start))
    assert first is not None and float(first) > 0, f'q3_index should be 1 (or 100) in the start year {int(start)}; it is {first}'

