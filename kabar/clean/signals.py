"""Per-line signals of the text classifier: small named functions, each testable alone."""
from __future__ import annotations

import functools
import re

from kabar.clean import settings as S
from kabar.clean.phrases import credit_words, meta_pattern, stopwords
from kabar.enrich.settings import name_particles

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
_PAREN_TAIL = re.compile(r"\(([^()]*(?:\([^()]*\))?[^()]*)\)\s*$")
_SLASH_CREDIT = re.compile(r"^[•·\-*]?\s*[\w.]+(?:\s\w+)?/[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}$")
_LABEL_CREDIT = re.compile(r"(?:^|[.!?]\s+)([\w.]+)\s*:\s*[A-Z][\w.'’-]*(?:\s+[\w.'’&-]+){0,4}(?:/[\w.]+)?$")
_PAREN_SLASH_CREDIT = re.compile(r"^[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")
_NAME = re.compile(r"^(?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|"
                   + "|".join(sorted(name_particles(in_running_text=True)))  # enrich.yaml `names`
                   + r"))*\s*[,&]?$")


def continues_prose(line: str) -> bool:
    """Opens with a pronoun or connective pointing back (`Ia pun …`, `However, …`), from continues.txt."""
    from kabar.clean.phrases import continues_pattern

    return continues_pattern().match(line.lstrip(" \"“'‘")) is not None


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


def date_words_left(line: str) -> int:
    """Words with letters left once the dates and times are taken out of a date line:
    a weekday at most for a page's date line, a headline's words when it names a date."""
    return sum(1 for w in words(_DATE.sub(" ", line)) if not w.isdigit())


def is_caption(line: str, n_words: int) -> bool:
    """Photo caption or credit: ends in `(dok. KCNA via REUTERS)` or `(JP/Dhoni Setiawan)`,
    or is `• Outlet/Photographer`."""
    text = line.strip()
    if "/" in text and _SLASH_CREDIT.match(text):
        return True
    label = _LABEL_CREDIT.search(text) if n_words <= S.CAPTION_LABEL_MAX_WORDS and ":" in text else None
    if label and label.group(1).lower().rstrip(".") in credit_words():
        return True  # `Ilustrasi. Foto: Bayu Prasetyo/kumparan`: a credit after its label
    m = _PAREN_TAIL.search(text) if text.endswith(")") else None
    credit = _PAREN_SLASH_CREDIT.match(m.group(1).strip()) if m else None
    if credit and (len(words(credit.group(0).split("/", 1)[1])) >= 2 or ends_sentence(text[: m.start()])):
        return True  # `… on June 18, 2024. (JP/Dhoni Setiawan)`: outlet/photographer
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


_CRUMB_SEP = re.compile(r"\s+([»›>/|])\s+")


def is_breadcrumb(line: str) -> bool:
    """`Home » Nasional » Politik`, `Suara.com / News / Metropolitan`, `Indonesia > Society`:
    short segments joined by » › > / |. A `Headline | Site` title has a long segment; a
    pair joined by `/`, or segments joined by `|` only, need to be very short."""
    parts = _CRUMB_SEP.split(line.strip())
    segs, seps = parts[0::2], set(parts[1::2])
    if len(segs) < 2 or any(not s.strip() for s in segs):
        return False
    sizes = [len(words(s)) for s in segs]
    if max(sizes) > S.CRUMB_MAX_SEGMENT_WORDS or min(sizes) == 0 or any(s.rstrip()[-1] in "?!" for s in segs):
        return False
    if seps == {"|"}:  # `What is Mesh WiFi? | Whole Home Mesh WiFi | TP-Link`: a <title>
        return max(sizes) <= S.CRUMB_PAIR_MAX_WORDS
    return len(segs) >= 3 or bool(seps & set("»›>")) or max(sizes) <= S.CRUMB_PAIR_MAX_WORDS
