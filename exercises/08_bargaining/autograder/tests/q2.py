from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q2_deal must be the result of bargaining.nash_bargaining, q2_worker a number, q2_passed a fraction between 0 and 1.")
def test_q2_types(q2_deal, q2_worker, q2_passed):
    import numbers
    from cqlab.models import bargaining
    assert isinstance(q2_deal, bargaining.BargainingOutcome), f'q2_deal should be what bargaining.nash_bargaining returns; it is {type(q2_deal).__name__}.'
    for name, v in (('q2_worker', q2_worker), ('q2_passed', q2_passed)):
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
    assert 0 <= q2_passed <= 1, f'q2_passed = {q2_passed}: a fraction of the 10, between 0 and 1'

@test_case(points=0.75, hidden=True)
def test_q2_worker(q2_worker):
    import numpy as np
    S, beta, d_w, d_f = (100.0, 0.5, 20.0, 20.0)
    w = np.linspace(d_w, S - d_f, 200001)
    expected = w[np.argmax((w - d_w) ** beta * (S - w - d_f) ** (1 - beta))]
    assert abs(q2_worker - expected) < 0.001, f"workers' payoff: expected {expected:.4f}, got {q2_worker:.4f}"

@test_case(points=0.75, hidden=True)
def test_q2_passed(q2_passed):
    import numpy as np
    S, beta, d_w, d_f = (100.0, 0.5, 20.0, 20.0)

    def best(dw):
        w = np.linspace(dw, S - d_f, 200001)
        return w[np.argmax((w - dw) ** beta * (S - w - d_f) ** (1 - beta))]
    expected = (best(d_w + 10) - best(d_w)) / 10
    assert abs(q2_passed - expected) < 0.001, f'fraction passed on: expected {expected:.4f}, got {q2_passed:.4f}'

