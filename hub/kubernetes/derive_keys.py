"""Derive z2jh_keys.txt (the chart's documented value keys) from the chart's values.schema.yaml.

Usage: python hub/kubernetes/derive_keys.py path/to/values.schema.yaml VERSION > hub/kubernetes/z2jh_keys.txt

Get the schema with `git clone https://github.com/jupyterhub/zero-to-jupyterhub-k8s` (file
jupyterhub/values.schema.yaml); only the derived list is kept in this repository. Lines:
``a.b`` a documented key; ``a.b.*`` any key name under a.b (a map whose values have a schema);
``a.b.**`` anything below a.b (free-form, e.g. hub.config); ``a.b[]`` the items of a list (``a.b[].**``: items of any shape).
"""

from __future__ import annotations

import sys

import yaml


def walk(node: dict, path: str, out: set[str]) -> None:
    if not isinstance(node, dict):
        return
    props = node.get("properties") or {}
    for key, child in props.items():
        here = f"{path}.{key}" if path else key
        out.add(here)
        walk(child, here, out)
    for child in (node.get("patternProperties") or {}).values():  # key names matching a pattern
        out.add(f"{path}.*")
        walk(child, f"{path}.*", out)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict) and extra:
        out.add(f"{path}.*")
        walk(extra, f"{path}.*", out)
    elif (extra is True or (extra is None and not props and not node.get("patternProperties"))) \
            and path and "object" in _types(node):
        out.add(f"{path}.**")
    items = node.get("items")
    if "array" in _types(node) and not isinstance(items, dict):  # a list of anything (e.g. profileList)
        out.update({f"{path}[]", f"{path}[].**"})
    if isinstance(items, dict):
        out.add(f"{path}[]")
        if "object" in _types(items) and not items.get("properties") and items.get("additionalProperties") in (None, True):
            out.add(f"{path}[].**")
        walk(items, f"{path}[]", out)


def _types(node: dict) -> list[str]:
    kind = node.get("type", [])
    return kind if isinstance(kind, list) else [kind]


def main() -> None:
    schema = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    keys: set[str] = set()
    walk(schema, "", keys)
    print("# Documented value keys of the Zero to JupyterHub chart (jupyterhub/values.schema.yaml),")
    print(f"# from github.com/jupyterhub/zero-to-jupyterhub-k8s at {sys.argv[2]}.")
    print("# Derived by hub/kubernetes/derive_keys.py; tests/hub/test_kubernetes_values.py checks values.yaml against it.")
    for key in sorted(keys):
        print(key)


if __name__ == "__main__":
    main()
