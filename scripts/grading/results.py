"""What grading one submission produces: the contract between the engine and the reports.

The engine (``grading.engine``) runs a submission in its sandbox and scores the exported answers in a
clean process; it returns one :class:`SubmissionResult` per file. The reports (``grading.report``: the
grades CSV, feedback, class summary, LMS exports, late policy) read only these records, never a notebook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Why a submission is scored as it is. "graded" means every cell ran; the limit statuses mean the
# notebook was stopped and is scored on the cells that finished before it.
STATUSES = (
    "graded",            # every cell ran; scored on all tests
    "graded with errors",  # some cells raised; scored on what their answers are
    "time limit",        # the notebook's total run time (or a cell's) ran out; scored on what finished
    "memory limit",      # the sandbox's memory limit was hit; scored on what finished
    "process limit",     # too many processes or threads; scored on what finished
    "crashed",           # the kernel died; scored on what finished before
    "wrong set",         # the notebook is for another exercise set (recognised by its content)
    "not a notebook",    # a PDF, an .ipynb.txt, an HTML export ...: no row is ever dropped
    "unreadable",        # claims to be a notebook but cannot be parsed
    "failed",            # the grader itself failed on this file (a bug of ours; the message says what)
)


@dataclass
class TestResult:
    """One autograded test: one answer of one question (so partial credit follows what is right)."""

    name: str              # e.g. "q2_worker"
    question: str          # e.g. "q2"
    points_possible: float
    points_earned: float
    passed: bool
    hint: str = ""         # what a student reads when it fails: what was expected and what was given
    hidden: bool = False   # a hidden test: its hint is shown only after grading


@dataclass
class WrittenAnswer:
    """A written (manually graded) question and what the student wrote for it."""

    question: str
    points_possible: float
    text: str


@dataclass
class SubmissionResult:
    """Everything the reports need about one submitted file."""

    file: str                      # path relative to the submissions folder, POSIX form
    set_id: str | None             # "01" ... "08"; None when it could not be told
    status: str                    # one of STATUSES
    message: str = ""              # plain words for the instructor (and the student's feedback)
    tests: list[TestResult] = field(default_factory=list)
    written: list[WrittenAnswer] = field(default_factory=list)
    seconds: float = 0.0           # wall time of the whole run
    modified: float | None = None  # the file's modification time (epoch seconds), for a late policy

    @property
    def points_earned(self) -> float:
        return round(sum(t.points_earned for t in self.tests), 6)

    @property
    def points_possible(self) -> float:
        return round(sum(t.points_possible for t in self.tests), 6)

    def question_scores(self) -> dict[str, tuple[float, float]]:
        """{question: (earned, possible)} over its tests, in test order."""
        scores: dict[str, tuple[float, float]] = {}
        for test in self.tests:
            earned, possible = scores.get(test.question, (0.0, 0.0))
            scores[test.question] = (earned + test.points_earned, possible + test.points_possible)
        return scores

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> SubmissionResult:
        data = dict(data)
        data["tests"] = [TestResult(**t) for t in data.get("tests", [])]
        data["written"] = [WrittenAnswer(**w) for w in data.get("written", [])]
        return cls(**data)
