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

