"""The run report: one static HTML page an analyst opens after a run.

Figures come from the manifest (counts, reasons, GX outcomes) and from this run's
article parts (distributions), so the page always agrees with the manifest.
"""
from __future__ import annotations

import html
from collections import Counter
from typing import Any

import pyarrow.parquet as pq

from kabar.load import Store


def _run_articles(store: Store, manifest: dict[str, Any]):
    cols = ["language", "outlet", "published_at", "n_words", "sources"]
    tables = []
    for p in store.fs.glob(store.path("articles", "*", f"part-{manifest['run_id']}-*.parquet")):
        with store.fs.open(p, "rb") as fh:
            tables.append(pq.read_table(fh, columns=cols))
    rows = []
    for t in tables:
        rows.extend(t.to_pylist())
    return rows


def distributions(rows: list[dict[str, Any]]) -> dict[str, Counter]:
    words = Counter()
    for r in rows:
        n = r["n_words"] or 0
        words[_bucket(n, (100, 250, 500, 1000, 2000))] += 1
    return {
        "language": Counter(r["language"] for r in rows),
        "outlet": Counter(r["outlet"] or "(unknown)" for r in rows),
        "published_month": Counter(f"{r['published_at']:%Y-%m}" if r["published_at"] else "(unknown)" for r in rows),
        "words_per_article": words,
        "sources_per_article": Counter(_bucket(len(r["sources"] or []), (0, 2, 5, 10)) for r in rows),
    }


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    lo = 0
    for e in edges:
        if n <= e:
            return f"{lo}–{e}" if lo != e else f"{e}"
        lo = e + 1
    return f"> {edges[-1]}"


def _table(title: str, pairs, headers=("", "n")) -> str:
    body = "".join(f"<tr><td>{html.escape(str(k))}</td><td class=n>{v}</td></tr>" for k, v in pairs)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    return f"<section><h2>{html.escape(title)}</h2><table><tr>{head}</tr>{body}</table></section>"


def render(manifest: dict[str, Any], dists: dict[str, Counter]) -> str:
    c = manifest["counts"]
    ok = manifest["status"] == "success"
    parts = [
        "<!doctype html><html><head><meta charset=utf-8>",
        f"<title>kabar run {html.escape(manifest['run_id'])}</title>",
        "<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px}"
        "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
        ".n{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#070}.bad{color:#b00}"
        "section{display:inline-block;vertical-align:top;margin-right:2em}</style></head><body>",
        f"<h1>kabar run <code>{html.escape(manifest['run_id'])}</code> — "
        f"<span class={'ok' if ok else 'bad'} id=status>{'success' if ok else 'FAILED'}</span></h1>",
    ]
    if manifest.get("error"):
        parts.append(f"<p class=bad>{html.escape(manifest['error'])}</p>")
    parts.append(
        _table("Counts", [("read", c["read"]), ("loaded", c["loaded"]), ("quarantined", c["quarantined"]),
                          ("near duplicates", c.get("near_duplicates", 0)),
                          ("reconciled (read = loaded + quarantined)", "yes" if c["reconciled"] else "NO")])
    )
    stage_rows = [(f"{s}: {k}", v) for s, d in c.get("per_stage", {}).items() for k, v in d.items()]
    parts.append(_table("Per stage", stage_rows))
    parts.append(_table("Quarantine reasons", list(c["quarantine_reasons"].items()) or [("(none)", 0)]))
    gx_rows = [(s, ("passed" if g["success"] else "FAILED") + f" — {g['rows']} rows, {g['rows_quarantined']} quarantined")
               for s, g in manifest["gx"].items() if g["ran"]]
    parts.append(_table("GX suites", gx_rows, ("suite", "outcome")))
    for name, counter in dists.items():
        parts.append(_table(name.replace("_", " ").capitalize(), sorted(counter.items(), key=lambda kv: str(kv[0]))))
    if manifest.get("data_docs"):
        parts.append(f"<p><a href='data_docs/index.html'>GX Data Docs</a></p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_run_report(store: Store, manifest: dict[str, Any]) -> str:
    rows = _run_articles(store, manifest) if manifest["status"] == "success" else []
    page = render(manifest, distributions(rows))
    path = store.path("reports", f"run-{manifest['run_id']}.html")
    store.fs.makedirs(store.path("reports"), exist_ok=True)
    with store.fs.open(path, "w", encoding="utf-8") as fh:
        fh.write(page)
    latest = store.path("reports", "index.html")
    with store.fs.open(latest, "w", encoding="utf-8") as fh:
        fh.write(page)
    return path
