"""A small client of the class hub for the tests and the load test: log in, start, pull, run, move a widget.

Why our own: jhub-client's login does not send the ``_xsrf`` field that JupyterHub 5 checks, and no
maintained library runs a notebook cell by cell over a *remote* server's kernel websocket through a
hub (nbclient needs a local kernel manager). So this is the least that does it: ``requests`` for the
REST API, ``websocket-client`` for the kernel protocol (Jupyter messaging 5.3, JSON text frames;
binary frames carry widget buffers).
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import requests
import websocket


class HubError(RuntimeError):
    """Something the hub or a student's server did not do."""


class Hub:
    """The hub's REST API with an admin (service) token."""

    def __init__(self, base: str, token: str):
        self.base = base.rstrip("/")
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"token {token}"

    def api(self, method: str, path: str, expect=(200, 201, 202, 204), **kw) -> requests.Response:
        response = self.http.request(method, f"{self.base}/hub/api{path}", timeout=60, **kw)
        if response.status_code not in expect:
            raise HubError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response

    def delete_user(self, name: str) -> None:
        self.api("DELETE", f"/users/{name}/server", expect=(202, 204, 400, 404))
        self.api("DELETE", f"/users/{name}", expect=(204, 404))


def login(base: str, username: str, password: str) -> requests.Session:
    """Log in through the hub's login form (first use sets the password), as a browser does."""
    session = requests.Session()
    page = session.get(f"{base}/hub/login", timeout=60)
    page.raise_for_status()
    xsrf = session.cookies.get("_xsrf")
    done = session.post(f"{base}/hub/login?next=", data={"username": username, "password": password,
                                                         "_xsrf": xsrf}, allow_redirects=False, timeout=60)
    if done.status_code != 302:
        raise HubError(f"login of {username} refused: {done.status_code}")
    return session


def user_token(session: requests.Session, base: str, username: str) -> str:
    """Ask the hub for an API token of the logged-in user (what a student does on the token page)."""
    response = session.post(f"{base}/hub/api/users/{username}/tokens", json={"note": "cqlab client"},
                            headers={"X-XSRFToken": session.cookies.get("_xsrf", "")}, timeout=60)
    if response.status_code != 201:
        raise HubError(f"token for {username}: {response.status_code} {response.text[:300]}")
    return response.json()["token"]


class Student:
    """One student's side: their server through the proxy, with their own token."""

    def __init__(self, base: str, name: str, token: str, browser: requests.Session | None = None):
        self.base, self.name, self.token = base.rstrip("/"), name, token
        self.browser = browser  # the logged-in cookie session: what a link click uses
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"token {token}"
        self.server = f"{self.base}/user/{name}"

    def start(self, timeout: float = 120, **options) -> None:
        """Start the student's server (options: e.g. language="zh") and wait until it answers."""
        response = self.http.post(f"{self.base}/hub/api/users/{self.name}/server", json=options, timeout=60)
        if response.status_code not in (201, 202, 400):  # 400: already running
            raise HubError(f"start {self.name}: {response.status_code} {response.text[:300]}")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.http.get(f"{self.base}/hub/api/users/{self.name}", timeout=60).json()
            server = (model.get("servers") or {}).get("")
            if server and server.get("ready"):
                return
            if not model.get("pending") and not server:
                raise HubError(f"server of {self.name} failed to start")
            time.sleep(0.25)
        raise HubError(f"server of {self.name} not ready in {timeout} s")

    def follow_link(self, link: str) -> str:
        """Open an nbgitpuller link (hub/user-redirect/git-pull?...) and run the pull it asks for.

        The link's page is what a browser shows; its script then streams /git-pull/api. Returns the
        pull's log; raises HubError if git failed.
        """
        page = (self.browser or self.http).get(link, timeout=60)
        if page.status_code != 200 or "/git-pull" not in page.url:
            raise HubError(f"{link} -> {page.status_code} {page.url}")
        query = page.url.split("?", 1)[1]
        log = []
        with self.http.get(f"{self.server}/git-pull/api?{query}", stream=True, timeout=300) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if not line or not line.startswith("data:"):
                    continue
                event = json.loads(line[5:])
                if event.get("output"):
                    log.append(event["output"])
                if event.get("phase") == "finished":
                    return "".join(log)
                if event.get("phase") == "error":
                    raise HubError(f"pull for {self.name} failed: {event.get('message')} {''.join(log)}")
        raise HubError(f"pull for {self.name} ended without finishing: {''.join(log)}")

    def notebook(self, path: str) -> dict:
        response = self.http.get(f"{self.server}/api/contents/{path}", timeout=60)
        if response.status_code != 200:
            raise HubError(f"{path} in {self.name}'s home: {response.status_code}")
        return response.json()["content"]

    def kernel(self, path: str) -> Kernel:
        """A new kernel session for the notebook at path (its folder is the kernel's working directory)."""
        response = self.http.post(f"{self.server}/api/sessions", timeout=60, json={
            "path": path, "type": "notebook", "name": path.rsplit("/", 1)[-1], "kernel": {"name": "python3"}})
        if response.status_code != 201:
            raise HubError(f"session for {path}: {response.status_code} {response.text[:300]}")
        session = response.json()
        ws_base = self.server.replace("http", "ws", 1)
        return Kernel(f"{ws_base}/api/kernels/{session['kernel']['id']}/channels", self.token,
                      session["kernel"]["id"], self)


