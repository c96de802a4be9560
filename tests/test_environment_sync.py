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
