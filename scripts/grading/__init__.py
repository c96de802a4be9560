"""Instructor-side grading: the sandboxed engine, the results it returns, and the reports made from them.

Nothing in this package ships in the student edition of the course.
"""