class Kernel:
    """One kernel over its websocket: execute code, collect outputs and widget comms."""

    def __init__(self, url: str, token: str, kernel_id: str, student: Student):
        self.id, self.student = kernel_id, student
        self.session = uuid.uuid4().hex
        self.ws = websocket.create_connection(url, header=[f"Authorization: token {token}"], timeout=180)
        self.comms: dict[str, dict] = {}  # comm id -> widget state, from comm_open and updates

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.student.http.delete(f"{self.student.server}/api/kernels/{self.id}", timeout=60)

    def _send(self, msg_type: str, content: dict, channel: str = "shell") -> str:
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "session": self.session, "username": "",
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": []}))
        return msg_id

    def _receive(self) -> dict:
        frame = self.ws.recv()
        if isinstance(frame, bytes):  # binary frame (jupyter_server): n, n offsets (uint32 big-endian),
            count = int.from_bytes(frame[:4], "big")  # then the JSON message and n - 1 buffers
            offsets = [int.from_bytes(frame[4 + 4 * i: 8 + 4 * i], "big") for i in range(count)]
            offsets.append(len(frame))
            message = json.loads(frame[offsets[0]:offsets[1]])
            message["buffers"] = [frame[offsets[i]:offsets[i + 1]] for i in range(1, count)]
            return message
        return json.loads(frame)

    def _track_comm(self, message: dict) -> None:
        kind, content = message["header"]["msg_type"], message["content"]
        if kind == "comm_open":
            self.comms[content["comm_id"]] = dict(content["data"].get("state", {}))
        elif kind == "comm_msg" and content["data"].get("method") == "update":
            state = self.comms.setdefault(content["comm_id"], {})
            state.update(content["data"].get("state", {}))
            for path, buffer in zip(content["data"].get("buffer_paths", []), message.get("buffers", [])):
                state[path[0]] = buffer

    def execute(self, code: str, timeout: float = 180) -> list[dict]:
        """Run code; return its outputs (stream, display_data, execute_result, error) as nbformat dicts."""
        msg_id = self._send("execute_request", {"code": code, "silent": False, "store_history": True,
                                                "user_expressions": {}, "allow_stdin": False})
        outputs, idle, replied = [], False, False
        deadline = time.monotonic() + timeout
        while not (idle and replied):
            if time.monotonic() > deadline:
                raise HubError(f"no reply in {timeout} s to: {code[:80]}")
            message = self._receive()
            self._track_comm(message)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["header"]["msg_type"], message["content"]
            if kind == "status" and content["execution_state"] == "idle":
                idle = True
            elif kind == "execute_reply":
                replied = True
            elif kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append({"output_type": kind, **content})
        return outputs

    def run_notebook(self, notebook: dict) -> list[list[dict]]:
        """Execute every code cell of a notebook model in order; return each cell's outputs."""
        return [self.execute(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]

    def find_comm(self, **match) -> str:
        """The comm id of the widget whose state has these values (e.g. _model_name="IntSliderModel")."""
        for comm_id, state in self.comms.items():
            if all(state.get(k) == v or (isinstance(state.get(k), list) and v in state.get(k))
                   for k, v in match.items()):
                return comm_id
        raise HubError(f"no widget with {match}")

    def move_widget(self, comm_id: str, value, watch: str, timeout: float = 60) -> bytes:
        """Set a widget's value as the browser does (comm_msg update) and wait for the watched widget's
        new value (e.g. the chart Image's PNG bytes); return it."""
        before = self.comms.get(watch, {}).get("value")
        self._send("comm_msg", {"comm_id": comm_id, "data": {"method": "update", "state": {"value": value},
                                                           "buffer_paths": []}})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self._receive()
            self._track_comm(message)
            now = self.comms.get(watch, {}).get("value")
            if isinstance(now, bytes) and now != before:
                return now
        raise HubError(f"widget {watch} did not change in {timeout} s")



# --- a hub for the tests and the load test ---------------------------------------------------------

HUB_DIR = Path(__file__).resolve().parent
HUB_PYTHON = HUB_DIR / ".venv" / "bin" / "python"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pids_of(uid: int) -> list[int]:
    """The ids of the processes running as uid."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found.append(int(entry.name))
            except FileNotFoundError:
                pass
    return found


class RunningHub:
    """`make hub`'s configuration started on 127.0.0.1 on free ports, with an admin token; stop() ends it
    (the hub stops every student's server and the proxy) and removes the Unix accounts it made."""

    def __init__(self, state: Path, extra_env: dict | None = None, log_path: Path | None = None):
        if not HUB_PYTHON.exists():
            raise HubError(f"{HUB_PYTHON} is missing: run `make hub/.venv/.installed` first.")
        self.state = Path(state)
        self.state.mkdir(parents=True, exist_ok=True)
        self.token = secrets.token_hex(24)
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "CQLAB_HUB_STATE": str(self.state / "hub"), "CQLAB_HUB_PORT": str(port),
               "CQLAB_HUB_API_PORT": str(free_port()), "CQLAB_HUB_PROXY_API_PORT": str(free_port()),
               "CQLAB_HUB_DRIVER_TOKEN": self.token, "CQLAB_HUB_IP": "127.0.0.1", **(extra_env or {})}
        self.log_path = log_path or self.state / "hub.log"
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen([str(HUB_PYTHON), "-m", "jupyterhub", "-f",
                                         str(HUB_DIR / "jupyterhub_config.py")], env=env, cwd=self.state,
                                        stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        self.admin = Hub(self.base, self.token)
        self.users: list[str] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HubError(f"the hub exited ({self.process.returncode}): {self.log_tail()}")
            try:
                if self.admin.http.get(f"{self.base}/hub/api/", timeout=5).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        self.stop()
        raise HubError(f"the hub did not answer in 60 s: {self.log_tail()}")

    def log_tail(self, chars: int = 3000) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-chars:]

    def student(self, name: str, password: str) -> Student:
        """Log a student in through the form (first use: sign-up) and return their side with a token."""
        self.users.append(name)
        session = login(self.base, name, password)
        return Student(self.base, name, user_token(session, self.base, name), browser=session)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # the hub stops the servers, the proxy and the culler, then exits
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self._log.close()
        for name in self.users:
            try:
                uid = pwd.getpwnam(name).pw_uid
            except KeyError:
                continue
            if uid >= 1000:  # only accounts the hub made (course accounts); never a system account
                for pid in pids_of(uid):  # anything the hub started as that student and left behind
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                subprocess.run(["userdel", "--remove", name], capture_output=True, check=False)


class GitServer:
    """`git daemon` on 127.0.0.1 serving the repositories under base (read-only, git:// URLs): a remote
    the students' accounts can clone from, as they would the published student edition."""

    def __init__(self, base: Path):
        self.base = Path(base)
        self.port = free_port()
        self.process = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1", f"--port={self.port}",
             f"--base-path={self.base}", str(self.base)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            if self.process.poll() is not None:
                raise HubError(f"git daemon exited: {self.process.stderr.read().decode()[-500:]}")
            time.sleep(0.1)
        raise HubError("git daemon did not listen in 20 s")

    def url(self, name: str) -> str:
        return f"git://127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def make_edition(root: Path, dest: Path) -> Path:
    """The student edition, written by the same code as `make edition` (scripts/student_edition.py): what
    students' nbgitpuller links pull, with no master, autograder or hidden test."""
    import sys

    scripts = str(Path(root) / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    from student_edition import write_edition

    write_edition(Path(dest), Path(root))
    return Path(dest)
