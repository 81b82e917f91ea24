"""Publish-date formats of the main Indonesian outlets, zones, and what must stay null."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from kabar.enrich.dates import parse_iso, parse_stamp

JKT = ZoneInfo("Asia/Jakarta")
FETCHED = datetime(2024, 12, 31, tzinfo=timezone.utc)

CASES = [  # (outlet, header line, published_at_local)
    ("Kompas", "Kompas.com - 19/06/2024, 15:00 WIB", "2024-06-19T15:00:00+07:00"),
    ("detik", "Sabtu, 25 Mei 2024 17:12 WIB", "2024-05-25T17:12:00+07:00"),
    ("detik", "Rabu, 19 Jun 2024 23:56 WIB", "2024-06-19T23:56:00+07:00"),
    ("Tempo", "Rabu, 19 Juni 2024 15:30 WIB", "2024-06-19T15:30:00+07:00"),
    ("CNN Indonesia", "Kamis, 07 Mar 2024 08:00 WIB", "2024-03-07T08:00:00+07:00"),
    ("CNBC Indonesia", "19 June 2024 15:30", "2024-06-19T15:30:00+07:00"),
    ("Liputan6", "Diterbitkan 19 Jun 2024, 15:30 WIB", "2024-06-19T15:30:00+07:00"),
    ("Suara", "Rabu, 19 Juni 2024 | 15:30 WIB", "2024-06-19T15:30:00+07:00"),
    ("Sindonews", "Rabu, 19 Juni 2024 - 15:30 WIB", "2024-06-19T15:30:00+07:00"),
    ("iNews", "Rabu, 19 Juni 2024 - 15:30:00 WIB", "2024-06-19T15:30:00+07:00"),
    ("Jawa Pos", "19 Juni 2024, 15.30 WIB", "2024-06-19T15:30:00+07:00"),
    ("Katadata", "19/6/2024, 15.30 WIB", "2024-06-19T15:30:00+07:00"),
    ("Kontan", "Rabu, 19 Juni 2024 / 15:30 WIB", "2024-06-19T15:30:00+07:00"),
    ("JPNN", "Rabu, 19 Juni 2024 – 15:30 WIB", "2024-06-19T15:30:00+07:00"),
    ("Okezone", "Rabu 19 Juni 2024 15:30 WIB", "2024-06-19T15:30:00+07:00"),
    ("Antara", "Kamis, 20 Juni 2024 10:15 WIB", "2024-06-20T10:15:00+07:00"),
    ("Republika", "Rabu 19 Jun 2024 15:30 WIB", "2024-06-19T15:30:00+07:00"),
    ("Tribun Timur", "Senin, 5 Agt 2024 09:10 WITA", "2024-08-05T09:10:00+08:00"),
    ("Jubi", "Jumat, 3 Nopember 2023 | 08.15 WIT", "2023-11-03T08:15:00+09:00"),
    ("Pebruari", "3 Pebruari 2023 12:00 WIB", "2023-02-03T12:00:00+07:00"),
    ("Des", "10 Des 2023 - 15:30 WIB", "2023-12-10T15:30:00+07:00"),
    ("Agustus", "Minggu, 17 Agustus 2024 pukul 10.00 WIB", "2024-08-17T10:00:00+07:00"),
    ("time first", "15:30 WIB, 19 Juni 2024", "2024-06-19T15:30:00+07:00"),
    ("English", "June 19, 2024 3:45 PM", "2024-06-19T15:45:00+07:00"),
    ("ISO", "2024-06-19T15:00:00+07:00", "2024-06-19T15:00:00+07:00"),
    ("day only", "Rabu, 19 Juni 2024", "2024-06-19"),
    ("numeric", "19-06-2024 15:00", "2024-06-19T15:00:00+07:00"),
]


@pytest.mark.parametrize("outlet,line,expected", CASES, ids=[c[0] + ":" + c[1] for c in CASES])
def test_outlet_formats(outlet, line, expected):
    st = parse_stamp(line, JKT, FETCHED)
    assert st is not None, line
    assert st.outputs()[1] == expected


def test_printed_zone_wins_over_default():
    st = parse_stamp("5 Agt 2024 09:10 WITA", JKT, FETCHED)
    assert st.outputs()[0] == datetime(2024, 8, 5, 1, 10, tzinfo=timezone.utc)


def test_time_without_any_zone_is_null():
    assert parse_stamp("19 Juni 2024 15:30", None, FETCHED) is None


def test_future_and_ancient_dates_rejected():
    assert parse_stamp("25 November 2030", JKT, FETCHED) is None
    assert parse_stamp("1 Januari 1900", JKT, FETCHED) is None


def test_relative_needs_fetch_time():
    assert parse_stamp("2 jam yang lalu", JKT, None) is None
    st = parse_stamp("2 jam yang lalu", JKT, datetime(2024, 6, 19, 10, 0, tzinfo=timezone.utc))
    assert st.outputs()[1] == "2024-06-19T15:00:00+07:00"


@pytest.mark.parametrize("value,expected", [
    ("2024-06-19T15:00:00+07:00", "2024-06-19T15:00:00+07:00"),
    ("2024-06-19T08:00:00Z", "2024-06-19T08:00:00+00:00"),
    ("2025-01-29T18:10:07.780602-0500", "2025-01-29T18:10:07-05:00"),
    ("2024-06-19", "2024-06-19"),
    ("2024-06-19 15:00:00", "2024-06-19T15:00:00+07:00"),
])
def test_iso_metadata(value, expected):
    assert parse_iso(value, JKT).outputs()[1] == expected
