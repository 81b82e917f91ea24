"""One writer per output folder: a lock file that works on local disks and object stores.

    <out>/_state/writer.lock   {"run_id", "pid", "host", "acquired_at", "heartbeat_at", "token"}

Acquisition is a create-exclusive write (`open(path, "xb")`: O_EXCL on a local disk,
a conditional put on object stores whose fsspec driver supports it), read back to
check the token, because a driver without exclusive create degrades to a plain write
and the read-back is then what tells two writers apart. A thread rewrites
`heartbeat_at` every `heartbeat` seconds while the run lives and checks the file still
carries its token; the writer calls `verify()` before it publishes, so a run whose lock
was taken over (it stalled past `stale_after`) stops instead of writing over the new
owner.

A lock is stale when its heartbeat is older than `stale_after` seconds, or at once when
it was taken on this host by a process that no longer exists (kill -9). A stale lock is
taken over with a warning naming the old owner. `owner_is_dead()` is the proof that
crash recovery asks for before it touches another run's files.
"""
from __future__ import annotations

import json
import logging
import os
import posixpath
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import psutil

log = logging.getLogger("kabar")

LOCK_NAME = "writer.lock"
STALE_AFTER = 120.0  # seconds without a heartbeat before another run may take the lock over
HEARTBEAT = 10.0


class LockHeld(RuntimeError):
    """Another live run writes this output folder."""


class LockLost(RuntimeError):
    """This run's lock was taken over by another run: it must not publish."""


def _now() -> float:
    return time.time()


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat()


@dataclass
class Holder:
    """What a lock file says about its owner."""
    run_id: str
    pid: int
    host: str
    acquired_at: float
    heartbeat_at: float
    token: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Holder":
        return cls(str(data.get("run_id")), int(data.get("pid", -1)), str(data.get("host", "")),
                   float(data.get("acquired_ts", 0)), float(data.get("heartbeat_ts", 0)), str(data.get("token", "")))

    def to_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "pid": self.pid, "host": self.host,
                "acquired_at": _iso(self.acquired_at), "heartbeat_at": _iso(self.heartbeat_at),
                "acquired_ts": self.acquired_at, "heartbeat_ts": self.heartbeat_at, "token": self.token}

    def describe(self, now: float | None = None) -> str:
        age = (now or _now()) - self.heartbeat_at
        return f"run {self.run_id} (pid {self.pid} on {self.host}, last heartbeat {age:.0f} s ago)"

    def is_dead(self, stale_after: float, now: float | None = None) -> bool:
        """Provably gone: no heartbeat for `stale_after`, or a vanished process on this host."""
        if (now or _now()) - self.heartbeat_at > stale_after:
            return True
        if self.host == socket.gethostname():
            try:
                p = psutil.Process(self.pid)
            except psutil.NoSuchProcess:
                return True
            # a recycled pid started after the lock was taken is not the owner
            return p.create_time() > self.acquired_at + 1
        return False


class WriterLock:
    """`with WriterLock(fs, folder, run_id): ...` holds the folder's lock for the block."""

    def __init__(self, fs, folder: str, run_id: str, *, wait: float = 0.0, poll: float = 1.0,
                 stale_after: float = STALE_AFTER, heartbeat: float = HEARTBEAT, label: str | None = None):
        self.fs = fs
        self.label = label or folder  # what the messages call the guarded folder
        self.path = posixpath.join(folder.rstrip("/"), LOCK_NAME)
        self.run_id = run_id
        self.wait, self.poll = wait, poll
        self.stale_after, self.heartbeat = stale_after, heartbeat
        self.holder: Holder | None = None
        self.lost: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- reading --
    def read(self) -> Holder | None:
        try:
            with self.fs.open(self.path, "rb") as fh:
                raw = fh.read()
        except FileNotFoundError:
            return None
        try:
            return Holder.from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, UnicodeDecodeError):
            # a torn write of a crashed owner: treat as stale from its mtime
            try:
                mtime = self.fs.modified(self.path).timestamp()
            except Exception:
                mtime = 0.0
            return Holder("?", -1, "?", mtime, mtime, "")

    # -- acquiring --
    def _try_create(self) -> bool:
        now = _now()
        me = Holder(self.run_id, os.getpid(), socket.gethostname(), now, now, uuid.uuid4().hex)
        self.fs.makedirs(posixpath.dirname(self.path), exist_ok=True)
        try:
            with self.fs.open(self.path, "xb") as fh:
                fh.write(json.dumps(me.to_json()).encode("utf-8"))
        except FileExistsError:
            return False
        except (ValueError, NotImplementedError):  # no exclusive create: write, then verify below
            if self.fs.exists(self.path):
                return False
            with self.fs.open(self.path, "wb") as fh:
                fh.write(json.dumps(me.to_json()).encode("utf-8"))
        time.sleep(0.05)  # let a racing plain write land before the read-back
        got = self.read()
        if got is None or got.token != me.token:
            return False
        self.holder = me
        return True

    def acquire(self) -> "WriterLock":
        deadline = _now() + self.wait
        while True:
            if self._try_create():
                break
            other = self.read()
            if other is None:
                time.sleep(0.01)  # released between our try and the read: try again
                continue
            if other.is_dead(self.stale_after):
                log.warning("taking over the writer lock of %s: %s", other.describe(),
                            "no heartbeat" if _now() - other.heartbeat_at > self.stale_after else "process gone")
                self._remove_if(other.token)
                continue
            if _now() >= deadline:
                raise LockHeld(
                    f"{self.label} is being written by {other.describe()}; "
                    f"one writer per output folder: wait for it to finish (or pass a wait time), "
                    f"or write to another --out")
            time.sleep(min(self.poll, max(0.0, deadline - _now())))
        self._thread = threading.Thread(target=self._beat, name="kabar-lock-heartbeat", daemon=True)
        self._thread.start()
        return self

    def _remove_if(self, token: str) -> None:
        """Compare-and-delete: remove the lock only if it is still the one judged stale."""
        cur = self.read()
        if cur is not None and cur.token == token:
            try:
                self.fs.rm(self.path)
            except FileNotFoundError:
                pass

    # -- holding --
    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat):
            try:
                self.verify()
                self.holder.heartbeat_at = _now()
                self._write(self.holder)
            except LockLost as exc:
                self.lost = str(exc)
                log.error("%s", exc)
                return
            except Exception as exc:  # storage hiccup: try again next beat; staleness is judged by age
                log.warning("writer lock heartbeat failed: %s", exc)

    def _write(self, h: Holder) -> None:
        tmp = f"{self.path}.{h.token}.tmp"
        with self.fs.open(tmp, "wb") as fh:
            fh.write(json.dumps(h.to_json()).encode("utf-8"))
        self.fs.mv(tmp, self.path)

    def verify(self) -> None:
        """Raise LockLost unless the lock file still carries this run's token."""
        if self.lost:
            raise LockLost(self.lost)
        cur = self.read()
        if self.holder is None or cur is None or cur.token != self.holder.token:
            who = cur.describe() if cur else "nobody"
            raise LockLost(f"run {self.run_id} lost the writer lock of {self.label} "
                           f"(now held by {who}); nothing more is published by this run")

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self.holder is not None:
            self._remove_if(self.holder.token)
            self.holder = None

    def __enter__(self) -> "WriterLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
