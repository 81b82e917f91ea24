"""Step base: a stage is a small class with one method; the base runs it over a shard.

Modelled on datatrove's pipeline steps: the subclass writes `process(doc)` (and,
if it learns from the whole shard, `prepare(docs)`); the base iterates, times,
counts, and turns every failure into a `Reject` with a reason. Nothing is lost:
each input document leaves a shard either in `docs` or in `rejects`.
"""
from __future__ import annotations

import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

from kabar.record import Doc, Rejected


@dataclass(slots=True)
class Reject:
    stage: str
    reason: str
    detail: str
    source_uri: str
    doc: Doc | None = None  # None when no Doc could be built (unreadable input)
    source_format: str | None = None
    raw_preview: str | None = None  # for inputs that never became a Doc


@dataclass
class ShardResult:
    docs: list[Doc] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    stats: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    outcomes: list = field(default_factory=list)  # GateOutcome of each gate the shard passed


class Step:
    name = "step"

    def prepare(self, docs: list[Doc]) -> None:
        """Learn from the whole shard before processing (e.g. templates). Optional."""

    def process(self, doc: Doc) -> None:
        """Fill in fields of `doc`, or raise `Rejected`."""
        raise NotImplementedError

    def __call__(self, docs: list[Doc]) -> ShardResult:
        out = ShardResult()
        t0 = time.perf_counter()
        self.prepare(docs)
        for doc in docs:
            out.stats["total"] += 1
            try:
                self.process(doc)
            except Rejected as exc:
                out.stats[f"dropped_{exc.reason}"] += 1
                out.rejects.append(Reject(self.name, exc.reason, exc.detail, doc.source_uri, doc))
                continue
            except Exception as exc:  # a bug or a pathological page must not sink the shard
                reason = f"error_{type(exc).__name__}"
                out.stats[f"dropped_{reason}"] += 1
                detail = f"{exc}\n{traceback.format_exc(limit=3)}"
                out.rejects.append(Reject(self.name, reason, detail, doc.source_uri, doc))
                continue
            out.stats["forwarded"] += 1
            out.docs.append(doc)
        out.seconds = time.perf_counter() - t0
        return out
