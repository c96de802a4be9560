from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=0.5, hidden=False, 
    failure_message="q3_classes must be the table from toolkit.classify, q3_d_firms a sorted list of firm ids (text), q3_changed a whole number.")
def test_q3_types(q3_classes, q3_d_firms, q3_changed):
    import numbers
    import pandas as pd
    assert isinstance(q3_classes, pd.DataFrame) and 'class' in q3_classes, 'q3_classes should be the table toolkit.classify returns'
    assert isinstance(q3_d_firms, list) and all((isinstance(f, str) for f in q3_d_firms)), "q3_d_firms should be a list of firm ids such as 'F07'"
    assert q3_d_firms == sorted(q3_d_firms), 'sort q3_d_firms: sorted(...)'
    assert isinstance(q3_changed, numbers.Integral) and (not isinstance(q3_changed, bool)), f'q3_changed should be a whole number; it is {type(q3_changed).__name__}.'

@test_case(points=2.5, hidden=True)
def test_q3_values(q3_d_firms, q3_changed):
    import numpy as np
    from cqlab.models import toolkit
    firms = toolkit.simulate_firms()
    cuts = [10, 40, 70]

    def classes(per_mu):
        values = per_mu.to_numpy()
        pct = np.array([100 * (values <= v).mean() for v in values])
        return np.array(list('DCBA'))[np.searchsorted(cuts, pct, side='right')]
    by_output = classes(firms['output'] / firms['land_mu'])
    by_tax = classes(firms['tax'] / firms['land_mu'])
    expected = sorted(firms['firm'][by_output == 'D'])
    assert q3_d_firms == expected, f'class D: expected {expected}, got {q3_d_firms}'
    assert q3_changed == int((by_output != by_tax).sum()), f'got {q3_changed} firms changing class'

