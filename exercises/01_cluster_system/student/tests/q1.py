from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1

@test_case(points=0.25, hidden=False, 
    failure_message="q1_named must be a pandas Series, for example clusters['tier'].value_counts().")
def test_q1_type(q1_named):
    import pandas as pd
    assert q1_named is not None, 'q1_named is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q1_named, pd.Series), f'q1_named should be a pandas Series; it is {type(q1_named).__name__}.'

@test_case(points=0.25, hidden=False, 
    failure_message="The index of q1_named should hold the tier codes (leading, pillar, featured, new_star), one row per tier.")
def test_q1_index(q1_named):
    tiers = {'leading', 'pillar', 'featured', 'new_star'}
    index = set(map(str, getattr(q1_named, 'index', [])))
    assert tiers <= index, f'missing tiers in the index: {sorted(tiers - index)}'

