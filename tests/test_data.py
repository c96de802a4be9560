"""cqlab.data: types as declared, clear errors, provenance, and damaged files detected."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from cqlab import data
from cqlab.errors import DatasetError

ROOT = Path(__file__).resolve().parents[1]


def test_every_dataset_loads_with_its_declared_types():
    package = json.loads((ROOT / "datasets" / "datapackage.json").read_text())
    expected_dtype = {"integer": "Int64", "number": "float64", "boolean": "boolean"}
    for resource in package["resources"]:
        frame = data.load(resource["name"])
        assert len(frame) > 0, resource["name"]
        for field in resource["schema"]["fields"]:
            dtype = str(frame[field["name"]].dtype)
            wanted = expected_dtype.get(field.get("type", "string"))
            if wanted:
                assert dtype == wanted, (resource["name"], field["name"], dtype)
            else:
                assert dtype in ("str", "object", "string"), (resource["name"], field["name"], dtype)


def test_load_returns_a_copy_so_lessons_cannot_corrupt_the_cache():
    first = data.load("source_facts")
    first.loc[:, "value"] = -1
    assert (data.load("source_facts")["value"] >= 0).all()


def test_unknown_name_lists_the_available_ones():
    with pytest.raises(DatasetError) as raised:
        data.load("gdp")
    message = str(raised.value)
    for name in data.names():
        assert name in message


def test_every_dataset_has_sources_licence_and_a_citation():
    for name in data.names():
        assert data.sources(name), name
        citation = data.citation(name)
        assert f"datasets/{name}.csv" in citation and "licence" in citation


def test_value_finds_exactly_one_row_or_says_why():
    assert data.value("source_facts", fact_id="rt_unfair_comp_cases") == 258
    with pytest.raises(DatasetError, match="found 0"):
        data.value("source_facts", fact_id="no_such_fact")


def test_the_data_package_validates_with_frictionless():
    from frictionless import validate

    report = validate(str(ROOT / "datasets" / "datapackage.json"))
    problems = report.flatten(["resource/name", "rowNumber", "fieldName", "type", "note"])
    assert report.valid, problems[:10]


def test_long_tables_keep_source_quote_and_confidence_columns():
    for name in ["macro", "cluster_indicators", "corridor_trade", "district_gdp", "merger_thresholds",
                 "innovation_highlands", "clusters"]:
        columns = set(data.load(name).columns)
        assert {"source", "source_url", "quote_original", "confidence"} <= columns, name
        assert set(data.load(name)["confidence"].dropna()) <= {"verified", "partial", "low"}, name


def test_the_dataset_refresh_script_is_in_step_with_the_files():
    """Re-running build_datapackage.py must not change datapackage.json (hashes are current)."""
    before = (ROOT / "datasets" / "datapackage.json").read_bytes()
    scratch = ROOT / ".work" / "datapackage_check"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(ROOT / "datasets", scratch)
    subprocess.run([sys.executable, str(scratch / "build_datapackage.py")], check=True, cwd=scratch,
                   capture_output=True)
    after = (scratch / "datapackage.json").read_bytes()
    shutil.rmtree(scratch, ignore_errors=True)
    assert json.loads(before) == json.loads(after)


# --- damaged files: each gives a message naming the file and how to restore it ------------------------

@pytest.fixture
def damaged(tmp_path, monkeypatch):
    """A private copy of datasets/ that a test may break; cqlab.data reads it instead of the real one.

    It sits in a folder marked as a git checkout, as a student's clone is (the restore hint names git).
    """
    (tmp_path / ".git").mkdir()
    copy = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", copy, ignore=shutil.ignore_patterns("raw"))
    monkeypatch.setattr(data, "DATASETS_DIR", copy)
    data.clear_cache()
    yield copy
    data.clear_cache()


def _refresh_hash(folder: Path, name: str):
    """Make the catalogue agree with an edited file, to test the checks behind the hash."""
    import hashlib

    package = json.loads((folder / "datapackage.json").read_text())
    for resource in package["resources"]:
        if resource["name"] == name:
            resource["hash"] = "sha256:" + hashlib.sha256((folder / resource["path"]).read_bytes()).hexdigest()
    (folder / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False))


def test_missing_file(damaged):
    (damaged / "macro.csv").unlink()
    with pytest.raises(DatasetError, match=r"macro.csv is missing. Restore it with: git checkout -- datasets/macro.csv"):
        data.load("macro")


def test_edited_file_is_detected_by_its_hash(damaged):
    path = damaged / "source_facts.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("258", "259"), encoding="utf-8")
    with pytest.raises(DatasetError, match="source_facts.csv has changed since it was published"):
        data.load("source_facts")


def test_truncated_file(damaged):
    path = damaged / "merger_thresholds.csv"
    path.write_bytes(path.read_bytes()[:150])  # e.g. a copy interrupted half-way
    with pytest.raises(DatasetError, match="merger_thresholds.csv has changed.*git checkout -- datasets/merger_thresholds.csv"):
        data.load("merger_thresholds")


def test_renamed_column(damaged):
    path = damaged / "clusters.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("cluster_en", "cluster_english", 1), encoding="utf-8")
    _refresh_hash(damaged, "clusters")
    with pytest.raises(DatasetError, match=r"missing \['cluster_en'\], unexpected \['cluster_english'\]"):
        data.load("clusters")


def test_value_of_the_wrong_type(damaged):
    path = damaged / "pwt_china.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[0] = "nineteen fifty-two"
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _refresh_hash(damaged, "pwt_china")
    with pytest.raises(DatasetError, match="column 'year' should hold integers, but row 2 holds 'nineteen fifty-two'"):
        data.load("pwt_china")


def test_missing_catalogue(damaged):
    (damaged / "datapackage.json").unlink()
    with pytest.raises(DatasetError, match="datapackage.json is missing"):
        data.names()


def test_loaded_frames_are_pandas():
    assert isinstance(data.load("clusters"), pd.DataFrame)


def test_a_crlf_checkout_is_the_published_data(damaged):
    """Windows' core.autocrlf=true turns LF into CRLF: the same numbers, so the hash check accepts it."""
    path = damaged / "macro.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    frame = data.load("macro")
    assert len(frame) > 10 and "\r" not in "".join(frame["indicator"])


