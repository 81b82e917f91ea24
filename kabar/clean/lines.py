"""A page line with the signals the text classifier uses."""
from __future__ import annotations

from dataclasses import dataclass, field

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.phrases import phrase_hit

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"


@dataclass(slots=True)
class Line:
    no: int  # line number in the page (0-based, blank lines counted)
    text: str  # verbatim, trailing white space removed
    tokens: list[str]
    stop: float
    sentence: bool
    cls: str = SHORT
    reason: str = ""  # why a BAD line is furniture
    meta: str = ""  # byline | editor | date | dateline when the line looks like header data
    stems: set[str] = field(default_factory=set)

    @property
    def n_words(self) -> int:
        return len(self.tokens)


def read_lines(content: str, templates=frozenset()) -> list[Line]:
    """Every non-empty line with its class (good/near/short/bad) before context is used."""
    out = []
    for no, raw in enumerate(content.splitlines()):
        text = raw.rstrip()
        if not text.strip():
            continue
        tokens = sig.words(text)
        line = Line(no, text, tokens, sig.stop_share(tokens), sig.ends_sentence(text))
        line.stems = sig.stems(tokens)
        _classify(line, templates)
        out.append(line)
    _mark_repeats(out)
    return out


def _classify(line: Line, templates) -> None:
    text, n = line.text.strip(), line.n_words
    line.meta = sig.meta_label(text) or ""
    if not line.meta and sig.is_dateline_only(text):
        line.meta = "dateline"
    elif not line.meta and sig.is_date_line(text, n):
        line.meta = "date"
    hit = phrase_hit(text)
    if hit:
        line.cls, line.reason = BAD, hit
    elif sig.normalise(text) in templates:
        line.cls, line.reason = BAD, "template"
    elif sig.is_caption(text, n):
        line.cls, line.reason = BAD, "caption"
    elif line.meta:
        line.cls = SHORT  # header data; a date-shaped line inside the body is data (a table row)
    elif n < S.PROSE_LONG_WORDS and not text.endswith(".") and sig.title_case_share(line.tokens) >= S.HEADLINE_CASE_SHARE:
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
        key = sig.normalise(line.text)
        seen[key] = seen.get(key, 0) + 1
    first: set[str] = set()
    for line in lines:
        key = sig.normalise(line.text)
        if seen[key] < 2 or line.cls == BAD:
            continue
        if line.cls != GOOD:
            line.reason = "duplicate"
        elif key not in first:
            first.add(key)
        else:
            line.cls, line.reason = BAD, "duplicate"
