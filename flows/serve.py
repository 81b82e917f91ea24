"""A one-machine Prefect stack for kabar: server on loopback, process pool, deployments, worker.

    python -m flows.serve [--port 4200] [--pool kabar]     # what `make serve` runs; Ctrl-C or SIGTERM stops it

Each step is the operator's command from the README (`prefect server start`,
`prefect work-pool create`, `prefect deploy`, `prefect worker start`), run as a
subprocess of the same environment; the end-to-end test drives this same class with
a temporary PREFECT_HOME and a free port. Every process started here runs in its own
process group and is stopped, with its descendants, within a time bound.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
PREFECT = str(Path(sys.executable).with_name("prefect"))
QUIET = {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "GX_ANALYTICS_ENABLED": "false",
         "PREFECT_CLI_PROMPT": "false"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stack:
    def __init__(self, port: int = 4200, pool: str = "kabar", env: dict[str, str] | None = None,
                 log_dir: Path | None = None, ui: bool = True):
        self.port, self.pool, self.ui = port, pool, ui
        self.api_url = f"http://127.0.0.1:{port}/api"
        self.env = {**os.environ, **QUIET, **(env or {}), "PREFECT_API_URL": self.api_url}
        self.log_dir = log_dir
        self.procs: list[subprocess.Popen] = []

    # -- steps --
    def _spawn(self, name: str, *args: str) -> subprocess.Popen:
        out = open(self.log_dir / f"{name}.log", "wb") if self.log_dir else None
        p = subprocess.Popen([PREFECT, *args], cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT if out else None,
                             stdin=subprocess.DEVNULL, start_new_session=True)  # own group: stop() kills it whole
        self.procs.append(p)
        return p

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        r = subprocess.run([PREFECT, *args], cwd=REPO, env=self.env, capture_output=True, text=True, timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError(f"prefect {' '.join(args)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
        return r

    def start_server(self, timeout: float = 90) -> None:
        self._spawn("server", "server", "start", "--host", "127.0.0.1", "--port", str(self.port),
                    "--ui" if self.ui else "--no-ui", "--analytics-off")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.procs[-1].poll() is not None:
                raise RuntimeError(f"prefect server exited with {self.procs[-1].returncode}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"prefect server not healthy on {self.api_url} after {timeout:.0f} s")

    def create_pool(self) -> None:
        self.run("work-pool", "create", self.pool, "--type", "process", "--overwrite")

    def deploy(self) -> str:
        return self.run("--no-prompt", "deploy", "--all", "--pool", self.pool).stdout

    def start_worker(self) -> None:
        self._spawn("worker", "worker", "start", "--pool", self.pool, "--type", "process")

    def up(self) -> "Stack":
        self.start_server()
        self.create_pool()
        self.deploy()
        self.start_worker()
        return self

    # -- teardown --
    def stop(self, timeout: float = 15) -> None:
        """SIGTERM each group and every descendant (flow-run subprocesses), then SIGKILL stragglers."""
        victims: list[psutil.Process] = []
        for p in self.procs:
            try:
                victims += [psutil.Process(p.pid), *psutil.Process(p.pid).children(recursive=True)]
            except psutil.NoSuchProcess:
                pass
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for v in victims:
            try:
                v.terminate()
            except psutil.NoSuchProcess:
                pass
        _, alive = psutil.wait_procs(victims, timeout=timeout)
        for v in alive:
            try:
                v.kill()
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(alive, timeout=5)
        for p in self.procs:
            try:
                p.wait(timeout=1)
            except subprocess.TimeoutExpired:
                pass
        self.procs.clear()

    def __enter__(self) -> "Stack":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m flows.serve", description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=int(os.environ.get("PREFECT_SERVER_API_PORT", 4200)))
    ap.add_argument("--pool", default="kabar")
    a = ap.parse_args(argv)
    stack = Stack(a.port, a.pool)
    # a supervisor (systemd, docker, a CI job) stops us with SIGTERM, not Ctrl-C: both must
    # reach the `finally` below, which stops the server, the worker and their flow runs
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        print(f"kabar: starting Prefect server on http://127.0.0.1:{a.port} ...", flush=True)
        stack.start_server()
        stack.create_pool()
        print(f"kabar: work pool '{a.pool}' ready; deploying prefect.yaml ...", flush=True)
        stack.deploy()
        stack.start_worker()
        print(f"kabar: worker started. UI: http://127.0.0.1:{a.port}\n"
              f"  in another shell:  export PREFECT_API_URL={stack.api_url}\n"
              f"                     .venv/bin/prefect deployment run 'kabar/nightly' --watch\n"
              "  Ctrl-C (or SIGTERM) stops the server and the worker.", flush=True)
        while all(p.poll() is None for p in stack.procs):
            time.sleep(1)
        print("kabar: a process exited; stopping", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal must not cut the clean-up short
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stack.stop()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


if __name__ == "__main__":
    sys.exit(main())
