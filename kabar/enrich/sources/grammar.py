"""Attribution grammar: one paragraph in, attribution events out.

Shapes (cue lists come from `attribution.yaml`):
  trailing   "…," ucap Peskov.  /  "…," imbuhnya.  /  "…," said Smith.  /  "…," Smith said.
  leading    <Name> [role] [adverbs] mengatakan (bahwa) [, "…"]   (first non-PP name of the clause)
  passive    diumumkan (oleh) <Name>
  according  menurut <Name>
  media      dilansir dari <Medium>, dikutip BBC, melansir dari kantor berita Rusia TASS
  channel    kepada kantor berita Rusia Interfax (a medium only)
  aside      …, kata <Name>, …   (no quote)
Quote contents are masked before any parsing, so names inside quotes never become speakers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kabar.enrich.settings import settings
from kabar.enrich.sources.lexicon import Lexicon, third_person_pronouns
from kabar.enrich.sources.names import Cand, Namer, find_chunks, words_before

MASK = "~"
_OPEN, _CLOSE = "“", "”"
_SENT_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9À-Þ])")
_ABBREV = frozenset("prof dr drs ir h hj jl no st mr mrs ms gen lt sen rep gov u.s vs dll dsb tn ny sdr".split())
_GAP_BAD = re.compile(r"[.!?;:\"“”~]")
_CLAUSE_PUNCT = re.compile(r"[;:]")


@dataclass(slots=True)
class Event:
    pos: int
    cand: Cand | None  # None: a pronoun, resolved to the last named speaker
    cue: str
    quotes: list[str] = field(default_factory=list)
    speech: bool = True  # a speaker (updates the pronoun antecedent) vs a cited medium


_NOT_NEWLINE = re.compile(r"[^\n]")


def mask_quotes(par: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Replace quote contents by MASK; return (masked, [(open_pos, close_end, inner)]).

    A quote opens at “ (closed by ”) or at " (closed by the next "); an unbalanced one
    runs to the end of the paragraph. Newlines inside a quote are kept."""
    spans, i, n = [], 0, len(par)
    find = par.find
    while i < n:
        a, b = find(_OPEN, i), find('"', i)
        if a < 0 and b < 0:
            break
        if a < 0 or 0 <= b < a:
            s, close = b, '"'
        else:
            s, close = a, _CLOSE
        j = find(close, s + 1)
        if j < 0:  # unbalanced: the quote runs to the end of the paragraph
            j = n
        spans.append((s, min(j + 1, n), par[s + 1:j]))
        i = j + 1
    if not spans:
        return par, []
    parts, last = [], 0
    for s, _, inner in spans:
        parts.append(par[last:s + 1])
        parts.append(_NOT_NEWLINE.sub(MASK, inner))
        last = s + 1 + len(inner)
    parts.append(par[last:])
    return "".join(parts), spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT_BREAK.finditer(text):
        w = re.search(r"([\w.]+)[.!?]$", text[start:m.start()])
        if w and (w.group(1).lower().rstrip(".") in _ABBREV or len(w.group(1)) == 1):
            continue
        out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def clean_quote(q: str) -> str:
    return " ".join(q.split()).strip(" ,")


