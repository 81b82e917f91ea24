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
from kabar.enrich.sources.lexicon import TOKEN, UPPER, Lexicon, third_person_pronouns
from kabar.enrich.sources.names import Cand, Chunk, Namer, attach_entities, find_chunks, join_bodies, join_connected, merge_recognised_orgs, words_before

MASK = "~"
_OPEN, _CLOSE = "“", "”"
_SENT_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9À-Þ])")
_ABBREV = frozenset("prof dr drs ir h hj jl no st mr mrs ms gen lt sen rep gov u.s vs dll dsb tn ny sdr".split())
_GAP_BAD = re.compile(r"[.!?;:\"“”~]")
_CLAUSE_PUNCT = re.compile(r"[;:]")
# a web address cited as a medium ("Dilansir dari indiatimes.com"): taken only after a media cue
_DOMAIN = re.compile(r"(?<![\w.@/-])(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,6}(?![\w-])")


SHAPES = ("trailing", "trailing_pronoun", "leading", "leading_pronoun", "passive", "according",
          "aside", "media", "channel", "mention")


@dataclass(slots=True)
class Event:
    pos: int
    cand: Cand | None  # None: a pronoun, resolved to the last named speaker
    cue: str
    quotes: list[str] = field(default_factory=list)
    speech: bool = True  # a speaker (updates the pronoun antecedent) vs a cited medium
    mention: bool = False  # a recognised person opening a sentence: no source, the antecedent
    shape: str = ""  # which shape found it (`SHAPES`): read by the keep/drop decision


_NOT_NEWLINE = re.compile(r"[^\n]")
_LETTERS = re.compile(r"[^\W\d_]+")
_FROM = re.compile(r"(?:\.[a-z]{2,6})*[ \t]+(?:dari|from)[ \t]+")


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


def pair_mixed_quotes(par: str) -> str:
    """“… closed by a straight quote (mixed in real dumps: “Saya antusias," ujar X): that
    quote becomes ”, so the quote closes where it does (same length, same offsets)."""
    i = par.find(_OPEN)
    while i >= 0:
        nxt = par.find(_OPEN, i + 1)
        stop = len(par) if nxt < 0 else nxt
        if par.find(_CLOSE, i + 1, stop) < 0:
            j = par.find('"', i + 1, stop)
            if j >= 0:
                par = par[:j] + _CLOSE + par[j + 1:]
        i = nxt
    return par


def _by_longest_word(phrases) -> dict[str, list[frozenset]]:
    """The word sets of phrases, under their longest word (the rarest, as a rule)."""
    out: dict[str, list[frozenset]] = {}
    for p in phrases:
        ws = _LETTERS.findall(p.lower())
        if ws:
            out.setdefault(max(ws, key=len), []).append(frozenset(ws))
    return out


