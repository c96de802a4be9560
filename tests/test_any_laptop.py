"""The course works on any laptop: a Windows-style checkout and a non-editable install load every dataset.

Both tests reuse what `make` installed in .venv: the test network guard blocks downloads in every process
the tests start, so nothing may be fetched.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from cqlab import data

REPO = Path(__file__).resolve().parents[1]


def _git(*args: str, cwd: Path = REPO) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def test_a_windows_style_clone_keeps_the_data_bytes_and_loads_every_dataset(tmp_path, monkeypatch):
    """`git clone -c core.autocrlf=true` is Git for Windows' usual setting."""
    clone = tmp_path / "clone"
    _git("clone", "--quiet", "-c", "core.autocrlf=true", str(REPO), str(clone))
    committed = _git("ls-files", "datasets", cwd=clone).split()
    csvs = [name for name in committed if name.endswith(".csv")]
    assert csvs, "the clone has no datasets"
    committed_bytes = {name: subprocess.run(["git", "show", f"HEAD:{name}"], cwd=clone, capture_output=True,
                                            check=True).stdout for name in csvs}
    changed = [name for name in csvs if (clone / name).read_bytes() != committed_bytes[name]]
    assert not changed, f"autocrlf rewrote the line endings of {changed} (.gitattributes must keep them)"
    monkeypatch.setattr(data, "DATASETS_DIR", clone / "datasets")
    data.clear_cache()
    try:
        for name in data.names():
            assert len(data.load(name)) > 0, name
    finally:
        data.clear_cache()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(out), str(REPO)],
        capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    (built,) = out.glob("cqlab-*.whl")
    return built


def test_a_non_editable_install_loads_every_dataset_from_the_wheel(wheel, tmp_path):
    """`pip install .` puts cqlab in site-packages: the datasets must come with it."""
    venv = tmp_path / "venv"
    subprocess.run([sys._base_executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                           "--target", str(site), str(wheel)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    # The course's dependencies (pandas ...) from .venv, after the wheel's own cqlab in the search path.
    (site / "course_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    script = (
        "import cqlab, cqlab.data as d\n"
        "assert 'site-packages' in cqlab.__file__, cqlab.__file__\n"
        "print(d.DATASETS_DIR)\n"
        "print(sum(len(d.load(n)) for n in d.names()))\n"
    )
    done = subprocess.run([str(python), "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    folder, rows = done.stdout.split()
    assert Path(folder).name == "_datasets" and Path(folder).is_relative_to(site), folder
    assert int(rows) > 100
