"""Atomic publish: a run's parts stay out of the datasets until the run commits.

Layout under the output folder (any fsspec URL):

  articles/ingest_date=D/part-<run>-<shard>.parquet       published rows (readers see these)
  quarantine/ingest_date=D/part-<run>-<shard>.parquet
  _staging/<run>/articles/ingest_date=D/part-...          a running run's parts
  _staging/<run>/quarantine/...   _staging/<run>/state/...
  _state/writer.lock                                      one writer per folder (kabar.lock)
  _state/intents/<run>.json                               the commit intent: every move, then the commit
  _state/commits/<run>.json                               a committed run: parts and input fingerprints
  failed/<run>/articles/...  failed/<run>/quarantine/...  a failed run's evidence, never read as data

Staging sits outside `articles/` and `quarantine/` because DuckDB's and Polars' `**` globs
read `_`- and `.`-prefixed folders (only pyarrow's dataset discovery skips them).

Publishing, under the writer lock, after the lock is verified still ours:
  1. write `_state/intents/<run>.json` (tmp + rename): the list of (staged, final) moves
     and the commit record. From here on the run is committed: recovery rolls it forward.
  2. move each staged file to its final name (a rename on a local disk); a move whose
     source is gone and whose target exists was already done, so redoing it is a no-op.
  3. remove the files the intent replaces (compaction), write `_state/commits/<run>.json`,
     then delete the intent and `_staging/<run>/`.

Recovery, at the start of the next run, while holding the lock (so every other run's
staging belongs to a run that is provably dead: it cannot write without the lock):
  - an intent without its staging moves finished: roll forward (redo 2 and 3);
  - a staging folder without an intent: roll back (delete it; its rows were never visible).

Readers never see a row of a run that has no intent. Between the intent and the end of
the moves (milliseconds of renames) a reader can see part of a run that is committed and
will be completed by recovery; no reader ever sees a row that is later taken back. A
compaction moves its merged files in before it removes the parts they replace: a reader
listing the folder in that instant counts those rows twice, never zero times.
"""
from __future__ import annotations

import json
import logging
import posixpath
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

log = logging.getLogger("kabar")

STAGING, STATE, FAILED = "_staging", "_state", "failed"
DATASETS = ("articles", "quarantine")


@dataclass
class Recovery:
    rolled_forward: list[str] = field(default_factory=list)
    rolled_back: list[str] = field(default_factory=list)


class Publisher:
    """Staged writes and the commit protocol of one output folder."""

    def __init__(self, fs, root: str, fault: Callable[[str], None] | None = None):
        self.fs, self.root = fs, root.rstrip("/")
        self.fault = fault or (lambda phase: None)  # tests: kill the process at a named phase

    def path(self, *parts: str) -> str:
        return posixpath.join(self.root, *parts)

    def staged(self, run_id: str, *parts: str) -> str:
        """Where a run writes a file that will be published at `parts` (relative to the root)."""
        return self.path(STAGING, run_id, *parts)

    # --- json, atomically ---
    def write_json(self, obj: Any, path: str) -> None:
        self.fs.makedirs(posixpath.dirname(path), exist_ok=True)
        tmp = posixpath.join(posixpath.dirname(path), f".{posixpath.basename(path)}.{uuid.uuid4().hex}.tmp")
        with self.fs.open(tmp, "w", encoding="utf-8") as fh:
            json.dump(obj, fh, indent=2, ensure_ascii=False, default=str)
        self.fs.mv(tmp, path)

    def _read_json(self, path: str) -> dict[str, Any]:
        with self.fs.open(path, "r", encoding="utf-8") as fh:
            return json.load(fh)

    # --- the run's files ---
    def staged_files(self, run_id: str) -> list[str]:
        """Relative final paths of every file the run staged."""
        base = self.path(STAGING, run_id)
        if not self.fs.exists(base):
            return []
        found = [p for p in self.fs.find(base) if not posixpath.basename(p).startswith(".")]
        return sorted(posixpath.relpath(p, base) for p in found)

    # --- commit ---
    def publish(self, run_id: str, commit: dict[str, Any], verify: Callable[[], None] = lambda: None,
                only: Callable[[str], bool] = lambda rel: True, removes: list[str] = ()) -> list[str]:
        """Move the run's staged files (those `only` accepts) into place, remove `removes`
        (compaction: the parts the new files replace), and commit.

        Returns the published paths (relative to the root)."""
        verify()  # a run whose lock was taken over must not publish
        rels = [r for r in self.staged_files(run_id) if only(r)]
        intent = {"run_id": run_id, "moves": rels, "removes": list(removes),
                  "commit": {**commit, "parts": [self.path(r) for r in rels]}}
        self.write_json(intent, self._intent(run_id))
        self.fault("intent-written")
        self._roll_forward(intent)
        return rels

    def _intent(self, run_id: str) -> str:
        return self.path(STATE, "intents", f"{run_id}.json")

    def _roll_forward(self, intent: dict[str, Any]) -> None:
        run_id = intent["run_id"]
        for i, rel in enumerate(intent["moves"]):
            src, dst = self.staged(run_id, rel), self.path(rel)
            if self.fs.exists(src):
                self.fs.makedirs(posixpath.dirname(dst), exist_ok=True)
                self.fs.mv(src, dst)
            elif not self.fs.exists(dst):
                raise RuntimeError(f"commit intent of run {run_id}: {rel} is neither staged nor published")
            if i == 0:
                self.fault("first-move")
        self.fault("moved")
        for rel in intent.get("removes", []):
            if self.fs.exists(self.path(rel)):
                self.fs.rm(self.path(rel))
        self.write_json(intent["commit"], self.path(STATE, "commits", f"{run_id}.json"))
        self.fault("committed")
        self.fs.rm(self._intent(run_id))
        self.discard(run_id)

    def keep_as_evidence(self, run_id: str) -> list[str]:
        """A failed run: move its staged files under `failed/<run>/`, outside the datasets."""
        moved = []
        for rel in self.staged_files(run_id):
            dst = self.path(FAILED, run_id, rel)
            self.fs.makedirs(posixpath.dirname(dst), exist_ok=True)
            self.fs.mv(self.staged(run_id, rel), dst)
            moved.append(posixpath.join(FAILED, run_id, rel))
        self.discard(run_id)
        return moved

    def discard(self, run_id: str) -> None:
        base = self.path(STAGING, run_id)
        if self.fs.exists(base):
            self.fs.rm(base, recursive=True)

    # --- recovery (caller holds the writer lock) ---
    def recover(self) -> Recovery:
        out = Recovery()
        folder = self.path(STATE, "intents")
        intents = self.fs.glob(posixpath.join(folder, "*.json")) if self.fs.exists(folder) else []
        for p in sorted(intents):
            intent = self._read_json(p)
            log.warning("completing the commit of run %s (it stopped while publishing)", intent["run_id"])
            self._roll_forward(intent)
            out.rolled_forward.append(intent["run_id"])
        staging = self.path(STAGING)
        if self.fs.exists(staging):
            for p in sorted(self.fs.ls(staging, detail=False)):
                run_id = posixpath.basename(p.rstrip("/"))
                log.warning("removing the staged files of run %s, which stopped before committing", run_id)
                self.fs.rm(p, recursive=True)
                out.rolled_back.append(run_id)
        return out
