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

@test_case(points=0.5, hidden=True)
def test_q3_limits(q3_limits):
    from cqlab import data
    table = data.load('merger_thresholds')

    def limits(version):
        t = table[table['version'] == version].set_index(['rule', 'test_part'])['value']
        return {'worldwide_combined': float(t['worldwide', 'combined_turnover']), 'china_combined': float(t['china', 'combined_turnover']), 'china_each': float(t['china', 'each_of_two_parties'])}

    def rows(frame):
        f = frame.reset_index()
        columns = [str(c) for c in f.columns]
        key = f.columns[columns.index('version')] if 'version' in columns else f.columns[0]
        return {int(float(v)): {str(c): r[c] for c in f.columns} for v, r in zip(f[key], f.to_dict('records'))}
    got = rows(q3_limits)
    assert sorted(got) == [2018, 2024], f'the rows should be the versions 2018 and 2024; got {sorted(got)}'
    first = float(got[2024]['worldwide_combined']) / limits(2024)['worldwide_combined']
    scale = min((1, 10000.0, 100000000.0), key=lambda s: abs(first - s))
    for version in (2018, 2024):
        for column, expected in limits(version).items():
            value = float(got[version][column]) / scale
            assert abs(value - expected) <= 1e-06 * max(1, expected), f'{column} for {version}: got {value:g} 亿元'

@test_case(points=1.5, hidden=True)
def test_q3_verdicts(q3_verdicts, deal):
    from cqlab import data
    table = data.load('merger_thresholds')

    def limits(version):
        t = table[table['version'] == version].set_index(['rule', 'test_part'])['value']
        return {'worldwide_combined': float(t['worldwide', 'combined_turnover']), 'china_combined': float(t['china', 'combined_turnover']), 'china_each': float(t['china', 'each_of_two_parties'])}

    def rows(frame):
        f = frame.reset_index()
        columns = [str(c) for c in f.columns]
        key = f.columns[columns.index('version')] if 'version' in columns else f.columns[0]
        return {int(float(v)): {str(c): r[c] for c in f.columns} for v, r in zip(f[key], f.to_dict('records'))}
    pairs = [(float(w), float(c)) for w, c in deal]
    got = rows(q3_verdicts)
    assert sorted(got) == [2018, 2024], f'the rows should be the versions 2018 and 2024; got {sorted(got)}'
    for version in (2018, 2024):
        t = limits(version)
        two = sum((c > t['china_each'] for _, c in pairs)) >= 2
        expected = {'global': sum((w for w, _ in pairs)) > t['worldwide_combined'] and two, 'china': sum((c for _, c in pairs)) > t['china_combined'] and two}
        expected['required'] = expected['global'] or expected['china']
        for column, value in expected.items():
            assert bool(got[version][column]) == value, f"{column} for {version}: got {bool(got[version][column])}. Remember that at least two parties must each have China turnover above {t['china_each']:g} 亿元, in both tests"

