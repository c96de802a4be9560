from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q3_limits and q3_verdicts must be DataFrames with one row per version (2018, 2024) and the columns the question names; verdicts True or False.")
def test_q3_form(q3_limits, q3_verdicts):
    import numpy as np
    import pandas as pd
    for name, frame, columns in (('q3_limits', q3_limits, {'worldwide_combined', 'china_combined', 'china_each'}), ('q3_verdicts', q3_verdicts, {'global', 'china', 'required'})):
        assert isinstance(frame, pd.DataFrame), f'{name} should be a pandas DataFrame; it is {type(frame).__name__}.'
        missing = columns - set(map(str, frame.columns))
        assert not missing, f'{name} lacks the column(s) {sorted(missing)}'
        assert len(frame) == 2, f'{name} should have one row per version (2018 and 2024); it has {len(frame)}'
    for column in ('global', 'china', 'required'):
        for value in q3_verdicts[column]:
            assert isinstance(value, (bool, np.bool_)), f"q3_verdicts['{column}'] should hold True or False; it holds a {type(value).__name__}."

