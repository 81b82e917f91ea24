"""The pipeline without an orchestrator: shard functions and the driver of a run.

`extract_shard`, `gate_shard`, `clean_shard`, `enrich_shard` are pure functions over a
`ShardResult` (docs in flight plus every reject so far); `tasks/` wraps each in a
Prefect task and `run_plain` chains them in a plain loop. `Run` is the driver side
(one per run, in one process): discovery, crash recovery, GX set-up, dedup, writes,
commit and the manifest.
"""
from __future__ import annotations

import logging
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kabar.clean import CleanStep
from kabar.dedup_state import IndexedDeduper
from kabar.enrich import EnrichStep
from kabar.gate_limits import limit_breach
from kabar.gates import STAGE, GateError, GxProject, GateOutcome
from kabar.load import ARTICLES, QUARANTINE, SOURCES, Store, articles_table, quarantine_table, utcnow
from kabar.output import RunOutput, input_state
from kabar.record import ARTICLE_SCHEMA, QUARANTINE_SCHEMA
from kabar.sources_table import SOURCES_SCHEMA, sources_table
from kabar.readers import InputFile, ReadLimits, discover, read_file
from kabar.record import Doc, Rejected
from kabar.steps import Reject, ShardResult

log = logging.getLogger("kabar")


@dataclass
class Settings:
    inputs: list[str] = field(default_factory=lambda: ["seeds"])
    out: str = "data/out"
    shard_docs: int = 500  # files per extract shard (multi-record files count by size, see plan_shards)
    shard_bytes: int = 64 * 1024 * 1024
    full: bool = False  # rebuild the datasets from scratch instead of processing only new inputs
    gates: bool = True
    reports: bool = True
    wait: float = 0.0  # seconds to wait for another run writing the same output folder
    compact: bool = False  # after committing, merge each partition's small parts (kabar.compact)


# --- shard functions (pure: run anywhere, no orchestrator) ---

def plan_shards(files: list[InputFile], shard_docs: int, shard_bytes: int) -> list[list[InputFile]]:
    shards: list[list[InputFile]] = []
    cur: list[InputFile] = []
    size = 0
    for f in files:
        fsize = f.size or 0
        if cur and (len(cur) >= shard_docs or size + fsize > shard_bytes):
            shards.append(cur)
            cur, size = [], 0
        cur.append(f)
        size += fsize
    if cur:
        shards.append(cur)
    return shards


def extract_shard(files: list[InputFile], limits: ReadLimits | None = None) -> ShardResult:
    out = ShardResult()
    t0 = time.perf_counter()
    for f in files:
        out.stats["extract.files"] += 1
        for item in read_file(f, limits):
            if isinstance(item, Doc):
                out.docs.append(item)
            else:
                out.rejects.append(item)
                out.stats[f"extract.dropped_{item.reason}"] += 1
    out.stats["extract.read"] = len(out.docs) + len(out.rejects)
    out.stats["extract.forwarded"] = len(out.docs)
    out.seconds = time.perf_counter() - t0
    out.stats["time_ms.extract"] = int(out.seconds * 1000)
    return out


def _run_step(step, shard: ShardResult) -> ShardResult:
    res = step(shard.docs)
    for k, v in res.stats.items():
        shard.stats[f"{step.name}.{k}"] += v
    shard.stats[f"time_ms.{step.name}"] += int(res.seconds * 1000)
    return ShardResult(docs=res.docs, rejects=shard.rejects + res.rejects, stats=shard.stats, seconds=res.seconds,
                       outcomes=shard.outcomes)


_steps: dict[str, Any] = {}


def _step(name: str):
    # one instance per process: steps load their data files once
    if name not in _steps:
        _steps[name] = {"clean": CleanStep, "enrich": EnrichStep}[name]()
    return _steps[name]


def clean_shard(shard: ShardResult) -> ShardResult:
    return _run_step(_step("clean"), shard)


def enrich_shard(shard: ShardResult) -> ShardResult:
    return _run_step(_step("enrich"), shard)