def test_a_deleted_hash_does_not_switch_the_check_off(damaged):
    package = json.loads((damaged / "datapackage.json").read_text())
    for resource in package["resources"]:
        if resource["name"] == "macro":
            del resource["hash"]
    (damaged / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False))
    data.clear_cache()
    with pytest.raises(DatasetError, match="gives no hash for macro.csv"):
        data.load("macro")


def test_an_unknown_hash_kind_is_named(damaged):
    package = json.loads((damaged / "datapackage.json").read_text())
    for resource in package["resources"]:
        if resource["name"] == "macro":
            resource["hash"] = "sha999:abc"
    (damaged / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False))
    data.clear_cache()
    with pytest.raises(DatasetError, match="unknown kind \\('sha999'\\)"):
        data.load("macro")


def test_outside_a_checkout_the_hint_is_to_reinstall(tmp_path, monkeypatch):
    copy = tmp_path / "site-packages" / "cqlab" / "_datasets"
    shutil.copytree(ROOT / "datasets", copy, ignore=shutil.ignore_patterns("raw"))
    (copy / "macro.csv").unlink()
    monkeypatch.setattr(data, "DATASETS_DIR", copy)
    data.clear_cache()
    try:
        with pytest.raises(DatasetError, match="Reinstall the course"):
            data.load("macro")
    finally:
        data.clear_cache()


def test_the_refresh_script_refuses_a_package_students_could_not_load(tmp_path):
    """A maintainer who rebuilds after a bad edit hears it from the build, naming the file, row and column."""
    scratch = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", scratch, ignore=shutil.ignore_patterns("raw"))
    path = scratch / "merger_thresholds.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = "galactic" + lines[3][lines[3].index(","):]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(scratch / "build_datapackage.py")], cwd=scratch, capture_output=True,
                         text=True, env={**__import__("os").environ, "CQLAB_LANGUAGE": "en"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "In merger_thresholds.csv, row 4, column 'rule' holds 'galactic'" in run.stdout
