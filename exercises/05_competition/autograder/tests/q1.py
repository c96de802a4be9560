from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q1_hhi must be one number between 0 and 10000 and q1_cr4 one share between 0 and 100 (shares in percent).")
def test_q1_form(q1_hhi, q1_cr4):
    import numbers
    for name, value, top in (('q1_hhi', q1_hhi, 10000), ('q1_cr4', q1_cr4, 100)):
        assert value is not None, f'{name} is not defined yet: assign it in the cell above and run that cell'
        assert isinstance(value, numbers.Real) and (not isinstance(value, bool)), f'{name} should be one number; it is {type(value).__name__}.'
        assert 0 < value <= top, f'{name} should lie between 0 and {top:,} (shares in percent)'

@test_case(points=1.5, hidden=True)
def test_q1_hhi(q1_hhi, market):
    import numpy as np
    names = [str(f) for f in market['firm']]
    listed = [float(s) for f, s in zip(names, market['share']) if not (f.strip().lower().startswith('other') or '其他' in f)]
    expected = sum((s * s for s in listed))
    got = float(q1_hhi)
    if 0 < got <= 1 < expected:
        got *= 10000
    with_others = expected + sum((float(s) ** 2 for s in market['share'])) - sum((s * s for s in listed))
    assert abs(got - expected) <= 0.5 + 1e-09, f'the HHI of the named firms is the sum of their squared shares; got {got:,.1f}' + (": you counted 'others' as one firm; leave it out" if abs(got - with_others) <= 0.5 else '')

@test_case(points=0.5, hidden=True)
def test_q1_cr4(q1_cr4, market):
    import numpy as np
    names = [str(f) for f in market['firm']]
    listed = [float(s) for f, s in zip(names, market['share']) if not (f.strip().lower().startswith('other') or '其他' in f)]
    expected = sum(sorted(listed, reverse=True)[:4])
    got = float(q1_cr4)
    if 0 < got <= 1 < expected:
        got *= 100
    assert abs(got - expected) <= 0.05 + 1e-09, f'CR4 is the sum of the four largest named shares; got {got:g}'

