"""Publish date from the page header or HTML metadata, timezone-aware.

Where it is read, best first:
1. HTML (`from_page`): the date shown by the headline (`from_visible`: the date lines
   after the <h1> until the body is under way, then before it); a shown date the page
   marks as an update - labelled "Updated"/"Diperbarui", or the day its metadata gives as
   `dateModified` rather than `datePublished` - yields to the metadata's first
   publication (JSON-LD `datePublished`, `article:published_time`, `dtk:publishdate`…);
   then htmldate (original date, quick search: the stamp trafilatura's metadata found while
   the page was cleaned, so htmldate runs once per page). First publication
   is kabar's convention: a news timeline wants when a story first ran. On WCXB, whose gold
   is sometimes the shown "Updated" date and sometimes the first publication, the
   convention matched 30 pages and the shown date 23 where the two differ (dev set).
2. Text: the header lines only (see header.py) - never the body, never related items.
   A stamp labelled as an update is taken only when the header shows no other.
A printed zone (WIB/WITA/WIT, PST…, an ISO offset) wins; else the outlet's newsroom zone;
else the zone of the page's language (`dates.language_timezone`); else only the day is
kept (a time without a zone is no point in time). A UTC stamp is given in the newsroom's
or the language's zone when one is known. A numeric date that reads both ways ("8/1/2025")
follows `day_order`: the page's other dates, then its locale.

Month and day names are parsed by dateparser (Indonesian and English, including
"Agt", "Des", "Nopember", "Pebruari"); regexes here only find where a stamp starts
and ends. The everyday shapes ("June 18, 2025 12:35 PM", "19/06/2024") are read by
plain_dates.py with dateparser's month names and its answers, at a fraction of its cost.
Relative stamps ("2 jam yang lalu") resolve against the fetch time only.
A date in brackets ("Selasa (18/6/2024)") is one the text refers to, never a stamp.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

import dateparser

from kabar.enrich import plain_dates
from kabar.enrich.extractors import extractor
from kabar.enrich.header import Header, clean_line
from kabar.enrich.htmlmeta import TimeValue
from kabar.enrich.settings import settings, words_rx
from kabar.record import TITLE

_W = r"[^\W\d_]{3,10}\.?"  # a month word, checked by dateparser
DATE_RX = (
    rf"(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_W},?\s+(?:19|20)\d\d)"
    rf"|(?P<mdy>{_W}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)"
    r"|(?P<num>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d(?P<isep>[-/])\d\d(?P=isep)\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?)"
)
TIME_RX = r"(?P<time>\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?)"
SEP_RX = r"(?:\s*(?:[,|/•·–—@-]|\bpukul\b|\bjam\b|\bat\b)\s*)*\s*"


@dataclass(frozen=True)
class Stamp:
    when: datetime  # aware
    has_time: bool

    def outputs(self) -> tuple[datetime, str]:
        utc = self.when.astimezone(timezone.utc)
        return utc, (self.when.isoformat() if self.has_time else self.when.date().isoformat())


class _Rx:
    def __init__(self) -> None:
        cfg = settings()["dates"]
        zones = "|".join(sorted(settings().zones, key=len, reverse=True))
        self.zone = rf"(?P<zone>\b(?:{zones})\b|[+-]\d\d:?\d\d\b)"
        self.stamp = re.compile(rf"(?:{DATE_RX}){SEP_RX}(?:{TIME_RX})?\s*{self.zone}?", re.I)
        self.time_first = re.compile(rf"{TIME_RX}\s*{self.zone}?{SEP_RX}(?:{DATE_RX})", re.I)
        self.update = re.compile(rf"^\W*{words_rx(cfg['update_labels'])}\b", re.I)
        self.publish = re.compile(rf"^\W*{words_rx(cfg['publish_labels'])}\b", re.I)
        self.time_only = re.compile(rf"^{SEP_RX}{TIME_RX}\s*{self.zone}?\W*$", re.I)
        self.relative = re.compile(
            r"\b\d+\s+(?:detik|menit|jam|hari|minggu|bulan|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
            r"\s+(?:yang\s+)?(?:lalu|ago)\b", re.I)


_RX: _Rx | None = None


def _rx() -> _Rx:
    global _RX
    if _RX is None:
        _RX = _Rx()
    return _RX


def _offset(zone: str | None) -> tzinfo | None:
    if not zone:
        return None
    z = zone.upper()
    if z in settings().zones:
        return settings().zones[z]
    m = re.fullmatch(r"([+-])(\d\d):?(\d\d)", zone)
    if m:
        sign = 1 if m.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))
    return None


def _dp(text: str, order: str, base: datetime | None = None) -> datetime | None:
    s = {"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
         "REQUIRE_PARTS": ["day", "month", "year"] if base is None else []}
    if base is not None:
        s["RELATIVE_BASE"] = base.replace(tzinfo=None)
    return dateparser.parse(text, languages=settings()["dates"]["dateparser_languages"], settings=s)


def _valid(d: datetime, fetched: datetime | None) -> bool:
    if d.year < settings()["dates"]["min_year"]:
        return False
    limit = (fetched or datetime.now(timezone.utc)) + timedelta(days=1)
    return d.astimezone(timezone.utc) <= limit


def _localise(naive: datetime, zone: tzinfo | None, default: tzinfo | None, has_time: bool) -> Stamp:
    tz = zone or default
    if tz is None:  # a wall-clock time with no zone is no point in time: keep the day only
        return Stamp(naive.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=timezone.utc), False)
    return Stamp(naive.replace(tzinfo=tz), has_time)


def _from_match(m: re.Match, default_tz: tzinfo | None, order: str) -> Stamp | None:
    g = m.groupdict()
    if g.get("iso"):  # its own offset wins, then a zone printed after it ("2024-06-19 15:00 WIB")
        return parse_iso(g["iso"], _offset(g.get("zone")) or default_tz)
    day = g.get("dmy") or g.get("mdy") or g.get("num")
    clock = (g.get("time") or "").replace(".", ":")
    reading = "MDY" if g.get("mdy") else order if g.get("num") else "DMY"
    naive = plain_dates.parse(day, clock, reading, tuple(settings()["dates"]["dateparser_languages"])) \
        or _dp(f"{day} {clock}".strip(), reading)
    if naive is None:
        return None
    return _localise(naive, _offset(g.get("zone")), default_tz, bool(clock))


def stamps(text: str, default_tz: tzinfo | None, fetched: datetime | None = None,
           order: str = "DMY") -> list[tuple[Stamp, bool]]:
    """Every date stamp of a line, in order, each with whether it is labelled as an update
    (by the words between it and the stamp before it: "Rabu, 19/06/2024 | Update: …").
    A date in brackets is one the text refers to ("pada Selasa (18/6/2024)"), no stamp."""
    line = clean_line(text)
    rx = _rx()
    out, pos, prev_end = [], 0, 0
    while True:
        found = [m for m in (rx.time_first.search(line, pos), rx.stamp.search(line, pos)) if m]
        if not found:
            break
        m = min(found, key=lambda x: x.start())
        pos = max(m.end(), m.start() + 1)
        if line[:m.start()].rstrip().endswith("("):
            continue
        st = _from_match(m, default_tz, order)
        if st is not None and _valid(st.when, fetched):
            label = line[prev_end:m.start()]
            out.append((st, bool(rx.update.search(label)) and not rx.publish.search(label)))
        prev_end = m.end()
    return out


def parse_stamp(text: str, default_tz: tzinfo | None, fetched: datetime | None = None,
                order: str = "DMY") -> Stamp | None:
    """First date stamp in a header line ("Rabu, 19 Jun 2024 23:56 WIB", "19/06/2024, 15:00"),
    else a relative one ("2 jam yang lalu"); `order` reads a numeric date whose day and
    month could be swapped (see `day_order`)."""
    found = stamps(text, default_tz, fetched, order)
    return found[0][0] if found else _relative(clean_line(text), default_tz, fetched)


def _relative(line: str, default_tz: tzinfo | None, fetched: datetime | None) -> Stamp | None:
    m = _rx().relative.search(line)
    if m is None or fetched is None:
        return None
    tz = default_tz or timezone.utc
    base = fetched.astimezone(tz)
    naive = _dp(m.group(0), "DMY", base=base)
    if naive is None:
        return None
    when = naive.replace(tzinfo=tz)
    if (base - when) > timedelta(days=settings()["dates"]["relative_max_days"]) or when > base:
        return None
    return Stamp(when.replace(second=0, microsecond=0), True)


def parse_iso(value: str, default_tz: tzinfo | None) -> Stamp | None:
    """An ISO-ish metadata stamp ("2024-06-19T15:00:00+07:00", "2024-06-19")."""
    v = value.strip()
    if re.fullmatch(r"\d{10}(?:\d{3})?", v):  # Unix time ("dtk:publishdateunix"), in s or ms
        return Stamp(datetime.fromtimestamp(int(v[:10]), timezone.utc), True)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        d = date.fromisoformat(v)
        return Stamp(datetime(d.year, d.month, d.day, tzinfo=default_tz or timezone.utc), False)
    try:
        d = datetime.fromisoformat(v.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", v) else v)
    except ValueError:
        if not re.match(r"(?:19|20)\d\d\D", v):  # not year first: a written date, see parse_stamp
            return None
        d = dateparser.parse(v, settings={"RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "YMD",
                                          "REQUIRE_PARTS": ["day", "month", "year"]})
        if d is None:
            return None
    if d.tzinfo is None:
        return _localise(d.replace(microsecond=0), None, default_tz, True)
    return Stamp(d.replace(microsecond=0), True)


NUM_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def iso_days(meta, window: list[int]) -> set[date]:
    """Days the page states unambiguously: ISO metadata and <time datetime> by the headline."""
    values = meta.dates + meta.modified + [meta.chunks[i] for i in window if isinstance(meta.chunks[i], TimeValue)]
    return {d for v in values for m in [re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", v.strip())] if m
            for d in [_day(*map(int, m.groups()))] if d}


def day_order(texts: list[str], known: set[date], locale: str | None) -> str:
    """"DMY" or "MDY": how this page writes numeric dates such as "8/1/2025".

    Evidence first: a numeric date on the page that reads one way only ("8/27/2025"), or one
    whose single reading matches a day the page states in ISO form (its metadata). Without
    evidence, the page's locale: month-first in the regions of `dates.month_first_regions`
    (US pages), day-first elsewhere (Indonesian and most other pages)."""
    dmy = mdy = 0
    for t in texts:
        for m in NUM_DATE.finditer(t):
            a, b, y = map(int, m.groups())
            as_dmy, as_mdy = _day(y, b, a), _day(y, a, b)
            if as_dmy == as_mdy:
                continue
            if as_mdy is None or (as_dmy in known and as_mdy not in known):
                dmy += 1
            elif as_dmy is None or (as_mdy in known and as_dmy not in known):
                mdy += 1
    if dmy != mdy:
        return "DMY" if dmy > mdy else "MDY"
    region = re.split(r"[-_]", locale or "")[1:2]
    return "MDY" if region and region[0].upper() in settings()["dates"]["month_first_regions"] else "DMY"


def _first_published(found) -> tuple[Stamp, bool] | None:
    """The first (stamp, is_update) that is not an update, else the first update."""
    updated = None
    for st, is_update in found:
        if not is_update:
            return st, False
        updated = updated or st
    return (updated, True) if updated is not None else None


def _update_label(prev: str) -> bool:
    """A short piece or line that is just an "Updated" label: it labels the stamp after it."""
    return len(prev) <= 25 and bool(_rx().update.search(prev)) and not re.search(r"\d", prev)


def _line_stamps(line: str, prev: str, default_tz, fetched, order) -> list[tuple[Stamp, bool]]:
    found = stamps(line, default_tz, fetched, order)
    if not found:
        rel = _relative(line, default_tz, fetched)
        found = [(rel, False)] if rel is not None else []
    if found and _update_label(prev) and not _rx().publish.search(line):
        found[0] = (found[0][0], True)
    return found


def _time_below(lines: list[str]) -> list[str]:
    """A date line whose time of day is printed on the line below it (`Rabu, 19 Juni 2024`
    then `Pukul 15.00 WIB`, two blocks of the page) is read as one stamp."""
    rx = _rx()
    out = list(lines)
    for i in range(len(lines) - 1):
        if rx.time_only.match(lines[i + 1]) and rx.stamp.search(lines[i]) and not re.search(TIME_RX, lines[i]):
            out[i] = f"{lines[i]} {lines[i + 1]}"
    return out


def from_header(header: Header, default_tz: tzinfo | None, fetched: datetime | None) -> Stamp | None:
    """First publish stamp in the header's short lines, those after the headline first (a
    date widget or a ticker above it shows today's date, not the story's), then those before
    it, nearest first; an "updated" stamp only if no other."""
    max_chars = settings()["header"]["max_byline_chars"] + 30
    lines = _time_below([clean_line(z.text) for z in header.lines])
    order = day_order(lines, set(), None)
    t = max((i for i, z in enumerate(header.lines) if z.zone == TITLE), default=-1)
    seq = [*range(t + 1, len(lines)), *range(t, -1, -1)]
    found = (x for i in seq if len(lines[i]) <= max_chars  # longer: a caption or a sentence
             for x in _line_stamps(lines[i], lines[i - 1] if i else "", default_tz, fetched, order))
    first = _first_published(found)
    return first[0] if first else None


def from_html(values: list[str], default_tz: tzinfo | None, fetched: datetime | None,
              order: str = "DMY") -> Stamp | None:
    for v in values:
        if not v:
            continue
        st = parse_iso(str(v), default_tz) or parse_stamp(str(v), default_tz, fetched, order)
        if st is not None and _valid(st.when, fetched):
            return st
    return None


def _window(chunks: list[str], a: int) -> list[int]:
    """Text pieces read for the shown date: after the headline until the article body is
    under way (the second piece of `header.body_min_words` words or more: the first may be
    a standfirst or a caption), then before the headline, nearest first."""
    cfg, min_words = settings()["dates"], settings()["header"]["body_min_words"]
    after, long_seen = [], set()
    for i in range(a, min(len(chunks), a + cfg["visible_after"])):
        if i > a and len(chunks[i].split()) >= min_words:
            long_seen.add(chunks[i])  # a piece repeated for another screen size counts once
            if len(long_seen) == cfg["body_pieces"]:
                break
        after.append(i)
    return after + list(range(a - 1, max(-1, a - 1 - cfg["visible_before"]), -1))


def page_locale(meta, language: str | None) -> str | None:
    """The page's declared locale, unless it is of another language than the text (a theme
    left at "en-US" on an Indonesian site): that one says nothing about its dates."""
    loc = meta.locale
    if loc and language and re.split(r"[-_]", loc)[0].lower() != language:
        return None
    return loc


def from_visible(meta, anchor: int | None, default_tz: tzinfo | None, fetched: datetime | None,
                 language: str | None = None) -> tuple[Stamp, bool] | None:
    """The date a reader sees by the headline, and whether it is labelled as an update.

    The first date line in `_window` (a piece of more than `dates.line_max_words` words is
    a sentence: "valid until December 3, 2025" is no publish date); a stamp labelled as an
    update only when no other is shown; a <time datetime> there if no text stamp."""
    if meta is None or anchor is None or not meta.chunks:
        return None
    chunks = meta.chunks
    window = _window(chunks, anchor)
    order = day_order([chunks[i] for i in window] + meta.dates, iso_days(meta, window), page_locale(meta, language))
    attr = next((chunks[i] for i in window if isinstance(chunks[i], TimeValue)), None)
    first = _first_published(_shown_stamps(chunks, window, default_tz, fetched, order))
    if first is not None:
        return first
    if attr is not None:
        st = parse_iso(attr, default_tz) or from_html([attr], default_tz, fetched, order)
        return (st, False) if st else None
    return None


def _shown_stamps(chunks: list[str], window: list[int], default_tz, fetched, order):
    cfg = settings()["dates"]
    max_words, back, short, pieces = (cfg["line_max_words"], cfg["label_lookback"], cfg["split_stamp_max_chars"],
                                      cfg["split_stamp_pieces"])
    for i in window:
        text = chunks[i]
        if isinstance(text, TimeValue) or len(text.split()) > max_words:
            continue
        # the label may sit in the piece before, a <time> element between them
        prev = next((c for c in reversed(chunks[max(0, i - back):i]) if not isinstance(c, TimeValue)), "")
        found = _line_stamps(text, prev, default_tz, fetched, order)
        if not found and i + pieces < len(chunks) and len(text) <= short:
            # a stamp split over spans: "<span>Dec</span> <span>18,</span> 2025"; one that
            # lies wholly in the next pieces is read there, with its own label
            rest = " ".join(c for c in chunks[i + 1:i + 1 + pieces] if not isinstance(c, TimeValue))
            if not stamps(rest, default_tz, fetched, order):
                found = _line_stamps(f"{text} {rest}", prev, default_tz, fetched, order)
        yield from found


def htmldate_stamp(doc, default_tz: tzinfo | None) -> Stamp | None:
    """htmldate's original date (non-extensive search), as trafilatura's metadata would have
    found it while the page was cleaned: searched only now, when the page's own stamps gave none."""
    from kabar.clean.html import htmldate_stamp as search

    try:
        found = search(doc)
    except Exception:  # htmldate raises on odd markup; a missing date is fine
        return None
    if not found:
        return None
    st = parse_iso(found, default_tz)
    if st is not None and st.when.hour == st.when.minute == st.when.second == 0 and "+" not in found[10:]:
        st = parse_iso(found[:10], default_tz)  # htmldate pads a day-only find with 00:00:00
    return st


