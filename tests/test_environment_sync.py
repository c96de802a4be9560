"""environment.yml (conda route) and pyproject.toml (pip route) declare the same dependencies."""

import re
from pathlib import Path

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pip vendors the same parser
    from pip._vendor import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _normalise(requirement: str) -> str:
    name, rest = re.match(r"([A-Za-z0-9_.\-]+(?:\[[^\]]+\])?)(.*)", requirement.strip()).groups()
    return name.lower().replace("_", "-") + rest.replace(" ", "")


def _pyproject() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = project["dependencies"] + project["optional-dependencies"]["test"]
    return {_normalise(r) for r in listed}


def _environment_pip() -> set[str]:
    lines = (ROOT / "environment.yml").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
    entries = []
    for line in lines[start + 1 :]:
        match = re.match(r"\s+- (.+)", line)
        if not match:
            break
        entries.append(match.group(1).strip())
    return {_normalise(e) for e in entries if not e.startswith("-e")}


def test_environment_and_pyproject_declare_the_same_dependencies():
    in_pyproject, in_environment = _pyproject(), _environment_pip()
    assert in_pyproject == in_environment, (
        f"only in pyproject.toml: {sorted(in_pyproject - in_environment)}; "
        f"only in environment.yml: {sorted(in_environment - in_pyproject)}"
    )


def test_environment_installs_the_course_package_itself():
    assert "- -e ." in (ROOT / "environment.yml").read_text()


def _environments():
    """The course's environments make builds: .venv (lab, tests, grading) and hub/.venv (the class hub)."""
    import sys

    found = [Path(sys.executable)]
    hub = ROOT / "hub" / ".venv" / "bin" / "python"
    if hub.exists():
        found.append(hub)
    return found


def test_no_environment_compiles_iri_grammars_at_import():
    """jsonschema imports rfc3987-syntax when it is installed, which compiles 38 lark grammars at import
    (~1.1 CPU-s in every Jupyter server, nbformat and otter process). make removes it after every install
    (Makefile, UNUSED_SLOW); if an install brings it back, every student's server and graded submission
    pays for it again."""
    import subprocess

    probe = ("import sys, jupyter_server.serverapp, nbformat, otter; "
             "print('rfc3987_syntax' in sys.modules, 'lark' in sys.modules)")
    for python in _environments():
        done = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{python}: {done.stderr[-800:]}"
        assert done.stdout.split() == ["False", "False"], (
            f"{python} imports rfc3987_syntax/lark with jsonschema: run `make` again (it removes them)")


def test_the_trimmed_environments_are_consistent():
    """Removing rfc3987-syntax and lark leaves no installed package with a missing requirement."""
    import subprocess

    for python in _environments():
        done = subprocess.run([str(python), "-m", "pip", "check"], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{python}: {done.stdout[-800:]}"
