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

@test_case(points=1.5, hidden=True)
def test_q4_deal(q4_deal):
    from cqlab import data
    table = data.load('merger_thresholds')
    t = table[table['version'] == 2024].set_index(['rule', 'test_part'])['value']
    pairs = [(float(w), float(c)) for w, c in q4_deal]
    assert len(pairs) >= 2 and all((0 <= c <= w for w, c in pairs)), 'each party needs 0 <= China turnover <= worldwide turnover'
    two = sum((c > t['china', 'each_of_two_parties'] for _, c in pairs)) >= 2
    china = sum((c for _, c in pairs)) > t['china', 'combined_turnover'] and two
    world = sum((w for w, _ in pairs)) > t['worldwide', 'combined_turnover'] and two
    assert china, 'under the 2024 rules your deal does not meet the China test (combined China turnover, and two parties each above the per-party threshold)'
    assert not world, 'your deal also meets the global test under the 2024 rules: keep the combined worldwide turnover at or below its threshold'

@test_case(points=0.5, hidden=True)
def test_q4_global_2018(q4_deal, q4_global_2018):
    from cqlab import data
    table = data.load('merger_thresholds')
    t = table[table['version'] == 2018].set_index(['rule', 'test_part'])['value']
    pairs = [(float(w), float(c)) for w, c in q4_deal]
    two = sum((c > t['china', 'each_of_two_parties'] for _, c in pairs)) >= 2
    expected = bool(sum((w for w, _ in pairs)) > t['worldwide', 'combined_turnover'] and two)
    assert bool(q4_global_2018) == expected, f"for your deal the 2018 global test is {('met' if expected else 'not met')}"

