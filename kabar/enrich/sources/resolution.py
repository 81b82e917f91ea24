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
from kabar.enrich.sources.decision import Evidence, features, model, rules_keep
from kabar.enrich.sources.grammar import Event, Grammar
from kabar.enrich.sources.lexicon import WORD_RE, get_lexicon, get_places, grammars_by_language
from kabar.enrich.sources.names import Cand, Namer, find_chunks
from kabar.ner.model import recognise_with_names
from kabar.record import Doc, Source
from kabar.registry import Registry



@functools.lru_cache(maxsize=8)
def _grammar(lang: str, registry: Registry) -> Grammar:
    lex = get_lexicon(lang)
    return Grammar(lex, Namer(lex, get_places(), registry))


def _reading(doc: Doc, language: str | None, outlet: str | None):
    """(text, outlet, the grammars of its language, its lower-case words), or None when there
    is no text or no grammar reads the language."""
    text = doc.text or ""
    language = doc.language if language is None else language
    outlet = doc.outlet if outlet is None else outlet
    langs = grammars_by_language().get(language or "und")
    if not text.strip() or not langs:
        return None
    return text, outlet, langs, frozenset(w.lower() for w in WORD_RE.findall(text) if w[0].islower())


def extract_sources(doc: Doc, registry: Registry, language: str | None = None,
                    outlet: str | None = None, rules_only: bool = False) -> list[Source]:
    """`language` and `outlet` default to the doc's (the enrich step passes them, declared);
    `rules_only`: without the learned keep/drop decision (what the grammar alone finds)."""
    reading = _reading(doc, language, outlet)
    if reading is None:
        return []
    text, outlet, langs, lowers = reading
    best: list[Source] = []
    for lang in langs:
        found = _extract(text, _grammar(lang, registry), lowers, outlet, rules_only)
        if len(found) > len(best):
            best = found
    return best


def _extract(text: str, gram: Grammar, lowers: frozenset, own_outlet: str | None,
             rules_only: bool = False) -> list[Source]:
    """The sources one grammar finds: its candidates, kept or dropped, then merged."""
    learned = model() if gram.lex.rules["recognised_names"] and not rules_only else None
    kept = [s for s, ev, f in _candidates(text, gram, lowers, own_outlet)
            if (learned.keep(f, ev) if learned is not None else rules_keep(ev))]
    kept = _media_named_as_people(_merge_same(kept), gram.namer.registry)
    return _merge_aliases(_merge_misspelt(kept), gram.alias_pairs(text))


def candidate_sources(doc: Doc, registry: Registry, language: str | None = None,
                      outlet: str | None = None) -> list[tuple[Source, Evidence, dict]]:
    """Every candidate source of the language `extract_sources` would read the doc in, before
    the keep/drop decision, with its evidence and features (what the decision is trained on)."""
    reading = _reading(doc, language, outlet)
    if reading is None:
        return []
    text, outlet, langs, lowers = reading
    best, n_best = [], -1
    for lang in langs:  # the language whose rules find the most (not the model: it is trained on these)
        gram = _grammar(lang, registry)
        cands = _candidates(text, gram, lowers, outlet)
        n = sum(rules_keep(ev) for _, ev, _ in cands)
        if n > n_best:
            best, n_best = cands, n
    return best


def _merge_same(sources: list[Source]) -> list[Source]:
    """A turned-down candidate the decision kept joins a kept source of the same name."""
    out: dict[str, Source] = {}
    for s in sources:
        key = s.name.casefold()
        if key in out:
            _absorb(out[key], s)
        else:
            out[key] = s
    return list(out.values())


def _media_named_as_people(sources: list[Source], registry: Registry) -> list[Source]:
    """"Pantauan Nia di lokasi" beside "Nia Nindyawati": a name only a media cue made a
    medium (no registry outlet) that is part of a person source's name is that person."""
    people = [s for s in sources if s.kind == "person" and " " in s.name]
    out = []
    for s in sources:
        if s.kind == "media" and registry.by_name(s.name) is None:
            w = s.name.split()
            owner = next((p for p in people if any(p.name.split()[i:i + len(w)] == w
                                                   for i in range(len(p.name.split())))), None)
            if owner is not None:
                _absorb(owner, s)
                continue
        out.append(s)
    return out


