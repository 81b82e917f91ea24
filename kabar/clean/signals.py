"""Per-line signals of the text classifier: small named functions, each testable alone."""
from __future__ import annotations

import re

from kabar.clean import settings as S
from kabar.clean.phrases import credit_words, meta_pattern, stopwords

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
_TERMINAL = re.compile(r"[.?!…:;][\"'”’»)\]]*$|[\"”’»]$")
_MONTHS = (
    r"jan(uari|uary)?|feb(ruari|ruary)?|mar(et|ch)?|apr(il)?|mei|may|jun[ei]?|jul[iy]?|ag(u|s)(stus)?|aug(ust)?"
    r"|sep(t|tember)?|o[kc]t(ober)?|nov(ember)?|des(ember)?|dec(ember)?"
)
_DATE = re.compile(
    rf"\b\d{{1,2}}[/.-]\d{{1,2}}[/.-](19|20)?\d\d\b|\b(19|20)\d\d-\d\d-\d\d\b"
    rf"|\b\d{{1,2}}\.?\s+({_MONTHS})\.?,?\s+(19|20)\d\d\b|\b({_MONTHS})\.?\s+\d{{1,2}},?\s+(19|20)\d\d\b"
    r"|\b\d{1,2}[:.]\d\d\s*(WIB|WITA|WIT|am|pm|UTC|GMT)\b|\b\d+\s+(menit|jam|hari|minutes?|hours?|days?)\s+(yang\s+)?(lalu|ago)\b",
    re.I,
)
_DATELINE_ONLY = re.compile(r"^[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}\s*(?:\([A-Za-z]+\))?\s*[-–—]+$")
_PAREN_TAIL = re.compile(r"\(([^()]*(?:\([^()]*\))?[^()]*)\)\s*$")
_SLASH_CREDIT = re.compile(r"^[•·\-*]?\s*[\w.]+(?:\s\w+)?/[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}$")
_NAME = re.compile(r"^(?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|bin|binti|van|de|al))*\s*[,&]?$")


_LEDE_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}\s*,\s*)?[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}"
    r"\s*(?:\([A-Za-z][\w. ]*\))?\s*(?:[-–—]{1,2})\s+\S"
)


def opens_with_dateline(line: str) -> bool:
    """`TRIBUNJOGJA.COM, BANTUL - Ratusan warga…`, `WASHINGTON (Reuters) - …`: a lede."""
    return _LEDE_DATELINE.match(line.lstrip()) is not None


def is_call_to_action(line: str) -> bool:
    """Starts with an imperative of site furniture (`Ikuti …`, `Subscribe …`), from cta.txt."""
    from kabar.clean.phrases import cta_pattern

    return cta_pattern().match(line.lstrip()) is not None


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def stop_share(tokens: list[str]) -> float:
    """Share of function words: high in prose, near zero in headlines, menus and credits."""
    if not tokens:
        return 0.0
    stop = stopwords()
    return sum(1 for t in tokens if t.lower() in stop) / len(tokens)


_CLOSERS = "\"'”’»)]"


def ends_sentence(line: str) -> bool:
    """Ends in . ? ! … : ; (closing quotes or brackets may follow) or in a closing quote.
    Same as `_TERMINAL.search`, without scanning the line."""
    text = line.rstrip()
    return text[-1:] in "\"”’»" and text != "" or text.rstrip(_CLOSERS)[-1:] in tuple(".?!…:;")


def title_case_share(tokens: list[str]) -> float:
    """Share of content words written with a capital: 1.0 for a Title Case headline."""
    stop = stopwords()
    content = [t for t in tokens if t[0].isalpha() and t.lower() not in stop]
    if not content:
        return 0.0
    return sum(1 for t in content if t[0].isupper()) / len(content)


def stems(tokens: list[str]) -> set[str]:
    """Content-word stems (lowercased prefixes) for topical overlap; numbers count too."""
    return stems_of_lower([t.lower() for t in tokens])


def stems_of_lower(low: list[str]) -> set[str]:
    """`stems` of tokens already lowercased."""
    stop, k, m = stopwords(), S.STEM_CHARS, S.MIN_STEM_CHARS
    return {t[:k] for t in low if len(t) >= m and t not in stop}


def share_in(line_stems: set[str], reference: set[str] | dict) -> float:
    if not line_stems:
        return 0.0
    return sum(1 for s in line_stems if s in reference) / len(line_stems)


def is_date_line(line: str, n_words: int) -> bool:
    return n_words <= 14 and _DIGIT.search(line) is not None and _DATE.search(line) is not None


def is_dateline_only(line: str) -> bool:
    """`Moskow -`, `Jakarta, (ANTARA) -`: the place line printed before the first paragraph."""
    text = line.strip()
    return text[-1:] in "-–—" and bool(_DATELINE_ONLY.match(text))


def is_caption(line: str, n_words: int) -> bool:
    """Photo caption or credit: ends in `(dok. KCNA via REUTERS)`, or `• Outlet/Photographer`."""
    text = line.strip()
    if "/" in text and _SLASH_CREDIT.match(text):
        return True
    m = _PAREN_TAIL.search(text) if text.endswith(")") else None
    if m and not ends_sentence(text[: m.start()]):
        inner = {w.lower().rstrip(".") for w in re.findall(r"[\w.]+", m.group(1))}
        if inner & credit_words():
            return True
    return False


def is_name_line(line: str, n_words: int) -> bool:
    """A bare person name (author list lines such as `Chella Defa Anjelina,`)."""
    return 2 <= n_words <= S.META_NAME_MAX_WORDS and bool(_NAME.match(line.strip()))


def meta_label(line: str) -> str | None:
    """byline / editor / date from the operator's meta.txt patterns."""
    pattern, labels = meta_pattern()  # every meta.txt pattern is anchored with ^
    m = pattern.match(line.strip())
    return labels[m.lastgroup] if m else None


def normalise(line: str) -> str:
    """Key for repeat and template counting: case and spacing folded."""
    return " ".join(line.lower().split())
