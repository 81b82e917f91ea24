"""`make serve` under a supervisor: SIGTERM (or SIGINT) stops everything it started."""
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import psutil
import pytest
from process_tree import kill_all

from flows.serve import free_port

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]
REPO = Path(__file__).resolve().parents[2]


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # closed connections in TIME_WAIT are not a holder
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_make_serve_stops_all_it_started(tmp_path, sig):
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "home"), "PREFECT_WORKER_QUERY_SECONDS": "2",
           "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    log = open(tmp_path / "serve.log", "w+b")
    make = subprocess.Popen(["make", "serve", f"PORT={port}"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    started: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 240
        while b"worker started" not in (tmp_path / "serve.log").read_bytes():
            assert make.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(1)
        started = psutil.Process(make.pid).children(recursive=True)
        names = " ".join(" ".join(p.cmdline()) for p in started)
        assert "server start" in names and "worker start" in names
        assert not _port_free(port)
        if sig == signal.SIGTERM:
            make.send_signal(sig)  # to make only, as a supervisor does: make passes SIGTERM on
        else:
            os.killpg(make.pid, sig)  # Ctrl-C: the terminal signals the whole foreground group
        make.wait(timeout=60)
        _, alive = psutil.wait_procs(started, timeout=20)
        assert not alive, [" ".join(p.cmdline()) for p in alive]
        assert _port_free(port)
    finally:
        kill_all(started, make)
