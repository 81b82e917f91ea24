"""Names in a sentence: capitalised chunks, role stripping, apposition, kind.

A *chunk* is a run of capitalised tokens ("Presiden Rusia Vladimir Putin", "Shin Won-sik",
"Korean Central News Agency (KCNA)"). `Namer.resolve` turns a chunk into a `Cand`:
the name without its role ("Presiden Rusia" → role), the registry medium it names, and a
kind guess. Kind: registry or media head → media; org head, institution, place or
acronym → organization; else person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kabar.enrich.sources.lexicon import CHUNK_RE, PORTFOLIO_RE, WORD_RE, Lexicon, Places
from kabar.ner.lexicons import common_words, roles
from kabar.registry import Registry

_LOWER_WORDS_RE = re.compile(r"[a-z][\w-]*")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9.&-]+$")


@dataclass(slots=True)
class Chunk:
    start: int
    end: int  # end of the chunk including a trailing "(ACR)"
    tokens: list  # [(text, start, end)] without the acronym
    acr: str | None
    ents: tuple | None = None  # recognised entities inside it (None: no recogniser ran)
    people: frozenset = frozenset()  # person names recognised anywhere in the article
    wide: tuple = ()  # person spans opened at a name word before them ("Kim" + "Jong Un")
    named: frozenset = frozenset()  # entity texts recognised anywhere in the article, repeated capitals


def attach_entities(chunks: list[Chunk], ents, people: frozenset = frozenset(), wide=(),
                    named: frozenset = frozenset()) -> None:
    """Give each chunk the recogniser's entities that overlap it (offsets of the same text),
    its widened person spans, and the article's person names (a short form of one is a
    person too)."""
    for ch in chunks:
        ch.ents = tuple(e for e in ents if e.end > ch.start and e.start < ch.end)
        ch.wide = tuple(e for e in wide if e.end > ch.start and e.start < ch.end)
        ch.people, ch.named = people, named


def merge_recognised_orgs(text: str, chunks: list[Chunk], ents, split: frozenset = frozenset()) -> list[Chunk]:
    """Chunks one recognised organisation spans across lower-case words join into one
    ("Kementerian pertahanan sipil Selandia Baru"): the capitalised chunker alone cuts it."""
    out = list(chunks)
    for e in ents:
        if e.type != "ORG":
            continue
        i = next((k for k, c in enumerate(out) if c.start <= e.start < c.end), None)
        j = next((k for k, c in enumerate(out) if c.tokens and c.tokens[-1][2] == e.end), None)
        if i is None or j is None or j <= i:
            continue
        toks = list(out[i].tokens)
        for a, b in zip(out[i:j], out[i + 1:j + 1]):
            gap = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text, a.end, b.start)]
            if text[a.end:b.start].strip(" \t") != " ".join(w for w, _, _ in gap) or \
                    any(w.lower() in split or not w[:1].islower() for w, _, _ in gap):
                break
            toks += gap + list(b.tokens)
        else:
            out[i:j + 1] = [Chunk(out[i].start, out[j].end, toks, out[j].acr)]
    return out


def join_connected(text: str, chunks: list[Chunk], connectors: frozenset) -> list[Chunk]:
    """Chunks one connector word joins ("Centers" for "Disease Control" and "Prevention")
    become one chunk, the connectors among its tokens."""
    out: list[Chunk] = []
    for ch in chunks:
        prev = out[-1] if out else None
        gap = text[prev.end:ch.start] if prev is not None and not prev.acr else ""
        w = gap.strip(" \t")
        if w and w in connectors and gap.startswith((" ", "\t")) and gap.endswith((" ", "\t")):
            s = prev.end + gap.index(w)
            out[-1] = Chunk(prev.start, ch.end, [*prev.tokens, (w, s, s + len(w)), *ch.tokens], ch.acr)
        else:
            out.append(ch)
    return out


_JOINER = re.compile(r"[ \t]+(?:dan|serta|&)[ \t]+")


def _office_led(ch: "Chunk") -> bool:
    """Does the chunk open with a rank, office or unit of the recogniser's role lists
    ("Kanit Turjawali Satlantas Polres Brebes")?"""
    words = [t for t, _, _ in ch.tokens]
    lists = roles()
    return any(lists[k].match(words, 0) for k in ("ranks", "offices", "unit_heads"))


def join_bodies(text: str, chunks: list[Chunk], heads: frozenset) -> list[Chunk]:
    """A body's name with "dan" inside it, closed by its short form: "Kementerian Kelautan
    dan Perikanan (KKP)", "Kamar Dagang dan Industri Indonesia (Kadin)" are one chunk when
    the first part opens with an organisation head."""
    out: list[Chunk] = []
    for ch in chunks:
        prev = out[-1] if out else None
        if prev is not None and not prev.acr and ch.acr and prev.tokens and prev.tokens[0][0].lower() in heads:
            m = _JOINER.fullmatch(text[prev.end:ch.start])
            if m:
                w = text[prev.end:ch.start].strip()
                s = prev.end + text[prev.end:ch.start].index(w)
                out[-1] = Chunk(prev.start, ch.end, [*prev.tokens, (w, s, s + len(w)), *ch.tokens], ch.acr)
                continue
        out.append(ch)
    return out


def _common_word(word: str) -> bool:
    c = common_words().get(word.lower())
    return c is not None and c.lower > 0


def _never_lower(name: str) -> bool:
    words = name.split()
    counts = common_words()
    return len(words) >= 2 and all(w[:1].isupper() and not w.isupper() and counts.get(w.lower()) is not None
                                   and counts[w.lower()].lower == 0 for w in words)


def _never_written_lower(name: str) -> bool:
    """A name of words news never writes in lower case, none of them a role ("Menaker")."""
    counts, lists, words = common_words(), roles(), name.split()
    if any(lists[k].match(words, i) for k in ("ranks", "offices", "honorifics", "unit_heads") for i in range(len(words))):
        return False
    return all(w[:1].isupper() and not w.isupper() and (counts.get(w.lower()) is None or counts[w.lower()].lower == 0)
               for w in name.split())


def _unseen_word(text: str, cand: "Cand", named: frozenset) -> bool:
    w = cand.name
    return w in named and " " not in w and w[:1].isupper() and not w.isupper() and common_words().get(w.lower()) is None \
        and not _sentence_initial(text, cand.start)


def _part_of(name: str, people: frozenset) -> bool:
    toks = name.split()
    n = len(toks)
    return any(len(p) > n and any(p[i:i + n] == toks for i in range(len(p) - n + 1))
               for p in (q.split() for q in people))


@dataclass(slots=True)
class Cand:
    name: str
    kind: str
    start: int
    end: int
    role: str | None = None
    alias: str | None = None
    media: bool = False  # named as a medium (registry or media head)
    anaphor: bool = False  # "politisi Gerindra ini": points back to the speaker named before
    via: str = "rule"  # which check let it through (`VIAS`; "rejected": the recogniser check did not)
    initial: bool = False  # the name opens a sentence
    name_prob: float = -1.0  # the recogniser's mean probability that its words are in an entity (-1: not read)


# how a candidate got past the recogniser check (a feature of the keep/drop decision)
VIAS = ("rule", "medium", "after_media_cue", "quoted_backoff", "per", "office_over_org", "place_name",
        "org", "part_of", "never_lower", "unseen", "office_name", "per_after_body", "org_rule",
        "body_data", "per_word", "rejected")


def _via(cand: "Cand | None", via: str) -> "Cand | None":
    if cand is not None:
        cand.via = via
    return cand


def find_chunks(text: str, split: frozenset = frozenset()) -> list[Chunk]:
    """Capitalised chunks; a token in `split` (cue words: "Dilansir", "Menurut") is cut out."""
    out = []
    for m in CHUNK_RE.finditer(text):
        body_end = m.start("acr") - 1 if m.group("acr") else m.end()
        body = text[m.start():body_end].rstrip(" \t(")
        toks, pos = [], m.start()
        for t in body.split():
            s = text.index(t, pos)
            pos = s + len(t)
            # a token before a decimal is a measure, not a name: "PM2.5", "H5N1.2"
            if t.lower() in split or re.match(r"[.,]\d", text[pos:pos + 2]):
                if toks:
                    out.append(Chunk(toks[0][1], toks[-1][2], toks, None))
                toks = []
                continue
            toks.append((t, s, pos))
        if toks:
            out.append(Chunk(toks[0][1], m.end(), toks, m.group("acr")))
        elif m.group("acr"):
            a = m.start("acr")
            out.append(Chunk(a, m.end() - 1, [(m.group("acr"), a, m.end() - 1)], None))
    return out


def words_after(text: str, pos: int, n: int = 3) -> list[str]:
    return _LOWER_WORDS_RE.findall(text[pos:pos + 12 * n].split(",")[0])[:n] if text[pos:pos + 1] in " \t" else []


def words_before(text: str, pos: int, n: int = 4) -> list[str]:
    """Up to `n` lower-case words right before `pos` (stops at punctuation or a capital)."""
    out = []
    i = pos
    while len(out) < n:
        j = i
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "-'’"):
            k -= 1
        w = text[k:j]
        if not w or not _LOWER_WORDS_RE.fullmatch(w):
            break
        out.insert(0, w)
        i = k
    return out


class Namer:
    """Turns chunks into candidates for one language; one instance per (lexicon, registry)."""

    def __init__(self, lex: Lexicon, places: Places, registry: Registry):
        self.lex, self.places, self.registry = lex, places, registry
        self.recognised = lex.rules["recognised_names"]  # names checked against kabar.ner

    # --- small predicates -------------------------------------------------------------
    def is_roleish(self, words: list[str], i: int = 0) -> int:
        """Length of a role / media head / wrapper phrase at words[i], else 0."""
        for key in ("roles", "media_heads", "wrappers"):
            n = self.lex.match_phrase(key, words, i)
            if n:
                return n
        return 0

    def segment_is_role(self, seg: str, strict: bool = False) -> bool:
        """Does `seg` start with a role (strict) or a role / media head / wrapper?"""
        ws = seg.split()
        while ws and (self.lex.has("prepositions", ws[0]) or self.lex.has("agent_markers", ws[0])
                      or self.lex.has("adverbs", ws[0]) or self.lex.has("stop_names", ws[0])):
            ws = ws[1:]
        if not ws:
            return False
        if strict:
            return self.lex.match_phrase("roles", ws, 0) > 0 or self.lex.has("role_words", ws[0])
        return self.is_roleish(ws) > 0 or self.lex.has("role_words", ws[0])

    def in_pp(self, text: str, pos: int) -> bool:
        """Is the chunk at `pos` the object of a preposition (not a subject)?"""
        ws = words_before(text, pos)
        for i in range(len(ws) - 1, -1, -1):
            if self.lex.has("prepositions", ws[i]):
                # "Laporan dari Kantor Berita KCNA": a wrapper before the preposition keeps it
                return not (i > 0 and self.lex.has("wrappers", ws[i - 1])) and not (
                    i == 0 and self._wrapper_cap_before(text, pos, ws))
        return False

    def _wrapper_cap_before(self, text, pos, ws) -> bool:
        # the capitalised word before the lower-case run ("Laporan dari …")
        k = pos
        for w in reversed(ws):
            k = text.rfind(w, 0, k)
        prev = WORD_RE.findall(text[max(0, k - 20):k])
        return bool(prev) and self.lex.has("wrappers", prev[-1])

    def place_len(self, words: list[str], i: int) -> int:
        return self.places.match(words, i)

    # --- role split -------------------------------------------------------------------
    def split_role(self, toks: list[str], in_role: bool) -> int:
        """Index of the first name token in `toks` (len(toks) when all of it is a role)."""
        i = 0
        strong = self.is_roleish(toks, 0)
        n = strong or (1 if toks and self.lex.has("role_words", toks[0]) else 0)
        if n:
            i = n
        elif not in_role:
            return 0
        strong = strong or in_role
        while i < len(toks):
            t = toks[i]
            n = (self.is_roleish(toks, i) or self.place_len(toks, i)
                 or self.lex.match_phrase("org_heads", toks, i)
                 or self.lex.match_phrase("role_words", toks, i))
            if n:
                i += n
                continue
            if PORTFOLIO_RE.match(t) or (_ACRONYM_RE.match(t) and i < len(toks) - 1):
                i += 1
                continue
            break
        # "Direktur Eksekutif Reforminer Institute Komaidi Notonegoro": after a role, an
        # institution's head noun with a name of two or more words after it ends the role
        if strong:
            for k in range(len(toks) - 3, i - 1, -1):
                if self.lex.has("org_heads", toks[k]):
                    i = k + 1
                    break
        # a chunk made only of role words ("Kremlin", "Universitas Korea") is a name itself
        return i if (strong or i < len(toks)) else 0

    # --- kind -------------------------------------------------------------------------
    def kind_of(self, name: str, media: bool) -> str:
        if media:
            return "media"
        low = name.lower().split()
        if not low:
            return "person"
        if " ".join(low) in self.places.names or self.lex.match_phrase("org_heads", low, 0):
            return "organization"
        if self.places.match(low, 0) == len(low):
            return "organization"
        if any(self.lex.has("org_heads", w) for w in low):
            return "organization"
        # "Wahana Lingkungan Hidup Indonesia": a name of three or more words ending with a
        # place (a `places` entry, not an institution: "Kim Jong Un" is no UN) is a body, not
        # a person; one opening with a place is not ("Korea Utara Kim Jong Un")
        if len(low) >= 3 and len(low[-1]) > 2 and low[-1] in self.places.place_names:
            return "organization"
        if len(low) == 1 and _ACRONYM_RE.match(name) and len(name) >= 2:
            return "organization"
        return "person"

    def outlet(self, *names: str | None):
        for n in names:
            if n:
                o = self.registry.by_name(n)
                if o is not None:
                    return o
        return None

    # --- chunk → candidate ------------------------------------------------------------
    def resolve(self, text: str, chunks: list[Chunk], ci: int, seg_start: int,
                lowers: frozenset, medium: bool = False, quoted: bool = False) -> tuple[Cand | None, int]:
        """Candidate for chunk `ci` (or its apposition); returns (cand, last chunk index used)."""
        ch = chunks[ci]
        prefix = text[seg_start:ch.start].strip(" ,")
        roleish_prefix = bool(prefix) and self.segment_is_role(prefix)
        role_prefix = roleish_prefix and self.segment_is_role(prefix, strict=True)
        cand, rejected = self._checked(text, ch, lowers, role_prefix, medium, quoted)
        if cand is not None and not cand.media and self._owned(text, ch, cand):
            cand = None  # "kuasa hukum Setya Novanto": the lawyer speaks, unnamed (unless named after a comma)
        if rejected is not None and self._owned(text, ch, rejected):
            rejected = None
        # apposition: "<role/desc> <chunk>, <Name>[,]" → the name after the comma; an
        # office's name may run over "dan" ("Kasubdit Pembinaan dan Penegakan Hukum Polda
        # Metro Jaya, AKBP Budiyanto")
        last = ci
        if self.recognised and _office_led(ch):
            while last + 1 < len(chunks) and _JOINER.fullmatch(text[chunks[last].end:chunks[last + 1].start]):
                last += 1
            if last > ci and not (last + 1 < len(chunks) and re.fullmatch(r"\s*,\s*", text[chunks[last].end:chunks[last + 1].start])):
                # no comma after the run: a person closing its last chunk is the one named
                # ("Direktur Jenderal Penguatan Daya Saing Produk Kelautan dan Perikanan KKP
                # Nilanto Perbowo"); else the subject rules read it ("… (ALFI) Jawa Timur Sebastian …")
                end = self._name(text, chunks[last], lowers, True, medium)
                if end is not None and end.kind == "person" and not chunks[last].acr:
                    words = end.name.split()
                    if len(words) >= 3 and end.start == chunks[last].start and not any(
                            e.type == "PER" and e.start == end.start for e in chunks[last].ents or ()):
                        # "Menteri Tenaga Kerja dan Transmigrasi Muhaimin Iskandar": a word after
                        # "dan" that only the widened span took into the name goes on with the office
                        end.name = " ".join(words[1:])
                        end.start = text.index(words[1], end.start + len(words[0]))
                    end.role = self._strip_lead(text[seg_start:end.start]) or None
                    return end, last
                last = ci
        if last + 1 < len(chunks):
            nxt = chunks[last + 1]
            gap = text[chunks[last].end:nxt.start]
            first_roleish = roleish_prefix or (cand is None) or (cand is not None and cand.role) or \
                self.is_roleish([t for t, _, _ in ch.tokens]) > 0 or (self.recognised and _office_led(ch))
            app = None
            comma = re.fullmatch(r"\s*,\s*", gap)
            if (comma or (last == ci and ch.acr and re.fullmatch(r"[ \t]+", gap))) and (first_roleish or (
                    self.recognised and not medium and cand.kind == "organization" and not cand.media)):
                app = self._name(text, nxt, lowers, False, medium)
                if app is not None and not first_roleish and app.kind != "person":
                    app = None  # "<body>, <person>": the person speaks for it; two bodies are a list
                if app is not None:
                    role = text[seg_start:chunks[last].end].strip(" ,")
                    role = self._strip_lead(role)
                    if cand is not None and cand.media and not app.media:
                        app.media, app.kind = True, "media"
                    if app.kind == "person" and role:
                        app.role = role
                    return app, last + 1
        if cand is not None and prefix and role_prefix and cand.kind == "person":
            cand.role = self._strip_lead(prefix + " " + text[ch.start:cand.start].strip()) or None
        if cand is not None and not cand.media:
            after = words_after(text, ch.end, 1)
            cand.anaphor = bool(after) and self.lex.has("demonstratives", after[0])
        if cand is None and rejected is not None and rejected.kind != "media":
            # the rule's candidate the recogniser turned down: the grammar still reports it,
            # marked, so the keep/drop decision sees it (it never becomes a pronoun's antecedent)
            return rejected, ci
        return cand, ci

    def _owned(self, text: str, ch: Chunk, cand: Cand) -> bool:
        """Is the name the owner of a noun right before it ("istri Budi", "Istri Budi
        mengatakan", "para pegawai KPK"), so that the noun's unnamed referent speaks?"""
        before = words_before(text, ch.start, 3)
        if any(self.lex.match_phrase("possessors", before, i) == len(before) - i for i in range(len(before))):
            return True
        lead = [t for t, a, _ in ch.tokens if a < cand.start]
        return bool(lead) and self.lex.match_phrase("possessors", [t.lower() for t in lead], 0) == len(lead)

    def _strip_lead(self, seg: str) -> str:
        ws = seg.split()
        while ws and (self.lex.has("prepositions", ws[0]) or self.lex.has("agent_markers", ws[0])
                      or self.lex.has("adverbs", ws[0]) or self.lex.has("stop_names", ws[0])
                      or self.lex.has("wrappers", ws[0])) and not self.lex.match_phrase("roles", ws, 0):
            ws = ws[1:]  # a role that is also a stop name ("pengamat") stays
        return " ".join(ws).strip(" ,")

    def _name(self, text: str, ch: Chunk, lowers: frozenset, in_role: bool, medium: bool = False,
              quoted: bool = False) -> Cand | None:
        return self._checked(text, ch, lowers, in_role, medium, quoted)[0]

    def _checked(self, text: str, ch: Chunk, lowers: frozenset, in_role: bool, medium: bool = False,
                 quoted: bool = False) -> tuple[Cand | None, Cand | None]:
        """(the candidate, None) or (None, the rule's candidate the recogniser check turned down)."""
        cand = self._rule_name(text, ch, lowers, in_role)
        if cand is None or ch.ents is None or cand.media:
            return _initial(text, _via(cand, "medium" if cand is not None and cand.media else "rule")), None
        # after a media cue ("dilansir Aceshowbiz") the grammar names a medium the
        # recogniser may not know
        # and right after a quote's speech verb ("…,” kata Kaitisuk.) a word news never
        # writes in lower case is a speaker the recogniser did not know (the back-off when
        # it says nothing at all)
        found = self._recognised(text, ch, cand, lowers)
        if found is None and medium:
            found = _via(cand, "after_media_cue")
        elif found is None and quoted and not ch.ents and cand.kind == "person" and _never_written_lower(cand.name):
            found = _via(cand, "quoted_backoff")
        if found is None:
            return None, _initial(text, _via(cand, "rejected"))
        return _initial(text, found), None

    def _recognised(self, text: str, ch: Chunk, cand: Cand, lowers: frozenset = frozenset()) -> Cand | None:
        """The rule's candidate checked against the recogniser: a person is a PER span (the
        words of the chunk before it are its role), an organisation an ORG span; a chunk
        with neither ("Dihubungi", "Kajati Jateng", a place) is no source."""
        lo = max(cand.start, ch.start)
        ents = [(max(e.start, lo), min(e.end, ch.end), e.type) for e in ch.ents if e.end > lo]
        ents = [(a, b, t, text[a:b].strip()) for a, b, t in ents if text[a:b].strip()]
        pers = [e for e in ents if e[2] == "PER"]
        orgs = [e for e in ents if e[2] == "ORG"]
        if cand.kind == "person" and pers:
            a, b, _, name = pers[-1]
            words = name.split()
            n = self.places.match(words, 0)
            if n and len(words) - n >= 2:  # "Pelatih Thailand Kiatisuk Senamuang": the place is the role's
                a = next(ts for t, ts, _ in ch.tokens if ts >= a and t == words[n])
                name = text[a:b]
            # the widened span where the rule's role split starts the name at the same word:
            # "Pemimpin Tertinggi Korut Kim Jong Un" (the recogniser alone says "Jong Un")
            w = next((e for e in ch.wide if e.end == b and e.start == cand.start < a), None)
            if w is not None:
                a, name = w.start, w.text
            # given-name prefixes the rule keeps before it: "I Gusti Ketut Astawa", "Lalu Muhammad Iqbal"
            for t, ts, te in reversed([t for t in ch.tokens if cand.start <= t[1] and t[2] <= a]):
                if text[te:a].strip() or not (re.fullmatch(r"[A-Z]\.?", t) or self.lex.has("name_prefixes", t)):
                    break
                a, name = ts, text[ts:b]
            lead = text[cand.start:a].strip(" ,") if a > cand.start else ""
            role = " ".join(x for x in (cand.role, lead) if x)
            return Cand(name, "person", a, ch.end, role or None, cand.alias, False, via="per")
        if cand.kind == "person":
            if orgs and cand.start > ch.start and _never_written_lower(cand.name) and all(
                    e.start < cand.start for e in ch.ents if e.type == "ORG" and e.end > lo):
                # "Kepala Dinas Kesehatan DKI Widyastuti": the recogniser ran the office's
                # organisation on over the name the rules split off after the role
                return _via(cand, "office_over_org")
            if orgs:
                a, _, _, name = max(orgs, key=lambda e: len(e[3]))
                words = name.split()
                n = self.places.match(words, 0)
                if n and (cand.role or a > ch.start) and len(words) - n >= 2 and _never_written_lower(" ".join(words[n:])):
                    # "Pelatih Thailand Kiatisuk Senamuang" read as one body: after a role, a
                    # place, then a name of words news never writes in lower case, is the
                    # role's place and the person (not "Indonesia Corruption Watch")
                    start = next(ts for t, ts, _ in ch.tokens if ts >= a and t == words[n])
                    role = " ".join(x for x in (cand.role, text[cand.start:start].strip(" ,")) if x)
                    return Cand(" ".join(words[n:]), "person", start, ch.end, role or None, cand.alias, False,
                                via="place_name")
                return Cand(name, "organization", a, ch.end, None, cand.alias, False, via="org")
            # "Putin dan Kim mengaku": a short form of a person the article names in full,
            # or a name of two or more words none of which news ever writes in lower case
            # ("Setya Novanto": the recogniser misses names its training news lacks)
            # or one word the news the recogniser learnt from never wrote, recognised or
            # repeated elsewhere in the article ("tutur Lucasfilm"; a sentence-initial capital may be any word)
            # or, the recogniser silent, a name of words news never writes in lower case after
            # an office or rank the rules split off ("Kepala Dinas Kesehatan DKI Widyastuti")
            if _part_of(cand.name, ch.people):
                return _via(cand, "part_of")
            if ents:
                return None
            if _never_lower(cand.name):
                return _via(cand, "never_lower")
            if _unseen_word(text, cand, ch.named):
                return _via(cand, "unseen")
            if cand.start > ch.start and _office_led(ch) and _never_written_lower(cand.name):
                return _via(cand, "office_name")
            return None
        # "Jaksa KPK Rahmat Irwan": a person closing the chunk after a body or a role is the
        # speaker, the rest its role
        if pers and pers[-1][1] >= ch.tokens[-1][2] and pers[-1][0] > cand.start and (
                any(e[1] <= pers[-1][0] for e in orgs) or self.segment_is_role(text[cand.start:pers[-1][0]], strict=True)):
            a, _, _, name = pers[-1]
            return Cand(name, "person", a, ch.end, text[cand.start:a].strip(" ,") or None, cand.alias, False,
                        via="per_after_body")
        if orgs:  # its name: the rule's ("Kementerian pertahanan sipil Selandia Baru")
            return _via(cand, "org_rule")
        # a body by the data: a known place or institution speaking ("Kremlin menyatakan",
        # "Seoul mengklaim"), a body head ("intelijen Amerika Serikat"), an acronym the
        # recogniser found or news never writes in lower case ("BMKG", not "JUARA"), a long body name ("Wahana Lingkungan Hidup Indonesia")
        low = cand.name.lower().split()
        dropped = [t for t, a, _ in ch.tokens if a < cand.start]
        if dropped and all(t.lower() in lowers and not self.lex.has("org_heads", t) for t in dropped) \
                and not any(self.lex.has("org_heads", w) for w in low):
            return None  # "Pengungsi Burundi mengatakan": a common noun of the place speaks, unnamed
        if " ".join(low) in self.places.names or any(self.lex.has("org_heads", w) for w in low) \
                or (_ACRONYM_RE.match(cand.name) and (pers or not _common_word(cand.name))) or len(low) >= 3:
            return _via(cand, "body_data")
        if pers and any(e[3] == cand.name for e in pers):
            return Cand(cand.name, "person", cand.start, ch.end, None, cand.alias, False, via="per_word")
        return None

    def _rule_name(self, text: str, ch: Chunk, lowers: frozenset, in_role: bool) -> Cand | None:
        toks = [(t[:-2], a, b - 2) if t.endswith(("'s", "’s")) else (t, a, b) for t, a, b in ch.tokens]
        # sentence-initial capitals of common words: "Lebih lanjut", "Kunjungan Putin"
        # (not where a recognised organisation starts over lower-case words: "Kementerian pertahanan sipil X")
        org_from = {e.start for e in ch.ents or () if e.type == "ORG" and e.end > ch.tokens[0][2]
                    and any(t[:1].islower() for t, _, _ in ch.tokens)}
        while toks and (self.lex.has("stop_names", toks[0][0]) or
                        (toks[0][0].lower() in lowers and _sentence_initial(text, toks[0][1])
                         and toks[0][1] not in org_from)):
            toks = toks[1:]
        while toks and self.lex.has("stop_names", toks[-1][0]):
            toks = toks[:-1]
        if not toks:
            return None
        words = [t for t, _, _ in toks]
        # a role phrase running into lower-case words: "Juru bicara Kremlin" → "Juru" is no name
        after = words_after(text, toks[-1][2])
        if after and self.is_roleish(words + after) > len(words):
            return None
        before = words_before(text, toks[0][1])
        media = False
        # media head: "kantor berita Rusia TASS", "Kantor Berita KCNA", "Media Rusia"
        head_n = self.lex.match_phrase("media_heads", words, 0)
        # right before the name, one modifier at most after it ("media resmi Korut KCNA"; not
        # "lewat media sosial terkait dengan Pilgub DKI Jakarta")
        pre_media = any((n := self.lex.match_phrase("media_heads", before, i)) and len(before) - i - n <= 1
                        and not any(self.lex.has("prepositions", w) for w in before[i + n:])
                        for i in range(len(before)))
        o = self.outlet(" ".join(words), ch.acr)
        if o is None:
            for i in range(1, len(words)):
                o = self.outlet(" ".join(words[i:]))
                if o is not None:
                    toks = toks[i:]
                    break
        if o is not None:
            return Cand(o.name, "media", toks[0][1], ch.end, None, ch.acr, True)
        if head_n or pre_media:
            media = True
            i = head_n
            while i < len(words):
                n = self.place_len(words, i)
                if not n:
                    break
                i += n
            if i >= len(words):  # only a description: "Media Rusia", "kantor berita Korut"
                start = toks[0][1] if head_n else text.rfind(before[0], 0, toks[0][1])
                name = text[start:toks[-1][2]]
                return Cand(name, "media", start, ch.end, None, ch.acr, True)
            toks = toks[i:]
            return Cand(" ".join(t for t, _, _ in toks), "media", toks[0][1], ch.end, None, ch.acr, True)
        # role split: "Presiden Rusia Vladimir Putin", "Menteri Pertahanan Korea Selatan"
        in_role = in_role or bool(before) and self.lex.match_phrase("roles", before[-1:], 0) > 0
        # "<Body> (ACR)" with an all-caps acronym other than the initials: an organisation
        acr = ch.acr
        initials = {"".join(w[0] for w in words[i:]) for i in range(len(words))}
        if acr and _ACRONYM_RE.match(acr) and acr.replace(".", "") not in initials:
            if in_role or self.lex.match_phrase("roles", words, 0):
                return None  # "Kepala Badan Pusat Statistik (BPS) <Name>": the name follows
            org = any(self.lex.has("org_heads", w) for w in words)
            name = " ".join(words) if org else acr
            return Cand(name, "organization", toks[0][1], ch.end, None, acr, False)
        k = self.split_role(words, in_role)
        role = " ".join(words[:k]) or None
        toks = toks[k:]
        if not toks:
            return None
        name = " ".join(t for t, _, _ in toks)
        # org head in lower case before a place: "intelijen Korea Selatan", "pemerintah Indonesia"
        start = toks[0][1]
        if before and not role and self.lex.has("org_heads", before[-1]):
            start = text.rfind(before[-1], 0, start)
            name = before[-1] + " " + name
        kind = self.kind_of(name, media)
        if kind == "person" and any(self.lex.has("name_connectors", t) for t, _, _ in toks[1:-1]):
            kind = "organization"
        if kind != "person":
            role = None
        return Cand(name, kind, start, ch.end, role, ch.acr, media)


def _initial(text: str, cand: Cand | None) -> Cand | None:
    if cand is not None:
        cand.initial = _sentence_initial(text, cand.start)
    return cand


def _sentence_initial(text: str, pos: int) -> bool:
    j = pos
    while j > 0 and text[j - 1] in " \t\"“”'‘’([-–—":
        j -= 1
    return j == 0 or text[j - 1] in ".!?:\n;"
