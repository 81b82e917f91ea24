"""A page line with the signals the text classifier uses.

Speed matters (the text path runs on every page of a nightly batch): each line is
tokenised and lowercased once, the stopword and Title Case counts come from one pass,
and the content stems (only needed for prose, title and headline candidates) are
computed on first use.
"""
from __future__ import annotations

import re

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.clean.phrases import is_disclosure, phrase_hit, read_also_pattern, stopwords
from kabar.enrich.dateline import is_dateline_only, opens_with_dateline

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"


class Line:
    __slots__ = ("no", "text", "_tokens", "low", "stop", "case", "sentence", "cls", "reason", "meta", "key", "_stems",
                 "_names")

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
        self._names: set[str] | None = None

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

    @property
    def names(self) -> set[str]:
        """Stems of the capitalised words inside the line (not its first word): names."""
        if self._names is None:
            k, m = S.STEM_CHARS, S.NAME_MIN_CHARS
            self._names = {t.lower()[:k] for t in self.tokens[1:] if t[:1].isupper() and len(t) >= m}
        return self._names

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
    _keep_own_subheadings(out)
    return out


def _keep_own_subheadings(lines: list[Line]) -> None:
    """Signal `own_subheading`: a short line that recurs on the outlet's pages (`Babak
    pertama` in every match report) but stands between two paragraphs and is made of words
    the page's own prose uses heads a section of the article; a marker (`ADVERTISEMENT`,
    `Lanjutkan Membaca`) does not speak the article's words."""
    prose_words: set[str] | None = None
    stop = stopwords()
    for i, line in enumerate(lines):
        if line.reason != "template" or line.n_words > S.SUBHEADING_MAX_WORDS \
                or not (_prose_near(lines, i, -1) and _prose_near(lines, i, 1)):
            continue
        content = [w for w in line.low if w not in stop and not w.isdigit()]
        if not content:
            continue
        if prose_words is None:
            prose_words = {w for l in lines if l.cls == GOOD for w in l.low}
        if all(w in prose_words for w in content):
            line.cls, line.reason = SHORT, ""


def _prose_near(lines: list[Line], i: int, step: int) -> bool:
    """The first line past furniture on one side of line i is prose."""
    for k in range(1, S.SUBHEADING_GAP_LINES + 2):
        j = i + step * k
        if not 0 <= j < len(lines):
            return False
        if lines[j].cls != BAD:
            return lines[j].cls in (GOOD, NEAR)
    return False


def _headline_shaped(line: Line) -> bool:
    """A link to another story: a few words, no full stop, not header data."""
    text = line.text.strip()
    return not line.meta and S.TITLE_MIN_WORDS <= line.n_words <= S.READ_ALSO_MAX_WORDS \
        and not text.endswith((".", ":", ";")) and text.lstrip("•·*-–—> ")[:1].isupper()


def _labelled_link(line: Line, pattern) -> bool:
    """`Baca: <headline>`, `Pilihan Editor: <headline>`: the label and its one link on a line."""
    head, colon, rest = line.text.partition(":")
    return bool(colon) and not line.sentence and len(rest.split()) >= S.HEADLINE_MIN_WORDS \
        and bool(pattern.match(head.strip() + ":"))


def _mark_read_also(lines: list[Line]) -> None:
    """Signal `read_also`: under a bare `Baca Juga:` / `Read also` label (read-also.txt),
    the headline-shaped lines are links, whatever they share with the title."""
    pattern = read_also_pattern()
    left, title_case = 0, False
    for i, line in enumerate(lines):
        if pattern.match(line.text.strip()):
            if line.cls != BAD:
                line.cls, line.reason = BAD, "read_also"
            left = S.READ_ALSO_MAX_LINES
        elif _labelled_link(line, pattern):
            line.cls, line.reason, left = BAD, "read_also", 0
        elif left and _headline_shaped(line) and (left == S.READ_ALSO_MAX_LINES or not _subheading(lines, i)
                                                  and not (title_case and line.title_case < S.READ_ALSO_SENTENCE_CASE)):
            # past the first link, a line in another style than the links (`Menurunkan tekanan
            # darah` under Title Case links) is the article's subheading
            title_case = title_case or left == S.READ_ALSO_MAX_LINES and line.title_case >= S.HEADLINE_CASE_SHARE
            line.cls, line.reason = BAD, "read_also"
            left -= 1
        else:
            left, title_case = 0, False