def _candidates(text: str, gram: Grammar, lowers: frozenset,
                own_outlet: str | None) -> list[tuple[Source, Evidence, dict]]:
    text = gram.unglue(text)
    events: list[Event] = []
    base = 0
    # "jpnn.com, JAKARTA - Apkasindo meminta…": the dateline's place is no subject
    pars = [mask_dateline(par) for par in text.split("\n\n")]
    ents: list = [None] * len(pars)
    widened: list = [()] * len(pars)
    outside: list = [[] for _ in pars]  # per paragraph: (start, end, P(tag O)) per token
    persons: Counter | None = None  # the full names the article spells out, recognised
    wide: Counter = Counter()  # and opened at a name word before them ("Kim" + "Jong Un")
    if gram.lex.rules["recognised_names"]:
        persons = Counter()
        for i, par in enumerate(pars):
            ents[i], widened[i] = recognise_with_names(par, outside=outside[i])
            persons.update(e.text for e in ents[i] if e.type == "PER" and " " in e.text)
            wide.update(e.text for e in widened[i] if " " in e.text)
    people = frozenset(persons or ()) | frozenset(wide)
    tagged: Counter = Counter((e.text, e.type) for es in ents if es for e in es)
    # what the article writes apart from person names: read only for a name of three words or more
    alone = functools.cache(lambda: _used_alone(pars, ents)) if persons is not None else None
    # anything recognised (any type), and capitalised words the article repeats
    caps = Counter(w for w in WORD_RE.findall(text) if w[:1].isupper())
    named = frozenset(e.text for es in ents if es for e in es) | frozenset(w for w, n in caps.items() if n >= 2)
    for par, es, ws, out in zip(pars, ents, widened, outside):
        found = gram.paragraph(par, base, lowers, es, people, ws, named)
        for ev in found:
            if ev.cand is not None and out:
                # how sure the recogniser is that the name's words are a name: 1 - P(O), averaged
                ps = [1.0 - p for a, b, p in out if a >= ev.cand.start and b <= ev.cand.end]
                if ps:
                    ev.cand.name_prob = sum(ps) / len(ps)
        events.extend(found)
        base += len(par) + 2
    # pronouns carry the last named speaker, across paragraphs
    resolved: list[tuple[Cand, Event, bool]] = []
    last: Cand | None = None
    for ev in events:
        carried = ev.cand is None or ev.cand.anaphor
        cand = last if carried else ev.cand
        if cand is None:
            continue
        if ev.mention:
            last = cand
            continue
        # "ujarnya" goes back to a person or body the recogniser check let through
        if ev.speech and cand.kind != "media" and cand.via != "rejected":
            last = cand
        resolved.append((cand, ev, carried))
    if not resolved:
        return []
    full = None  # computed on the first person name, if any
    out: dict[str, Source] = {}
    forms: dict[str, set[str]] = {}
    evidence: dict[str, Evidence] = {}
    shorts = {c.name for c, _, _ in resolved if c.kind == "person" and c.via != "rejected"}
    n_text = max(1, len(text))
    for cand, ev, carried in resolved:
        name = cand.name
        if cand.kind == "person":
            if full is None:
                full = Counter()
                for n, c in (persons if persons is not None else _full_names(text, gram)).items():
                    full[_trim(n, shorts, gram, alone)[0]] += c
                # and the names the grammar resolved in context ("Juru bicara KPK Tessa
                # Mahardhika Sugiarto": out of context the chunk reads as an organisation)
                for n in shorts:
                    if " " in n:
                        full[_trim(n, shorts, gram, alone)[0]] += 1
            name, cut = _trim(name, shorts, gram, alone)
            if cut and (cand.role is None or cut not in cand.role):
                cand.role = cut if cand.role is None else f"{cand.role} {cut}"
            name = _fullest(name, full)
            if " " not in name:  # a short form only the widened spans spell out in full
                name = _fullest(name, wide)
        # the article's own outlet is no source, also by its name without the domain
        # ("Pantauan Suara.com di lokasi" on Suara.com)
        if own_outlet and (name == own_outlet or own_outlet.casefold().startswith(name.casefold() + ".")):
            continue
        # a turned-down candidate is a candidate of its own, the decision keeps or drops it
        key = ("\0" if cand.via == "rejected" else "") + name.casefold()
        src = out.get(key)
        if src is None:
            src = out[key] = Source(name=name, kind=cand.kind, role=cand.role, mentions=0)
            forms[key] = set()
            evidence[key] = Evidence([], [], first_pos=ev.pos / n_text,
                                     recognised_person=persons is not None and name in persons)
        e = evidence[key]
        e.shapes.append(ev.shape)
        e.vias.append(cand.via)
        e.carried += carried
        e.initial += cand.initial and not carried
        e.quotes += len(ev.quotes)
        e.roled = e.roled or bool(cand.role)
        if cand.name_prob >= 0:
            e.name_probs.append(cand.name_prob)
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
    found = []
    names = [s.name.split() for s in out.values()]
    for key, src in out.items():
        src.mentions = max(src.mentions, _count(text, forms[key]))
        e = evidence[key]
        e.tags = tuple(tagged[(src.name, t)] for t in ("PER", "ORG", "LOC"))
        low = src.name.lower().split()
        e.place = " ".join(low) in gram.namer.places.place_names
        w, n = src.name.split(), len(src.name.split())
        e.inside_other = any(len(o) > n and any(o[i:i + n] == w for i in range(len(o) - n + 1)) for o in names)
        found.append((src, evidence[key], features(src.name, src.kind, src.mentions, evidence[key],
                                                   gram.namer.registry.by_name(src.name) is not None)))
    return found


