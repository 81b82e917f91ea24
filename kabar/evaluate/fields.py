"""Scores of the enrich fields: title, outlet, publish date, authors, dateline, language.

`score(pairs)` takes (gold, Doc) pairs (gold normalised by kabar.evaluate.gold) and
returns per-field accuracy with the misses; a field is scored only on documents whose
gold states it (`outlet`, `dateline`, `language` are absent from WCXB and skipped there).
Publish date: exact (to the minute, with offset) against `accept_published` when the
gold has a time, else the day; `publish_day` compares the day where the gold has one;
`no_date` counts, where the gold has none, the pages left null (a date there is a guess).
Title: equal after case/punctuation folding (`title`) and a fuzzy variant
(`title_fuzzy`, difflib ratio >= 0.9). Authors: the same set of name words (case,
punctuation, "by"/"and"/"dan" folded). For HTML pages the same figures are computed on
trafilatura's own metadata (`extract_metadata`, default settings) as the baseline.
"""
from __future__ import annotations

import difflib
import html
import re
import unicodedata

FIELDS = ("title", "title_fuzzy", "outlet", "published", "publish_day", "no_date", "authors", "dateline", "language")
_JOINERS = {"by", "and", "dan", "oleh", "&"}


def _norm(text) -> str:
    t = unicodedata.normalize("NFKC", html.unescape(str(text or ""))).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", t).split())


def _author_key(names) -> frozenset:
    if isinstance(names, str):
        names = [names]
    words = _norm(" ".join(n for n in names or [] if n)).split()
    return frozenset(w for w in words if w not in _JOINERS)


def _minute(value) -> str | None:
    if value is None:
        return None
    s = str(value)
    m = re.match(r"(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?", s)
    if not m:
        return s
    day, hm, off = m.groups()
    if not hm:
        return day
    off = "+00:00" if off in ("Z", None) else (off if ":" in off else off[:3] + ":" + off[3:])
    return f"{day}T{hm}{off}"


def _published_ok(gold: dict, predicted: str | None) -> bool:
    accepted = gold.get("accept_published") or [gold.get("published")]
    p = _minute(predicted)
    for a in accepted:
        a = _minute(a)
        if a is None and p is None:
            return True
        if a is not None and p is not None and (a == p or (len(a) == 10 and p[:10] == a)):
            return True
    return False


def _check(field: str, gold: dict, got: dict) -> bool | None:
    """True/False, or None when the gold does not state the field (not scored)."""
    if field in ("title", "title_fuzzy"):
        if not gold.get("title"):
            return None
        a, b = _norm(gold["title"]), _norm(got.get("title"))
        return a == b if field == "title" else difflib.SequenceMatcher(None, a, b).ratio() >= 0.9
    if field == "publish_day":
        if not gold.get("published"):
            return None
        return (got.get("published") or "")[:10] == str(gold["published"])[:10]
    if field == "no_date":  # where the page states no date: null, not a guess
        if any(gold.get("accept_published") or [gold.get("published")]):
            return None
        return not got.get("published")
    if field == "published":
        return _published_ok(gold, got.get("published"))
    if field == "authors":
        return _author_key(gold.get("authors")) == _author_key(got.get("authors"))
    if field not in gold.get("_stated", ()):
        return None  # the set labels no outlet / dateline / language at all (WCXB)
    if field == "outlet":
        return (gold.get("outlet") or None) == (got.get("outlet") or None)
    if field == "dateline":
        return _norm(gold.get("dateline")) == _norm(got.get("dateline"))
    if field == "language":
        return gold.get("language") is None or gold.get("language") == got.get("language")
    return None


def _ours(doc) -> dict:
    return {"title": doc.title, "outlet": doc.outlet, "published": doc.published_at_local,
            "authors": doc.authors, "dateline": doc.dateline, "language": doc.language}


def _trafilatura(doc) -> dict | None:
    """trafilatura's metadata with its default settings (kabar's own call skips the
    extensive date search), so the baseline is the library as shipped."""
    if doc.content_type != "html":
        return None
    from trafilatura.metadata import extract_metadata

    m = extract_metadata(doc.content, default_url=doc.url).as_dict()
    author = m.get("author")
    return {"title": m.get("title"), "published": m.get("date"),
            "authors": [a for a in re.split(r"\s*;\s*", author) if a] if author else []}


def _tally(pairs, getter) -> dict:
    out = {f: {"ok": 0, "n": 0, "misses": []} for f in FIELDS}
    for gold, doc in pairs:
        got = getter(doc)
        if got is None:
            continue
        for f in FIELDS:
            if f not in got and f not in ("title_fuzzy", "publish_day", "no_date"):
                continue
            ok = _check(f, gold, got)
            if ok is None:
                continue
            out[f]["n"] += 1
            if ok:
                out[f]["ok"] += 1
            else:
                key = {"title_fuzzy": "title", "publish_day": "published", "no_date": "published"}.get(f, f)
                gv = gold.get("accept_published") if f == "published" else gold.get(key)
                out[f]["misses"].append({"id": gold.get("id"), "gold": gv, "got": got.get(key)})
    return {f: v for f, v in out.items() if v["n"]}


def score(pairs) -> dict:
    stated = {f for f in ("outlet", "dateline", "language") if any(g.get(f) is not None for g, _ in pairs)}
    pairs = [(dict(g, _stated=stated), d) for g, d in pairs]
    result = {"n_docs": len(pairs), "kabar": _tally(pairs, _ours), "trafilatura": _tally(pairs, _trafilatura)}
    return result


def _pct(v: dict) -> str:
    return f"{v['ok']}/{v['n']} ({100 * v['ok'] / v['n']:.1f}%)"


def render(result: dict, misses: int = 5) -> str:
    lines = [f"fields: {result['n_docs']} documents"]
    base = result.get("trafilatura") or {}
    for f, v in result["kabar"].items():
        extra = f"   trafilatura metadata {_pct(base[f])}" if f in base else ""
        lines.append(f"  {f:12} {_pct(v)}{extra}")
    for f, v in result["kabar"].items():
        for m in v["misses"][:misses]:
            lines.append(f"    miss {f} {m['id']}: gold={m['gold']!r} got={m['got']!r}")
        if len(v["misses"]) > misses:
            lines.append(f"    … {len(v['misses']) - misses} more {f} misses")
    return "\n".join(lines)