def _subheading(lines: list[Line], i: int) -> bool:
    """Past the first link under a label: a line sharing words with the paragraph after
    it heads that paragraph (`Trend 5: Exercises for mental health`)."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return nxt is not None and nxt.cls in (GOOD, NEAR) and not _headline_shaped(nxt) \
        and len(lines[i].stems & nxt.stems) >= S.HEADLINE_NEXT_SHARED


_CLAUSE_MARK = re.compile(r"[,;]")
_BYLINE_LABEL = re.compile(r"^\W*\w+(?:\s+by)?\s*[:\-–—]?\s*", re.I)


def _name_byline(text: str, n_words: int) -> bool:
    """Signal `byline_is_names`: a byline is a short line of names (`Oleh: Intan
    Permatasari`, `By Jane Doe and John Roe`), not a sentence that opens with the same
    word (`Oleh karena itu, KPK berharap …`, `By then, the storm had passed.`)."""
    if n_words > S.BYLINE_MAX_WORDS:
        return False
    rest = _BYLINE_LABEL.sub("", text, count=1)
    return not rest or rest[:1].isupper() or not rest[:1].isalnum()


def _classify(line: Line, templates) -> None:
    text, n = line.text.strip(), line.n_words
    line.meta = sig.meta_label(text) or ""
    if line.meta == "byline" and not _name_byline(text, n):
        line.meta = ""
    if not line.meta and is_dateline_only(text):
        line.meta = "dateline"
    elif not line.meta and sig.is_date_line(text, n) and not _sentence_shape(line):
        line.meta = "date"  # a sentence that names a date (`… menikah di Bali pada 12 Desember 2011.`) is prose
    hit = phrase_hit(text) or ("disclosure" if S.NEAR_MIN_WORDS <= n and len(line.key) <= S.DISCLOSURE_MAX_CHARS
                               and is_disclosure(line.key) else "")
    if hit:
        line.cls, line.reason = BAD, hit
    elif line.key in templates:
        line.cls, line.reason = BAD, "template"
    elif sig.is_caption(text, n):
        line.cls, line.reason = BAD, "caption"
    elif line.meta:
        line.cls = SHORT  # header data; a date-shaped line inside the body is data (a table row)
    elif n < S.NEAR_MIN_WORDS:
        line.cls = SHORT  # too short for any prose class: no need to weigh its shape
    elif n < S.PROSE_LONG_WORDS and not text.endswith(".") and line.title_case >= S.HEADLINE_CASE_SHARE:
        line.cls = SHORT  # a headline shape: the page's title, a subheading or a link
    elif n >= S.PROSE_LONG_WORDS and not line.sentence and line.title_case >= S.HEADLINE_CASE_SHARE \
            and not _CLAUSE_MARK.search(text):
        line.cls = SHORT  # signal `glued_menu`: menu or contents entries printed on one line, Title Case without a clause
    elif n >= S.PROSE_LONG_WORDS or (n >= S.GOOD_MIN_WORDS and line.stop >= S.GOOD_MIN_STOP):
        line.cls = GOOD
    elif n >= S.NEAR_MIN_WORDS and line.stop >= S.NEAR_MIN_STOP:
        line.cls = NEAR
    elif _sentence_shape(line) or line.sentence and n >= S.GOOD_MIN_WORDS and opens_with_dateline(text):
        line.cls = NEAR  # a sentence dense with names and figures, or a lede under its dateline, is still prose
    else:
        line.cls = SHORT


def _sentence_shape(line: Line) -> bool:
    """Signal `sentence_shape`: long enough, ends as a sentence, and written mostly in
    lowercase words (a headline or a menu is capitalised)."""
    if line.n_words < S.SENTENCE_MIN_WORDS or not line.sentence:
        return False
    alpha = [t for t in line.tokens if t[:1].isalpha()]
    return sum(1 for t in alpha if t[:1].islower()) >= S.SENTENCE_MIN_LOWER * len(alpha)


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
