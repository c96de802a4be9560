"""The grades CSV and the reports, built only from :class:`grading.results.SubmissionResult` records.

- ``grades_NN.csv``: one row per submitted file (none is ever dropped), one column per autograded
  question, one per written question (blank for the instructor to type into), ``override`` (a mark that
  replaces the total), ``comment``, the autograded score, the written score, the total and the status.
  Re-grading keeps what was typed into the written, override and comment columns, and first copies the
  old CSV to ``grades_NN.YYYYMMDD-HHMMSS.bak.csv``.
- ``feedback/<student>.md``: what a student reads: points per question, each failed test and its hint.
- ``summary_NN.png`` and ``summary_NN.md``: the score distribution, each question's mean, the hardest.
- ``written_NN_<question>.md``: every student's answer to one written question on one page.
"""

from __future__ import annotations

import csv
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from grading.results import SubmissionResult

KEPT = ("override", "comment")  # instructor columns a re-grade never overwrites
LATE_COLUMNS = ("submitted_at", "days_late", "late_penalty")


@dataclass(frozen=True)
class Question:
    name: str
    points: float
    manual: bool = False


def student_of(file: str) -> str:
    """The student a file belongs to: its path without the notebook suffix(es)."""
    name = re.sub(r"(\.ipynb)?(\.(txt|json|pdf|html?|py|zip|docx?|md))?$", "", file, flags=re.IGNORECASE)
    return name or file


def written_column(question: str) -> str:
    return f"{question} (written)"


def header(questions: list[Question], late: bool = False) -> list[str]:
    auto = [q.name for q in questions if not q.manual]
    written = [written_column(q.name) for q in questions if q.manual]
    return (["student", "file"] + auto + written + list(KEPT)
            + ["auto_score", "auto_possible", "written_score", "written_possible", "total", "possible"]
            + (list(LATE_COLUMNS) if late else []) + ["status", "message"])


def _number(text: str) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def read_grades(path: Path) -> dict[str, dict[str, str]]:
    """{student: row} of an existing grades CSV ({} when there is none)."""
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return {row["student"]: row for row in csv.DictReader(handle) if row.get("student")}


def backup(path: Path) -> Path | None:
    """Copy an existing CSV to a timestamped backup beside it; return the backup's path."""
    if not path.exists():
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{stamp}.bak.csv")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.{stamp}-{counter}.bak.csv")
        counter += 1
    shutil.copy2(path, target)
    return target


def totals(row: dict[str, str], questions: list[Question]) -> dict[str, object]:
    """Recompute written score and total of a row from what is typed in it."""
    auto_score = _number(row.get("auto_score", "")) or 0.0
    typed = [_number(row.get(written_column(q.name), "")) for q in questions if q.manual]
    written_score = round(sum(v for v in typed if v is not None), 3)
    override = _number(row.get("override", ""))
    total = override if override is not None else round(auto_score + written_score, 3)
    penalty = _number(row.get("late_penalty", ""))
    if penalty and override is None:
        total = round(max(0.0, total - penalty), 3)
    return {"written_score": written_score if any(v is not None for v in typed) else "",
            "total": total}


def result_row(result: SubmissionResult, questions: list[Question]) -> dict[str, object]:
    scores = result.question_scores()
    row: dict[str, object] = {"student": student_of(result.file), "file": result.file}
    for q in questions:
        if not q.manual:
            row[q.name] = round(scores.get(q.name, (0.0, 0.0))[0], 3)
    row["auto_score"] = round(sum(float(row[q.name]) for q in questions if not q.manual), 3)
    row["auto_possible"] = round(sum(q.points for q in questions if not q.manual), 3)
    row["written_possible"] = round(sum(q.points for q in questions if q.manual), 3)
    row["possible"] = round(sum(q.points for q in questions), 3)
    row["status"] = result.status
    row["message"] = result.message
    return row


def write_grades(path: Path, results: list[SubmissionResult], questions: list[Question],
                 late: dict[str, dict[str, object]] | None = None, only: set[str] | None = None) -> Path | None:
    """Write (or update) the grades CSV; return the backup made of the previous one, if any.

    ``only``: the students re-graded this time; every other row of the old CSV is kept as it was.
    ``late``: {student: {"submitted_at", "days_late", "late_penalty"}} from the late policy.
    """
    previous = read_grades(path)
    made = backup(path)
    rows: dict[str, dict[str, object]] = {}
    if only is not None:
        rows.update({name: dict(row) for name, row in previous.items() if name not in only})
    for result in results:
        row = result_row(result, questions)
        old = previous.get(row["student"], {})
        for q in questions:
            if q.manual:
                row[written_column(q.name)] = old.get(written_column(q.name), "")
        for column in KEPT:
            row[column] = old.get(column, "")
        if late and row["student"] in late:
            row.update(late[row["student"]])
        rows[row["student"]] = row
    has_late = bool(late) or any(r.get("late_penalty") not in (None, "") for r in rows.values())
    columns = header(questions, has_late)
    for row in rows.values():
        row.update(totals({k: str(v) for k, v in row.items()}, questions))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        for name in sorted(rows):
            writer.writerow({c: rows[name].get(c, "") for c in columns})
    return made


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("_") or "student"


