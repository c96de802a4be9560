from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2.25

@test_case(points=0.25, hidden=False, 
    failure_message="q2_gains, q2_worker and q2_passed are each one number; q2_passed a fraction between 0 and 1.")
def test_q2_types(q2_gains, q2_worker, q2_passed):
    import math
    import numbers
    for name, v in (('q2_gains', q2_gains), ('q2_worker', q2_worker), ('q2_passed', q2_passed)):
        assert v is not None and v is not Ellipsis, f'{name} is not set yet: replace the ... and run the cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert math.isfinite(v), f'{name} should be a finite number; it is {v}'
    assert 0 <= q2_passed <= 1, f'q2_passed = {q2_passed}: a fraction of the 10, between 0 and 1'

@test_case(points=0.5, hidden=True)
def test_q2_gainsfromdeal(q2_gains, S, d_w, d_f):
    S, d_w, d_f = (float(S), float(d_w), float(d_f))
    expected = S - d_w - d_f
    assert expected >= 0, f'with your settings d_w + d_f = {d_w + d_f:g} exceeds S = {S:g}: no deal; choose settings with d_w + d_f <= S'
    assert abs(float(q2_gains) - expected) <= 0.006 + 0.005 * abs(expected), f'the gains from agreeing are S - d_w - d_f = {expected:.4g} with your settings; got {q2_gains}'

@test_case(points=0.5, hidden=True)
def test_q2_nashwage(q2_worker, S, beta, d_w, d_f):
    import numpy as np
    S, beta, d_w, d_f = (float(S), float(beta), float(d_w), float(d_f))
    assert 0 <= beta <= 1 and d_w + d_f <= S, f'the settings need 0 <= beta <= 1 and d_w + d_f <= S; got beta={beta}, d_w + d_f = {d_w + d_f:g}, S = {S:g}'
    w = np.linspace(d_w, S - d_f, 200001)
    expected = w[np.argmax((w - d_w) ** beta * (S - w - d_f) ** (1 - beta))]
    assert abs(float(q2_worker) - expected) <= 0.006 + 0.005 * abs(expected), f"the workers' payoff d_w + beta (S - d_w - d_f) is {expected:.4f} with your settings; got {q2_worker}"

@test_case(points=1.0, hidden=True)
def test_q2_passthrough(q2_passed, S, beta, d_w, d_f):
    S, beta, d_w, d_f = (float(S), float(beta), float(d_w), float(d_f))
    assert d_w + 10 + d_f <= S, f'with your settings d_w + 10 + d_f = {d_w + 10 + d_f:g} exceeds S = {S:g}: choose settings with room for the rise of 10'

    def wage(dw):
        return dw + beta * (S - dw - d_f)
    expected = (wage(d_w + 10) - wage(d_w)) / 10
    assert abs(float(q2_passed) - expected) <= 0.006, f'the fraction passed on is {expected:.4f} with your beta: the rise adds 10 but shrinks the gains the workers share in by 10, so (1 - beta) of it reaches them; got {q2_passed}'

