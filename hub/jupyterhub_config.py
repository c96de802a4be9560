"""JupyterHub for one class on one machine (`make hub`). Every setting below says why.

Settings come from the environment so that `make hub`, the tests (tests/hub) and the load test
(bench/hub_load.py) start the same configuration:

  CQLAB_HUB_IP / CQLAB_HUB_PORT   where students connect (default 127.0.0.1:8000; 0.0.0.0 for a class)
  CQLAB_HUB_API_PORT / CQLAB_HUB_PROXY_API_PORT   internal ports (default 8081 / 8001)
  CQLAB_HUB_STATE                 folder for the hub's database, cookie secret, passwords (hub/state)
  CQLAB_HUB_ADMINS                comma-separated instructor user names (admin panel, `make collect`)
  CQLAB_HUB_ROSTER                a file of allowed user names, one a line; unset = anyone may sign up
  CQLAB_HUB_MEM_LIMIT             address-space limit per process of a student (default 2G; see below)
  CQLAB_HUB_IDLE_TIMEOUT          seconds before an idle server is stopped (default 3600)
  CQLAB_HUB_DRIVER_TOKEN          if set, an API token with admin rights for the tests and the load test
  CQLAB_LANGUAGE                  the language a student gets when they choose none (en / zh)
"""

import os
import sys
from pathlib import Path

from jupyterhub.traitlets import ByteSpecification

HUB = Path(__file__).resolve().parent
ROOT = HUB.parent
sys.path.insert(0, str(HUB))
from cqlab_hub import COURSE_GROUP, CourseAuthenticator, CourseSpawner, ensure_group  # noqa: E402

c = get_config()  # noqa: F821  (JupyterHub provides it)
env = os.environ.get
STATE = Path(env("CQLAB_HUB_STATE", HUB / "state"))
STATE.mkdir(parents=True, exist_ok=True, mode=0o700)
BIN = Path(sys.executable).parent  # hub/.venv: students' servers and kernels run from it


def check_students_can_run(python: Path) -> None:
    """Stop with a clear message if a student's account could not execute the hub's Python."""
    for path in [python.resolve(), *python.resolve().parents]:
        if not os.stat(path).st_mode & 0o001:
            raise SystemExit(f"Students cannot run {python}: {path} is not executable by others. Build "
                             "the hub's environment from a Python every account can run (make hub uses "
                             "HUB_PYTHON=/usr/bin/python3), not from one under /root.")


if os.geteuid() != 0:
    raise SystemExit("The class hub runs as root: it creates each student's Unix account and starts their "
                     "server as that account (sudo make hub).")
check_students_can_run(Path(sys.executable))

