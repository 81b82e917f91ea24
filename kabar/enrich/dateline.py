"""The dateline: the place a story was filed from ("Jakarta -", "MOSCOW, June 19 (Reuters) -").

The one home of dateline recognition, whichever stage asks: the cleaner (a line that is
only a dateline, a lede that opens with one), the sources extractor (a lede's dateline is
masked before parsing: the place is no subject) and the `dateline` extractor (the place).
Every pattern is built from the same place shape, `PLACE`: up to four capitalised words.

Datelines read: "Moskow -", "Jakarta -", "Pyongyang –", "TEMPO.CO, Jakarta -",
"Jakarta, CNN Indonesia --", "Jakarta (ANTARA) -", "MOSCOW, June 19 (Reuters) -";
an outlet prefix alone ("KOMPAS.com -") is not a dateline.
"""
from __future__ import annotations

import re

from kabar.enrich.extractors import extractor
from kabar.enrich.header import Header, clean_line
from kabar.enrich.settings import settings

PLACE = r"[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}"
# the dash after a dateline: spaced ("JAKARTA - Ketua"), or an en/em dash set tight against a
# capital after a space ("(Pos Kota) –Ketua"); a dash tight on both sides joins words
# ("Jakarta-based", "Jakarta–Bandung"), no dateline
DASH = r"(?:[-–—]{1,2}\s+|(?<=\s)[–—]{1,2}(?=[A-Z]))"

# a line that is only the place, printed before the first paragraph: "Moskow -", "Jakarta, (ANTARA) -"
_ONLY = re.compile(rf"^{PLACE}\s*(?:\([A-Za-z]+\))?\s*[-–—]+$")
# a lede opening with one: "TRIBUNJOGJA.COM, BANTUL - Ratusan warga…", "jpnn.com, JAKARTA - …"
_LEDE = re.compile(
    r"^(?:[a-z][\w-]*(?:\.[a-z]{2,6})+\s*,\s*)?"  # `jpnn.com, JAKARTA -`
    rf"(?:{PLACE}\s*,\s*)?{PLACE}"
    r"\s*(?:\([A-Za-z][\w. ]*\))?\s*" + DASH + r"\S"
)
# what the sources extractor masks at a paragraph's start: "JAKARTA -", "jpnn.com, JAKARTA -",
# "Surabaya (ANTARA) -", "Jakarta, CNN Indonesia --", "TEMPO.CO, Jakarta -", "KUALA LUMPUR:"
_LEDE_PREFIX = re.compile(rf"^\s*(?:[\w-]+(?:\.[\w-]+)+\s*,\s*)?{PLACE}(?:\s*,\s*{PLACE})?(?:\s*\([^()]{{1,30}}\))?"
                          r"\s*" + DASH + r"(?=\S)|^\s*[A-Z]{2,}(?:\s+[A-Z]{2,}){0,3}:\s+(?=\S)")


def opens_with_dateline(line: str) -> bool:
    """`TRIBUNJOGJA.COM, BANTUL - Ratusan warga…`, `WASHINGTON (Reuters) - …`,
    `jpnn.com, JAKARTA - …`: a lede."""
    return _LEDE.match(line.lstrip()) is not None


def without_dateline(line: str) -> str:
    """The lede after its dateline (`KOMPAS.com - Warga…` → `Warga…`), else the line."""
    m = _LEDE.match(line.lstrip())
    return line.lstrip()[m.end() - 1:] if m else line


def is_dateline_only(line: str) -> bool:
    """`Moskow -`, `Jakarta, (ANTARA) -`: the place line printed before the first paragraph."""
    text = line.strip()
    return text[-1:] in "-–—" and bool(_ONLY.match(text))


def mask_dateline(par: str) -> str:
    """A paragraph with its opening dateline blanked (same length, offsets kept)."""
    m = _LEDE_PREFIX.match(par)
    return " " * m.end() + par[m.end():] if m else par


@extractor(name="dateline", reads=("resources", "header"), writes=("dateline",))
def dateline(resources, header: Header) -> str | None:
    return find_dateline(resources.bylines, header)


def find_dateline(bylines, header: Header) -> str | None:
    short = settings()["dateline"]["short_line_words"]  # a line this short may be the dateline alone
    cands = [z for z in header.lines if z.zone == "meta" or len(z.text.split()) <= short]
    for z in cands + ([header.lead] if header.lead else []):
        place = place_of(bylines, clean_line(z.text), whole=z is not header.lead)
        if place:
            return place
    for z in header.lines:
        place = place_before_date(bylines, clean_line(z.text)) if z.zone == "meta" else None
        if place:
            return place
    return None

def place_before_date(bylines, line: str) -> str | None:
    """"Jakarta ● Wed, June 19, 2024": a place, a bullet or bar, then the date line. The
    place must be a known one (sources_places.yaml): before a bullet, a section name
    ("Nasional · 20 Juni 2024") is as likely."""
    from kabar.enrich.dates import parse_stamp
    from kabar.enrich.sources.lexicon import get_places  # the sources package masks datelines: import late

    m = re.match(r"^(?P<place>[^●•|·\d]{2,40}?)\s*[●•|·]\s*(?P<rest>.*\d.*)$", line)
    if not m or parse_stamp(m.group("rest"), None) is None:
        return None
    p = m.group("place").strip(" ,:")
    words = p.split()
    dcfg = settings()["dates"]
    labels = {w.casefold() for w in dcfg["update_labels"] + dcfg["publish_labels"]}
    if not words or len(words) > settings()["dateline"]["max_words"] or bylines.is_outlet(p) \
            or p.casefold() in _not_places() or p.casefold() in labels \
            or any(re.sub(r"[.,'’]", "", w.casefold()) in bylines.not_names | labels for w in words):
        return None
    if not all(w[0].isupper() for w in words if w.casefold() not in bylines.particles):
        return None
    if get_places().match([w.casefold() for w in words], 0) != len(words):
        return None
    return p.title() if p.isupper() and len(p) >= settings()["dateline"]["title_case_min_chars"] else p

def place_of(bylines, line: str, whole: bool) -> str | None:
    tail = r"\s*$" if whole else r"\s+(?=[\"“'‘(\w])"
    m = re.match(rf"^(?P<pre>[^\n:]{{1,70}}?)\s*(?:[-–—]{{1,2}}|:(?=\s))" + tail, line)
    if not m:
        return None
    parts = [p.strip() for p in re.split(r",|\(([^)]*)\)", m.group("pre")) if p and p.strip()]
    places = [p for p in parts if not bylines.is_outlet(p) and not re.search(r"\d", p)
              and not _is_signature(bylines, p)]
    if len(places) != 1 or (len(parts) == 1 and m.group(0).rstrip().endswith(":")
                              and len(places[0].split()) > settings()["dateline"]["colon_place_max_words"]):
        return None
    p = places[0]
    words = p.split()
    if len(words) > settings()["dateline"]["max_words"] or p.casefold() in _not_places():
        return None
    if not all(w[0].isupper() for w in words if w.casefold() not in bylines.particles):
        return None
    return p.title() if p.isupper() and len(p) >= settings()["dateline"]["title_case_min_chars"] else p

def _is_signature(bylines, part: str) -> bool:
    return bylines.registry.by_signature(part + " -") is not None or bylines.registry.by_signature(part) is not None

def _not_places() -> set[str]:
    return {w.casefold() for w in settings()["dateline"]["not_places"]}
