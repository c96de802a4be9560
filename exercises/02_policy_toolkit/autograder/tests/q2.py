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

@test_case(points=0.5, hidden=True)
def test_q2_xun(q2_xun):

    def _xun_days_and_means():
        import numpy as np
        from cqlab.models import toolkit
        daily = toolkit.simulate_daily()
        day = daily.index.day
        key = daily.index.strftime('%Y-%m-') + np.select([day <= 10, day <= 20], ['1', '2'], '3')
        grouped = daily.groupby(key)
        return (grouped.size().to_numpy(), grouped.mean().to_numpy())
    import numpy as np
    _, means = _xun_days_and_means()
    got = np.asarray(q2_xun, dtype=float)
    assert got.shape == means.shape and np.allclose(got, means, atol=0.005), 'q2_xun: the values differ from the 旬 means of daily'

@test_case(points=1, hidden=True)
def test_q2_threshold(q2_threshold, sigma, z):

    def _xun_days_and_means():
        import numpy as np
        from cqlab.models import toolkit
        daily = toolkit.simulate_daily()
        day = daily.index.day
        key = daily.index.strftime('%Y-%m-') + np.select([day <= 10, day <= 20], ['1', '2'], '3')
        grouped = daily.groupby(key)
        return (grouped.size().to_numpy(), grouped.mean().to_numpy())
    import numpy as np
    days, _ = _xun_days_and_means()
    expected = z * sigma / np.sqrt(days)
    got = np.asarray(q2_threshold, dtype=float)
    assert got.shape == expected.shape, f'q2_threshold should hold {len(expected)} values'
    wrong = np.flatnonzero(~np.isclose(got, expected, atol=0.0005))
    assert not len(wrong), f'{len(wrong)} thresholds differ from z * sigma / sqrt(n) with n the days of each 旬 (8 to 11); e.g. 旬 number {wrong[0] + 1}: expected {expected[wrong[0]]:.3f}, got {got[wrong[0]]:.3f}'

@test_case(points=1.5, hidden=True)
def test_q2_flag(q2_flag, level, sigma, z):

    def _xun_days_and_means():
        import numpy as np
        from cqlab.models import toolkit
        daily = toolkit.simulate_daily()
        day = daily.index.day
        key = daily.index.strftime('%Y-%m-') + np.select([day <= 10, day <= 20], ['1', '2'], '3')
        grouped = daily.groupby(key)
        return (grouped.size().to_numpy(), grouped.mean().to_numpy())
    import numpy as np
    days, means = _xun_days_and_means()
    expected = np.abs(means - level) > z * sigma / np.sqrt(days)
    got = np.asarray(q2_flag, dtype=float)
    assert got.shape == expected.shape, f'q2_flag should hold {len(expected)} values'
    wrong = np.flatnonzero(got.astype(bool) != expected)
    assert not len(wrong), f'{len(wrong)} of the 36 flags differ from |mean - level| > z * sigma / sqrt(n); expected {int(expected.sum())} flagged 旬, got {int(got.sum())}'

