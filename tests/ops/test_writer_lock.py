"""The writer lock with real processes: one holds it, another waits, refuses or takes over."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import fsspec
import pytest

from kabar.lock import LOCK_NAME, LockHeld, LockLost, WriterLock

REPO = Path(__file__).resolve().parents[2]

# A holder process: takes the lock, says so, holds it until `release` appears, exits.
HOLDER = """
import sys, time, pathlib, fsspec, logging
logging.basicConfig(level=logging.WARNING)
from kabar.lock import WriterLock
folder, flag, wait = sys.argv[1], pathlib.Path(sys.argv[2]), float(sys.argv[3])
lk = WriterLock(fsspec.filesystem("file"), folder, sys.argv[4], wait=wait, poll=0.1, heartbeat=0.2)
try:
    lk.acquire()
except Exception as exc:
    print("REFUSED", type(exc).__name__, exc, flush=True)
    sys.exit(3)
print("HOLDING", flush=True)
(flag.parent / (sys.argv[4] + ".held")).write_text("1")
while not flag.exists():
    time.sleep(0.05)
lk.release()
print("RELEASED", flush=True)
"""


def _spawn(folder, flag, run_id, wait=0.0):
    return subprocess.Popen([sys.executable, "-c", HOLDER, str(folder), str(flag), str(wait), run_id],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(path: Path, proc, timeout=30):
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "holder never took the lock"
        time.sleep(0.05)


def test_second_process_refuses_clearly_then_waits_and_gets_it(tmp_path):
    folder, flag = tmp_path / "out" / "_state", tmp_path / "release"
    a = _spawn(folder, flag, "run-a")
    _wait_for(tmp_path / "run-a.held", a)
    lock = json.loads((folder / LOCK_NAME).read_text())
    assert lock["run_id"] == "run-a" and lock["pid"] == a.pid and lock["host"] == socket.gethostname()
    first_beat = lock["heartbeat_ts"]

    b = _spawn(folder, flag, "run-b", wait=0)
    out, err = b.communicate(timeout=30)
    assert b.returncode == 3
    assert "REFUSED LockHeld" in out and "run run-a" in out and f"pid {a.pid}" in out, out + err

    time.sleep(0.6)
    assert json.loads((folder / LOCK_NAME).read_text())["heartbeat_ts"] > first_beat  # the heartbeat runs

    c = _spawn(folder, flag, "run-c", wait=30)  # waits for a to finish
    time.sleep(0.5)
    assert not (tmp_path / "run-c.held").exists()
    flag.write_text("go")
    assert a.wait(timeout=30) == 0
    _wait_for(tmp_path / "run-c.held", c)
    assert c.wait(timeout=30) == 0
    assert not (folder / LOCK_NAME).exists()


def test_lock_of_a_killed_process_is_taken_over_with_a_log_line(tmp_path):
    folder, flag = tmp_path / "_state", tmp_path / "release"
    a = _spawn(folder, flag, "run-a")
    _wait_for(tmp_path / "run-a.held", a)
    os.kill(a.pid, signal.SIGKILL)
    a.wait(timeout=10)
    assert (folder / LOCK_NAME).exists()
    b = _spawn(folder, flag, "run-b", wait=0)
    _wait_for(tmp_path / "run-b.held", b)
    flag.write_text("go")
    out, err = b.communicate(timeout=30)
    assert b.returncode == 0, out + err
    assert "taking over the writer lock of run run-a" in err and "process gone" in err


def _foreign(folder: Path, age: float) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    ts = time.time() - age
    (folder / LOCK_NAME).write_text(json.dumps({"run_id": "far", "pid": 1, "host": "another-host",
                                                "acquired_ts": ts, "heartbeat_ts": ts, "token": "t"}))


def test_other_hosts_lock_waits_for_its_heartbeat_to_go_stale(tmp_path, caplog):
    fs = fsspec.filesystem("file")
    _foreign(tmp_path, age=5)
    with pytest.raises(LockHeld, match="run far .*another-host"):
        WriterLock(fs, str(tmp_path), "mine", stale_after=60).acquire()
    _foreign(tmp_path, age=120)
    with WriterLock(fs, str(tmp_path), "mine", stale_after=60) as lk:
        assert json.loads((tmp_path / LOCK_NAME).read_text())["run_id"] == "mine"
        lk.verify()
    assert "taking over the writer lock of run far" in caplog.text and "no heartbeat" in caplog.text


def test_a_run_whose_lock_was_taken_over_cannot_publish(tmp_path):
    fs = fsspec.filesystem("file")
    lk = WriterLock(fs, str(tmp_path), "slow", heartbeat=0.1).acquire()
    _foreign(tmp_path, age=0)  # another run took it over while this one stalled
    time.sleep(0.4)
    with pytest.raises(LockLost, match="slow lost the writer lock"):
        lk.verify()
    lk.release()
    assert json.loads((tmp_path / LOCK_NAME).read_text())["run_id"] == "far"  # not ours to remove


def test_lock_on_an_object_store_filesystem():
    fs = fsspec.filesystem("memory")
    with WriterLock(fs, "/bucket/out/_state", "one"):
        with pytest.raises(LockHeld):
            WriterLock(fs, "/bucket/out/_state", "two").acquire()
    with WriterLock(fs, "/bucket/out/_state", "two"):
        pass
