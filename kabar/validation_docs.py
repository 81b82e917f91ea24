"""GX validation results as static pages that read offline.

GX's own Data Docs draw the list of validations with JavaScript and style everything
from CDNs: without a network the index is empty and the status column blank. These
pages render the same validation results (the JSON files GX stores under
`reports/gx/uncommitted/validations/`) as plain HTML with inline CSS and text status:

  reports/validations/index.html                         every validation, newest first
  reports/validations/<suite>/<run>-shardNNNNN.html      one page per shard and suite
  reports/validations/_runs/<run_id>.json                the index rows of one run

Each run renders only its own pages and its own index rows; the index is rebuilt from
the small per-run row files, so the cost of a run does not grow with the archive.
"""
from __future__ import annotations

import html
import json
import posixpath
from typing import Any

from kabar.load import Store

FOLDER = "validations"
SAMPLE = 10  # unexpected values shown per expectation

CSS = (
    "body{font:14px system-ui,sans-serif;margin:2em auto;max-width:1150px;color:#222;padding:0 1em}"
    "table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;"
    "vertical-align:top}th{background:#f4f4f4}.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".status{font-weight:bold;padding:1px 6px;border-radius:4px;color:#fff;white-space:nowrap}"
    ".passed{background:#1a7f37}.failed{background:#c62828}.warn{background:#b26a00}"
    "code{font-size:12px}.note{color:#555}"
)


def _status(state: str) -> str:
    label = {"passed": "✓ passed", "failed": "✗ failed", "warn": "! warning"}[state]
    return f"<span class='status {state}' data-status='{state}'>{label}</span>"


def _esc(v: Any) -> str:
    return html.escape(v if isinstance(v, str) else json.dumps(v, default=str, ensure_ascii=False))


def _page(shell_title: str, body: str, up: str) -> str:
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{html.escape(shell_title)}</title>"
            f"<style>{CSS}</style></head><body><p class=note><a href='{up}'>all validations</a></p>{body}</body></html>")


def _expectation_rows(results: list[dict[str, Any]]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for r in results:
        cfg = r.get("expectation_config") or {}
        kw = {k: v for k, v in (cfg.get("kwargs") or {}).items() if k not in ("batch_id", "column")}
        level = ((cfg.get("meta") or {}).get("kabar") or {}).get("level", "row")
        res = r.get("result") or {}
        name = cfg.get("type", "?") + (f"({cfg['kwargs']['column']})" if (cfg.get("kwargs") or {}).get("column") else "")
        if r.get("success"):
            state = "passed"
        else:
            state = "warn" if level == "warn" else "failed"
        if "unexpected_count" in res:
            observed = f"{res['unexpected_count']} of {res.get('element_count', '?')} rows unexpected"
        elif "observed_value" in res:
            observed = _esc(res["observed_value"])[:300]
        else:
            observed = ""
        exc = (r.get("exception_info") or {})
        if exc.get("raised_exception"):
            observed = "error: " + html.escape(str(exc.get("exception_message")))[:300]
        sample = ", ".join(_esc(v)[:80] for v in (res.get("partial_unexpected_list") or [])[:SAMPLE])
        rows.append((_status(state), f"<code>{html.escape(name)}</code> <span class=note>{html.escape(level)}</span>",
                     f"<code>{_esc(kw)[:300]}</code>", observed, sample))
    return rows


def render_validation(vr: dict[str, Any]) -> str:
    meta = vr.get("meta") or {}
    run = (meta.get("run_id") or {})
    stats = vr.get("statistics") or {}
    state = "passed" if vr.get("success") else "failed"
    head = (f"<h1>{html.escape(vr.get('suite_name', '?'))} {_status(state)}</h1>"
            f"<p>run <code>{html.escape(str(run.get('run_name')))}</code> at {html.escape(str(run.get('run_time')))}"
            f" · {stats.get('successful_expectations', 0)} of {stats.get('evaluated_expectations', 0)} expectations met"
            f" · GX {html.escape(str(meta.get('great_expectations_version', '')))}</p>")
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in _expectation_rows(vr.get("results") or []))
    table = ("<table id=expectations><tr><th>status</th><th>expectation</th><th>parameters</th><th>observed</th>"
             f"<th>sample of unexpected values</th></tr>{trs}</table>")
    return _page(f"{vr.get('suite_name')} · {run.get('run_name')}", head + table, "../index.html")


def write_validation_docs(store: Store, run_id: str) -> str:
    """Render this run's validation results and rebuild the index; returns the index path."""
    src = store.path("reports", "gx", "uncommitted", "validations")
    rows = []
    for p in sorted(store.fs.glob(posixpath.join(src, "*", f"{run_id}-*", "*", "*.json"))):
        with store.fs.open(p, "r", encoding="utf-8") as fh:
            vr = json.load(fh)
        suite, run_name = p.split("/")[-4], p.split("/")[-3]
        rel = f"{suite}/{run_name}.html"
        _write(store, rel, render_validation(vr))
        stats = vr.get("statistics") or {}
        rows.append({"suite": suite, "run_name": run_name, "run_time": str((vr.get("meta") or {}).get("run_id", {}).get("run_time")),
                     "success": bool(vr.get("success")), "evaluated": stats.get("evaluated_expectations", 0),
                     "unsuccessful": stats.get("unsuccessful_expectations", 0), "page": rel})
    store.write_json(rows, "reports", FOLDER, "_runs", f"{run_id}.json")
    return write_index(store)


def write_index(store: Store) -> str:
    rows = []
    for p in store.fs.glob(store.path("reports", FOLDER, "_runs", "*.json")):
        with store.fs.open(p, "r", encoding="utf-8") as fh:
            rows.extend(json.load(fh))
    rows.sort(key=lambda r: (r["run_time"], r["suite"]), reverse=True)
    trs = "".join(
        f"<tr data-key='{html.escape(r['suite'])}/{html.escape(r['run_name'])}'>"
        f"<td>{_status('passed' if r['success'] else 'failed')}</td><td>{html.escape(r['suite'])}</td>"
        f"<td><a href='{html.escape(r['page'])}'>{html.escape(r['run_name'])}</a></td><td>{html.escape(r['run_time'][:19])}</td>"
        f"<td class=n>{r['evaluated'] - r['unsuccessful']} / {r['evaluated']}</td></tr>"
        for r in rows)
    body = ("<h1>kabar validations</h1><p class=note>Great Expectations results of every shard and suite, "
            "newest first. The same results as GX's Data Docs, readable without a network.</p>"
            "<table id=validations><tr><th>status</th><th>suite</th><th>run / shard</th><th>run time (UTC)</th>"
            f"<th>expectations met</th></tr>{trs}</table>")
    page = _page("kabar validations", body, "../index.html").replace(
        "<a href='../index.html'>all validations</a>", "<a href='../index.html'>latest run report</a>")
    return _write(store, "index.html", page)


def _write(store: Store, rel: str, text: str) -> str:
    path = store.path("reports", FOLDER, rel)
    store.fs.makedirs(posixpath.dirname(path), exist_ok=True)
    with store.fs.open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path
