"""The driver of one run, in one process: the output folder's lock and crash recovery,
discovery, GX set-up, the driver steps of the pipeline (dedup, write) shard after shard,
the atomic publish (or a failed run's evidence).
"""
from __future__ import annotations

import logging
import time
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kabar.dedup_state import IndexedDeduper
from kabar.gate_limits import limit_breach
from kabar.gates import STAGE, GateError, GateOutcome, GxProject
from kabar.load import ARTICLES, QUARANTINE, SOURCES, Store, utcnow
from kabar.output import RunOutput, input_state
from kabar.record import ARTICLE_SCHEMA, QUARANTINE_SCHEMA
from kabar.sources_table import SOURCES_SCHEMA
from kabar.pipeline import stop
from kabar.pipeline.manifest import GateTotals, manifest
from kabar.pipeline.order import driver_steps, output_steps
from kabar.pipeline.settings import MIN_SHARD_DOCS, Settings
from kabar.pipeline.shards import plan_shards
from kabar.readers import InputFile, discover
from kabar.steps import Context, ShardResult, run_steps

log = logging.getLogger("kabar")


@dataclass
class Batch:
    """A shard admitted for loading: what to write, and where in the run (number, time)."""
    shard: ShardResult
    files: list[InputFile]
    ctx: Context

    @property
    def docs(self):
        return self.shard.docs