def default_zone(outlet, language: str | None) -> tzinfo | None:
    if outlet is not None and outlet.timezone:
        return outlet.tzinfo
    return settings().language_tz.get(language or "")


def from_page(doc, meta, anchor: int | None, tz: tzinfo | None, fetched: datetime | None,
              language: str | None = None) -> Stamp | None:
    """HTML: the shown date, unless the page marks it as an update: labelled so, or the day
    its metadata declares as `dateModified` rather than `datePublished` (a theme showing the
    modified day bare). Then the metadata's first publication wins - kabar's convention, as
    a news timeline wants when a story first ran. Then htmldate's (found by trafilatura)."""
    shown = from_visible(meta, anchor, tz, fetched, language)
    order = day_order(meta.dates, iso_days(meta, []), page_locale(meta, language))
    stated = from_html(meta.dates, tz, fetched, order)
    if shown is not None:
        st, is_update = shown
        if not is_update and stated is not None and stated.when.date() != st.when.date():
            modified = from_html(meta.modified, tz, fetched, order)
            is_update = modified is not None and modified.when.date() == st.when.date()
        if not is_update or stated is None:
            return with_time_of_day(st, stated)
    return stated or htmldate_stamp(doc, tz)


def with_time_of_day(st: Stamp, *others: Stamp | None) -> Stamp:
    """A day-only stamp takes the time of another source that gives the same day with its
    time (metadata `2024-06-19T15:00+07:00` under a shown `Rabu, 19 Juni 2024`, a header
    line `19/06/2024, 15:00 WIB` under an HTML page's day); never an update's time."""
    if st.has_time:
        return st
    for other in others:
        if other is not None and other.has_time and other.when.date() == st.when.date():
            return other
    return st