def _merge_misspelt(sources: list[Source]) -> list[Source]:
    """A person named once with a typo ("Kaitisuk" beside "Kiatisuk Senamuang", "Arifi"
    beside "Arifin") or by a clipped first name ("Sandi" beside "Sandiaga Uno") is the same
    source: a word one edit or one swap away from a word of a person's full name (or of a
    more mentioned one-word name), or the start of its first word."""
    # full names first (the short form may be the one used most: "Zulficar" three times
    # beside "M Zulfichar Mochtar" twice), then by mentions
    people = sorted((s for s in sources if s.kind == "person"), key=lambda s: (" " not in s.name, -s.mentions))
    gone: set[int] = set()
    for i, a in enumerate(people):
        if id(a) in gone:
            continue
        for b in people[i + 1:]:
            if id(b) in gone or " " in b.name or len(b.name) < 5:
                continue
            if any(_one_edit(b.name, w) for w in a.name.split()):
                gone.add(id(b))
                _absorb(a, b)
    for b in people:  # a clipped first name, however often it is used
        a = next((a for a in people if id(a) not in gone and " " in a.name and _clipped(b.name, a.name.split()[0])), None)
        if a is not None and " " not in b.name and id(b) not in gone:
            gone.add(id(b))
            _absorb(a, b)
    return [s for s in sources if id(s) not in gone]


def _merge_aliases(sources: list[Source], pairs: list[tuple[str, str]]) -> list[Source]:
    """Two people the article ties by a nickname cue are one source: the one with the
    shorter name goes into the other."""
    def find(n: str) -> Source | None:
        w = n.split()
        return next((s for s in sources if s.kind == "person" and (s.name == n or any(
            s.name.split()[i:i + len(w)] == w for i in range(len(s.name.split()))))), None)
    for a, b in pairs:
        x, y = find(a), find(b)
        if x is None or y is None or x is y:
            continue
        keep, drop = (x, y) if len(x.name.split()) >= len(y.name.split()) else (y, x)
        _absorb(keep, drop)
        sources = [s for s in sources if s is not drop]
    return sources


def _absorb(keep: Source, drop: Source) -> None:
    """One source found under two names: the cues, quotes and mentions of `drop` go to `keep`."""
    keep.cues += [c for c in drop.cues if c not in keep.cues]
    keep.quotes += [q for q in drop.quotes if q not in keep.quotes]
    keep.mentions += drop.mentions


def _clipped(short: str, word: str) -> bool:
    """"Sandi" for "Sandiaga": a nickname clipped from the first word of a name (at least
    four letters kept, at most four dropped)."""
    return len(short) >= 4 and word.startswith(short) and 0 < len(word) - len(short) <= 4