def feedback_text(result: SubmissionResult, set_title: str) -> str:
    lines = [f"# Feedback: {set_title}", "", f"File: `{result.file}`", ""]
    if result.status != "graded":
        lines += [f"**Status: {result.status}.** {result.message}", ""]
    lines += [f"Autograded score: **{result.points_earned:g} / {result.points_possible:g}**", "",
              "| Question | Points |", "|---|---|"]
    for question, (earned, possible) in result.question_scores().items():
        lines.append(f"| {question} | {earned:g} / {possible:g} |")
    failed = [t for t in result.tests if not t.passed]
    lines += ["", "## What to look at again" if failed else "## Every autograded test passed", ""]
    for test in failed:
        hint = test.hint.strip() or "no hint: compare your answer with what the question asks"
        lines.append(f"- **{test.name}** ({test.points_earned:g} / {test.points_possible:g}): {hint}")
    if result.written:
        lines += ["", "Written questions are marked by your instructor: "
                  + ", ".join(f"{w.question} ({w.points_possible:g} points)" for w in result.written)]
    return "\n".join(lines) + "\n"


def write_feedback(folder: Path, results: list[SubmissionResult], set_title: str) -> list[Path]:
    """One Markdown file per student in ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for result in results:
        path = folder / f"{_safe(student_of(result.file))}.md"
        path.write_text(feedback_text(result, set_title), encoding="utf-8")
        paths.append(path)
    return paths


def question_means(results: list[SubmissionResult], questions: list[Question]) -> dict[str, float]:
    """Each autograded question's mean share of its points over the graded submissions (0..1)."""
    graded = [r for r in results if r.tests]
    means = {}
    for q in questions:
        if q.manual or not graded or not q.points:
            continue
        means[q.name] = sum(r.question_scores().get(q.name, (0.0, 0.0))[0] for r in graded) / (
            len(graded) * q.points)
    return means


def write_summary(png: Path, markdown: Path, results: list[SubmissionResult], questions: list[Question],
                  set_title: str) -> str | None:
    """Chart (score distribution, per-question means) and a short text; return the hardest question."""
    from cqlab import charts, label

    means = question_means(results, questions)
    hardest = min(means, key=means.get) if means else None
    possible = sum(q.points for q in questions if not q.manual)
    scores = [r.points_earned for r in results]
    figure, (left, right) = charts.new_figure(1, 2, figsize=(9, 3.8))
    bins = max(1, min(10, int(possible) or 1))
    left.hist(scores, bins=bins, range=(0, possible or 1))
    left.set_xlabel(label("Autograded score", "自动评分"))
    left.set_ylabel(label("Submissions", "提交数"))
    left.set_title(label("Score distribution", "分数分布"))
    names = list(means)
    right.bar(names, [100 * means[n] for n in names])
    right.set_ylim(0, 100)
    right.set_ylabel(label("Mean score (% of points)", "平均得分（占分值 %）"))
    right.set_title(label("Each question", "各题"))
    figure.suptitle(set_title)
    png.parent.mkdir(parents=True, exist_ok=True)
    png.write_bytes(charts.figure_png(figure))
    import matplotlib.pyplot as plt

    plt.close(figure)
    statuses: dict[str, int] = {}
    for r in results:
        statuses[r.status] = statuses.get(r.status, 0) + 1
    lines = [f"# Class summary: {set_title}", "", f"![score distribution and question means]({png.name})", "",
             f"{len(results)} file(s): " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())), ""]
    if scores:
        ordered = sorted(scores)
        median = ordered[len(ordered) // 2] if len(ordered) % 2 else (
            ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2
        lines.append(f"Autograded score out of {possible:g}: mean {sum(scores) / len(scores):.2f}, "
                     f"median {median:g}, lowest {ordered[0]:g}, highest {ordered[-1]:g}.")
    lines += ["", "| Question | Mean (% of points) |", "|---|---|"]
    lines += [f"| {n} | {100 * m:.0f}% |" for n, m in means.items()]
    if hardest:
        lines += ["", f"Hardest question: **{hardest}** (mean {100 * means[hardest]:.0f}% of its points)."]
    markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return hardest


def write_written_page(path: Path, results: list[SubmissionResult], question: str, set_title: str) -> int:
    """Every student's answer to one written question on one Markdown page; return how many answered."""
    lines = [f"# {set_title}: every answer to {question}", "",
             "Type each mark into the grades CSV's "
             f"`{written_column(question)}` column, then run the grader again (marks are kept).", ""]
    count = 0
    for result in sorted(results, key=lambda r: student_of(r.file)):
        answer = next((w for w in result.written if w.question == question), None)
        text = answer.text.strip() if answer and answer.text.strip() else "_(no answer)_"
        count += bool(answer and answer.text.strip())
        points = f" (out of {answer.points_possible:g})" if answer else ""
        lines += [f"## {student_of(result.file)}{points}", "", text, "", "---", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return count
