from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 3.5

@test_case(points=0.5, hidden=False, 
    failure_message="q2_after must list the shares after the merger (%); q2_delta and q2_lerner must each be one number (q2_lerner a fraction).")
def test_q2_form(q2_after, q2_delta, q2_lerner):
    import numbers
    assert q2_after is not None and (not isinstance(q2_after, (str, dict))) and hasattr(q2_after, '__len__'), f'q2_after should be a list, array or Series of shares; it is {type(q2_after).__name__}.'
    values = list(q2_after)
    assert len(values) >= 1 and all((isinstance(v, numbers.Real) and (not isinstance(v, bool)) for v in values)), 'q2_after should hold numbers (shares in %)'
    assert sum((float(v) for v in values)) <= 100 + 1e-06, 'the shares after the merger cannot add up to more than 100%'
    for name, value in (('q2_delta', q2_delta), ('q2_lerner', q2_lerner)):
        assert isinstance(value, numbers.Real) and (not isinstance(value, bool)), f'{name} should be one number; it is {type(value).__name__}.'
    assert q2_delta >= 0, 'a merger never lowers the HHI: q2_delta cannot be negative'
    assert 0 < q2_lerner <= 1, 'a Lerner index (P - c) / P is a fraction between 0 and 1'

@test_case(points=1, hidden=True)
def test_q2_after(q2_after, market, merging):
    import numpy as np
    names = [str(f) for f in market['firm']]
    shares = dict(zip(names, (float(s) for s in market['share'])))
    fringe = [f for f in names if f.strip().lower().startswith('other') or '其他' in f]
    pair = [str(f) for f in merging]
    assert len(pair) == 2 and pair[0] != pair[1] and all((f in shares and f not in fringe for f in pair)), f"merging should name two different firms of market['firm']; it is {merging}"
    before = [s for f, s in shares.items() if f not in fringe]
    after = [s for f, s in shares.items() if f not in fringe and f not in pair] + [shares[pair[0]] + shares[pair[1]]]
    got = sorted((float(v) for v in q2_after))
    fringe_share = sum((shares[f] for f in fringe))
    scale = 100 if sum(got) <= 1 + 1e-09 < sum(after) else 1
    got = [v * scale for v in got]
    options = [sorted(after), sorted(after + [fringe_share])]
    assert any((len(got) == len(o) and np.allclose(got, o, atol=0.05) for o in options)), f'after the merger of {pair[0]} and {pair[1]} the named firms hold {len(after)} shares, the merged firm holding the sum of the two; got {len(got)} values'

@test_case(points=1, hidden=True)
def test_q2_delta(q2_delta, market, merging):
    import numpy as np
    names = [str(f) for f in market['firm']]
    shares = dict(zip(names, (float(s) for s in market['share'])))
    fringe = [f for f in names if f.strip().lower().startswith('other') or '其他' in f]
    pair = [str(f) for f in merging]
    assert len(pair) == 2 and pair[0] != pair[1] and all((f in shares and f not in fringe for f in pair)), f"merging should name two different firms of market['firm']; it is {merging}"
    before = [s for f, s in shares.items() if f not in fringe]
    after = [s for f, s in shares.items() if f not in fringe and f not in pair] + [shares[pair[0]] + shares[pair[1]]]
    expected = sum((s * s for s in after)) - sum((s * s for s in before))
    got = float(q2_delta)
    if 0 < got <= 1 < expected:
        got *= 10000
    assert abs(got - expected) <= 0.5 + 1e-09, f'ΔHHI is the HHI after minus the HHI before, which equals 2 s_i s_j of the two merging shares; got {got:,.1f}'

@test_case(points=1, hidden=True)
def test_q2_lerner(q2_lerner, market, merging, elasticity):
    import numpy as np
    names = [str(f) for f in market['firm']]
    shares = dict(zip(names, (float(s) for s in market['share'])))
    fringe = [f for f in names if f.strip().lower().startswith('other') or '其他' in f]
    pair = [str(f) for f in merging]
    assert len(pair) == 2 and pair[0] != pair[1] and all((f in shares and f not in fringe for f in pair)), f"merging should name two different firms of market['firm']; it is {merging}"
    before = [s for f, s in shares.items() if f not in fringe]
    after = [s for f, s in shares.items() if f not in fringe and f not in pair] + [shares[pair[0]] + shares[pair[1]]]
    e = float(elasticity)
    assert e > 0, f'elasticity should be a positive number; it is {elasticity}'
    expected = sum((s * s for s in after)) / (10000 * e)
    got = float(q2_lerner)
    assert abs(got - expected) <= 0.0005 or abs(got / 100 - expected) <= 0.0005, f'the average Lerner index is the post-merger HHI / (10 000 × elasticity) = HHI / {10000 * e:,.0f}; got {got:.4f}'

