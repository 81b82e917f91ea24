"""SIGTERM and SIGINT during a run: stop within seconds, the run recorded as cancelled.

A supervisor (systemd, a CI job, Prefect's worker) stops `kabar run` with SIGTERM, a
person with Ctrl-C (SIGINT to the whole foreground group). Either one raises `Stopped`
in the run's main thread; the driver then stops the shards in flight (`stop_shards`:
pool worker processes ended, shard threads interrupted), keeps what the run staged as
evidence (nothing is published) and writes the manifest and report with status
`cancelled`. While the run commits and writes its reports a signal waits (`finishing`):
a commit cut short would be rolled forward by the next run anyway, but a run that has
committed must also leave its manifest.
"""
from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import signal
import threading
from collections.abc import Iterator

SIGNALS = (signal.SIGTERM, signal.SIGINT)
CANCELLED = "cancelled"
_JOIN_SECONDS = 3.0


class Stopped(BaseException):
    """A stop signal arrived. A BaseException, like KeyboardInterrupt: a step's per-document
    catch (which turns an Exception into a quarantine row) must let it through."""

    def __init__(self, name: str = "a stop signal"):  # raised in a shard thread, it is made without arguments
        super().__init__(f"stopped by {name}")
        self.signal = name


class _Guard:
    def __init__(self) -> None:
        self.received: str | None = None
        self.finishing = 0
        self.depth = 0
        self.previous: dict[int, object] = {}

    def handle(self, signum: int, frame) -> None:
        name = signal.Signals(signum).name
        if self.received is not None:
            return  # a second signal must not cut the clean-up of the first short
        self.received = name
        if not self.finishing:
            raise Stopped(name)


_guard = _Guard()


@contextlib.contextmanager
def on_signals() -> Iterator[None]:
    """Inside, SIGTERM and SIGINT raise `Stopped` in the main thread (nestable; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if _guard.depth == 0:
        _guard.received = None
    saved = {s: signal.signal(s, _guard.handle) for s in SIGNALS}
    _guard.depth += 1
    try:
        yield
    finally:
        _guard.depth -= 1
        for s, h in saved.items():
            signal.signal(s, h)


@contextlib.contextmanager
def finishing() -> Iterator[None]:
    """The commit and the run's reports: a signal arriving now waits until they are done."""
    _guard.finishing += 1
    try:
        yield
    finally:
        _guard.finishing -= 1


def received() -> str | None:
    """The stop signal received during this run, if any."""
    return _guard.received


# -- the shards in flight --

_shard_threads: set[int] = set()
_lock = threading.Lock()


@contextlib.contextmanager
def shard_thread() -> Iterator[None]:
    """Mark the calling thread as running a shard, so that a stop can interrupt it."""
    tid = threading.get_ident()
    with _lock:
        _shard_threads.add(tid)
    try:
        yield
    finally:
        with _lock:
            _shard_threads.discard(tid)


def stop_shards(reason: Stopped) -> None:
    """End the shards still running: worker processes of this process's pools (process pool,
    local Dask) are terminated (killed if they do not go within a few seconds), and
    threads running a shard here get `Stopped` raised in them at their next bytecode (a
    thread cannot be killed; a pool waits for its threads at shutdown)."""
    with _lock:
        threads = list(_shard_threads)
    for tid in threads:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(type(reason)))
    children = multiprocessing.active_children()  # pool workers; the API server is a plain subprocess
    for p in children:
        p.terminate()
    for p in children:
        p.join(_JOIN_SECONDS)
        if p.is_alive():
            p.kill()
            p.join(_JOIN_SECONDS)
