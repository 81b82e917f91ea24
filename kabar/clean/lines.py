"""A page line with the signals the text classifier uses.

Speed matters (the text path runs on every page of a nightly batch): each line is
tokenised and lowercased once, the stopword and Title Case counts come from one pass,
and the content stems (only needed for prose, title and headline candidates) are
computed on first use.
"""
from __future__ import annotations

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.phrases import phrase_hit, read_also_pattern, stopwords
from kabar.enrich.dateline import is_dateline_only

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"


class Line:
    __slots__ = ("no", "text", "_tokens", "low", "stop", "case", "sentence", "cls", "reason", "meta", "key", "_stems")

    def __init__(self, no: int, text: str, tokens: list[str] | None, stop: float, sentence: bool, cls: str = SHORT,
                 reason: str = "", meta: str = "", stems: set[str] | None = None, low: list[str] | None = None,
                 key: str | None = None) -> None:
        self.no = no  # line number in the page (0-based, blank lines counted)
        self.text = text  # verbatim, trailing white space removed
        self._tokens = tokens  # words as written (sig.words), computed on first use when None
        self.low = low if low is not None else [t.lower() for t in tokens or ()]  # lowercased words
        self.stop = stop  # share of function words
        self.case = -1.0  # Title Case share of content words (sig.title_case_share), -1 = not computed
        self.sentence = sentence
        self.cls = cls
        self.reason = reason  # why a BAD line is furniture
        self.meta = meta  # byline | editor | date | dateline when the line looks like header data
        self.key = key if key is not None else sig.normalise(text)  # repeat / template key
        self._stems = stems

    @property
    def tokens(self) -> list[str]:
        if self._tokens is None:
            self._tokens = sig.words(self.text)
        return self._tokens

    @property
    def n_words(self) -> int:
        return len(self.low)

    @property
    def stems(self) -> set[str]:
        if self._stems is None:
            self._stems = sig.stems_of_lower(self.low)
        return self._stems

    @stems.setter
    def stems(self, value: set[str]) -> None:
        self._stems = value

    @property
    def title_case(self) -> float:
        if self.case < 0:  # sig.title_case_share, on the tokens lowercased once
            stop = stopwords()
            firsts = [t[0] for t, l in zip(self.tokens, self.low) if l not in stop and t[0].isalpha()]
            self.case = sum(map(str.isupper, firsts)) / len(firsts) if firsts else 0.0
        return self.case


def _line(no: int, text: str, stop_set: frozenset) -> Line:
    lowered = text.lower()
    low = sig.words(lowered)
    n_stop = sum(map(stop_set.__contains__, low))
    return Line(no, text, None, n_stop / len(low) if low else 0.0, sig.ends_sentence(text),
                low=low, key=" ".join(lowered.split()))


def read_lines(content: str, templates=frozenset()) -> list[Line]:
    """Every non-empty line with its class (good/near/short/bad) before context is used."""
    stop_set = stopwords()
    out = []
    for no, raw in enumerate(content.splitlines()):
        text = raw.rstrip()
        if not text.strip():
            continue
        line = _line(no, text, stop_set)
        _classify(line, templates)
        out.append(line)
    _mark_repeats(out)
    _mark_read_also(out)
    return out


def _headline_shaped(line: Line) -> bool:
    """A link to another story: a few words, no full stop, not header data."""
    text = line.text.strip()
    return not line.meta and S.TITLE_MIN_WORDS <= line.n_words <= S.READ_ALSO_MAX_WORDS \
        and not text.endswith((".", ":", ";")) and text.lstrip("•·*-–—> ")[:1].isupper()


def _mark_read_also(lines: list[Line]) -> None:
    """Signal `read_also`: under a bare `Baca Juga:` / `Read also` label (read-also.txt),
    the headline-shaped lines are links, whatever they share with the title."""
    pattern = read_also_pattern()
    left = 0
    for i, line in enumerate(lines):
        if pattern.match(line.text.strip()):
            if line.cls != BAD:
                line.cls, line.reason = BAD, "read_also"
            left = S.READ_ALSO_MAX_LINES
        elif left and _headline_shaped(line) and (left == S.READ_ALSO_MAX_LINES or not _subheading(lines, i)):
            line.cls, line.reason = BAD, "read_also"
            left -= 1
        else:
            left = 0


def _subheading(lines: list[Line], i: int) -> bool:
    """Past the first link under a label: a line sharing words with the paragraph after
    it heads that paragraph (`Trend 5: Exercises for mental health`)."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return nxt is not None and nxt.cls in (GOOD, NEAR) and not _headline_shaped(nxt) \
        and len(lines[i].stems & nxt.stems) >= S.HEADLINE_NEXT_SHARED


def _classify(line: Line, templates) -> None:
    text, n = line.text.strip(), line.n_words
    line.meta = sig.meta_label(text) or ""
    if not line.meta and is_dateline_only(text):
        line.meta = "dateline"
    elif not line.meta and sig.is_date_line(text, n):
        line.meta = "date"
    hit = phrase_hit(text)
    if hit:
        line.cls, line.reason = BAD, hit
    elif line.key in templates:
        line.cls, line.reason = BAD, "template"
    elif sig.is_caption(text, n):
        line.cls, line.reason = BAD, "caption"
    elif line.meta:
        line.cls = SHORT  # header data; a date-shaped line inside the body is data (a table row)
    elif n < S.PROSE_LONG_WORDS and not text.endswith(".") and line.title_case >= S.HEADLINE_CASE_SHARE:
        line.cls = SHORT  # a headline shape: the page's title, a subheading or a link
    elif n >= S.PROSE_LONG_WORDS or (n >= S.GOOD_MIN_WORDS and line.stop >= S.GOOD_MIN_STOP):
        line.cls = GOOD
    elif n >= S.NEAR_MIN_WORDS and line.stop >= S.NEAR_MIN_STOP:
        line.cls = NEAR
    else:
        line.cls = SHORT


def _mark_repeats(lines: list[Line]) -> None:
    """A line printed twice on one page is a link list or a widget (the headline is
    handled apart): later copies of prose go; short copies keep their class (a listing
    repeats its place names) but carry the reason, used when they fall outside the body."""
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.key] = seen.get(line.key, 0) + 1
    first: set[str] = set()
    for line in lines:
        key = line.key
        if seen[key] < 2 or line.cls == BAD:
            continue
        if line.cls != GOOD:
            line.reason = "duplicate"
        elif key not in first:
            first.add(key)
        else:
            line.cls, line.reason = BAD, "duplicate"
