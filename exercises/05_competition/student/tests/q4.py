from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2.5

@test_case(points=0.5, hidden=False, 
    failure_message="q4_deal must be a list of two or more (worldwide, China) pairs in 亿元, China at most worldwide; q4_global_2018 True or False.")
def test_q4_types(q4_deal, q4_global_2018):
    import numbers
    import numpy as np
    assert q4_deal is not None and (not isinstance(q4_deal, (str, dict))) and hasattr(q4_deal, '__len__'), f'q4_deal should be a list of (worldwide, China) pairs; it is {type(q4_deal).__name__}.'
    pairs = [list(p) for p in q4_deal]
    assert len(pairs) >= 2, 'a concentration has at least two parties'
    for k, pair in enumerate(pairs):
        assert len(pair) == 2 and all((isinstance(v, numbers.Real) and (not isinstance(v, bool)) for v in pair)), f'party {k + 1} should be a pair of numbers (worldwide, China); it is {pair}'
        assert 0 <= pair[1] <= pair[0], f'party {k + 1}: China turnover must be between 0 and its worldwide turnover'
    assert isinstance(q4_global_2018, (bool, np.bool_)), f'q4_global_2018 should be True or False; it is {type(q4_global_2018).__name__}.'

