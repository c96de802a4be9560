from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2.0

@test_case(points=0.25, hidden=False, 
    failure_message="q5_share, q5_finite and q5_limit are each one number between 0 and 1 (shares of a pie of 1).")
def test_q5_types(q5_share, q5_finite, q5_limit):
    import numbers
    for name, v in (('q5_share', q5_share), ('q5_finite', q5_finite), ('q5_limit', q5_limit)):
        assert v is not None and v is not Ellipsis, f'{name} is not set yet: replace the ... and run the cell'
        assert isinstance(v, numbers.Real) and (not isinstance(v, bool)), f'{name} should be one number; it is {type(v).__name__}.'
        assert 0 <= v <= 1, f'{name} = {v}: a share of a pie of 1 lies between 0 and 1'

@test_case(points=0.5, hidden=True)
def test_q5_firstmover(q5_share, delta_w, delta_f):
    dw, df = (float(delta_w), float(delta_f))
    assert 0 <= dw <= 1 and 0 <= df <= 1 and (dw * df < 1), f'the discount factors should lie in [0, 1], not both 1; got {dw}, {df}'
    expected = (1 - df) / (1 - dw * df)
    assert abs(float(q5_share) - expected) <= 0.006, f'with delta_w = {dw:g} and delta_f = {df:g} the workers, proposing first, get (1 - delta_f)/(1 - delta_w delta_f) = {expected:.4f}; got {q5_share}'

@test_case(points=1.0, hidden=True)
def test_q5_backwardinduction(q5_finite, delta_w, delta_f, rounds):
    import numbers
    dw, df = (float(delta_w), float(delta_f))
    assert (isinstance(rounds, numbers.Integral) or float(rounds).is_integer()) and 1 <= rounds <= 10000, f'rounds should be a whole number from 1 to 10000; it is {rounds!r}'
    n = int(rounds)
    workers_propose = [t % 2 == 1 for t in range(1, n + 1)]
    keep = {n: 1.0}
    for t in range(n - 1, 0, -1):
        responder = df if workers_propose[t - 1] else dw
        keep[t] = 1 - responder * keep[t + 1]
    expected = keep[1]
    assert abs(float(q5_finite) - expected) <= 0.006, f'in a game of {n} rounds (the last proposer takes all; each earlier proposer offers the responder the discounted value of proposing next) the workers get {expected:.4f}; got {q5_finite}'

@test_case(points=0.25, hidden=True)
def test_q5_patience(q5_limit, r_w, r_f):
    rw, rf = (float(r_w), float(r_f))
    assert rw > 0 and rf > 0, f'the discount rates should be above 0; got r_w = {rw}, r_f = {rf}'
    expected = rf / (rw + rf)
    assert abs(float(q5_limit) - expected) <= 0.006, f"as offers come faster the workers' share tends to r_f/(r_w + r_f) = {expected:.4f}; got {q5_limit}"

