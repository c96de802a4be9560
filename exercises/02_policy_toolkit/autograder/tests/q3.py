from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q3_d_firms must be a list of firm ids (text such as 'F07'), q3_changed one whole number.")
def test_q3_form(q3_d_firms, q3_changed):
    import numbers
    assert isinstance(q3_d_firms, (list, tuple)) and all((isinstance(f, str) for f in q3_d_firms)), "q3_d_firms should be a list of firm ids such as 'F07': list(...) or sorted(...)"
    assert isinstance(q3_changed, numbers.Real) and (not isinstance(q3_changed, bool)), f'q3_changed should be a number; it is {type(q3_changed).__name__}.'
    assert float(q3_changed) == int(q3_changed) and q3_changed >= 0, 'a count of firms is a whole number, 0 or more'

@test_case(points=0.75, hidden=True)
def test_q3_d_firms(q3_d_firms, cutoffs):

    def _classes(per_mu, cutoffs):
        import numpy as np
        values = np.asarray(per_mu, dtype=float)
        pct = np.array([100 * (values <= v).mean() for v in values])
        return np.array(list('DCBA'))[np.searchsorted(list(cutoffs), pct, side='right')]
    from cqlab.models import toolkit
    firms = toolkit.simulate_firms()
    expected = sorted(firms['firm'][_classes(firms['output'] / firms['land_mu'], cutoffs) == 'D'])
    got = sorted(q3_d_firms)
    assert got == expected, f'class D by output per mu: expected {len(expected)} firms, got {len(got)}; missing {sorted(set(expected) - set(got))}, extra {sorted(set(got) - set(expected))}'

@test_case(points=0.75, hidden=True)
def test_q3_changed(q3_changed, cutoffs):

    def _classes(per_mu, cutoffs):
        import numpy as np
        values = np.asarray(per_mu, dtype=float)
        pct = np.array([100 * (values <= v).mean() for v in values])
        return np.array(list('DCBA'))[np.searchsorted(list(cutoffs), pct, side='right')]
    from cqlab.models import toolkit
    firms = toolkit.simulate_firms()
    by_output = _classes(firms['output'] / firms['land_mu'], cutoffs)
    by_tax = _classes(firms['tax'] / firms['land_mu'], cutoffs)
    expected = int((by_output != by_tax).sum())
    assert q3_changed == expected, f'q3_changed: {expected} firms change class between the two rankings; got {q3_changed}'

