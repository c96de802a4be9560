"""Rebuilding the datasets is reproducible from the repository alone.

The curation script reads the raw research tables in datasets/raw/ (shipped with the course) and must
reproduce every published CSV byte for byte: a changed raw table or rule fails here until the published
data is rebuilt and reviewed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO / "datasets"


def _curation_module():
    spec = importlib.util.spec_from_file_location("curate_from_research", DATASETS / "curate_from_research.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_curation_reads_only_the_repository():
    module = _curation_module()
    assert module.RESEARCH.resolve().is_relative_to(REPO), module.RESEARCH
    assert any(module.RESEARCH.glob("*.csv")), f"no raw tables in {module.RESEARCH}"


def test_curation_reproduces_the_published_csvs(tmp_path):
    _curation_module().main(out=tmp_path, quiet=True)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert "macro.csv" in written and "_curation_log.txt" in written, written
    differing = [name for name in written if (tmp_path / name).read_bytes() != (DATASETS / name).read_bytes()]
    assert not differing, f"the curation no longer reproduces the published {differing}"
