"""Authors: the one home of the author field, from the cleaner's name lines to the byline.

Byline shapes read (labels and word lists in data/registry/enrich.yaml, `byline`):
- "Novi Christiastuti - detikNews", "Tim detikcom - detikNews": names, dash, outlet;
- "Penulis: A, B", "Oleh A dan B", "Reporter: A | Editor: B", "by A and B";
  "Editor:"-type labels end the author list and are never authors;
- Kompas: name lines ("Chella Defa Anjelina," / "Mahardini Nur Afifah") next to the
  date line; desk labels such as "Tim Redaksi" are not names;
- HTML: JSON-LD / <meta> authors, then trafilatura's.
The cleaner asks here too: which bare name lines of a text page's head are its author
list (`mark_author_names`), and which line is a byline, not a headline (`is_byline_shape`).
Datelines live in dateline.py.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kabar.enrich.extractors import extractor
from kabar.enrich.header import Header, clean_line
from kabar.enrich.settings import name_particles, settings, words_rx
from kabar.record import BODY, DROPPED, META, Doc, ZoneLine

if TYPE_CHECKING:
    from kabar.clean.lines import Line
from kabar.registry import Registry

_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:Hj?|Dr|Ir|Prof|St|Drs|Hj)\.?)$")
_DOMAINISH = re.compile(r"\b[\w-]+\.(?:com|co\.id|co|id|net|org|tv|news)\b", re.I)


class Bylines:
    def __init__(self, registry: Registry):
        cfg = settings()["byline"]
        self.registry = registry
        self.cfg = cfg
        self.not_names = {n.casefold() for n in cfg["not_names"]}
        self.team = {w.casefold() for w in cfg["team_words"]}
        self.author_rx = re.compile(rf"^\W*(?P<label>{words_rx(cfg['author_labels'])})\s*(?P<colon>[:：]?)\s+(?P<rest>.+)$",
                                    re.I)
        self.author_only_rx = re.compile(rf"^\W*{words_rx(cfg['author_labels'])}\s*[:：]?$", re.I)
        self.qualified = {w.casefold() for w in cfg["qualified_labels"]}
        self.editor_rx = re.compile(rf"(?:^|[|/;,•·]|\s)\s*{words_rx(cfg['editor_labels'])}\s*[:：]", re.I)
        # Tempo prints "Reporter A Editor B" with no colons: an editor label word ends the names
        self.editor_word_rx = re.compile(rf"\s(?:{words_rx(cfg['editor_labels'])})(?:\s|$)", re.I)
        self.editor_line = re.compile(rf"^\W*{words_rx(cfg['editor_labels'])}\s*[:：]?(?:\s|$)", re.I)
        self.particles = name_particles()
        conj = "|".join(re.escape(c) for c in cfg["conjunctions"])
        self.split_rx = re.compile(rf"\s*(?:[,;|/]|\s(?:{conj})\s)\s*", re.I)
        # "A and B", "A dan B", "A & B" in an HTML byline / a list element ending in a conjunction
        self.conj_rx = re.compile(rf"\s+(?:{conj})\s+")
        self.list_open_rx = re.compile(rf"(?:[;,&]|\s(?:{conj}))\s*$")
        by = cfg["by_words"]
        self.by_rx = re.compile(rf"^(?:{words_rx(by)})\s+", re.I)
        # "By"/"BY"/"Oleh"/"OLEH" then a capitalised name, anywhere in a byline element
        cased = "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}|{re.escape(w.upper())}" for w in by)
        self.by_name_anywhere_rx = re.compile(rf"(?:^|\s)(?:{cased})\s+(?=[A-Z])")
        self.desk_prefix_rx = re.compile(rf"(?:{words_rx(cfg['outlet_desk_prefixes'])})\w*", re.I)
        self.lead_rx = re.compile(rf"^\W*(?:{words_rx(cfg['html_lead_labels'])})\b\s*[:：]?\s*", re.I)
        months = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d"
        self.cut_rx = re.compile(rf"\s*(?:[|•·]|\s[–—-]\s|\b{words_rx(cfg['html_cut_labels'])}\b|\b{months}|\d|\s+on(?:\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b.*)?$).*$",
                                 re.I)
        lead = cfg["html_lead_labels"]
        self.label_only_rx = re.compile(rf"^\W*{words_rx(lead)}\s*[:：]?$", re.I)
        self.by_name_rx = re.compile(rf"^(?i:{words_rx([w for w in lead if w.split()[-1] in by])})\s+(?=[A-Z])")
        credits_by = [w for w in cfg["editor_labels"] + cfg["html_cut_labels"] if w.endswith(" by")]
        self.credit_by_rx = re.compile(rf"\b{words_rx(credits_by)}$", re.I)
        self.desk_rx = re.compile(rf"\b{words_rx(cfg['desk_words'])}\b", re.I)
        self.glued_role_rx = re.compile(rf"\s+(?:{words_rx(cfg['role_words'])})\b.*$", re.I)
        self.trailing_rx = re.compile(rf"^(?P<names>[^,·•|\d]+?)\s*,?\s+{words_rx(cfg['trailing_labels'])}\s*(?:$|[·•|,–—-]\s*\S.*$)",
                                      re.I)
        self.date_glue = {w.casefold() for w in cfg["date_glue"]}
        self.role_rx = re.compile(rf"^(?:[A-Z][A-Za-z]{{0,3}}\.?-?[A-Z]*\.?(?:\s\d+)?|(?i:.*\b{words_rx(cfg['role_words'])}\b.*))$")

    # --- names -------------------------------------------------------------------------
    def is_outlet(self, text: str) -> bool:
        t = text.strip(" ()[]")
        return bool(t) and (self.registry.by_name(t) is not None or bool(_DOMAINISH.fullmatch(t))
                            or bool(self.desk_prefix_rx.fullmatch(t)))

    def is_desk(self, name: str) -> bool:
        """"Aidoc Staff", "The Upwork Team": a desk credited, not a person."""
        return bool(self.desk_rx.search(name))

    def name(self, text: str) -> str | None:
        n = clean_line(text).strip(" ,;:.-–—|")
        n = self.by_rx.sub("", n)
        if not n or n.casefold() in self.not_names or re.search(r"\d|@|https?:", n):
            return None
        words = n.split()
        if len(words) > self.cfg["max_name_words"]:
            return None
        if words[0].casefold() in self.team and len(words) >= 2:
            return n  # "Tim detikcom", "Tim CNN Indonesia": a desk byline, kept
        if self.is_outlet(n):
            return None
        if not all(_NAME_WORD.match(w) or w.casefold() in self.particles for w in words):
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
        rest = self.cut_date(self.editor_word_rx.split(m.group("rest"), maxsplit=1)[0])
        parts = re.split(r",\s*", rest)
        # "Kontributor Surabaya, Achmad Faizal", "Laporan Wartawan Tribunnews.com, Reza Deni":
        # before the comma, the desk's place or outlet, not a name
        if len(parts) > 1 and not m.group("colon") and " ".join(m.group("label").casefold().split()) in self.qualified:
            parts = parts[1:]
        return self.names(", ".join(p for p in parts if not self.is_outlet(p)))

    def dash_outlet(self, line: str) -> list[str]:
        """"Novi Christiastuti - detikNews" (a hyphen needs spaces around it: "Tribun-Timur.com"
        is a domain, not "Tribun" then an outlet); "Market - Arrijal Rachman, CNBC Indonesia"
        (section, dash, names, comma, a registered outlet); "Nina A. Loasana (The Jakarta Post)"."""
        m = re.match(r"^(?P<names>.+?)(?:\s+[-–—|]\s+|\s*[–—|]\s*)(?P<outlet>[\w.]+(?: [A-Z][\w.]+)?)$", line)
        if m and self.is_outlet(m.group("outlet")):
            return self.names(m.group("names"))
        m = re.match(r"^[^,\d]{1,30}?\s+[-–—|]\s+(?P<names>[^,\d]+?),\s*(?P<outlet>[^,]+)$", line) \
            or re.match(r"^(?P<names>[^,()\d]+?)\s*\((?P<outlet>[^()]+)\)$", line)
        if m and self.registry.by_name(m.group("outlet").strip()) is not None:
            return self.names(m.group("names"))
        return []

    def trailing_label(self, line: str) -> list[str]:
        """"Fahreza Rizky, Jurnalis · Jum'at 21 Juni 2024": a name, then a reporter label
        (`byline.trailing_labels`) - the date may follow on the same line."""
        m = self.trailing_rx.match(line)
        if not m or self.author_rx.match(m.group("names")) or self.author_only_rx.match(m.group("names")):
            return []
        return self.names(m.group("names"))

    def cut_date(self, rest: str) -> str:
        """"Felek Wahyu pada 20 Jun 2024, 10:15 WIB" -> "Felek Wahyu": a byline's names end
        where its date starts (names never hold digits); "pada"/"on" and a day or month
        name left hanging go too."""
        m = re.search(r"\d", rest)
        if not m:
            return rest
        rest = rest[:m.start()]
        while True:
            t = rest.rstrip(" ,;:·•|-–—")
            last = t.split()[-1].casefold().strip(".'’") if t.split() else ""
            if last and (last in self.date_glue or last in self.not_names):
                rest = t[: len(t) - len(t.split()[-1])]
                continue
            return t

    def authors(self, header: Header, date_lines: set[int], tail: list = ()) -> list[str]:
        """`tail`: the page's last lines after the lead, where Antara and Tribunnews print
        "Pewarta: X" / "Penulis: X" (the cleaner may have dropped them as page chrome)."""
        max_chars = self.cfg and settings()["header"]["max_byline_chars"]
        lines = [z for z in header.lines if len(clean_line(z.text)) <= max_chars]
        for k, z in enumerate(lines):
            line = clean_line(z.text)
            if self.editor_line.match(line):
                continue
            if self.author_only_rx.match(line) and k + 1 < len(lines):
                line = f"{line} {clean_line(lines[k + 1].text)}"  # "Reporter" / "Hendrik Yaputra"
            found = self.labelled(line) or self.dash_outlet(line) or self.trailing_label(line)
            if found:
                return found[: self.cfg["max_authors"]]
        # name-only lines next to the date line (Kompas), or labelled by the cleaner
        out: list[str] = []
        for i, z in enumerate(lines):
            near_date = any(abs(z.line_no - d) <= self.cfg["near_date_lines"] for d in date_lines) and z.line_no > min(date_lines, default=10**9)
            if not (near_date or (z.zone == "meta" and z.reason in ("author", "byline"))):
                continue
            line = clean_line(z.text)
            if self.editor_line.match(line):
                break
            names = self.names(line)
            if names and len(line.rstrip(",")) <= self.cfg["name_line_max_chars"]:
                out += [n for n in names if n not in out]
        if out:
            return out[: self.cfg["max_authors"]]
        for z in list(header.meta_after) + [z for z in tail if z not in header.meta_after]:
            line = clean_line(z.text)
            found = self.labelled(line) if len(line) <= max_chars else []
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
                for part in re.split(rf"\s*;\s*|{self.conj_rx.pattern}", clean_line(str(r))):
                    p = self.by_rx.sub("", part).strip(" ,")
                    if p and p.casefold() not in self.not_names and not self.is_outlet(p) \
                            and len(p.split()) <= self.cfg["listed_author_max_words"] and p not in out:
                        out.append(p)
            if out:
                return out[: self.cfg["max_authors"]]
        return []

    # --- HTML bylines ---------------------------------------------------------------------
    def visible_authors(self, bylines: list[tuple[int, str]], anchor: int | None,
                        chunks: list[str] = ()) -> list[str]:
        """Names in the byline a reader sees by the headline: elements marked as one
        (rel=author, itemprop=author, class "author"/"byline") and plain labelled text
        ("By" then the name, "Written by Jane Doe"), nearest the headline <h1> first (one
        after it preferred to one before it); a byline far from the headline (a comment,
        a related item, an author box at the foot) is not read when the headline is known."""
        cands = list(bylines)
        if anchor is not None:
            lo, hi = anchor - self.cfg["html_before"], anchor + self.cfg["html_after"]
            cands = [(i, t) for i, t in cands if lo <= i <= hi]
            # unmarked text is a byline only just under the headline: before it, or further
            # down, "By Style" is a menu and "by Kan Chu Sen, 1721" a citation
            cands += self.labelled_chunks(chunks, anchor, anchor + self.cfg["html_label_after"])
            before = self.cfg["html_before_weight"]  # a byline above the headline counts as further away
            cands.sort(key=lambda x: (x[0] - anchor) if x[0] >= anchor else before * (anchor - x[0]))
        for k, (i, text) in enumerate(cands):
            # an author box nests the name element: read the innermost ("Jane Doe" in
            # "Jane Doe Senior Editor Jane writes about…"), unless the outer one lists more
            # names than the inner shows ("Written by A, B, C" around "Written by A")
            names = self.byline_names(text)
            inner = [t2 for j, t2 in cands[k + 1:] if 0 <= j - i <= self.cfg["html_nested_within"] and t2 != text and t2 in text]
            if inner and len(names) <= max(len(self.byline_names(t2)) for t2 in inner):
                continue
            if names:
                return self.list_goes_on(names, i, text, bylines)[: self.cfg["max_authors"]]
        return []

    def labelled_chunks(self, chunks: list[str], lo: int, hi: int) -> list[tuple[int, str]]:
        """Bylines in plain text, with no element marking them: a label alone ("By",
        "Written by:") followed by the name's own piece, or "By Jane Doe" in one piece
        (chunks `lo`..`hi`)."""
        out = []
        for i in range(max(lo, 0), min(hi + 1, len(chunks))):
            c = chunks[i]
            if i and self.credit_by_rx.search(chunks[i - 1].rstrip(" :") + " by"):
                continue  # the "by" of "Medically reviewed" / "by Jane Roe"
            if self.label_only_rx.match(c) and i + 1 < len(chunks) and not self.label_only_rx.match(chunks[i + 1]) \
                    and not chunks[i + 1].rstrip(" :").lower().endswith(" by"):
                out.append((i, f"{c} {chunks[i + 1]}"))
            elif self.by_name_rx.match(c):
                out.append((i, c))
        return out

    def list_goes_on(self, names: list[str], at: int, text: str, bylines: list[tuple[int, str]]) -> list[str]:
        """An author list set one element per name ("Jennifer Huberty 1 ;", "Jeni Green 1 ;"):
        while an element ends with a list separator, the next byline element adds names."""
        names = list(names)
        for j, t2 in bylines:
            if j <= at or t2 in text:
                continue
            if j - at > self.cfg["html_nested_within"] or not self.list_open_rx.search(text):
                break
            more = [n for n in self.byline_names(t2) if n not in names]
            if not more:
                break
            names += more
            at, text = j, t2
        return names

    def byline_names(self, text: str) -> list[str]:
        """"By Jane Doe, MD | Updated Jan 2, 2025" -> ["Jane Doe, MD"]: labels and what follows
        a date, an "updated"/"reviewed by" label or a bullet dropped; a credential or role
        after a comma stays with its name (it is how the page credits the person)."""
        t = clean_line(text)
        # "Updated Jan 8, 2026 Written by Jane Doe": the name follows the author's "by",
        # wherever it stands; a "Reviewed by" / "Edited by" credit is not it
        for by in self.by_name_anywhere_rx.finditer(t):
            if not self.credit_by_rx.search(t[:by.start()] + " by"):
                t = t[by.end():]
                break
        t = self.cut_rx.split(t, maxsplit=1)[0]
        t = self.editor_rx.split(t)[0]
        # what a cut date or category leaves hanging: "Matt Miller on", "Mahua Das in"
        t = re.sub(r"\s+(?:on|in|at|di|pada)\s*$", "", t)
        prev = None
        while prev != t:
            prev = t
            t = self.lead_rx.sub("", t).strip(" ,:-–—|•·")
        out: list[str] = []
        for part in re.split(r"\s*[;,]\s*", t):
            # a role after a comma is read whole ("Brett Cruz, Privacy and Digital Security Expert")
            pieces = [part] if out and self.role_rx.search(part.strip(" .")) else self.conj_rx.split(part)
            for piece in pieces:
                piece = piece.strip(" .,")
                if not piece:
                    continue
                if out and self.role_rx.search(piece):
                    out[-1] = f"{out[-1]}, {piece}"  # "Shelby Loos, DVM", "Mike Marshall, Shipping Expert"
                    continue
                # a role glued to the name without a comma is the author box's next line
                # ("Chirag Bhardwaj VP", "Tuhin Bhatt Co-founder of X"): cut it
                piece = self.glued_role_rx.split(piece, maxsplit=1)[0].strip(" .,")
                if self.html_name(piece):
                    out.append(piece)
        return out

    def html_name(self, n: str) -> bool:
        words = n.split()
        if not 1 <= len(words) <= self.cfg["max_name_words"] or n.casefold() in self.not_names:
            return False
        if re.search(r"@|https?:|/|\d|[!?|]", n) or not re.match(r"[^\W\d_]", n) or self.is_outlet(n):
            return False
        caps = [w for w in words if w[:1].isupper()]
        return len(caps) >= max(1, len(words) - self.cfg["html_name_lower_words"])



# --- the extractors ------------------------------------------------------------------------
@extractor(name="authors", reads=("doc", "resources", "page_meta", "title_anchor", "header", "date_lines"),
           writes=("authors",))
def authors(doc: Doc, resources, meta, anchor: int | None, header: Header, date_lines: set[int]) -> list[str]:
    bylines = resources.bylines
    if meta is not None:
        return html_authors(bylines, doc, meta, anchor, header, date_lines)
    return bylines.authors(header, date_lines, tail(doc, header))


def html_authors(bylines: Bylines, doc: Doc, meta, anchor: int | None, header: Header,
                 date_lines: set[int]) -> list[str]:
    """HTML pages: the byline shown by the headline, then the JSON-LD Person / <meta>
    authors, then a labelled byline line of the cleaned header, then trafilatura's.
    An organisation credited in the byline is kept (WCXB credits "Kaspersky", "Escalon":
    the page's own attribution); only JSON-LD `Organization` authors are dropped. A desk
    byline ("Aidoc Staff", "The Upwork Team") gives way to a person the metadata names."""
    found = bylines.visible_authors(meta.bylines, anchor, meta.chunks)
    listed = bylines.html_authors([meta.authors])
    if found and all(bylines.is_desk(n) for n in found):
        found = [n for n in listed if not bylines.is_desk(n)] or found
    elif found and len(listed) > len(found) and listed[:len(found)] == found \
            and all(bylines.html_name(n) and "," not in n and " " in n for n in listed):
        found = listed  # the byline shows the first names only ("By A", "A and 2 more")
    if not found:
        found = listed
    if not found:
        found = bylines.authors(header, date_lines, tail(doc, header))
    if not found:  # trafilatura's guess, read as a byline ("This post was written by X, Head of Y")
        from kabar.clean.html import searched_author  # the cleaner imports this module: import late

        found = bylines.byline_names(searched_author(doc) or "")[: bylines.cfg["max_authors"]]
    return found


def tail(doc: Doc, header: Header) -> list:
    """The lines just after the article's last body line (Antara "Pewarta: X", JPNN
    "Reporter : X", before the tags and related items), then the page's last lines
    after the lead, whatever their zone."""
    n = settings()["byline"]["tail_lines"]
    after = header.lead.line_no if header.lead else 10**9
    rest = [z for z in doc.zones if z.line_no > after and z.text.strip()]
    last_body = max((z.line_no for z in rest if z.zone == BODY), default=after)
    out = [z for z in rest if z.line_no > last_body][:n]
    return out + [z for z in rest[-n:] if z not in out]


# --- what the cleaner asks of a text dump's head ---------------------------------------------
_BYLINE_SHAPE = re.compile(r"^(?:(?P<section>[^,]{1,40}?)\s+[-–—|]\s+)?(?P<name>[^,]{3,60}?)\s*,\s*(?P<outlet>[^,]{2,40})$")


def is_byline_shape(line: str) -> bool:
    """`Market - Arrijal Rachman, CNBC Indonesia`: (a section,) a person's name, then the outlet."""
    from kabar.clean import signals as sig  # the cleaner imports this module: import late
    from kabar.enrich.outlet import is_masthead

    m = _BYLINE_SHAPE.match(line.strip())
    if not m or not is_masthead(m.group("outlet")):
        return False
    name = m.group("name")
    return sig.is_name_line(name, len(sig.words(name)))


def mark_author_names(head: list[Line], zones: list[ZoneLine]) -> None:
    """Bare names next to a byline or date line are the author list (`Chella Defa Anjelina,`)."""
    from kabar.clean import signals as sig

    for i, line in enumerate(head):
        if zones[i].zone != DROPPED or zones[i].reason not in ("head",) or not sig.is_name_line(line.text, line.n_words):
            continue
        prev_meta = i > 0 and zones[i - 1].zone == META
        next_meta = i + 1 < len(head) and zones[i + 1].zone == META and zones[i + 1].reason != "dateline"
        prev_list = i > 0 and zones[i - 1].reason == "author" and head[i - 1].text.rstrip().endswith((",", "&"))
        if prev_meta or next_meta or prev_list:
            zones[i] = ZoneLine(line.no, line.text, META, "author")
