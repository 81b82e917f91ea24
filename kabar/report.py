"""The run report: one static HTML page an analyst opens after a run.

Figures come from the manifest (counts, reasons, GX outcomes) and from this run's
article parts (distributions), so the page always agrees with the manifest. Charts
are SVG files rendered by matplotlib next to the page (`reports/run-<run_id>/`):
nothing is fetched from the internet to view it. Every chart sits beside the table
of its numbers; tables carry `id` and `data-key` so tests can read them back.
"""
from __future__ import annotations

import html
import io
import posixpath
from collections import Counter
from typing import Any

import pyarrow.parquet as pq

from kabar.load import Store

WORD_EDGES = (100, 250, 500, 1000, 2000)
TOP = 15  # bars per chart; tables list everything


# --- figures ---

def run_rows(store: Store, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The columns the distributions need, from this run's article parts only."""
    if manifest["status"] != "success":
        return []  # a failed run's parts were removed
    cols = ["language", "outlet", "published_at", "n_words", "sources"]
    rows: list[dict[str, Any]] = []
    for p in sorted(store.fs.glob(store.path("articles", "*", f"part-{manifest['run_id']}-*.parquet"))):
        with store.fs.open(p, "rb") as fh:
            t = pq.read_table(fh, columns=cols)
        rows.extend({"language": r["language"], "outlet": r["outlet"], "published_at": r["published_at"],
                     "n_words": r["n_words"] or 0, "n_sources": len(r["sources"] or [])} for r in t.to_pylist())
    return rows


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    lo = 0
    for e in edges:
        if n <= e:
            return f"{lo}–{e}" if lo != e else f"{e}"
        lo = e + 1
    return f"> {edges[-1]}"


def distributions(rows: list[dict[str, Any]]) -> dict[str, Counter]:
    dates = [r["published_at"] for r in rows if r["published_at"]]
    by_day = bool(dates) and (max(dates) - min(dates)).days <= 62  # days for a nightly batch, months for a backfill
    fmt = "%Y-%m-%d" if by_day else "%Y-%m"
    return {
        "language": Counter(r["language"] or "und" for r in rows),
        "outlet": Counter(r["outlet"] or "(unknown)" for r in rows),
        "published": Counter(f"{r['published_at']:{fmt}}" if r["published_at"] else "(unknown)" for r in rows),
        "words_per_article": Counter(_bucket(r["n_words"], WORD_EDGES) for r in rows),
        "sources_per_article": Counter(str(r["n_sources"]) if r["n_sources"] < 10 else "10+" for r in rows),
    }


def stage_counts(manifest: dict[str, Any]) -> list[tuple[str, int, int, int]]:
    """(stage, documents in, documents out, quarantined) in pipeline order."""
    from kabar.pipeline.order import NAMES

    ps = manifest["counts"].get("per_stage", {})
    out: list[tuple[str, int, int, int]] = []
    n = 0
    for stage in NAMES:
        s = ps.get(stage)
        if s is None or "forwarded" not in s and "quarantined" not in s:
            continue  # a step that passes every document on (write) or did not run
        n = s.get("read", s.get("total", n))
        kept = s.get("forwarded", n - s.get("quarantined", 0))
        out.append((stage, n, kept, n - kept))
        n = kept
    return out


# --- charts ---

def _figure(height: float):
    from matplotlib.figure import Figure  # no pyplot: no global state, safe in threads

    fig = Figure(figsize=(6.4, height), dpi=100, layout="constrained")
    return fig, fig.add_subplot()


def _counts_axis(axis) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))  # documents come whole


def _label(text: str, width: int = 34) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_long_words=True)[:3])  # long GX reasons: wrap, don't squash


def _svg(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})  # no date: same run, same bytes
    return buf.getvalue()


