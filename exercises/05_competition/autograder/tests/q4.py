from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0.5, hidden=False, 
    failure_message="q4_2018 and q4_2024 must each be True or False (the .required attribute of the result), not the whole result object or a text.")
def test_q4_types(q4_2018, q4_2024):
    for name, value in (('q4_2018', q4_2018), ('q4_2024', q4_2024)):
        assert value is not None, f'{name} is not defined yet: assign it in the cell above and run that cell'
        assert isinstance(value, bool), f'{name} should be True or False; it is {type(value).__name__}.'

@test_case(points=1.5, hidden=True)
def test_q4_values(q4_2018, q4_2024):
    from cqlab import data
    table = data.load('merger_thresholds')
    deal = [(90, 30), (15, 9)]

    def required(version):
        t = table[table['version'] == version].set_index(['rule', 'test_part'])['value']
        each = lambda limit: sum((china > limit for _, china in deal)) >= 2
        world = sum((w for w, _ in deal)) > t['worldwide', 'combined_turnover'] and each(t['worldwide', 'each_of_two_parties'])
        china = sum((c for _, c in deal)) > t['china', 'combined_turnover'] and each(t['china', 'each_of_two_parties'])
        return bool(world or china)
    assert q4_2018 == required(2018), f'2018: got {q4_2018}'
    assert q4_2024 == required(2024), f'2024: got {q4_2024}'

