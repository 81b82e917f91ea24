"""What a run reports: the totals of each GX gate and the manifest written to `runs/<run_id>.json`."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from kabar.gates import GateOutcome
from kabar.load import utcnow

if TYPE_CHECKING:
    from kabar.pipeline.run import Run


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


def manifest(run: "Run", data_docs: str | None) -> dict[str, Any]:
    stage_ms = {k.split(".", 1)[1]: v for k, v in run.stats.items() if k.startswith("time_ms.")}
    counts = {
        "read": run.counts["read"],
        "loaded": run.counts["loaded"],
        "quarantined": run.counts["quarantined"],
        "near_duplicates": run.counts["near_duplicates"],
        "inputs_new": len(run.files),
        "inputs_skipped_unchanged": run.skipped_inputs,
        "per_stage": per_stage(run.stats),
        "quarantine_reasons": dict(run.reasons.most_common()),
    }
    counts["reconciled"] = counts["read"] == counts["loaded"] + counts["quarantined"]
    return {
        "run_id": run.run_id,
        "status": run.status,
        "error": run.error,
        "started_at": run.started_at.isoformat(),
        "finished_at": utcnow().isoformat(),
        "inputs": list(run.settings.inputs),
        "out": run.settings.out,
        "settings": asdict(run.settings),
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
            for suite, t in run.gates.items()
        },
        "data_docs": data_docs,
        "timings": {"seconds_total": round(run.timings.get("total", 0), 3),
                    "seconds_start": round(run.timings.get("start", 0), 3),
                    "stage_cpu_seconds": {k: round(v / 1000, 3) for k, v in stage_ms.items()}},
        "outputs": {
            "articles": run.store.path("articles"),
            "quarantine": run.store.path("quarantine"),
            "reports": run.reports_dir,
            "manifest": run.store.path("runs", f"{run.run_id}.json"),
        },
    }


def per_stage(stats: Counter) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for key, v in stats.items():
        stage, _, name = key.partition(".")
        if stage == "time_ms":
            continue
        out.setdefault(stage, {})[name] = v
    return out
