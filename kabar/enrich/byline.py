"""Authors and dateline from the page header.

Byline shapes read (labels and word lists in data/registry/enrich.yaml, `byline`):
- "Novi Christiastuti - detikNews", "Tim detikcom - detikNews": names, dash, outlet;
- "Penulis: A, B", "Oleh A dan B", "Reporter: A | Editor: B", "by A and B";
  "Editor:"-type labels end the author list and are never authors;
- Kompas: name lines ("Chella Defa Anjelina," / "Mahardini Nur Afifah") next to the
  date line; desk labels such as "Tim Redaksi" are not names;
- HTML: JSON-LD / <meta> authors, then trafilatura's.
Datelines: "Moskow -", "Jakarta -", "Pyongyang –", "TEMPO.CO, Jakarta -",
"Jakarta, CNN Indonesia --", "Jakarta (ANTARA) -", "MOSCOW, June 19 (Reuters) -";
an outlet prefix alone ("KOMPAS.com -") is not a dateline.
"""
from __future__ import annotations

import re

from kabar.enrich.header import Header, clean_line
from kabar.enrich.settings import settings, words_rx
from kabar.registry import Registry

_PARTICLES = {"bin", "binti", "van", "der", "den", "de", "da", "di", "al", "el", "von", "la", "le", "dos", "du", "ibn"}
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:Hj?|Dr|Ir|Prof|St|Drs|Hj)\.?)$")
_DOMAINISH = re.compile(r"\b[\w-]+\.(?:com|co\.id|co|id|net|org|tv|news)\b", re.I)


