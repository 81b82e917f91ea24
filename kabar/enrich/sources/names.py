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
from kabar.registry import Registry

_LOWER_WORDS_RE = re.compile(r"[a-z][\w-]*")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9.&-]+$")


@dataclass(slots=True)
class Chunk:
    start: int
    end: int  # end of the chunk including a trailing "(ACR)"
    tokens: list  # [(text, start, end)] without the acronym
    acr: str | None


@dataclass(slots=True)
class Cand:
    name: str
    kind: str
    start: int
    end: int
    role: str | None = None
    alias: str | None = None
    media: bool = False  # named as a medium (registry or media head)


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
                lowers: frozenset) -> tuple[Cand | None, int]:
        """Candidate for chunk `ci` (or its apposition); returns (cand, last chunk index used)."""
        ch = chunks[ci]
        prefix = text[seg_start:ch.start].strip(" ,")
        roleish_prefix = bool(prefix) and self.segment_is_role(prefix)
        role_prefix = roleish_prefix and self.segment_is_role(prefix, strict=True)
        cand = self._name(text, ch, lowers, role_prefix)
        # apposition: "<role/desc> <chunk>, <Name>[,]" → the name after the comma
        if ci + 1 < len(chunks):
            nxt = chunks[ci + 1]
            gap = text[ch.end:nxt.start]
            first_roleish = roleish_prefix or (cand is None) or (cand is not None and cand.role) or \
                self.is_roleish([t for t, _, _ in ch.tokens]) > 0
            if (re.fullmatch(r"\s*,\s*", gap) or (ch.acr and re.fullmatch(r"[ \t]+", gap))) and first_roleish:
                app = self._name(text, nxt, lowers, False)
                if app is not None:
                    role = text[seg_start:ch.end].strip(" ,")
                    role = self._strip_lead(role)
                    if cand is not None and cand.media and not app.media:
                        app.media, app.kind = True, "media"
                    if app.kind == "person" and role:
                        app.role = role
                    return app, ci + 1
        if cand is not None and prefix and role_prefix and cand.kind == "person":
            cand.role = self._strip_lead(prefix + " " + text[ch.start:cand.start].strip()) or None
        return cand, ci

    def _strip_lead(self, seg: str) -> str:
        ws = seg.split()
        while ws and (self.lex.has("prepositions", ws[0]) or self.lex.has("agent_markers", ws[0])
                      or self.lex.has("adverbs", ws[0]) or self.lex.has("stop_names", ws[0])
                      or self.lex.has("wrappers", ws[0])):
            ws = ws[1:]
        return " ".join(ws).strip(" ,")

    def _name(self, text: str, ch: Chunk, lowers: frozenset, in_role: bool) -> Cand | None:
        toks = [(t[:-2], a, b - 2) if t.endswith(("'s", "’s")) else (t, a, b) for t, a, b in ch.tokens]
        # sentence-initial capitals of common words: "Lebih lanjut", "Kunjungan Putin"
        while toks and (self.lex.has("stop_names", toks[0][0]) or
                        (toks[0][0].lower() in lowers and _sentence_initial(text, toks[0][1]))):
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
        pre_media = any(self.lex.match_phrase("media_heads", before, i) for i in range(len(before)))
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
        if kind != "person":
            role = None
        return Cand(name, kind, start, ch.end, role, ch.acr, media)


def _sentence_initial(text: str, pos: int) -> bool:
    j = pos
    while j > 0 and text[j - 1] in " \t\"“”'‘’([-–—":
        j -= 1
    return j == 0 or text[j - 1] in ".!?:\n;"
