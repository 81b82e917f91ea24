"""Written dates in their everyday shapes, read as dateparser reads them, without its cost.

dateparser spends ~2 ms on each call (it detects the language, translates, tries several
parsers); nearly every stamp dates.py gives it is one of three shapes: "June 18, 2025 12:35 PM",
"19 Juni 2024 15:00", "19/06/2024". `parse` reads those shapes with the month names of
dateparser's own locale data for the languages kabar asks it for (`dates.dateparser_languages`
in enrich.yaml), and answers None for anything else - a word it does not know, a name two
languages give to different months, a day that does not exist, a clock it does not read -
which dates.py then hands to dateparser. tests/enrich/test_plain_dates.py holds the two to
the same answer over every month name of those languages, day and clock shapes included.
"""
from __future__ import annotations

import functools
import re
from datetime import datetime

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # dateparser's locale keys

_NUM = r"(?P<day>\d{1,2})"  # "1st", "of": English words, dateparser's to read with the month
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DAY_FIRST = re.compile(rf"{_NUM}\s+{_MONTH},?\s+{_YEAR}")
MONTH_FIRST = re.compile(rf"{_MONTH}\s+{_NUM},?\s+{_YEAR}")
NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>(?:19|20)\d\d)")
CLOCK = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d\d)(?::(?P<s>\d\d))?(?:\s*(?P<half>[AaPp])[Mm])?")


@functools.cache
def month_numbers(languages: tuple[str, ...]) -> dict[str, int]:
    """Lower-case month name -> month number, from dateparser's locales of `languages`; a
    name that two of them give to different months is left out (dateparser decides it)."""
    from dateparser.languages.loader import default_loader

    table: dict[str, int] = {}
    clash: set[str] = set()
    for lang in languages:
        info = default_loader.get_locale(lang).info
        for number, key in enumerate(MONTHS, 1):
            for name in info.get(key, []):
                if table.setdefault(name.lower(), number) != number:
                    clash.add(name.lower())
    return {k: v for k, v in table.items() if k not in clash}


def _clock(text: str) -> tuple[int, int, int] | None:
    if not text:
        return 0, 0, 0
    m = CLOCK.fullmatch(text)
    if m is None:
        return None
    h, mi, s = int(m["h"]), int(m["m"]), int(m["s"] or 0)
    if m["half"]:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if m["half"] in "Pp" else 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def parse(day: str, clock: str, order: str, languages: tuple[str, ...]) -> datetime | None:
    """The naive datetime of a written day ("June 18, 2025", "19 Juni 2024", "19/06/2024")
    and clock ("12:35 PM", "15:00", ""), `order` ("DMY"/"MDY") reading a numeric day; None
    when the text is not one of these shapes as dateparser would read it."""
    hms = _clock(clock)
    if hms is None:
        return None
    m = NUMERIC.fullmatch(day)
    if m is not None:
        if order not in ("DMY", "MDY"):
            return None
        a, b = int(m["a"]), int(m["b"])
        d, mo = (a, b) if order == "DMY" else (b, a)
    else:
        m = DAY_FIRST.fullmatch(day) or MONTH_FIRST.fullmatch(day)
        if m is None:
            return None
        mo = month_numbers(languages).get(m["month"].lower())
        if mo is None:
            return None
        d = int(m["day"])
    try:
        return datetime(int(m["year"]), mo, d, *hms)
    except ValueError:  # 31 June, month 13: dateparser reads those its own way
        return None
