"""Resolution, the top layer of sources: who speaks, which media are cited.

Entry point `extract_sources(doc, registry)`. The grammar (`grammar.py`) turns each
paragraph into attribution events; this module resolves pronouns to the last named
speaker (across paragraphs), normalises names to the fullest form the article gives
("Peskov" → "Dmitry Peskov"), media to their registry name (DW → Deutsche Welle), and
merges events into one `Source` per distinct source.

`mentions` counts the occurrences of the source's name forms in the body (at least the
number of attributions). Languages: `id` (also `ms`) and `en` grammars; `und` tries both.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from kabar.enrich.dateline import mask_dateline
from kabar.enrich.sources.grammar import Event, Grammar
from kabar.enrich.sources.lexicon import WORD_RE, get_lexicon, get_places, grammars_by_language
from kabar.enrich.sources.names import Cand, Namer, find_chunks
from kabar.record import Doc, Source
from kabar.registry import Registry



@functools.lru_cache(maxsize=8)
def _grammar(lang: str, registry: Registry) -> Grammar:
    lex = get_lexicon(lang)
    return Grammar(lex, Namer(lex, get_places(), registry))


def extract_sources(doc: Doc, registry: Registry, language: str | None = None,
                    outlet: str | None = None) -> list[Source]:
    """`language` and `outlet` default to the doc's (the enrich step passes them, declared)."""
    text = doc.text or ""
    language = doc.language if language is None else language
    outlet = doc.outlet if outlet is None else outlet
    langs = grammars_by_language().get(language or "und")
    if not text.strip() or not langs:
        return []
    lowers = frozenset(w.lower() for w in WORD_RE.findall(text) if w[0].islower())
    best: list[Source] = []
    for lang in langs:
        found = _extract(text, _grammar(lang, registry), lowers, outlet)
        if len(found) > len(best):
            best = found
    return best


def _extract(text: str, gram: Grammar, lowers: frozenset, own_outlet: str | None) -> list[Source]:
    events: list[Event] = []
    base = 0
    for par in text.split("\n\n"):
        par = mask_dateline(par)  # "jpnn.com, JAKARTA - Apkasindo meminta…": the place is no subject
        events.extend(gram.paragraph(par, base, lowers))
        base += len(par) + 2
    # pronouns carry the last named speaker, across paragraphs
    resolved: list[tuple[Cand, Event]] = []
    last: Cand | None = None
    for ev in events:
        cand = ev.cand if ev.cand is not None else last
        if cand is None:
            continue
        if ev.speech:
            last = cand
        resolved.append((cand, ev))
    if not resolved:
        return []
    full = None  # computed on the first person name, if any
    out: dict[str, Source] = {}
    forms: dict[str, set[str]] = {}
    shorts = {c.name for c, _ in resolved if c.kind == "person"}
    for cand, ev in resolved:
        name = cand.name
        if cand.kind == "person":
            if full is None:
                full = Counter()
                for n, c in _full_names(text, gram).items():
                    full[_trim(n, shorts, gram)[0]] += c
                # and the names the grammar resolved in context ("Juru bicara KPK Tessa
                # Mahardhika Sugiarto": out of context the chunk reads as an organisation)
                for n in shorts:
                    if " " in n:
                        full[_trim(n, shorts, gram)[0]] += 1
            name, cut = _trim(name, shorts, gram)
            if cut and cand.role is None:
                cand.role = cut
            name = _fullest(name, full)
        if own_outlet and name == own_outlet:
            continue
        key = name.casefold()
        src = out.get(key)
        if src is None:
            src = out[key] = Source(name=name, kind=cand.kind, role=cand.role, mentions=0)
            forms[key] = set()
        forms[key].update(f for f in (cand.name, name, cand.alias) if f)
        if src.role is None and cand.role:
            src.role = cand.role
        if cand.media and src.kind != "media":
            src.kind = "media"
        if ev.cue not in src.cues:
            src.cues.append(ev.cue)
        for q in ev.quotes:
            if q and q not in src.quotes:
                src.quotes.append(q)
        src.mentions += 1
    for key, src in out.items():
        src.mentions = max(src.mentions, _count(text, forms[key]))
    return list(out.values())


def _full_names(text: str, gram: Grammar) -> Counter:
    """Person names the article spells out (roles stripped), with their counts."""
    counts: Counter = Counter()  # names inside quotes count too ("Presiden Putin")
    for ch in find_chunks(text, gram.split_words):
        if len(ch.tokens) < 2:
            continue
        cand = gram.namer._name(text, ch, frozenset(), False)
        if cand is not None and cand.kind == "person" and " " in cand.name:
            counts[cand.name] += 1
    return counts


def _trim(name: str, shorts: set[str], gram: Grammar) -> tuple[str, str | None]:
    """A role or unit glued before a name ("Apkasindo Gulat Manurung", "Permata Josua
    Pardede") is cut where a shorter form of the name the article uses elsewhere starts
    ("kata Gulat", "kata Josua"), keeping given-name prefixes before it ("I Gusti Ketut
    Astawa" for "kata Ketut"). At least two tokens stay: "Joko Widodo" is not cut at "Widodo".
    Returns (name, the part cut off or None)."""
    toks = name.split()
    if len(toks) < 3:
        return name, None
    for i in range(len(toks) - 1, 0, -1):  # the last place a short form starts: "KAI Commuter" is
        for s in shorts:                     # itself a phrase the article uses, "Joni" is the name
            st = s.split()
            if s == name or toks[i:i + len(st)] != st:
                continue
            j = i
            while j > 0 and (re.fullmatch(r"[A-Z]\.?", toks[j - 1]) or gram.lex.has("name_prefixes", toks[j - 1])):
                j -= 1
            if j > 0 and len(toks) - j >= 2:
                return " ".join(toks[j:]), " ".join(toks[:j])
    return name, None


def _fullest(name: str, full: Counter) -> str:
    toks = name.split()
    n = len(toks)
    best, best_key = name, (0, 0)
    for cand, c in full.items():
        ct = cand.split()
        if len(ct) <= n:
            continue
        if any(ct[i:i + n] == toks for i in range(len(ct) - n + 1)):
            key = (c, len(ct))
            if key > best_key:
                best, best_key = cand, key
    return best


def _count(text: str, forms: set[str]) -> int:
    alts = sorted(forms, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in alts) + r")(?![\w-])")
    return len(rx.findall(text))


__all__ = ["extract_sources"]