def bar_chart(pairs: list[tuple[str, int]], xlabel: str, horizontal: bool = True) -> bytes:
    labels = [_label(str(k)) for k, _ in pairs]
    values = [v for _, v in pairs]
    if horizontal:
        fig, ax = _figure(0.9 + 0.28 * max(1, sum(label.count("\n") + 1 for label in labels)))
        bars = ax.barh(labels[::-1], values[::-1], color="#4c72b0")
        ax.set_xlabel(xlabel)
        _counts_axis(ax.xaxis)
    else:
        fig, ax = _figure(3.0)
        bars = ax.bar(labels, values, color="#4c72b0")
        ax.set_ylabel(xlabel)
        _counts_axis(ax.yaxis)
        if len(labels) > 8:
            ax.tick_params(axis="x", labelrotation=60)
    ax.bar_label(bars, padding=2, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def funnel_chart(stages: list[tuple[str, int, int, int]]) -> bytes:
    fig, ax = _figure(0.9 + 0.3 * len(stages))
    names = [s for s, *_ in stages][::-1]
    kept = [o for _, _, o, _ in stages][::-1]
    lost = [q for *_, q in stages][::-1]
    ax.barh(names, kept, color="#4c72b0", label="passed on")
    bars = ax.barh(names, lost, left=kept, color="#dd8452", label="quarantined")
    ax.bar_label(bars, labels=[str(q) if q else "" for q in lost], padding=2, fontsize=8)
    ax.set_xlabel("documents")
    _counts_axis(ax.xaxis)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


# --- HTML ---

def _table(tid: str, headers: tuple[str, ...], rows: list[tuple]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        f"<tr data-key='{html.escape(str(r[0]), quote=True)}'>"
        + "".join(f"<td{' class=n' if isinstance(v, (int, float)) else ''}>{html.escape(str(v))}</td>" for v in r)
        + "</tr>"
        for r in rows
    )
    return f"<table id='{tid}'><tr>{head}</tr>{body}</table>"


def _section(title: str, table: str, chart: str | None = None, note: str = "") -> str:
    img = f"<img src='{html.escape(chart)}' alt='{html.escape(title)} chart'>" if chart else ""
    note = f"<p class=note>{note}</p>" if note else ""
    return f"<section><h2>{html.escape(title)}</h2>{note}<div class=pair>{img}{table}</div></section>"


def _docs_links(store: Store, manifest: dict[str, Any], suite: str) -> str:
    base = store.path("reports", "data_docs")
    pages = sorted(store.fs.glob(posixpath.join(base, "validations", suite, f"{manifest['run_id']}-*", "*", "*.html")))
    links = [f"<a href='data_docs/expectations/{suite}.html'>suite</a>"]
    if pages:
        rel = posixpath.relpath(pages[0], store.path("reports"))
        more = f" (+{len(pages) - 1} more shards in the index)" if len(pages) > 1 else ""
        links.append(f"<a href='{html.escape(rel)}'>validation</a>{more}")
    return " · ".join(links)


CSS = (
    "body{font:14px system-ui,sans-serif;margin:2em auto;max-width:1150px;color:#222;padding:0 1em}"
    "table{border-collapse:collapse;margin:.3em 0;align-self:flex-start}"
    "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f4f4f4}"
    ".n{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#070}.bad{color:#b00;font-weight:bold}"
    ".pair{display:flex;gap:1.5em;flex-wrap:wrap;align-items:flex-start}img{max-width:640px}"
    ".kpi{display:flex;gap:1em;flex-wrap:wrap}.kpi div{border:1px solid #ddd;border-radius:6px;padding:.5em 1em}"
    ".kpi b{display:block;font-size:1.6em}.note{color:#555;margin:.2em 0}h2{margin-top:1.5em}"
)


def render(manifest: dict[str, Any], dists: dict[str, Counter], charts: dict[str, str],
           docs_links: dict[str, str] | None = None) -> str:
    c = manifest["counts"]
    ok = manifest["status"] == "success"
    rid = html.escape(manifest["run_id"])
    kpis = [("read", c["read"]), ("loaded", c["loaded"]), ("quarantined", c["quarantined"]),
            ("near duplicates", c.get("near_duplicates", 0)), ("inputs new", c.get("inputs_new", 0)),
            ("inputs unchanged", c.get("inputs_skipped_unchanged", 0))]
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>kabar run {rid}</title><style>{CSS}</style></head><body>",
        f"<h1>kabar run <code>{rid}</code> — <span class={'ok' if ok else 'bad'} id=status>"
        f"{'success' if ok else 'FAILED'}</span></h1>",
        f"<p class=note>{html.escape(manifest['started_at'][:19])} → {html.escape(manifest['finished_at'][:19])} UTC"
        f" · {manifest['timings']['seconds_total']:.1f} s · inputs {html.escape(', '.join(manifest['inputs']))}"
        f" · read = loaded + quarantined: <b id=reconciled>{'yes' if c['reconciled'] else 'NO'}</b></p>",
    ]
    if manifest.get("error"):
        parts.append(f"<p class=bad id=error>{html.escape(manifest['error'])}</p>")
    parts.append("<div class=kpi id=counts>" + "".join(
        f"<div data-key='{k}'><b>{v:,}</b>{k}</div>" for k, v in kpis) + "</div>")
    parts.append(_section("Documents per stage", _table("stages", ("stage", "in", "out", "quarantined"),
                                                        stage_counts(manifest)), charts.get("stages")))
    reasons = list(c["quarantine_reasons"].items())
    parts.append(_section("Quarantine reasons", _table("reasons", ("stage:reason", "n"), reasons or [("(none)", 0)]),
                          charts.get("reasons"), "Every rejected record is in the quarantine table with this reason."))
    docs_links = docs_links or {}
    gx_rows = [(s, "passed" if g["success"] else "FAILED", g["rows"], g["rows_quarantined"],
                sum(g["warnings"].values()), "; ".join(g["table_failures"]) or "")
               for s, g in manifest["gx"].items() if g["ran"]]
    gx = _table("gx", ("suite", "outcome", "rows", "quarantined", "warnings", "table failures"), gx_rows)
    if docs_links:
        gx += "<ul>" + "".join(f"<li>{html.escape(s)}: {docs_links[s]}</li>" for s in docs_links) + "</ul>"
    if manifest.get("data_docs"):
        gx += "<p><a href='data_docs/index.html'>GX Data Docs (all suites, all runs)</a></p>"
    parts.append(_section("Great Expectations, per suite", gx))
    titles = {"language": "Language", "outlet": "Outlet", "published": "Publish date",
              "words_per_article": "Words per article", "sources_per_article": "Sources per article"}
    parts.append("<h2>Loaded articles</h2><p class=note>Distributions over the articles this run loaded.</p>")
    for name, counter in dists.items():
        rows = _ordered(name, counter)
        parts.append(_section(titles[name], _table(name, (titles[name].lower(), "articles"), rows), charts.get(name)))
    parts.append("</body></html>")
    return "\n".join(parts)


