"""The run's own temporary Prefect API server, when no PREFECT_API_URL is configured.

Left to itself, Prefect starts a temporary ("ephemeral") server on the flow's first API
call: only after kabar's imports are done, with `prefect.server` (the whole API app,
~3.5 CPU s) imported into the calling process just to launch it, and again in any worker
process whose settings carry no URL. Here the same server (Prefect's own command line for
it, `uvicorn prefect.server.api.server:create_app`, with the environment Prefect gives it)
is launched before kabar imports its stages and GX, so it boots on the other core while
they load; the flow's process stays a plain HTTP client, and PREFECT_API_URL is set for
this process's settings and inherited by every worker it spawns.
"""
from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

# what Prefect's SubprocessASGIServer sets for its temporary server
_SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
_DEFAULT_TIMEOUT = 90.0
_PR_SET_PDEATHSIG = 1  # linux/prctl.h  # a busy 2-core machine needs more than Prefect's default 20 s


def configured_url() -> str | None:
    """The API URL from the environment or the active Prefect profile, if any."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or os.environ.get("PREFECT_API_URL") or None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the server's child process before exec: SIGTERM when its parent dies (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the parent's exit hook still stops it
        pass


class ApiServer:
    """A temporary Prefect API server on a free loopback port, started without waiting."""

    def __init__(self, port: int | None = None):
        self.port = port or _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        self.proc: subprocess.Popen | None = None

    def start(self) -> ApiServer:
        import prefect

        app_dir = prefect.__module_path__.parent
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, **_SERVER_ENV}, stdin=subprocess.DEVNULL,
            # Ctrl-C signals the terminal's whole foreground group: the server must outlive the
            # run's own stop (it records the cancelled states), so it gets a session of its own
            # and is stopped by the run at exit, or by the kernel when the run dies (even by SIGKILL)
            start_new_session=True, preexec_fn=_die_with_parent)
        return self

    def wait_ready(self, timeout: float | None = None) -> None:
        """Block until the server answers its health check (or fail with a clear message)."""
        import httpx

        timeout = timeout or float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", _DEFAULT_TIMEOUT))
        deadline = time.monotonic() + timeout
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"the Prefect API server exited with code {self.proc.returncode} before it was ready")
                try:
                    if client.get(f"{self.api_url}/health", timeout=5).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        raise RuntimeError(f"the Prefect API server on {self.api_url} did not answer within {timeout:.0f} s")

    def stop(self, timeout: float = 10) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


_server: ApiServer | None = None  # one per process, reused by every run in it (tests run many)


@contextlib.contextmanager
def api_for_run(local_workers: bool = True) -> Iterator[ApiServer | None]:
    """The Prefect API for a run and its workers: the configured one, else this process's
    temporary server, started on first use (not yet ready then: `wait_ready()` before the
    first API call). Inside, PREFECT_API_URL is set in the environment workers inherit
    and in Prefect's settings of this process. The server is stopped at exit, after
    Prefect has sent it the logs and events its background workers still hold (they
    drain when threads shut down, before exit hooks run), as Prefect does with its own
    temporary server.

    `local_workers=False` (workers of an existing Dask cluster, maybe on other machines):
    a loopback URL would be useless to them and would override the one their own
    environment gives them, so nothing is started or set; Prefect's defaults apply."""
    global _server
    if not local_workers or (_server is None and configured_url()):
        yield None
        return
    if _server is None:
        _server = ApiServer().start()
        atexit.register(_server.stop)
    from prefect.context import refresh_global_settings_context

    previous = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = _server.api_url
    # Prefect's settings are loaded already: the process-wide ones, not a context of this
    # thread, because Prefect's background threads (event and log forwarding from process
    # workers) would otherwise find no URL and start a temporary server of their own
    refresh_global_settings_context()
    try:
        yield _server
    finally:
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = previous
        refresh_global_settings_context()