@extractor(name="published", reads=("doc", "outlet_entry", "header", "page_meta", "title_anchor", "language"),
           writes=("published_at", "published_at_local"))
def find_published(doc, outlet, header: Header, meta, anchor: int | None,
                   language: str | None) -> tuple[datetime | None, str | None]:
    """(UTC datetime, local ISO string) of first publication, or (None, None). `anchor`:
    where an HTML page shows its headline (title.py), the shown date is read around it."""
    tz = default_zone(outlet, language)
    fetched = doc.fetched_at
    st = from_page(doc, meta, anchor, tz, fetched, language) if meta is not None else None
    if st is None:
        st = from_header(header, tz, fetched)
    elif not st.has_time:  # an HTML page's day, the time printed in its header lines
        st = with_time_of_day(st, from_header(header, tz, fetched))
    if st is None:
        return None, None
    if st.has_time and tz is not None and st.when.utcoffset() == timedelta(0):
        # a UTC metadata stamp (kumparan's "…Z") shown in the newsroom's or the language's zone
        st = Stamp(st.when.astimezone(tz), True)
    return st.outputs()


@extractor(name="date_lines", reads=("header", "outlet_entry", "language"), writes=("date_lines",))
def date_line_numbers(header: Header, outlet, language: str | None) -> set[int]:
    """Header lines that hold a date stamp: bylines are looked for next to them (Kompas
    prints the author names just under the date line)."""
    tz = default_zone(outlet, language)
    max_chars = settings()["header"]["date_line_max_chars"]
    return {z.line_no for z in header.lines if len(z.text) <= max_chars and parse_stamp(z.text, tz) is not None}