def _ordered(name: str, counter: Counter) -> list[tuple[str, int]]:
    if name in ("published",):
        return sorted(counter.items())
    if name == "words_per_article":
        order = [_bucket(e, WORD_EDGES) for e in WORD_EDGES] + [f"> {WORD_EDGES[-1]}"]
        return [(k, counter[k]) for k in order if k in counter]
    if name == "sources_per_article":
        return sorted(counter.items(), key=lambda kv: 99 if kv[0] == "10+" else int(kv[0]))
    return counter.most_common()


def write_charts(store: Store, manifest: dict[str, Any], dists: dict[str, Counter]) -> dict[str, str]:
    """Render the charts into reports/run-<id>/; returns name → path relative to reports/."""
    folder = f"run-{manifest['run_id']}"
    store.fs.makedirs(store.path("reports", folder), exist_ok=True)
    svgs = {"stages": funnel_chart(stage_counts(manifest))}
    reasons = list(manifest["counts"]["quarantine_reasons"].items())[:TOP]
    if reasons:
        svgs["reasons"] = bar_chart(reasons, "records")
    for name, counter in dists.items():
        if not counter:
            continue
        pairs = _ordered(name, counter)
        if name in ("language", "outlet"):
            svgs[name] = bar_chart(pairs[:TOP], "articles")
        else:
            svgs[name] = bar_chart(pairs, "articles", horizontal=False)
    out = {}
    for name, data in svgs.items():
        with store.fs.open(store.path("reports", folder, f"{name}.svg"), "wb") as fh:
            fh.write(data)
        out[name] = f"{folder}/{name}.svg"
    return out


def write_run_report(store: Store, manifest: dict[str, Any]) -> str:
    dists = distributions(run_rows(store, manifest))
    charts = write_charts(store, manifest, dists)
    links = {s: _docs_links(store, manifest, s) for s, g in manifest["gx"].items() if g["ran"]}
    page = render(manifest, dists, charts, links)
    path = store.path("reports", f"run-{manifest['run_id']}.html")
    for p in (path, store.path("reports", "index.html")):  # index.html: the latest run, same relative links
        with store.fs.open(p, "w", encoding="utf-8") as fh:
            fh.write(page)
    return path


# --- the same summary as Markdown (for the orchestrator's UI) ---

def summary_markdown(manifest: dict[str, Any], dists: dict[str, Counter]) -> str:
    c = manifest["counts"]
    lines = [f"# kabar run `{manifest['run_id']}`: {manifest['status']}", ""]
    if manifest.get("error"):
        lines += [f"**Error:** {manifest['error']}", ""]
    lines += [f"read **{c['read']}** · loaded **{c['loaded']}** · quarantined **{c['quarantined']}** · "
              f"reconciled: {'yes' if c['reconciled'] else 'NO'} · {manifest['timings']['seconds_total']:.1f} s", ""]
    lines += ["| stage | in | out | quarantined |", "|---|---:|---:|---:|"]
    lines += [f"| {s} | {i} | {o} | {q} |" for s, i, o, q in stage_counts(manifest)]
    lines += ["", "| GX suite | outcome | rows | quarantined | warnings |", "|---|---|---:|---:|---:|"]
    lines += [f"| {s} | {'passed' if g['success'] else '**FAILED**'} | {g['rows']} | {g['rows_quarantined']} | "
              f"{sum(g['warnings'].values())} |" for s, g in manifest["gx"].items() if g["ran"]]
    if c["quarantine_reasons"]:
        lines += ["", "| quarantine reason | n |", "|---|---:|"]
        lines += [f"| `{k}` | {v} |" for k, v in list(c["quarantine_reasons"].items())[:20]]
    for name, counter in dists.items():
        if counter:
            top = ", ".join(f"{k} {v}" for k, v in _ordered(name, counter)[:12])
            lines += ["", f"**{name.replace('_', ' ')}:** {top}"]
    if manifest.get("report"):
        lines += ["", f"Full report: `{manifest['report']}`"]
    return "\n".join(lines)
