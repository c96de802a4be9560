from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q4_table must be a DataFrame with the columns start, end, tfp and pwt_tfp and one row per sub-period of breaks.")
def test_q4_form(q4_table, breaks):
    import pandas as pd
    assert isinstance(q4_table, pd.DataFrame), f'q4_table should be a pandas DataFrame; it is {type(q4_table).__name__}.'
    missing = {'start', 'end', 'tfp', 'pwt_tfp'} - set(map(str, q4_table.columns))
    assert not missing, f'q4_table lacks the column(s) {sorted(missing)}'
    assert len(q4_table) == len(breaks), f'one row per sub-period: {len(breaks)} rows for breaks = {list(breaks)}; got {len(q4_table)}'

@test_case(points=2, hidden=True)
def test_q4_values(q4_table, breaks):
    import math
    import numpy as np
    from cqlab import data
    pwt = data.load('pwt_china').sort_values('year')
    end = int(pwt['year'].max())
    years = [int(b) for b in breaks] + [end]
    assert all((a < b for a, b in zip(years, years[1:]))), f'breaks must rise and come before {end}; they are {list(breaks)}'
    expected = {}
    for a, b in zip(years, years[1:]):
        period = pwt[(pwt['year'] >= a) & (pwt['year'] <= b)]
        s = float(period['labsh'].mean())
        g = {c: float(np.diff(np.log(period[c].to_numpy(dtype=float))).mean()) for c in ['rgdpna', 'rnna', 'emp', 'hc']}
        tfp = g['rgdpna'] - (1 - s) * g['rnna'] - s * (g['emp'] + g['hc'])
        first, last = (float(period['rtfpna'].iloc[0]), float(period['rtfpna'].iloc[-1]))
        pwt_tfp = math.log(last / first) / (b - a) if first == first and last == last else math.nan
        expected[a, b] = (100 * tfp, 100 * pwt_tfp)
    frame = q4_table.reset_index(drop=True)
    got = {(int(float(r['start'])), int(float(r['end']))): (float(r['tfp']), float('nan') if r['pwt_tfp'] is None else float(r['pwt_tfp'])) for _, r in frame.iterrows()}
    assert sorted(got) == sorted(expected), f'the rows should be the periods {sorted(expected)}; got {sorted(got)}'
    fractions = all((abs(got[k][0] * 100 - v[0]) <= 0.005 for k, v in expected.items()))
    scale = 100 if fractions else 1
    for key, (tfp, pwt_tfp) in expected.items():
        mine, theirs = (v * scale for v in got[key])
        assert abs(mine - tfp) <= 0.005 + 1e-09, f'tfp for {key[0]}-{key[1]}: expected {tfp:.3f} points a year, got {mine:.3f}'
        if math.isnan(pwt_tfp):
            assert math.isnan(theirs), f'PWT has no TFP for {key[0]}-{key[1]}: pwt_tfp should be NaN; got {theirs}'
        else:
            assert abs(theirs - pwt_tfp) <= 0.005 + 1e-09, f'pwt_tfp for {key[0]}-{key[1]}: expected {pwt_tfp:.3f}, got {theirs:.3f}'