# --- network: the public proxy, the hub's API, the proxy's API --------------------------------------
c.JupyterHub.ip = env("CQLAB_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(env("CQLAB_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("CQLAB_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env('CQLAB_HUB_PROXY_API_PORT', '8001')}"
# configurable-http-proxy from the npm registry (package.json), installed into node_modules/ by make
c.ConfigurableHTTPProxy.command = [str(ROOT / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")

# --- who may log in: first-use passwords, one Unix account per student ------------------------------
# University: replace with an identity provider's authenticator, e.g. oauthenticator's
# GenericOAuthenticator / AzureAdOAuthenticator / GoogleOAuthenticator, or ltiauthenticator's
# LTI13Authenticator to launch from Canvas/Moodle; combine it with LocalAuthenticator the same way
# CourseAuthenticator does (class X(LocalAuthenticator, ThatAuthenticator)) to keep real Unix users.
c.JupyterHub.authenticator_class = CourseAuthenticator
c.FirstUseAuthenticator.dbm_path = str(STATE / "passwords.dbm")
c.FirstUseAuthenticator.min_password_length = 8
c.LocalAuthenticator.create_system_users = True
# a private home (0700), in the course group, no login shell: the account exists to run the server
c.LocalAuthenticator.add_user_cmd = ["useradd", "--create-home", "--key", "HOME_MODE=0700",
                                     "--gid", COURSE_GROUP, "--groups", COURSE_GROUP,
                                     "--shell", "/usr/sbin/nologin", "--comment", "cqlab student"]
ensure_group(COURSE_GROUP)


def build_home_seed(seed: Path) -> Path:
    """matplotlib's font cache, built once by the hub's Python (the one students' kernels run), for every new
    home: a kernel with a fresh home would otherwise scan all the machine's fonts (~0.2 CPU-s) before its
    first chart. The cache lists the same system and matplotlib fonts any student's kernel would find."""
    import shutil
    import subprocess
    import tempfile

    cache = seed / ".cache" / "matplotlib"
    with tempfile.TemporaryDirectory() as scratch:
        built = subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"],
                               env={**os.environ, "MPLCONFIGDIR": scratch}, capture_output=True, timeout=300)
        fontlists = sorted(Path(scratch).glob("fontlist-*.json"))
        if built.returncode != 0 or not fontlists:
            print(f"[cqlab hub] no font cache for new homes: {built.stderr.decode()[-300:]}", file=sys.stderr)
            return seed
        if cache.exists():
            shutil.rmtree(cache)
        cache.mkdir(parents=True)
        for fontlist in fontlists:
            shutil.copyfile(fontlist, cache / fontlist.name)
    return seed


c.CourseAuthenticator.home_seed = str(build_home_seed(STATE / "home-seed"))
# Unix-safe names only (useradd's rules); names of the machine's own accounts are refused at spawn
c.Authenticator.username_pattern = r"^[a-z][a-z0-9_-]{1,30}$"
c.Authenticator.blocked_users = {"root", "admin", "nobody", "daemon", "bin", "sys", "www-data"}
c.Authenticator.admin_users = {u.strip() for u in env("CQLAB_HUB_ADMINS", "").split(",") if u.strip()}
roster = env("CQLAB_HUB_ROSTER")
if roster:
    c.Authenticator.allowed_users = {line.strip() for line in Path(roster).read_text().splitlines()
                                     if line.strip() and not line.startswith("#")}
    c.FirstUseAuthenticator.create_users = True  # a rostered student sets a password at first login
else:
    c.Authenticator.allow_all = True  # classroom sign-up: anyone reaching the hub may make an account

# --- each student's server: the course environment, as the student ------------------------------------
c.JupyterHub.spawner_class = CourseSpawner
c.CourseSpawner.default_language = env("CQLAB_LANGUAGE", "en")
# Memory: LocalProcessSpawner ignores mem_limit, systemd is not PID 1 here (no systemdspawner), and on
# this machine cgroup v2 has no memory controller while cgroup v1's memory hierarchy is read-only. So each
# student's server and kernels run under prlimit: RLIMIT_AS (address space, per process: a kernel that
# allocates past it gets MemoryError instead of pushing the machine into swap) and RLIMIT_NPROC (a fork
# bomb stops at 256 processes of that user). Where cgroups are writable, use systemdspawner's mem_limit.
# prlimit gets bytes: its own "2G" suffix does not parse as 2 GiB here (every program then segfaults).
MEM_LIMIT = ByteSpecification().validate(None, env("CQLAB_HUB_MEM_LIMIT", "2G"))  # "2G" -> 2 GiB in bytes
c.Spawner.mem_limit = MEM_LIMIT  # not enforced by this spawner; recorded for the hub's API
c.Spawner.cmd = ["prlimit", f"--as={MEM_LIMIT}:{MEM_LIMIT}", "--nproc=256:256", "--",
                 str(BIN / "jupyterhub-singleuser")]
# the tests block the network in every process they start (tests/network_guard): students' kernels too
c.Spawner.env_keep = ["PATH", "PYTHONPATH", "LANG", "LC_ALL", "JUPYTERHUB_SINGLEUSER_APP",
                      "CQLAB_BLOCK_NETWORK"]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# Day-one settings (the same as `make lab`): no news popup, no update check.
c.Spawner.args = ["--LabApp.news_url=None",
                  "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
c.Spawner.environment = {
    "PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin",
    # the course's day-one settings (no news popup or update check, widget state not saved), as make lab has
    # hub/jupyter-config first: the hub's own differences (lessons signed after each nbgitpuller pull by
    # cqlab.hub_trust, so they open trusted; unused server extensions off to save start-up CPU)
    "JUPYTER_CONFIG_PATH": os.pathsep.join([str(HUB / "jupyter-config"), str(ROOT / "jupyter-config")]),
}

# --- housekeeping: stop idle servers (jupyterhub-idle-culler) -----------------------------------------
services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={env('CQLAB_HUB_IDLE_TIMEOUT', '3600')}"],
}]
roles = [{"name": "idle-culler", "services": ["idle-culler"],
          "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}]
if env("CQLAB_HUB_DRIVER_TOKEN"):
    # the tests' and load test's client: creates users, starts servers, asks for users' tokens
    services.append({"name": "cqlab-driver", "api_token": env("CQLAB_HUB_DRIVER_TOKEN")})
    roles.append({"name": "cqlab-driver", "services": ["cqlab-driver"], "scopes": ["admin:users",
                  "admin:servers", "tokens", "access:servers", "read:hub", "admin:auth_state"]})
c.JupyterHub.services = services
c.JupyterHub.load_roles = roles
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server