class Run:
    """One run of kabar over a set of inputs, driven from a single process."""

    def __init__(self, settings: Settings, run_id: str | None = None):
        self.settings = settings
        self.run_id = run_id or f"{utcnow():%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"
        self.store = Store(settings.out)
        self.started_at = utcnow()
        self.t0 = time.perf_counter()
        self.reports_dir = self.store.path("reports")
        self.gx = GxProject(Path(self.reports_dir)) if settings.gates else None
        self.suites: dict[str, dict] = {}
        self.gates = {name: GateTotals() for name in STAGE}
        self.stats: Counter = Counter()
        self.counts = Counter()
        self.reasons: Counter = Counter()
        self.parts: list[str] = []
        self.inputs_done: dict[str, str] = {}
        self.files: list[InputFile] = []
        self.skipped_inputs = 0
        self.shard_no = 0
        self.status = "running"
        self.error: str | None = None
        self.timings: dict[str, float] = {}
        self.dedup: IndexedDeduper | None = None
        self.pending_rejects: list = []
        self.output = RunOutput(self.store, self.run_id, wait=settings.wait)
        self.written: dict[str, Any] = {}
        self.started = False  # the folder is ours and the inputs are known

    # -- start --
    def start(self) -> list[list[InputFile]]:
        t = time.perf_counter()
        self.output.open(full=self.settings.full)  # one writer per folder; finishes a dead run's publish
        files, missing = discover(self.settings.inputs)
        unchanged = self.output.unchanged({f.uri: f.fingerprint for f in files})
        new = [f for f in files if f.uri not in unchanged]
        self.skipped_inputs = len(files) - len(new)
        self.files = new
        self.pending_rejects = list(missing)
        self.dedup = IndexedDeduper(self.output.index)
        if self.gx is not None:
            self.suites = self.gx.prepare()
        self.timings["start"] = time.perf_counter() - t
        self.started = True
        return plan_shards(new, self.settings.shard_docs, self.settings.shard_bytes,
                           self.settings.min_shards, MIN_SHARD_DOCS)

    def run_name(self, shard: int) -> str:
        return f"{self.run_id}-shard{shard:05d}"

    def shard_context(self, shard: int, files: list[InputFile]) -> Context:
        """What the shard steps of shard number `shard` need, picklable for any worker."""
        return Context(files=list(files), run_name=self.run_name(shard),
                       reports_dir=self.reports_dir if self.gx is not None else None)

    # -- per shard, on the driver --
    def record_gate(self, suite: str, outcome: GateOutcome) -> None:
        totals = self.gates[suite]
        totals.add(outcome)
        if outcome.table_failures:
            raise GateError(
                f"GX suite '{suite}' failed at table level: " + "; ".join(outcome.table_failures)
            )

    def load(self, shard: ShardResult, files: list[InputFile]) -> None:
        """Record the shard's gate outcomes, then the driver and output steps (dedup, write)."""
        self.write(self.admit(shard, files))

    def admit(self, shard: ShardResult, files: list[InputFile]) -> Batch:
        """Driver-state half of a load: gate totals, shard number, the driver steps (dedup).

        Kept apart from `write` so that retrying a failed write (I/O) neither takes a
        new shard number nor sees its own documents as duplicates."""
        for outcome in shard.outcomes:
            self.record_gate(outcome.suite, outcome)
        n = self.shard_no
        self.shard_no += 1
        if n == 0 and self.pending_rejects:  # unreadable inputs found by discovery
            shard = replace(shard, rejects=self.pending_rejects + shard.rejects)
            self.pending_rejects = []
        self.dedup.prefetch(shard.docs)  # one batch of state lookups per shard
        ctx = Context(files=list(files), run_name=self.run_name(n), deduper=self.dedup, store=self.output,
                      run_id=self.run_id, shard_no=n, at=utcnow())
        return Batch(run_steps(driver_steps(), shard, ctx), files, ctx)

    def write(self, b: Batch) -> None:
        """I/O half of a load (the output steps), safe to retry: fixed part names, atomic renames, counts last."""
        shard = run_steps(output_steps(), b.shard, b.ctx)
        self.parts.extend(shard.written)
        docs, rejects = shard.docs, shard.rejects
        self.counts["read"] += len(docs) + len(rejects)
        self.counts["loaded"] += len(docs)
        self.counts["quarantined"] += len(rejects)
        self.counts["near_duplicates"] += sum(1 for d in docs if d.near_duplicate_of)
        for r in rejects:
            self.reasons[f"{r.stage}:{r.reason}"] += 1
        self.stats.update(shard.stats)
        for f in b.files:
            self.inputs_done[f.uri] = f.fingerprint

    # -- finish --
    def check_thresholds(self) -> None:
        """Each suite's limit over the run, counting the rejects of the stages it names."""
        by_stage: dict[str, Counter] = {}
        for key, n in self.reasons.items():
            stage, _, reason = key.partition(":")
            by_stage.setdefault(stage, Counter())[reason] += n
        for suite, totals in self.gates.items():
            if not totals.shards:
                continue
            top = ", ".join(f"{k} ×{v}" for k, v in totals.row_failures.most_common(3))
            msg = limit_breach(suite, self.suites.get(suite, {}), totals.rows, totals.quarantined, by_stage, top)
            if msg:
                raise GateError(msg)

    def finish(self, error: BaseException | None = None) -> dict[str, Any]:
        """Commit (or keep as evidence, after a gate failure or a stop signal), then the manifest
        and report. A stop signal arriving meanwhile waits: these take seconds, and a run that
        has committed must leave its manifest."""
        if isinstance(error, stop.Stopped) and not self.started:  # stopped before anything was read
            self.close()
            raise error
        with stop.finishing():
            if self.pending_rejects and not isinstance(error, stop.Stopped):  # no shard ran, but unreadable inputs still count
                self.load(ShardResult(), [])
            if error is None:
                try:
                    self.check_thresholds()
                except GateError as exc:
                    error = exc
            try:
                self._publish(error)
                return self._reports()
            finally:
                self.close()

    def _publish(self, error: BaseException | None) -> None:
        if error is None:
            for name, schema in ((ARTICLES, ARTICLE_SCHEMA), (QUARANTINE, QUARANTINE_SCHEMA), (SOURCES, SOURCES_SCHEMA)):
                self.output.ensure_schema(name, schema, utcnow())
            state = {**(self.dedup.state() if self.dedup else {}), "input": input_state(self.inputs_done)}
            published = self.output.commit(state, {"counts": dict(self.counts)})
            self.written = {"published": True, "rows": dict(self.output.written),
                            "files": len([p for p in published if not p.startswith("_state")])}
            self.status = "success"
            if self.settings.compact:
                from kabar.compact import compact

                rep = compact(self.settings.out, lock=self.output.lock)
                self.written["compacted"] = {"partitions": rep.partitions, "parts_before": rep.parts_before,
                                             "parts_after": rep.parts_after}
        else:
            kept = self.output.fail()
            self.status = stop.CANCELLED if isinstance(error, stop.Stopped) else "failed"
            self.error = str(error)
            self.written = {"published": False, "rows": {}, "evidence": self.output.evidence_folder() if kept else None,
                            "evidence_rows": dict(self.output.written)}

    def close(self) -> None:
        """Release the output folder (also after a crash of the driver's own code)."""
        self.output.close()

    def _reports(self) -> dict[str, Any]:
        data_docs = None
        if self.gx is not None and self.settings.reports and self.status != stop.CANCELLED:  # stopping: seconds count
            try:
                data_docs = str(self.gx.build_docs())
            except Exception as exc:  # the data is committed; a report failure must not hide that
                log.warning("could not build GX Data Docs: %s", exc)
        self.timings["total"] = time.perf_counter() - self.t0
        manifest = self.manifest(data_docs)
        self.store.write_json(manifest, "runs", f"{self.run_id}.json")
        if self.settings.reports:
            from kabar.report import write_run_report

            try:
                manifest["report"] = write_run_report(self.store, manifest)
                self.store.write_json(manifest, "runs", f"{self.run_id}.json")
            except Exception as exc:
                log.warning("could not write the run report: %s", exc)
        return manifest

    def manifest(self, data_docs: str | None) -> dict[str, Any]:
        return manifest(self, data_docs)
