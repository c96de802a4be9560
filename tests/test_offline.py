"""The course runs offline: the kernels the tests start cannot reach the network, and that is checked."""

import os
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def test_the_guard_is_on_for_processes_the_tests_start():
    assert os.environ["CQLAB_BLOCK_NETWORK"] == "1"
    assert "network_guard" in os.environ["PYTHONPATH"]


def test_a_child_python_cannot_open_a_connection_to_the_internet():
    code = (
        "import socket\n"
        "s = socket.socket()\n"
        "try:\n"
        "    s.connect(('93.184.216.34', 80))\n"
        "except OSError as e:\n"
        "    print(type(e).__name__, e)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "NetworkBlocked" in result.stdout, result.stdout + result.stderr


def test_a_child_python_can_still_use_loopback():
    code = (
        "import socket\n"
        "server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen(1)\n"
        "client = socket.socket(); client.connect(server.getsockname()); print('loopback ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "loopback ok" in result.stdout, result.stderr


def test_a_notebook_kernel_that_tries_to_download_fails():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import urllib.request\nurllib.request.urlopen('http://example.com', timeout=5)"
    )])
    client = NotebookClient(notebook, timeout=60, kernel_name="python3")
    with pytest.raises(CellExecutionError, match="network access blocked"):
        client.execute()
