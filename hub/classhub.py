"""Start and stop the course's JupyterHub on 127.0.0.1, for the tests and the load test.

It builds what the hub needs under build/ (once; later runs reuse it):
  build/hub-venv/   Python environment: requirements.txt + requirements-hub.txt
                    (the hub and every student's server run from it, as in a hub image)
  build/hub-proxy/  configurable-http-proxy, by `npm ci` from hub/package-lock.json
and serves the course to nbgitpuller from a local bare git clone of this
repository (file://), so nothing here needs a service outside the machine.
"""

import contextlib
import hashlib
import os
import pathlib
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid

import psutil

ROOT = pathlib.Path(__file__).resolve().parents[1]
HUB_DIR = ROOT / "hub"
BUILD = ROOT / "build"
HUB_VENV = BUILD / "hub-venv"
PROXY_DIR = BUILD / "hub-proxy"
CONFIG = HUB_DIR / "jupyterhub_config.py"
COURSE_NAME = "mscourse"  # the folder nbgitpuller creates in each student's home
PASSWORD = "mscourse-class-password"  # test-only class password
TAG = "MSCOURSE_HUB_RUN"


class Missing(RuntimeError):
    """Something the hub needs is not on this machine (the message says what)."""


def _digest(*paths, extra=""):
    h = hashlib.sha256(extra.encode())
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def _run(cmd, **kw):
    result = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if result.returncode:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def ensure_environment(log=lambda message: None):
    """Build (or reuse) the hub's Python environment and proxy; return their paths."""
    for tool in ("node", "npm", "git"):
        if not shutil.which(tool):
            raise Missing(f"the hub needs `{tool}` (Debian/Ubuntu: `sudo apt-get install nodejs npm git`)")
    requirements = [ROOT / "requirements.txt", ROOT / "requirements-hub.txt"]
    stamp = HUB_VENV / ".mscourse-stamp"
    wanted = _digest(*requirements, extra=sys.version)
    if not (stamp.exists() and stamp.read_text() == wanted):
        log(f"building {HUB_VENV.relative_to(ROOT)} (about a minute, once)")
        shutil.rmtree(HUB_VENV, ignore_errors=True)
        _run([sys.executable, "-m", "venv", str(HUB_VENV)])
        _run([str(HUB_VENV / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
              *sum((["-r", str(r)] for r in requirements), [])])
        stamp.write_text(wanted)
    lock = HUB_DIR / "package-lock.json"
    stamp = PROXY_DIR / ".mscourse-stamp"
    wanted = _digest(HUB_DIR / "package.json", lock)
    proxy = PROXY_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
    if not (stamp.exists() and stamp.read_text() == wanted and proxy.exists()):
        log(f"installing configurable-http-proxy into {PROXY_DIR.relative_to(ROOT)}")
        shutil.rmtree(PROXY_DIR, ignore_errors=True)
        PROXY_DIR.mkdir(parents=True)
        shutil.copy(HUB_DIR / "package.json", PROXY_DIR)
        shutil.copy(lock, PROXY_DIR)
        _run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PROXY_DIR)
        stamp.write_text(wanted)
    return HUB_VENV / "bin" / "python", proxy


def make_course_remote(folder):
    """A bare git clone of this repository's committed HEAD, as branch main: nbgitpuller's source."""
    remote = pathlib.Path(folder) / COURSE_NAME  # nbgitpuller names the student's folder after it
    _run(["git", "init", "-q", "--bare", "--initial-branch=main", str(remote)])
    _run(["git", "-C", str(ROOT), "push", "-q", str(remote), "HEAD:refs/heads/main"])
    return remote


def pull_link(remote, branch="main", notebook="00_start_here.ipynb"):
    """The nbgitpuller link a student clicks (relative to the hub's address)."""
    query = urllib.parse.urlencode({
        "repo": pathlib.Path(remote).as_uri(),
        "branch": branch,
        "urlpath": f"lab/tree/{COURSE_NAME}/notebooks/{notebook}",
    })
    return f"/hub/user-redirect/git-pull?{query}"


def free_ports(count=3):
    """The first of ``count`` consecutive free ports on 127.0.0.1 (public, hub API, proxy API)."""
    for _ in range(200):
        first = random.randint(20000, 60000)
        try:
            with contextlib.ExitStack() as stack:
                for port in range(first, first + count):
                    s = stack.enter_context(socket.socket())
                    s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError("no free ports on 127.0.0.1")


def tagged_processes(tag):
    """Every live process started for this hub run (the hub copies the tag into each)."""
    found = []
    for proc in psutil.process_iter(["pid"]):
        try:
            if proc.environ().get(TAG) == tag and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass
    return found


class ClassHub:
    """JupyterHub + configurable-http-proxy on 127.0.0.1, started from hub/jupyterhub_config.py.

    Use as a context manager; ``stop()`` returns the processes it left behind
    (none, when the hub shuts down cleanly), and then ends them.
    """

    def __init__(self, run_dir, log=lambda message: None):
        self.python, self.proxy = ensure_environment(log)
        self.run_dir = pathlib.Path(run_dir)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.tag = uuid.uuid4().hex
        self.port = free_ports()
        self.url = f"http://127.0.0.1:{self.port}"
        self.remote = make_course_remote(self.run_dir)
        self.process = None

    def link(self, **kw):
        return self.url + pull_link(self.remote, **kw)

    def start(self, timeout=60):
        env = dict(os.environ, MSCOURSE_HUB_DIR=str(self.run_dir), MSCOURSE_HUB_PORT=str(self.port),
                   MSCOURSE_HUB_PASSWORD=PASSWORD, MSCOURSE_HUB_PROXY=str(self.proxy), **{TAG: self.tag})
        env["PATH"] = f"{self.python.parent}{os.pathsep}{env.get('PATH', '')}"
        env.pop("VIRTUAL_ENV", None)
        self.log_file = open(self.run_dir / "jupyterhub.log", "w")
        self.process = subprocess.Popen(
            [str(self.python), "-m", "jupyterhub", "-f", str(CONFIG)],
            cwd=self.run_dir, env=env, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited:\n{self.log()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/hub/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            if time.time() > deadline:
                raise RuntimeError(f"JupyterHub did not answer within {timeout} s:\n{self.log()[-3000:]}")
            time.sleep(0.3)

    def log(self):
        return (self.run_dir / "jupyterhub.log").read_text(errors="replace")

    def processes(self):
        return tagged_processes(self.tag)

    def stop(self, timeout=60):
        """Stop the hub as an administrator would (SIGTERM); return what it left running."""
        leftovers = []
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            deadline = time.time() + 10  # children may take a moment to exit after the hub
            while (leftovers := self.processes()) and time.time() < deadline:
                time.sleep(0.3)
            for proc in leftovers:
                with contextlib.suppress(psutil.Error):
                    proc.kill()
        if getattr(self, "log_file", None):
            self.log_file.close()
        return leftovers

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