def _one_edit(x: str, y: str) -> bool:
    if x == y or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]])
    if len(x) > len(y):
        x, y = y, x
    return any(y[:i] + y[i + 1:] == x for i in range(len(y)))


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


def _used_alone(pars: list[str], ents: list) -> frozenset[tuple[str, ...]]:
    """The runs of capitalised words the article writes outside any person span:
    "Wavecell telah…" makes the "Wavecell" of "CEO Wavecell Olivier Gerhardt", "survei Charta
    Politika" the "Charta Politika" of "Charta Politika Hanta Yuda Rasyid", the body the
    person works for, not first names (a first name is a person span of its own, "kata
    Anies", or inside one, "Anies Baswedan")."""
    runs, person_words, spans = set(), set(), set()
    for par, es in zip(pars, ents):
        pers = [e for e in es or () if e.type == "PER"]  # in text order
        run: list[str] = []
        last_end, p = -1, 0
        for m in WORD_RE.finditer(par):
            w = m.group()
            while p < len(pers) and pers[p].end <= m.start():
                p += 1
            inside = pers[p] if p < len(pers) and pers[p].start <= m.start() else None
            if inside is not None and w[:1].isupper() and (inside.start != m.start() or len(inside.text.split()) < 3):
                person_words.add(w)  # the first word of a long person span may be the affiliation itself
            gap = par[last_end:m.start()].strip(" \t")
            if run and (inside is not None or not w[:1].isupper() or gap):
                if inside is None or gap:  # a run the recogniser's person goes on from is part of its name
                    runs.add(tuple(run))
                run = []
            if inside is None and w[:1].isupper():
                run.append(w)
            last_end = m.end()
        if run:
            runs.add(tuple(run))
        # a body the recogniser took for a person ("Charta Politika"): two words or more,
        # kept whole (they may only open a longer name the same way, see `_cut_affiliation`)
        spans.update(("",) + tuple(e.text.split()) for e in pers if " " in e.text)
    return frozenset(r for r in runs if not person_words.intersection(r)) | frozenset(spans)


def _cut_affiliation(toks: list[str], alone: frozenset) -> int:
    """Number of leading words of a person name of three or more words that the article
    also writes apart from the rest of the name, never as a person, or as a person span of
    two words or more of its own (see `_used_alone`); two words stay."""
    for k in range(len(toks) - 2, 0, -1):
        head = tuple(toks[:k])
        if any(r[:k] == head and (len(r) == k or r[k] != toks[k]) for r in alone) or (
                k >= 2 and ("",) + head in alone):
            return k
    return 0


def _trim(name: str, shorts: set[str], gram: Grammar, alone=None) -> tuple[str, str | None]:
    """A role or unit glued before a name ("Apkasindo Gulat Manurung", "Permata Josua
    Pardede") is cut where a shorter form of the name the article uses elsewhere starts
    ("kata Gulat", "kata Josua"), keeping given-name prefixes before it ("I Gusti Ketut
    Astawa" for "kata Ketut"). At least two tokens stay: "Joko Widodo" is not cut at "Widodo".
    `alone`: a call giving what the article writes apart from person names (`_used_alone`).
    Returns (name, the part cut off or None)."""
    toks = name.split()
    k = _cut_affiliation(toks, alone()) if alone is not None and len(toks) >= 3 else 0
    if k:
        return " ".join(toks[k:]), " ".join(toks[:k])
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
        if any(ct[i:i + n] == toks for i in range(len(ct) - n + 1)) or _spelt_out(toks, ct):
            key = (c, len(ct))
            if key > best_key:
                best, best_key = cand, key
    return best


def _spelt_out(short: list[str], full: list[str]) -> bool:
    """"Anies Baswedan" in "Anies Rasyid Baswedan": the same first and last name, the
    middle names left out (an ordered subsequence, two words or more)."""
    if len(short) < 2 or short[0] != full[0] or short[-1] != full[-1]:
        return False
    rest = iter(full[1:-1])
    return all(w in rest for w in short[1:-1])


def _count(text: str, forms: set[str]) -> int:
    alts = sorted(forms, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in alts) + r")(?![\w-])")
    return len(rx.findall(text))


__all__ = ["candidate_sources", "extract_sources"]
