"""One class hub for the hub tests: started on 127.0.0.1 on free ports, stopped and its accounts removed after.

Needs root (the hub creates Unix accounts), hub/.venv (`make hub/.venv/.installed`), node_modules
(configurable-http-proxy) and git. Missing any of them skips with the reason, except in CI (CI=true),
where it fails.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hub"))


def missing() -> str | None:
    if os.geteuid() != 0:
        return "the class hub creates Unix accounts: run the hub tests as root"
    if not (ROOT / "hub" / ".venv" / "bin" / "jupyterhub").exists():
        return "hub/.venv is missing (make hub/.venv/.installed)"
    if not (ROOT / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        return "configurable-http-proxy is missing (npm install)"
    for tool in ("git", "useradd", "prlimit"):
        if shutil.which(tool) is None:
            return f"{tool} is missing"
    try:
        import requests  # noqa: F401
        import websocket  # noqa: F401
    except ImportError as error:
        return f"the hub extra is not installed in this environment: {error}"
    return None


def require_hub() -> None:
    reason = missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the hub tests: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def scratch():
    """A folder every account can traverse (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="cqlab-hub-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def edition(scratch):
    """The student edition served read-only by git daemon; yields (server, url)."""
    require_hub()
    from hubclient import GitServer, make_edition

    make_edition(ROOT, scratch / "git" / "edition")
    server = GitServer(scratch / "git")
    yield server, server.url("edition")
    server.stop()


@pytest.fixture(scope="module")
def hub(scratch, edition):
    require_hub()
    from hubclient import RunningHub

    running = RunningHub(scratch / "state", extra_env={"CQLAB_HUB_MEM_LIMIT": "2G", "CQLAB_LANGUAGE": "en"})
    yield running
    running.stop()
