from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1

@test_case(points=0.25, hidden=False, 
    failure_message="q2_unnamed must be one number, a count of clusters (e.g. 7), not a table or a text.")
def test_q2_type(q2_unnamed):
    import numbers
    assert q2_unnamed is not None, 'q2_unnamed is not defined yet: assign it in the cell above and run that cell'
    assert isinstance(q2_unnamed, numbers.Real) and (not isinstance(q2_unnamed, bool)), f'q2_unnamed should be a number; it is {type(q2_unnamed).__name__}.'
    assert float(q2_unnamed) == int(q2_unnamed), 'a count of clusters is a whole number'

@test_case(points=0.25, hidden=False, 
    failure_message="A count of missing names cannot be negative or larger than the article's count of 18. Did you subtract in the right order?")
def test_q2_range(q2_unnamed):
    import numbers
    assert isinstance(q2_unnamed, numbers.Real), 'first make q2_unnamed a number (see the message above)'
    from cqlab import data
    article = data.value('source_facts', fact_id='rt_new_star_clusters_n')
    assert 0 <= q2_unnamed <= article, f'got {q2_unnamed}'