class Grammar:
    def __init__(self, lex: Lexicon, namer: Namer):
        self.lex, self.namer = lex, namer
        self.gaps = settings()["sources"]  # how far a name may stand from its cue, in words
        self.adjacent_subject = lex.rules["subject_next_to_verb"]
        self.person_is_medium = lex.rules["media_cue_person_is_medium"]
        pron = "|".join(re.escape(p.capitalize()) for p in third_person_pronouns())
        self.pronoun_clause = re.compile(rf"(?:^|[.,]\s*)(?:{pron})\s+(?:\w+\s+){{0,2}}$")
        w = lex.words
        self.split_words = frozenset().union(
            w["leading_verbs"], w["passive_verbs"], w["trailing_verbs"], w["media_cues"],
            w["according"], w["stop_names"], w["prepositions"],
            lex.phrases["media_cues"].keys(), lex.phrases["according"].keys(),
            {"seperti", "sebagaimana", "disebutkan", "dilansir", "menurut"})

    # --- noun phrase after a cue --------------------------------------------------------
    def np_after(self, text, chunks, pos, end, lowers, max_gap=None) -> tuple[Cand | None, int]:
        max_gap = self.gaps["name_after_cue"] if max_gap is None else max_gap
        for ci, ch in enumerate(chunks):
            if ch.start < pos:
                continue
            if ch.start >= end:
                break
            gap = text[pos:ch.start]
            if _GAP_BAD.search(gap) or "," in gap:
                return None, -1
            gw = gap.split()
            if any(self.lex.has("clause_breaks", x) or x in ("bahwa", "that", "yang", "which") for x in gw):
                return None, -1
            limit = max_gap + self.gaps["role_between"] if gw and self.namer.segment_is_role(gap) else max_gap
            if len(gw) > limit:
                return None, -1
            return self.namer.resolve(text, chunks, ci, pos, lowers)
        return None, -1

    def role_after(self, text: str, pos: int, end: int) -> str | None:
        m = re.match(r"\s*,\s*([^,.;:~\"“”]{3,120})", text[pos:end])
        if m and self.namer.segment_is_role(m.group(1)):
            return m.group(1).strip()
        return None

    # --- subject before a leading verb ----------------------------------------------------
    def clause_start(self, text: str, lo: int, pos: int) -> int:
        seg = text[lo:pos]
        best = 0
        for m in _CLAUSE_PUNCT.finditer(seg):
            best = m.end()
        for m in re.finditer(r",\s+(\w+)\s", seg):
            if self.lex.has("clause_breaks", m.group(1)):
                best = max(best, m.start() + 1)
        for m in re.finditer(r"\b(?:bahwa|that)\b", seg):
            best = max(best, m.end())
        return lo + best

    def subject(self, text, chunks, lo, pos, lowers) -> list[Cand]:
        start = self.clause_start(text, lo, pos)
        if self.adjacent_subject:
            return self._subject_adjacent(text, chunks, start, pos, lowers)
        for ci, ch in enumerate(chunks):
            if ch.start < start or ch.end > pos:
                continue
            if self.namer.in_pp(text, ch.start):
                continue
            seg = max(start, text.rfind(",", start, ch.start) + 1)
            cand, cj = self.namer.resolve(text, chunks, ci, seg, lowers)
            if cand is None:
                continue
            if len(text[cand.end:pos].split()) > self.gaps["subject_before_verb"]:
                return []
            out = [cand]
            if cj + 1 < len(chunks) and chunks[cj + 1].end <= pos:
                nxt = chunks[cj + 1]
                if re.fullmatch(r"\s+(?:dan|serta|and)\s+", text[chunks[cj].end:nxt.start]) \
                        and cj + 2 < len(chunks) and chunks[cj + 2].end <= pos \
                        and (re.fullmatch(r"[ \t]+", text[nxt.end:chunks[cj + 2].start])
                             or (re.fullmatch(r"[ \t]*,[ \t]*", text[nxt.end:chunks[cj + 2].start])
                                 and self.namer.segment_is_role(text[seg:chunks[cj].end], strict=True))):
                    # "Ketua Asosiasi Logistik dan Forwarder Indonesia (ALFI) Jawa Timur Sebastian
                    # Wibisono menyambut": the "dan" is inside the body's name; the speaker is
                    # the last run of names before the verb, the rest its role; so is the name
                    # set off by commas after a role with "dan" ("Kepala Pusat Gempa Bumi dan
                    # Tsunami BMKG, Daryono, mengatakan")
                    last = max(k for k in range(cj + 2, len(chunks)) if chunks[k].end <= pos)
                    c3, _ = self.namer.resolve(text, chunks, last, seg, lowers)
                    if c3 is not None and c3.kind == "person":
                        return [c3]
                if re.fullmatch(r"\s+(?:dan|serta|and)\s+", text[chunks[cj].end:nxt.start]):
                    c2, _ = self.namer.resolve(text, chunks, cj + 1, nxt.start, lowers)
                    if c2 is not None:
                        out.append(c2)
            return out
        return []

    def _subject_adjacent(self, text, chunks, start, pos, lowers) -> list[Cand]:
        before = text[start:pos].rstrip()
        words = before.split()
        while words and self.lex.has("adverbs", words[-1]):
            before = before[: before.rfind(words[-1])].rstrip()
            words = words[:-1]
        role = None
        if before.endswith(","):  # "Smith, a professor at X, said"
            k = before.rfind(",", 0, len(before) - 1)
            if k < 0:
                return []
            role = before[k + 1:-1].strip()
            before = before[:k].rstrip()
        end = start + len(before)
        for ci, ch in enumerate(chunks):
            if ch.end == end:
                seg = max(start, text.rfind(",", start, ch.start) + 1)
                cand, _ = self.namer.resolve(text, chunks, ci, seg, lowers)
                if cand is not None and role and cand.kind == "person" and not cand.role:
                    cand.role = role
                return [cand] if cand else []
        return []

    def pronoun_subject(self, text: str, pos: int) -> bool:
        ws = words_before(text, pos, 4)
        while ws and self.lex.has("adverbs", ws[-1]):
            ws.pop()
        return bool(ws) and self.lex.has("pronouns", ws[-1]) or bool(
            self.pronoun_clause.search(text[max(0, pos - self.gaps["pronoun_window_chars"]):pos]))

    # --- a paragraph ------------------------------------------------------------------------
    def paragraph(self, par: str, base: int, lowers: frozenset) -> list[Event]:
        text, quotes = mask_quotes(par)
        chunks = find_chunks(text, self.split_words)
        events: list[Event] = []
        used: set[int] = set()
        lex = self.lex
        for ss, se in split_sentences(text):
            sch = [c for c in chunks if ss <= c.start < se]
            # trailing cues after a closing quote
            for qi, (qs, qe, inner) in enumerate(quotes):
                if not (ss <= qe <= se) or qi in used:
                    continue
                q = clean_quote(inner)
                m = lex.trailing.match(text, qe, se)
                if m and (m.group("form") or m.group("pron")):
                    events.append(Event(base + qs, None, (m.group("form") or m.group("verb")).lower(), [q]))
                    used.add(qi)
                elif m:
                    cand, _ = self.np_after(text, sch, m.end(), se, lowers, max_gap=self.gaps["name_after_trailing_verb"])
                    if cand is not None:
                        if cand.kind == "person" and not cand.role:
                            cand.role = self.role_after(text, cand.end, se)
                        events.append(Event(base + qs, cand, m.group("verb").lower(), [q]))
                        used.add(qi)
                elif lex.trailing_inverted is not None:
                    m = lex.trailing_inverted.match(text, qe, se)
                    if m and m.group("pron"):
                        events.append(Event(base + qs, None, m.group("verb").lower(), [q]))
                        used.add(qi)
                    elif m:
                        cand, _ = self.np_after(text, sch, qe, se, lowers, max_gap=self.gaps["name_after_quote"])
                        if cand is not None:
                            events.append(Event(base + qs, cand, m.group("verb").lower(), [q]))
                            used.add(qi)
            # leading verbs
            for m in lex.leading.finditer(text, ss, se):
                cands = self.subject(text, sch, ss, m.start(), lowers)
                qs_after = [qi for qi, (qs, qe, inner) in enumerate(quotes)
                            if qi not in used and m.end() <= qs < se + 1
                            and len(text[m.end():qs].split()) <= self.gaps["quote_after_verb"] and not _GAP_BAD.search(text[m.end():qs].replace("~", ""))]
                qtexts = [clean_quote(quotes[qi][2]) for qi in qs_after[:1]]
                if not cands and self.pronoun_subject(text, m.start()):
                    if qtexts:
                        events.append(Event(base + m.start(), None, m.group("verb").lower(), qtexts))
                        used.update(qs_after[:1])
                    continue
                for c in cands:
                    events.append(Event(base + c.start, c, m.group("verb").lower(), list(qtexts)))
                if cands:
                    used.update(qs_after[:1])
            # passive agent, according to, asides, media cues, channels
            for rx, speech, media_only in ((lex.passive, True, False), (lex.according, True, False),
                                           (lex.parenthetical, True, False),
                                           (lex.media_cue, False, False), (lex.channel, False, True)):
                for m in rx.finditer(text, ss, se):
                    gap = self.gaps["name_after_channel" if media_only else "name_after_other_cue"]
                    cand, _ = self.np_after(text, sch, m.end(), se, lowers, max_gap=gap)
                    if cand is None or (media_only and not cand.media):
                        continue
                    if rx is lex.media_cue and cand.kind == "person":
                        if self.person_is_medium or cand.media:
                            cand.kind, cand.media = "media", True
                        else:
                            continue
                    if speech and cand.kind == "person" and not cand.role:
                        cand.role = self.role_after(text, cand.end, se)
                    cue = " ".join(m.group("verb").lower().split())
                    events.append(Event(base + m.start(), cand, cue, [], speech))
        events.sort(key=lambda e: e.pos)
        return events