def _holds_one(words: frozenset, index: dict[str, list[frozenset]]) -> bool:
    return any(ws <= words for k in words & index.keys() for ws in index[k])


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
        # media whose name starts in lower case ("detikcom", "kumparan") are no capitalised chunk
        lower = sorted({n for n, _ in namer.registry.all_names() if n[:1].islower()}, key=len, reverse=True)
        # and media named by a word the chunker cuts out ("Antara" is also "between"): only
        # right after a media cue ("dilansir Antara")
        cut = sorted({n for n, _ in namer.registry.all_names() if n.lower() in self.split_words}, key=len, reverse=True)
        self.cut_media = re.compile(r"(?<![\w-])(?:" + ("|".join(map(re.escape, cut)) or r"(?!x)x") + r")(?![\w-])")
        self._lower_alt = "|".join(map(re.escape, lower)) or r"(?!x)x"
        self.lower_media = re.compile(rf"(?<![\w-])(?:{self._lower_alt})(?![\w-])")
        self.glued = self._glue_pattern()
        # the words of each cue (all must be there for it to match), the channel's words
        # apart: "told" / "to" name a channel only when a medium is named ("to Reuters")
        self.cue_words = _by_longest_word(c for k in (
            "trailing_verbs", "leading_verbs", "passive_verbs", "according", "media_cues") for c in lex.raw[k])
        self.channel_words = frozenset(_LETTERS.findall(" ".join(lex.raw["channel_preps"]).lower()))
        self.media_words = _by_longest_word([*lex.raw["media_heads"], *(n for n, _ in namer.registry.all_names())])
        cues = sorted({" ".join(x) for ps in lex.phrases["alias_cues"].values() for x in ps}, key=len, reverse=True)
        name = rf"{TOKEN}(?:[ \t]+{TOKEN})*"
        alt = "|".join(r"\s+".join(map(re.escape, c.split())) for c in cues) or r"(?!x)x"
        self.alias = re.compile(rf"(?<![\w-])(?P<a>{name})[ \t]*,?[ \t]+(?:{alt})[ \t]+(?P<b>{name})")

    def alias_pairs(self, text: str) -> list[tuple[str, str]]:
        """Names a nickname cue ties together: "Djanur, sapaan Djadjang" -> (Djanur, Djadjang)."""
        return [(m.group("a"), m.group("b")) for m in self.alias.finditer(text)]

    def _glue_pattern(self) -> re.Pattern:
        """A cue glued to the name after it in a link-text dump ("dilansirdetikFinance",
        "Pantauandetikcom", "dilansirAntara"): any cue word, then a capital or a medium
        whose name starts in lower case."""
        w, p = self.lex.words, self.lex.phrases
        cues = set().union(w["media_cues"], w["according"], w["trailing_verbs"], w["leading_verbs"],
                           w["passive_verbs"], p["media_cues"].keys())
        alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])((?i:{alt}))(?=[{UPPER}]|(?:{self._lower_alt})(?![\w-]))")

    def _may_attribute(self, text: str) -> bool:
        """False when no shape can match a paragraph without quotes: none holds all the words
        of a cue, nor a channel word and a medium's words (the trailing shape needs a quote)."""
        words = frozenset(_LETTERS.findall(text.lower()))
        if _holds_one(words, self.cue_words):
            return True
        return not self.channel_words.isdisjoint(words) and _holds_one(words, self.media_words)

    def _after_media_cue(self, text: str, pos: int) -> bool:
        lo = max(0, pos - 40)
        return any(m.end() == pos for m in self.lex.media_cue.finditer(text, lo, pos))

    def unglue(self, text: str) -> str:
        # a cue in capitals ("KATAKAN") is one word, not a glued pair
        return self.glued.sub(lambda m: m.group(1) + (" " if not m.group(1).isupper() else ""), text)

    # --- noun phrase after a cue --------------------------------------------------------
    def np_after(self, text, chunks, pos, end, lowers, max_gap=None, medium=False,
                 quoted=False) -> tuple[Cand | None, int]:
        """The name right after a cue; `medium`: after a media cue, where any name is taken;
        `quoted`: after the speech verb that closes a quote."""
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
            return self.namer.resolve(text, chunks, ci, pos, lowers, medium, quoted)
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
        turned_down = None  # the first candidate the recogniser check turned down: reported last
        for ci, ch in enumerate(chunks):
            if ch.start < start or ch.end > pos:
                continue
            if self.namer.in_pp(text, ch.start):
                continue
            seg = max(start, text.rfind(",", start, ch.start) + 1)
            cand, cj = self.namer.resolve(text, chunks, ci, seg, lowers)
            if cand is not None and cand.via == "rejected":
                between = text[cand.end:pos].split()
                if turned_down is None and len(between) <= self.gaps["subject_before_verb"] and not any(
                        self.lex.has("asked_passives", w) for w in between):
                    turned_down = cand
                continue
            if cand is None:
                continue
            between = text[cand.end:pos].split()
            if len(between) > self.gaps["subject_before_verb"] or any(self.lex.has("asked_passives", w) for w in between):
                return []
            if cand.kind != "person" and self.namer.recognised:
                # "Menyinggung kelemahan pemain belakang Indonesia …, Riedl mengakui": a
                # person right before the verb is the subject, not a body or place before it
                near = self._subject_adjacent(text, chunks, start, pos, lowers)
                if near and near[0].kind == "person" and near[0].start > cand.end and near[0].via != "rejected":
                    return near
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
                    if c3 is not None and c3.kind == "person" and c3.via != "rejected":
                        return [c3]
                if re.fullmatch(r"\s+(?:dan|serta|and)\s+", text[chunks[cj].end:nxt.start]):
                    c2, _ = self.namer.resolve(text, chunks, cj + 1, nxt.start, lowers)
                    if c2 is not None:
                        out.append(c2)
            return out
        return self._subject_before_aside(text, chunks, lo, pos, lowers) or ([turned_down] if turned_down else [])

    def _subject_before_aside(self, text, chunks, lo, pos, lowers) -> list[Cand]:
        """"Endra Zulpan, saat ditemui di Jakarta, hari ini, mengatakan": the clause breaks at
        the aside set off by commas; its subject is the name right before the aside."""
        for ci, ch in enumerate(chunks):
            if ch.start < lo or ch.end > pos:
                continue
            aside = text[ch.end:pos]
            m = re.match(r"\s*,\s*([a-z]\w*)", aside)
            if not m or not aside.rstrip().endswith(",") or _GAP_BAD.search(aside) \
                    or len(aside.split()) > self.gaps["aside_words"] or self.lex.leading.search(aside):
                continue
            start = self.clause_start(text, lo, ch.start)
            if ch.start < start or self.namer.in_pp(text, ch.start):
                continue
            seg = max(start, text.rfind(",", start, ch.start) + 1)
            cand, _ = self.namer.resolve(text, chunks, ci, seg, lowers)
            return [cand] if cand is not None else []
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

    def pronoun_before(self, text: str, pos: int) -> bool:
        """A pronoun right before the verb (adverbs aside): "…, ia menjelaskan"."""
        ws = words_before(text, pos, 4)
        while ws and self.lex.has("adverbs", ws[-1]):
            ws.pop()
        return bool(ws) and self.lex.has("pronouns", ws[-1])

    def pronoun_subject(self, text: str, pos: int) -> bool:
        return self.pronoun_before(text, pos) or bool(
            self.pronoun_clause.search(text[max(0, pos - self.gaps["pronoun_window_chars"]):pos]))

    # --- a paragraph ------------------------------------------------------------------------
    def paragraph(self, par: str, base: int, lowers: frozenset, ents=None,
                  people: frozenset = frozenset(), wide=(), named: frozenset = frozenset()) -> list[Event]:
        """Events of one paragraph; `ents`: the recogniser's entities in it, if it ran, and
        `people` the person names it found in the whole article, `wide` its widened
        person spans in the paragraph (`kabar.ner.model.recognise_with_names`), `named` every
        entity text it recognised in the article and the capitalised words it repeats."""
        text, quotes = mask_quotes(pair_mixed_quotes(par))
        if ents is None and not quotes and not self._may_attribute(text):
            return []
        chunks = join_connected(text, find_chunks(text, self.split_words), self.lex.words["name_connectors"])
        chunks = join_bodies(text, chunks, self.lex.words["org_heads"])
        extra = [Chunk(m.start(), m.end(), [(m.group(), m.start(), m.end())], None)
                 for m in [*self.lower_media.finditer(text), *(
                     m for m in [*self.cut_media.finditer(text), *_DOMAIN.finditer(text)]
                     if self._after_media_cue(text, m.start()))]
                 if not any(c.start < m.end() and m.start() < c.end for c in chunks)]
        if extra:
            chunks = sorted(chunks + extra, key=lambda c: c.start)
        if ents is not None:
            chunks = merge_recognised_orgs(text, chunks, ents, self.split_words)
            attach_entities(chunks, ents, people, wide, named)
        events: list[Event] = []
        used: set[int] = set()
        lex = self.lex
        for ss, se in split_sentences(text):
            sch = [c for c in chunks if ss <= c.start < se]
            if ents is not None and sch and not text[ss:sch[0].start].strip(" \t\"“‘("):
                # "Tri melarang warga … “…,” tulisnya": a pronoun goes back to the person the
                # text talks about, also when that person has not spoken yet
                cand, _ = self.namer.resolve(text, sch, 0, ss, lowers)
                if cand is not None and cand.kind == "person" and not cand.anaphor and cand.via != "rejected":
                    events.append(Event(base + cand.start, cand, "", mention=True, shape="mention"))
            # trailing cues after a closing quote
            for qi, (qs, qe, inner) in enumerate(quotes):
                if not (ss <= qe <= se) or qi in used:
                    continue
                q = clean_quote(inner)
                m = lex.trailing.match(text, qe, se)
                if m and (m.group("form") or m.group("pron")):
                    events.append(Event(base + qs, None, (m.group("form") or m.group("verb")).lower(), [q],
                                        shape="trailing_pronoun"))
                    used.add(qi)
                elif m:
                    cand, _ = self.np_after(text, sch, m.end(), se, lowers, max_gap=self.gaps["name_after_trailing_verb"],
                                            quoted=True)
                    if cand is not None:
                        if cand.kind == "person" and not cand.role:
                            cand.role = self.role_after(text, cand.end, se)
                        events.append(Event(base + qs, cand, m.group("verb").lower(), [q], shape="trailing"))
                        if cand.via != "rejected":  # a turned-down name leaves the quote to other shapes
                            used.add(qi)
                elif lex.trailing_inverted is not None:
                    m = lex.trailing_inverted.match(text, qe, se)
                    if m and m.group("pron"):
                        events.append(Event(base + qs, None, m.group("verb").lower(), [q], shape="trailing_pronoun"))
                        used.add(qi)
                    elif m:
                        cand, _ = self.np_after(text, sch, qe, se, lowers, max_gap=self.gaps["name_after_quote"])
                        if cand is not None:
                            events.append(Event(base + qs, cand, m.group("verb").lower(), [q], shape="trailing"))
                            if cand.via != "rejected":
                                used.add(qi)
            # leading verbs
            for m in lex.leading.finditer(text, ss, se):
                # "… didampingi asistennya Wolfgang Fidal, ia menjelaskan": the pronoun is the subject
                cands = [] if self.pronoun_before(text, m.start()) else self.subject(text, sch, ss, m.start(), lowers)
                qs_after = [qi for qi, (qs, qe, inner) in enumerate(quotes)
                            if qi not in used and m.end() <= qs < se + 1
                            and len(text[m.end():qs].split()) <= self.gaps["quote_after_verb"] and not _GAP_BAD.search(text[m.end():qs].replace("~", ""))]
                qtexts = [clean_quote(quotes[qi][2]) for qi in qs_after[:1]]
                named = [c for c in cands if c.via != "rejected"]
                if not named and self.pronoun_subject(text, m.start()):
                    if qtexts:
                        events.append(Event(base + m.start(), None, m.group("verb").lower(), qtexts,
                                            shape="leading_pronoun"))
                        used.update(qs_after[:1])
                    continue
                for c in cands:
                    events.append(Event(base + c.start, c, m.group("verb").lower(), list(qtexts), shape="leading"))
                if named:
                    used.update(qs_after[:1])
            # passive agent, according to, asides, media cues, channels
            for rx, speech, media_only, shape in ((lex.passive, True, False, "passive"),
                                                  (lex.according, True, False, "according"),
                                                  (lex.parenthetical, True, False, "aside"),
                                                  (lex.media_cue, False, False, "media"),
                                                  (lex.channel, False, True, "channel")):
                for m in rx.finditer(text, ss, se):
                    if rx is lex.media_cue and "," in text[m.end("verb"):m.end()] and text[m.end():m.end() + 1].islower():
                        continue  # "Sebelumnya diberitakan, mobil Honda Jazz …": no medium named
                    gap = self.gaps["name_after_channel" if media_only else "name_after_other_cue"]
                    cand, _ = self.np_after(text, sch, m.end(), se, lowers, max_gap=gap,
                                            medium=rx is lex.media_cue)
                    if cand is None or (media_only and not cand.media):
                        continue
                    if rx is lex.media_cue:
                        # "dikutip JUARA dari Badminton Indonesia": the first is the outlet
                        # that quotes, the source is the one it quotes from
                        d = _FROM.match(text, cand.end)
                        if d:
                            src, _ = self.np_after(text, sch, d.end(), se, lowers, max_gap=0, medium=True)
                            cand = src if src is not None else cand
                    if media_only and self.namer.recognised and not cand.name[:1].isupper():
                        continue  # "ujar Calder kepada media Australia": a description, no named medium
                    if rx is lex.media_cue and (cand.kind == "person" or (
                            cand.kind == "organization" and self.namer.recognised and not any(
                                lex.has("org_heads", w) for w in cand.name.split()))):
                        # "melansir Live Science": a name after a media cue is a medium,
                        # unless it is a body by its head noun ("dikutip dari Kementerian X")
                        if self.person_is_medium or cand.media:
                            cand.kind, cand.media = "media", True
                        else:
                            continue
                    if speech and cand.kind == "person" and not cand.role:
                        cand.role = self.role_after(text, cand.end, se)
                    cue = " ".join(m.group("verb").lower().split())
                    events.append(Event(base + m.start(), cand, cue, [], speech, shape=shape))
        events.sort(key=lambda e: e.pos)
        return events
