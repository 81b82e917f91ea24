"""Clean-up for tests that start real process trees: nothing a failed assertion leaves behind
may outlive the test (a stray Prefect server or pool worker would skew every test after it)."""
from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterable

import psutil


def kill_all(started: Iterable[psutil.Process], leader: subprocess.Popen) -> None:
    for p in started:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    if leader.poll() is None:
        os.killpg(leader.pid, signal.SIGKILL)
