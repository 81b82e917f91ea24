"""One run's hold on the output folder: lock, recovery, staged writes, commit or evidence.

    out = RunOutput(store, run_id, wait=0).open()   # lock; finish or undo a dead run's publish
    out.write(table, "articles", at, shard)          # staged under _staging/<run>/, invisible
    out.commit(state)                                # publish atomically (kabar.publish)
    out.fail()                                       # or keep everything under failed/<run>/
    out.close()                                      # release the lock

The layout and the commit protocol are described in `kabar.publish`; keyed state (the
input ledger, dedup keys) in `kabar.state_index`. `KABAR_FAULT=<phase>` kills the process
with SIGKILL at a named phase of the publish (tests: kill -9 at each phase).
"""
from __future__ import annotations

import os
import posixpath
import signal
from datetime import datetime
from typing import Iterable

import pyarrow as pa

from kabar.lock import LOCK_NAME, WriterLock
from kabar.publish import FAILED, STAGING, STATE, Publisher, Recovery
from kabar.state_index import INDEX, StateIndex, key_of, segment_table, write_segment

FORMAT = 2  # 1: parts written in place, ledger in commit files; 2: staged publish and keyed state
FORMAT_FILE = (STATE, "format.json")


class OldFormat(RuntimeError):
    """The folder was written by a kabar that kept its state differently."""


def _fault_from_env():
    phase = os.environ.get("KABAR_FAULT")

    def fault(name: str) -> None:
        if name == phase:
            os.kill(os.getpid(), signal.SIGKILL)
    return fault


class RunOutput:
    def __init__(self, store, run_id: str, wait: float = 0.0):
        self.store, self.run_id = store, run_id
        self.lock = WriterLock(store.fs, store.path(STATE), run_id, wait=wait, label=f"output folder {store.out}")
        self.pub = Publisher(store.fs, store.root, _fault_from_env())
        self.index = StateIndex(store.fs, store.root)
        self.recovery = Recovery()
        self.written: dict[str, int] = {}  # dataset -> rows staged

    # -- start --
    def open(self, full: bool = False) -> "RunOutput":
        """Take the lock, recover, and (`full`) drop the datasets and state to rebuild them."""
        self.lock.acquire()
        try:
            self.recovery = self.pub.recover()  # only now: any other run's staging belongs to a dead run
            if full:
                self.store.wipe(keep=(LOCK_NAME,))
            self._check_format()
        except BaseException:
            self.lock.release()
            raise
        return self

    def _check_format(self) -> None:
        fs, marker = self.store.fs, self.store.path(*FORMAT_FILE)
        if fs.exists(marker):
            return
        old = fs.exists(self.store.path(STATE, "commits")) and not fs.exists(self.store.path(*INDEX))
        if old:
            raise OldFormat(
                f"{self.store.out} was written by an earlier kabar (its dedup and input state lives in "
                f"commit files, not in {posixpath.join(*INDEX)}/): rebuild it with `kabar run --full` "
                "(the inputs are read again), or write to a new --out")
        self.store.write_json({"format": FORMAT}, *FORMAT_FILE)

    def unchanged(self, fingerprints: dict[str, str]) -> set[str]:
        """Inputs whose latest committed fingerprint equals the given one."""
        uris = list(fingerprints)
        got = self.index.lookup("input", [key_of(u) for u in uris])
        return {u for u, seen in zip(uris, got) if seen and seen[-1] == fingerprints[u]}

    # -- writes, staged --
    def write(self, table: pa.Table, dataset: str, at: datetime, shard: int | str) -> str | None:
        if table.num_rows == 0:
            return None
        self.written[dataset] = self.written.get(dataset, 0) + table.num_rows
        name = f"part-{self.run_id}-{shard:05d}.parquet" if isinstance(shard, int) else f"part-{self.run_id}-{shard}.parquet"
        return self.store.write_table(table, STAGING, self.run_id, dataset, f"ingest_date={at:%Y-%m-%d}", name)

    def ensure_schema(self, dataset: str, schema: pa.Schema, at: datetime) -> None:
        """A dataset with no part at all gets one empty part, so readers find its columns."""
        fs = self.store.fs
        if fs.glob(self.store.path(dataset, "*", "*.parquet")) or self.written.get(dataset):
            return
        empty = pa.Table.from_pylist([], schema=schema)
        self.store.write_table(empty, STAGING, self.run_id, dataset, f"ingest_date={at:%Y-%m-%d}",
                               f"part-{self.run_id}-empty.parquet")

    # -- finish --
    def commit(self, state: dict[str, Iterable[tuple[bytes, str]]], record: dict | None = None) -> list[str]:
        """Stage the run's state segments, then publish everything the run staged."""
        for kind, pairs in state.items():
            table = segment_table(pairs)
            if table.num_rows:
                write_segment(self.store.fs, self.pub.staged(self.run_id, *INDEX, kind, f"seg-{self.run_id}.arrow"), table)
        self.index.close()
        return self.pub.publish(self.run_id, {"run_id": self.run_id, **(record or {})}, verify=self.lock.verify)

    def fail(self) -> list[str]:
        """Keep what the failed run staged under failed/<run>/ (its evidence), publish nothing."""
        self.index.close()
        return self.pub.keep_as_evidence(self.run_id)

    def evidence_folder(self) -> str:
        return self.store.path(FAILED, self.run_id)

    def close(self) -> None:
        self.index.close()
        self.lock.release()


def input_state(inputs_done: dict[str, str]) -> list[tuple[bytes, str]]:
    return [(key_of(uri), fp) for uri, fp in inputs_done.items()]
