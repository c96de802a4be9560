"""hub/kubernetes/values.yaml uses only keys the Zero to JupyterHub chart documents (offline check).

The key list (hub/kubernetes/z2jh_keys.txt) is derived from the chart's values.schema.yaml by
hub/kubernetes/derive_keys.py; its header names the chart commit.
"""

from __future__ import annotations

import yaml

from tests.hub.conftest import ROOT

KUBE = ROOT / "hub" / "kubernetes"


def documented() -> set[str]:
    return {line.strip() for line in (KUBE / "z2jh_keys.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")}


def undocumented(value, path: str, keys: set[str]) -> list[str]:
    """Key paths in value that the chart does not document."""
    if path and f"{path}.**" in keys:
        return []  # free-form below here (e.g. hub.config.X, extraEnv)
    if isinstance(value, dict):
        bad = []
        for key, child in value.items():
            here = f"{path}.{key}" if path else key
            if here in keys:
                bad += undocumented(child, here, keys)
            elif path and f"{path}.*" in keys:
                bad += undocumented(child, f"{path}.*", keys)
            else:
                bad.append(here)
        return bad
    if isinstance(value, list) and f"{path}[]" in keys:
        if f"{path}[].**" in keys:
            return []
        return [b for item in value for b in undocumented(item, f"{path}[]", keys)]
    return []


def test_the_key_list_is_the_charts():
    keys = documented()
    assert "48ea50e34daddde55d76e30df6ecd47e4abd4d8e" in (KUBE / "z2jh_keys.txt").read_text().splitlines()[1]
    assert {"singleuser.memory.limit", "singleuser.memory.guarantee", "cull.timeout",
            "singleuser.profileList"} <= keys


def test_the_checker_finds_an_undocumented_key():
    keys = documented()
    assert undocumented({"singleuser": {"memory": {"limit": "1G", "maximum": "2G"}}}, "", keys) == [
        "singleuser.memory.maximum"]
    assert undocumented({"cul": {"enabled": True}}, "", keys) == ["cul"]
    assert undocumented({"hub": {"config": {"Anything": {"goes": 1}}}}, "", keys) == []


def test_values_use_only_documented_keys():
    values = yaml.safe_load((KUBE / "values.yaml").read_text())
    assert undocumented(values, "", documented()) == []


def test_values_carry_the_course_settings():
    values = yaml.safe_load((KUBE / "values.yaml").read_text())
    single = values["singleuser"]
    assert values["cull"]["enabled"] is True
    assert single["memory"]["guarantee"] and single["memory"]["limit"]
    assert any(p.get("instructor_only") for p in single["profileList"])
    assert (KUBE / "Dockerfile").read_text().count("environment.yml") >= 1


def test_the_image_copies_what_exists_and_gets_the_hubs_day_one_settings():
    """Every COPY source of the course image is in the repository, and its JUPYTER_CONFIG_PATH is the
    one-machine hub's (hub/jupyterhub_config.py): the same day-one settings on Kubernetes as on one server."""
    import re

    text = (KUBE / "Dockerfile").read_text()
    root = KUBE.parents[1]
    for line in re.findall(r"^COPY (.+)$", text, flags=re.M):
        sources = [w for w in line.split() if not w.startswith("--")][:-1]
        assert sources, line
        for source in sources:
            assert (root / source).exists(), f"the Dockerfile copies {source}, which is not in the repository"
    path = re.search(r"^ENV JUPYTER_CONFIG_PATH=(\S+)$", text, flags=re.M)
    assert path, "the image sets no JUPYTER_CONFIG_PATH"
    in_image = [p.removeprefix("/opt/cqlab/") for p in path.group(1).split(":")]
    assert in_image == ["hub/jupyter-config", "jupyter-config"]
    config = (root / "hub" / "jupyterhub_config.py").read_text()
    assert 'str(HUB / "jupyter-config"), str(ROOT / "jupyter-config")' in config