class Bylines:
    def __init__(self, registry: Registry):
        cfg = settings()["byline"]
        self.registry = registry
        self.cfg = cfg
        self.not_names = {n.casefold() for n in cfg["not_names"]}
        self.team = {w.casefold() for w in cfg["team_words"]}
        self.author_rx = re.compile(rf"^\W*(?:{words_rx(cfg['author_labels'])})\s*[:：]?\s+(?P<rest>.+)$", re.I)
        self.editor_rx = re.compile(rf"(?:^|[|/;,•·]|\s)\s*{words_rx(cfg['editor_labels'])}\s*[:：]", re.I)
        self.editor_line = re.compile(rf"^\W*{words_rx(cfg['editor_labels'])}\s*[:：]?\s", re.I)
        conj = "|".join(re.escape(c) for c in cfg["conjunctions"])
        self.split_rx = re.compile(rf"\s*(?:[,;|/]|\s(?:{conj})\s)\s*", re.I)

    # --- names -------------------------------------------------------------------------
    def is_outlet(self, text: str) -> bool:
        t = text.strip(" ()[]")
        return bool(t) and (self.registry.by_name(t) is not None or bool(_DOMAINISH.fullmatch(t))
                            or bool(re.fullmatch(r"detik\w*", t, re.I)))

    def name(self, text: str) -> str | None:
        n = clean_line(text).strip(" ,;:.-–—|")
        n = re.sub(r"^(?:by|oleh)\s+", "", n, flags=re.I)
        if not n or n.casefold() in self.not_names or re.search(r"\d|@|https?:", n):
            return None
        words = n.split()
        if len(words) > self.cfg["max_name_words"]:
            return None
        if words[0].casefold() in self.team and len(words) >= 2:
            return n  # "Tim detikcom", "Tim CNN Indonesia": a desk byline, kept
        if self.is_outlet(n):
            return None
        if not all(_NAME_WORD.match(w) or w.casefold() in _PARTICLES for w in words):
            return None
        return n

    def names(self, text: str) -> list[str]:
        text = self.editor_rx.split(text)[0]  # "Penulis: A | Editor: B" -> "Penulis: A"
        out = []
        for part in self.split_rx.split(text):
            n = self.name(part)
            if n and n not in out:
                out.append(n)
        return out

    # --- shapes ------------------------------------------------------------------------
    def labelled(self, line: str) -> list[str]:
        m = self.author_rx.match(line)
        if not m:
            return []
        rest = m.group("rest")
        # "Laporan Wartawan Tribunnews.com, Reza Deni": drop the outlet before the name
        parts = [p for p in re.split(r",\s*", rest) if not self.is_outlet(p)]
        return self.names(", ".join(parts))

    def dash_outlet(self, line: str) -> list[str]:
        m = re.match(r"^(?P<names>.+?)\s*[-–—|]\s*(?P<outlet>[\w.]+(?: [A-Z][\w.]+)?)$", line)
        if m and self.is_outlet(m.group("outlet")):
            return self.names(m.group("names"))
        return []

    def authors(self, header: Header, date_lines: set[int]) -> list[str]:
        max_chars = self.cfg and settings()["header"]["max_byline_chars"]
        lines = [z for z in header.lines if len(clean_line(z.text)) <= max_chars]
        for z in lines:
            line = clean_line(z.text)
            if self.editor_line.match(line):
                continue
            found = self.labelled(line) or self.dash_outlet(line)
            if found:
                return found[: self.cfg["max_authors"]]
        # name-only lines next to the date line (Kompas), or labelled by the cleaner
        out: list[str] = []
        for i, z in enumerate(lines):
            near_date = any(abs(z.line_no - d) <= 3 for d in date_lines) and z.line_no > min(date_lines, default=10**9)
            if not (near_date or (z.zone == "meta" and z.reason in ("author", "byline"))):
                continue
            line = clean_line(z.text)
            if self.editor_line.match(line):
                break
            names = self.names(line)
            if names and len(line.rstrip(",")) <= 60:
                out += [n for n in names if n not in out]
        if out:
            return out[: self.cfg["max_authors"]]
        for z in header.meta_after:  # bottom bylines: "Pewarta: …", "Penulis: …"
            found = self.labelled(clean_line(z.text))
            if found:
                return found[: self.cfg["max_authors"]]
        return []

    def html_authors(self, candidates: list[str | None]) -> list[str]:
        for c in candidates:
            if not c:
                continue
            raw = [c] if isinstance(c, str) else list(c)
            out = []
            for r in raw:
                for part in re.split(r"\s*;\s*|\s+(?:and|dan|&)\s+", clean_line(str(r))):
                    p = re.sub(r"^(?:by|oleh)\s+", "", part, flags=re.I).strip(" ,")
                    if p and p.casefold() not in self.not_names and not self.is_outlet(p) \
                            and len(p.split()) <= 12 and p not in out:
                        out.append(p)
            if out:
                return out[: self.cfg["max_authors"]]
        return []

    # --- dateline ----------------------------------------------------------------------
    def dateline(self, header: Header) -> str | None:
        cands = [z for z in header.lines if z.zone == "meta" or len(z.text.split()) <= 4]
        for z in cands + ([header.lead] if header.lead else []):
            place = self.place_of(clean_line(z.text), whole=z is not header.lead)
            if place:
                return place
        return None

    def place_of(self, line: str, whole: bool) -> str | None:
        tail = r"\s*$" if whole else r"\s+(?=[\"“'‘(\w])"
        m = re.match(rf"^(?P<pre>[^\n:]{{1,70}}?)\s*(?:[-–—]{{1,2}}|:(?=\s))" + tail, line)
        if not m:
            return None
        parts = [p.strip() for p in re.split(r",|\(([^)]*)\)", m.group("pre")) if p and p.strip()]
        places = [p for p in parts if not self.is_outlet(p) and not re.search(r"\d", p)
                  and not self._is_signature(p)]
        if len(places) != 1 or (len(parts) == 1 and m.group(0).rstrip().endswith(":") and len(places[0].split()) > 2):
            return None
        p = places[0]
        words = p.split()
        if len(words) > settings()["dateline"]["max_words"] or p.casefold() in self._not_places():
            return None
        if not all(w[0].isupper() for w in words if w.casefold() not in _PARTICLES):
            return None
        return p.title() if p.isupper() and len(p) > 3 else p

    def _is_signature(self, part: str) -> bool:
        return self.registry.by_signature(part + " -") is not None or self.registry.by_signature(part) is not None

    def _not_places(self) -> set[str]:
        return {w.casefold() for w in settings()["dateline"]["not_places"]}