def gate_shard(shard: ShardResult, suite: str, reports_dir: str, run_name: str) -> ShardResult:
    """Validate a shard; rows failing a row-level expectation move to the rejects.

    The GX outcome rides along on `shard.outcomes` for the driver to aggregate."""
    t0 = time.perf_counter()
    outcome = GxProject(Path(reports_dir)).validate(suite, shard.docs, run_name)
    keep, rejects = [], list(shard.rejects)
    for i, doc in enumerate(shard.docs):
        failures = outcome.row_failures.get(i)
        if failures:
            reason = failures[0][0]
            detail = "; ".join(d for _, d in failures)
            rejects.append(Reject(STAGE[suite], reason, detail, doc.source_uri, doc))
        else:
            keep.append(doc)
    shard.stats[f"{STAGE[suite]}.quarantined"] += len(shard.docs) - len(keep)
    shard.stats[f"time_ms.{STAGE[suite]}"] += int((time.perf_counter() - t0) * 1000)
    return ShardResult(docs=keep, rejects=rejects, stats=shard.stats, outcomes=shard.outcomes + [outcome])


# --- the driver ---

@dataclass
class GateTotals:
    rows: int = 0
    quarantined: int = 0
    shards: int = 0
    shards_failed: int = 0
    row_failures: Counter = field(default_factory=Counter)
    warnings: Counter = field(default_factory=Counter)
    table_failures: list[str] = field(default_factory=list)

    def add(self, o: GateOutcome) -> None:
        self.rows += o.rows
        self.quarantined += len(o.row_failures)
        self.shards += 1
        self.shards_failed += 0 if o.success else 1
        self.row_failures.update(o.row_failure_counts)
        self.warnings.update(o.warnings)
        self.table_failures.extend(o.table_failures)


@dataclass
class Batch:
    """A shard admitted for loading: its number, what to write, when."""
    n: int
    docs: list[Doc]
    rejects: list[Reject]
    stats: Counter
    files: list[InputFile]
    at: datetime


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
        self.output = RunOutput(self.store, self.run_id, wait=settings.wait)
        self.written: dict[str, Any] = {}

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
        return plan_shards(new, self.settings.shard_docs, self.settings.shard_bytes)

    def run_name(self, shard: int) -> str:
        return f"{self.run_id}-shard{shard:05d}"

    # -- per shard, on the driver --
    def record_gate(self, suite: str, outcome: GateOutcome) -> None:
        totals = self.gates[suite]
        totals.add(outcome)
        if outcome.table_failures:
            raise GateError(
                f"GX suite '{suite}' failed at table level: " + "; ".join(outcome.table_failures)
            )

    def load(self, shard: ShardResult, files: list[InputFile]) -> None:
        """Record the shard's gate outcomes, dedup, write articles and quarantine rows."""
        self.write(self.admit(shard, files))

    def admit(self, shard: ShardResult, files: list[InputFile]) -> "Batch":
        """Driver-state half of a load: gate totals, shard number, dedup decisions.

        Kept apart from `write` so that retrying a failed write (I/O) neither takes a
        new shard number nor sees its own documents as duplicates."""
        for outcome in shard.outcomes:
            self.record_gate(outcome.suite, outcome)
        t = time.perf_counter()
        n = self.shard_no
        self.shard_no += 1
        rejects = list(shard.rejects)
        if n == 0 and getattr(self, "pending_rejects", None):
            rejects = self.pending_rejects + rejects
            self.pending_rejects = []
        docs = []
        self.dedup.prefetch(shard.docs)  # one batch of state lookups per shard
        for doc in shard.docs:
            try:
                self.dedup.check(doc)
            except Rejected as exc:
                rejects.append(Reject("load", exc.reason, exc.detail, doc.source_uri, doc))
                continue
            docs.append(doc)
        shard.stats["time_ms.load"] += int((time.perf_counter() - t) * 1000)
        return Batch(n, docs, rejects, shard.stats, files, utcnow())

    def write(self, b: "Batch") -> None:
        """I/O half of a load, safe to retry: fixed part names, atomic renames, counts last."""
        t = time.perf_counter()
        arts = articles_table(b.docs, self.run_id, b.at, self.dedup.identity)
        parts = [self.output.write(arts, ARTICLES, b.at, b.n),
                 self.output.write(sources_table(arts.select(["doc_id", "article_id", "version", "outlet", "outlet_domain",
                                                              "published_at", "sources", "run_id"]).to_pylist()),
                                   SOURCES, b.at, b.n),
                 self.output.write(quarantine_table(b.rejects, self.run_id, b.at), QUARANTINE, b.at, b.n)]
        self.parts.extend(p for p in parts if p)
        docs, rejects = b.docs, b.rejects
        self.counts["read"] += len(docs) + len(rejects)
        self.counts["loaded"] += len(docs)
        self.counts["quarantined"] += len(rejects)
        self.counts["near_duplicates"] += sum(1 for d in docs if d.near_duplicate_of)
        for r in rejects:
            self.reasons[f"{r.stage}:{r.reason}"] += 1
        self.stats.update(b.stats)
        self.stats["time_ms.load"] += int((time.perf_counter() - t) * 1000)
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
        if self.pending_rejects:  # no shard ran (nothing new to read), but unreadable inputs still count
            self.load(ShardResult(), [])
        if error is None:
            try:
                self.check_thresholds()
            except GateError as exc:
                error = exc
        try:
            self._publish(error)
            return self._finish_reports()
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
            self.status = "failed"
            self.error = str(error)
            self.written = {"published": False, "rows": {}, "evidence": self.output.evidence_folder() if kept else None,
                            "evidence_rows": dict(self.output.written)}

    def close(self) -> None:
        """Release the output folder (also after a crash of the driver's own code)."""
        self.output.close()

    def _finish_reports(self) -> dict[str, Any]:
        data_docs = None
        if self.gx is not None and self.settings.reports:
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
        stage_ms = {k.split(".", 1)[1]: v for k, v in self.stats.items() if k.startswith("time_ms.")}
        counts = {
            "read": self.counts["read"],
            "loaded": self.counts["loaded"],
            "quarantined": self.counts["quarantined"],
            "near_duplicates": self.counts["near_duplicates"],
            "inputs_new": len(self.files),
            "inputs_skipped_unchanged": self.skipped_inputs,
            "per_stage": _per_stage(self.stats),
            "quarantine_reasons": dict(self.reasons.most_common()),
        }
        counts["reconciled"] = counts["read"] == counts["loaded"] + counts["quarantined"]
        return {
            "run_id": self.run_id,
            "status": self.status,
            "error": self.error,
            "started_at": self.started_at.isoformat(),
            "finished_at": utcnow().isoformat(),
            "inputs": list(self.settings.inputs),
            "out": self.settings.out,
            "settings": asdict(self.settings),
            "counts": counts,
            "gx": {
                suite: {
                    "ran": t.shards > 0,
                    "success": not t.table_failures and t.shards_failed == 0,
                    "shards": t.shards,
                    "rows": t.rows,
                    "rows_quarantined": t.quarantined,
                    "row_failures": dict(t.row_failures),
                    "warnings": dict(t.warnings),
                    "table_failures": t.table_failures,
                }
                for suite, t in self.gates.items()
            },
            "written": self.written,
            "data_docs": data_docs,
            "timings": {"seconds_total": round(self.timings.get("total", 0), 3),
                        "seconds_start": round(self.timings.get("start", 0), 3),
                        "stage_cpu_seconds": {k: round(v / 1000, 3) for k, v in stage_ms.items()}},
            "outputs": {
                "articles": self.store.path("articles"),
                "quarantine": self.store.path("quarantine"),
                "sources": self.store.path("sources"),
                "reports": self.reports_dir,
                "manifest": self.store.path("runs", f"{self.run_id}.json"),
            },
        }


