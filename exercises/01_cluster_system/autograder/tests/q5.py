from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q5_cagr must be one number, a fraction such as 0.3 for 30% a year (growth.cagr returns one).")
def test_q5_type(q5_cagr):
    import numbers
    assert q5_cagr is not None, 'q5_cagr is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q5_cagr, numbers.Real) and (not isinstance(q5_cagr, bool)), f'q5_cagr should be a number; it is {type(q5_cagr).__name__}.'
    assert -1 < q5_cagr < 5, f'q5_cagr = {q5_cagr}: give the rate as a fraction, not a percentage'

@test_case(points=1.5, hidden=True)
def test_q5_value(q5_cagr):
    from cqlab import data
    v2022 = data.value('cluster_indicators', indicator='NEV output', year=2022, value_qualifier='exact')
    v2024 = data.value('cluster_indicators', indicator='NEV output', year=2024, value_qualifier='exact')
    expected = (v2024 / v2022) ** 0.5 - 1
    assert abs(q5_cagr - expected) <= 5e-05 + 1e-12, f'expected {expected:.6f} (to 4 decimals: {expected:.4f}), got {q5_cagr:.6f}'

