"""Great Expectations gates between stages.

Suites are GX 1.x JSON files in `expectations/` (one per stage boundary: raw, clean,
enriched). Each expectation carries `meta.kabar.level`:
- `row`: rows it flags go to quarantine, the expectation's name as the reason;
- `warn`: reported in the manifest and Data Docs, nothing quarantined;
- `table`: a failure fails the run (e.g. a required column missing).
A suite's `meta.kabar.max_row_failure_fraction` fails the run when a larger share of
rows is rejected over the whole run, counting the rejects of the stages named in its
`meta.kabar.counts_rejects_of` (see `kabar.gate_limits`).

GX runs against a file-backed project under `<out>/reports/gx`, prepared once per run
by the driver (`GxProject.prepare`); workers only open it and run checkpoints, so the
validation results of every shard land in one store and one Data Docs site.
"""
from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from kabar.record import BODY, DROPPED, SOURCE_KINDS, Doc

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

SUITES = ("raw", "clean", "enriched")
STAGE = {"raw": "validate_raw", "clean": "validate_clean", "enriched": "validate_enriched"}
DEFAULT_EXPECTATIONS_DIR = Path(__file__).resolve().parent.parent / "expectations"
_ROW_KEY = "_row"
_RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": [_ROW_KEY]}


class GateError(RuntimeError):
    """A suite-level failure: the run must stop, with this readable message."""


# --- frames: the columns each suite sees, computed from Docs ---

def _raw_row(d: Doc) -> dict[str, Any]:
    return {
        "doc_id": d.doc_id,
        "source_uri": d.source_uri,
        "source_format": d.source_format,
        "content_type": d.content_type,
        "content_chars": len(d.content),
        "url": d.url,
    }


def _clean_row(d: Doc) -> dict[str, Any]:
    return {
        "doc_id": d.doc_id,
        "title": d.title,
        "text": d.text if d.text.strip() else None,
        "body_chars": len(d.text.strip()),
        "body_lines": sum(1 for z in d.zones if z.zone == BODY),
        "dropped_lines": sum(1 for z in d.zones if z.zone == DROPPED),
    }


def _enriched_row(d: Doc) -> dict[str, Any]:
    after = None
    if d.published_at is not None:
        ref = d.fetched_at or datetime.now(timezone.utc)
        after = (d.published_at - ref).total_seconds() / 86400.0
    return {
        "doc_id": d.doc_id,
        "language": d.language,
        "language_score": d.language_score,
        "outlet": d.outlet,
        "outlet_domain": d.outlet_domain,
        "published_at": d.published_at,
        "published_after_fetch_days": after,
        "n_words": d.n_words,
        "n_authors": len(d.authors),
        "bad_source_kinds": sum(1 for s in d.sources if s.kind not in SOURCE_KINDS),
    }


_ROWS = {"raw": _raw_row, "clean": _clean_row, "enriched": _enriched_row}


def frame_for(suite: str, docs: list[Doc]) -> pd.DataFrame:
    df = pd.DataFrame([_ROWS[suite](d) for d in docs])
    if df.empty:
        df = pd.DataFrame(columns=list(_ROWS[suite](Doc("", "text", "", "text")).keys()))
    df.insert(0, _ROW_KEY, range(len(df)))
    return df


# --- outcomes ---

@dataclass
class GateOutcome:
    suite: str
    rows: int = 0
    success: bool = True
    row_failures: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    table_failures: list[str] = field(default_factory=list)
    warnings: dict[str, int] = field(default_factory=dict)
    row_failure_counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "rows": self.rows,
            "success": self.success,
            "rows_quarantined": len(self.row_failures),
            "row_failures": self.row_failure_counts,
            "warnings": self.warnings,
            "table_failures": self.table_failures,
        }


def expectation_name(cfg) -> str:
    column = cfg.kwargs.get("column")
    return f"{cfg.type}({column})" if column else cfg.type


def load_suite_dict(name: str, expectations_dir: Path | None = None) -> dict[str, Any]:
    path = (expectations_dir or DEFAULT_EXPECTATIONS_DIR) / f"{name}.json"
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise GateError(f"cannot read expectation suite {path}: {exc}") from exc
    if data.get("name") != name:
        raise GateError(f"{path}: suite name {data.get('name')!r} does not match the file name")
    return data


# --- the GX project ---