def _per_stage(stats: Counter) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for key, v in stats.items():
        stage, _, name = key.partition(".")
        if stage == "time_ms":
            continue
        out.setdefault(stage, {})[name] = v
    return out


def process_shard(files: list[InputFile], run: Run, shard_no: int) -> ShardResult:
    """extract → raw gate → clean → clean gate → enrich → enriched gate, in this process."""
    shard = extract_shard(files)
    for suite, step in (("raw", clean_shard), ("clean", enrich_shard), ("enriched", None)):
        if run.gx is not None:
            shard = gate_shard(shard, suite, run.reports_dir, run.run_name(shard_no))
        if step is not None:
            shard = step(shard)
    return shard


def run_plain(settings: Settings, run_id: str | None = None, on_shard=None) -> dict[str, Any]:
    """The whole run in a plain loop, one process, no Prefect (tests, benchmark baseline).

    `on_shard(run, done, total)` is called after each shard is loaded (progress display)."""
    run = Run(settings, run_id)
    error = None
    try:
        shards = run.start()
        for i, files in enumerate(shards):
            run.load(process_shard(files, run, i), files)
            if on_shard is not None:
                on_shard(run, i + 1, len(shards))
    except GateError as exc:
        error = exc
    except BaseException:
        run.close()  # not ours to judge: re-raise, but free the output folder at once
        raise
    return run.finish(error)
