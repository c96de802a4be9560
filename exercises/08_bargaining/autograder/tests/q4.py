from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2.0

@test_case(points=0.25, hidden=False, 
    failure_message="q4_kink is one number and q4_wages one number per entry of options, in the same order.")
def test_q4_types(q4_kink, q4_wages, options):
    import math
    import numbers
    import numpy as np
    for name, v in (('q4_kink', q4_kink), ('q4_wages', q4_wages)):
        assert v is not None and v is not Ellipsis, f'{name} is not set yet: replace the ... and run the cell'
    assert isinstance(q4_kink, numbers.Real) and (not isinstance(q4_kink, bool)) and math.isfinite(q4_kink), f'q4_kink should be one finite number; it is {q4_kink!r}'
    try:
        wages = np.asarray(q4_wages, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError('q4_wages should hold numbers, one per outside option') from None
    n = len(np.atleast_1d(options))
    assert wages.shape == (n,), f'q4_wages should hold one wage per outside option ({n}); shape {wages.shape}'
    assert np.all(np.isfinite(wages)), 'q4_wages has missing or infinite values'

@test_case(points=0.75, hidden=True)
def test_q4_kinkpoint(q4_kink, S, beta, d_dispute, d_f):
    S, beta, dw, d_f = (float(S), float(beta), float(d_dispute), float(d_f))
    assert dw + d_f <= S, f'with your settings d_dispute + d_f = {dw + d_f:g} exceeds S = {S:g}: no deal'
    expected = dw + beta * (S - dw - d_f)
    assert abs(float(q4_kink) - expected) <= 0.006 + 0.005 * abs(expected), f'an outside option starts to matter only above the Nash wage from the threat point, d_dispute + beta (S - d_dispute - d_f) = {expected:.4g} with your settings; got {q4_kink}'

@test_case(points=1.0, hidden=True)
def test_q4_optionwages(q4_wages, S, beta, d_dispute, d_f, options):
    import numpy as np
    S, beta, dw, d_f = (float(S), float(beta), float(d_dispute), float(d_f))
    opts = np.atleast_1d(np.asarray(options, dtype=float))
    assert np.all(opts + d_f <= S), 'with your settings some outside options exceed what the firm can pay (o_w + d_f > S): keep options up to S - d_f'
    nash = dw + beta * (S - dw - d_f)
    expected = np.where(opts > nash, opts, nash)
    got = np.asarray(q4_wages, dtype=float)
    assert got.shape == expected.shape and np.allclose(got, expected, rtol=0.005, atol=0.006), f'with your settings the wages are {np.round(expected, 3).tolist()}; got {np.round(got, 3).tolist()}. An outside option below the Nash wage ({nash:.4g}) leaves the wage unchanged, a higher one is just met: max(Nash wage, o_w); it is not a threat point that the gains are split from'

