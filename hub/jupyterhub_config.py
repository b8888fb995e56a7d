# JupyterHub for one class on one machine: the configuration the tests and the
# load test run (hub/classhub.py starts it). Every student gets a Jupyter server
# of their own, started as a local process, with a home folder under the run
# directory; students sign in with their name and the class password.
#
# Settings come from environment variables so that one file serves the test,
# the load test and a trial run by hand:
#   MSCOURSE_HUB_DIR       run directory: database, cookie secret, students' homes
#   MSCOURSE_HUB_PORT      the port on 127.0.0.1 (default 8000; the next two are used too)
#   MSCOURSE_HUB_PASSWORD  the class password (at least 8 characters)
#   MSCOURSE_HUB_PROXY     configurable-http-proxy (installed by `npm ci` from hub/package.json)
#   MSCOURSE_HUB_RUN       a tag copied into every process the hub starts (tests find them by it)
# For a real class with institutional sign-in, see "A class on a JupyterHub" in
# notebooks/instructor_guide.md: that is Zero to JupyterHub or The Littlest JupyterHub.
import os
import pathlib
import sys

c = get_config()  # noqa: F821 (provided by JupyterHub)

run_dir = pathlib.Path(os.environ.get("MSCOURSE_HUB_DIR", "build/hub-run")).resolve()
run_dir.mkdir(parents=True, exist_ok=True)
(run_dir / "home").mkdir(exist_ok=True)
bin_dir = pathlib.Path(sys.executable).parent  # the hub's environment is also the students'

# Listen on this machine only; the proxy is the one public entry point.
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ.get("MSCOURSE_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
# The hub's own API and the proxy's API get ports next to the public one, so
# that several hubs (tests, load tests) can run side by side.
c.JupyterHub.hub_port = c.JupyterHub.port + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{c.JupyterHub.port + 2}"
c.JupyterHub.db_url = f"sqlite:///{run_dir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(run_dir / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(run_dir / "jupyterhub.pid")
c.ConfigurableHTTPProxy.command = [os.environ.get("MSCOURSE_HUB_PROXY", "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(run_dir / "proxy.pid")
# Stopping the hub stops every student's server and the proxy: nothing is left running.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# Sign-in: any student name plus the class password (JupyterHub's built-in
# SharedPasswordAuthenticator). Fine for a workshop; a course uses the
# institution's sign-in (see the guide).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("MSCOURSE_HUB_PASSWORD", "")
c.Authenticator.allow_all = True

# One local process per student, all as this system user, each in its own home folder.
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(run_dir / "home" / "{username}")
c.Spawner.cmd = [str(bin_dir / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    "MSCOURSE_HUB_RUN": os.environ.get("MSCOURSE_HUB_RUN", ""),
    # Private JupyterLab settings per student, kept inside their home folder.
    "JUPYTERLAB_SETTINGS_DIR": lambda spawner: str(pathlib.Path(spawner.home_dir) / ".jupyter" / "lab" / "user-settings"),
    "JUPYTERLAB_WORKSPACES_DIR": lambda spawner: str(pathlib.Path(spawner.home_dir) / ".jupyter" / "lab" / "workspaces"),
}
c.Spawner.args = [
    "--LabApp.news_url=",  # nothing is fetched from the internet
    # Idle culling inside each student's server: a kernel nobody has used for
    # 20 minutes is stopped (frees its ~150 MB), and a server with no activity
    # for an hour shuts itself down. The lesson files stay in the home folder.
    "--MappingKernelManager.cull_idle_timeout=1200",
    "--MappingKernelManager.cull_interval=120",
    "--ServerApp.shutdown_no_activity_timeout=3600",
]
if os.geteuid() == 0:
    # Only in a container or CI run as root (SimpleLocalProcessSpawner runs every
    # server as the hub's own user); a real hub never runs students as root.
    c.Spawner.args.append("--allow-root")
# At the start of class everyone arrives at once: give slow starts time.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 120
c.JupyterHub.concurrent_spawn_limit = 50
