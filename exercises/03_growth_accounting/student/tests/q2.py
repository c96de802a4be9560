from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q2_yearly must be a pandas Series with one value per year from start + 1 to end (years in the index), fractions such as 0.01; q2_tfp one number.")
def test_q2_form(q2_yearly, q2_tfp, start):
    import numbers
    import pandas as pd
    from cqlab import data
    end = int(data.load('pwt_china')['year'].max())
    assert isinstance(q2_yearly, pd.Series), f'q2_yearly should be a pandas Series; it is {type(q2_yearly).__name__}.'
    assert len(q2_yearly) == end - int(start), f'one residual per year from {int(start) + 1} to {end}: {end - int(start)} values; got {len(q2_yearly)}'
    assert all((-0.5 < float(v) < 0.5 for v in q2_yearly)), 'the residuals should be fractions (0.01 is one point), with no gaps (NaN)'
    assert isinstance(q2_tfp, numbers.Real) and (not isinstance(q2_tfp, bool)), f'q2_tfp should be one number; it is {type(q2_tfp).__name__}.'

