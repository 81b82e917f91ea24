"""The quick reader of everyday written dates answers as dateparser does, or not at all.

Every month name of the configured languages in both word orders, numeric days both ways,
and the clock shapes are read by `plain_dates.parse` and by dateparser (dates._dp, kabar's
call): equal answers, or None from the quick reader so dateparser decides."""
import pytest

from kabar.enrich import dates, plain_dates
from kabar.enrich.settings import settings

LANGS = tuple(settings()["dates"]["dateparser_languages"])
CLOCKS = ["", "15:00", "9:05:30", "12:35 PM", "12:10 am", "11:00PM", "0:00", "23:59:59"]


def _cases():
    names = sorted(plain_dates.month_numbers(LANGS))
    for i, name in enumerate(names):
        clock = CLOCKS[i % len(CLOCKS)]
        form = (name.title(), name, name.upper(), name.title() + ".")[i % 4]
        yield f"{1 + i % 28} {form} 2024", clock, "DMY"
        yield f"{form} {1 + (i * 7) % 28}, 2023", CLOCKS[(i + 3) % len(CLOCKS)], "MDY"
    for day in ("8/1/2025", "13.01.2024", "01-13-2024", "31/12/2024", "29/02/2024"):
        for order in ("DMY", "MDY"):
            yield day, "15:30", order


@pytest.mark.parametrize("day,clock,order", list(_cases()))
def test_same_answer_as_dateparser(day, clock, order):
    quick = plain_dates.parse(day, clock, order, LANGS)
    if quick is not None:
        assert quick == dates._dp(f"{day} {clock}".strip(), order)


def test_every_month_name_is_read_quickly():
    for name, number in plain_dates.month_numbers(LANGS).items():
        if len(name) >= 3:
            assert plain_dates.parse(f"5 {name.title()} 2024", "", "DMY", LANGS).month == number


@pytest.mark.parametrize("day,clock,order", [
    ("1st November 2023", "", "DMY"),  # an English ordinal: dateparser reads it with the month's language
    ("31 June 2024", "", "DMY"),  # no such day
    ("13/01/2024", "", "MDY"),  # month 13: dateparser may swap
    ("19 June 2024", "13:00 PM", "DMY"),  # a clock it does not read
    ("19 Comments 2024", "", "DMY"),  # not a month
])
def test_leaves_the_rest_to_dateparser(day, clock, order):
    assert plain_dates.parse(day, clock, order, LANGS) is None


def test_header_stamps_read_as_before():
    jkt = settings().zones["WIB"]
    st = dates.parse_stamp("Rabu, 19 Juni 2024 | 15:30 WIB", jkt)
    assert st.when.isoformat() == "2024-06-19T15:30:00+07:00"
    st = dates.parse_stamp("Dec. 23, 2024 1:24 PM", None)
    assert (st.when.isoformat(), st.has_time) == ("2024-12-23T00:00:00+00:00", False)
