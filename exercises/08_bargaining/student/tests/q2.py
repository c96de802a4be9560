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