_lock = threading.Lock()  # GX contexts are not thread-safe; one validation at a time per process
_contexts: dict[str, Any] = {}


def load_gx():
    """The great_expectations module (a slow import, ~5 s: done only where a gate runs)."""
    import great_expectations as gx

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    return gx


class GxProject:
    def __init__(self, reports_dir: Path, expectations_dir: Path | None = None):
        self.root = Path(reports_dir).resolve()
        self.expectations_dir = expectations_dir or DEFAULT_EXPECTATIONS_DIR
        self.docs_dir = self.root / "data_docs"

    def _context(self):
        key = str(self.root)
        ctx = _contexts.get(key)
        if ctx is None:
            gx = load_gx()
            from great_expectations.data_context.types.base import ProgressBarsConfig

            ctx = gx.get_context(mode="file", project_root_dir=str(self.root))
            ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
            _contexts[key] = ctx
        return ctx

    def prepare(self) -> dict[str, dict[str, Any]]:
        """Register suites, assets and checkpoints (driver only, once per run)."""
        gx = load_gx()
        from great_expectations.core.expectation_suite import ExpectationSuite

        suites = {}
        with _lock:
            ctx = self._context()
            ctx.variables.save()  # workers open the saved config: progress bars stay off there too
            sites = ctx.get_site_names() if hasattr(ctx, "get_site_names") else []
            site_config = {
                "class_name": "SiteBuilder",
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(self.docs_dir)},
            }
            if "local_site" in sites:
                ctx.delete_data_docs_site("local_site")
            if "kabar" in sites:
                ctx.update_data_docs_site("kabar", site_config)
            else:
                ctx.add_data_docs_site("kabar", site_config)
            ds = ctx.data_sources.add_or_update_pandas("kabar")
            for name in SUITES:
                data = load_suite_dict(name, self.expectations_dir)
                suites[name] = data
                suite = ctx.suites.add_or_update(
                    ExpectationSuite(name=name, expectations=data["expectations"], meta=data.get("meta", {}))
                )
                asset_names = [a.name for a in ds.assets]
                asset = ds.get_asset(name) if name in asset_names else ds.add_dataframe_asset(name)
                bd = asset.batch_definitions[0] if asset.batch_definitions else asset.add_batch_definition_whole_dataframe("shard")
                vd = ctx.validation_definitions.add_or_update(gx.ValidationDefinition(data=bd, suite=suite, name=name))
                ctx.checkpoints.add_or_update(
                    gx.Checkpoint(name=name, validation_definitions=[vd], actions=[], result_format=_RESULT_FORMAT)
                )
        return suites

    def validate(self, suite: str, docs: list[Doc], run_name: str) -> GateOutcome:
        df = frame_for(suite, docs)
        out = GateOutcome(suite=suite, rows=len(df))
        if df.empty:
            return out
        with _lock:
            ctx = self._context()
            checkpoint = ctx.checkpoints.get(suite)
            result = checkpoint.run(batch_parameters={"dataframe": df}, run_id=load_gx().RunIdentifier(run_name=run_name))
        out.success = bool(result.success)
        for vr in result.run_results.values():
            for r in vr.results:
                cfg = r.expectation_config
                level = (cfg.meta or {}).get("kabar", {}).get("level", "row")
                name = expectation_name(cfg)
                if r.success and level != "warn":
                    continue
                if r.exception_info and r.exception_info.get("raised_exception"):
                    out.table_failures.append(f"{name}: {r.exception_info.get('exception_message')}")
                    continue
                if level == "table":
                    out.table_failures.append(f"{name}: {json.dumps(r.result, default=str)[:300]}")
                    continue
                rows = [item[_ROW_KEY] for item in (r.result.get("unexpected_index_list") or [])]
                if level == "warn":
                    if rows:
                        out.warnings[name] = len(rows)
                    continue
                out.row_failure_counts[name] = len(rows)
                for i, item in zip(rows, r.result.get("unexpected_index_list") or []):
                    value = {k: v for k, v in item.items() if k != _ROW_KEY}
                    detail = f"{name} failed; value: {json.dumps(value, default=str, ensure_ascii=False)[:200]}"
                    out.row_failures.setdefault(int(i), []).append((name, detail))
        return out

    def build_docs(self) -> Path:
        with _lock:
            ctx = self._context()
            ctx.build_data_docs(site_names=["kabar"])
        return self.docs_dir / "index.html"
