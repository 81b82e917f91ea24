"""Publish-date formats of the main Indonesian outlets, zones, and what must stay null.

Tables: header lines of text dumps (`parse_stamp`), the choice between the stamps of a
header (published before "Diperbarui"/"Update"), relative stamps against the fetch
time, ISO/<meta> values, HTML pages (visible date, metadata, day-month order), and what
must never be taken (body dates, related items, sentences)."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from kabar.enrich import EnrichStep
from kabar.enrich.dates import day_order, from_header, parse_iso, parse_stamp
from kabar.enrich.header import Header
from kabar.record import BODY, DROPPED, META, TITLE, Doc, ZoneLine

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
    ("Kompas new", "Kompas.com, 19 Juni 2024, 15:00 WIB", "2024-06-19T15:00:00+07:00"),
    ("Liputan6", "19 Jun 2024, 15:00 WIB", "2024-06-19T15:00:00+07:00"),
    ("Okezone", "Jumat, 21 Juni 2024 - 09:12 WIB", "2024-06-21T09:12:00+07:00"),
    ("Republika Jum'at", "Jum'at, 21 Juni 2024 - 09:12 WIB", "2024-06-21T09:12:00+07:00"),
    ("Republika Ahad", "Ahad, 23 Juni 2024 07:00 WIB", "2024-06-23T07:00:00+07:00"),
    ("Merdeka numeric", "Selasa, 18/06/2024 10:05 WIB", "2024-06-18T10:05:00+07:00"),
    ("Bisnis no zone", "Rabu, 19 Juni 2024 | 15:00", "2024-06-19T15:00:00+07:00"),
    ("IDN Times English month", "05 Aug 2024, 09:10 WIB", "2024-08-05T09:10:00+07:00"),
    ("kumparan", "5 Agustus 2024 9:10 WIB", "2024-08-05T09:10:00+07:00"),
    ("Pikiran Rakyat", "5 Agustus 2024, 09:10 WIB", "2024-08-05T09:10:00+07:00"),
    ("Viva", "Senin, 5 Agustus 2024 - 09:10", "2024-08-05T09:10:00+07:00"),
    ("Tribun Timur WITA", "Senin, 5 Agustus 2024 09:10 WITA", "2024-08-05T09:10:00+08:00"),
    ("Papua WIT", "Selasa, 18 Juni 2024 | 10:05 WIT", "2024-06-18T10:05:00+09:00"),
    ("Agt day only", "Senin, 5 Agt 2024", "2024-08-05"),
    ("Des day only", "10 Des 2023", "2023-12-10"),
    ("Nopember", "3 Nopember 2023, 08:15 WIB", "2023-11-03T08:15:00+07:00"),
    ("Pebruari numeric time", "Jumat, 3 Pebruari 2023 12.00 WIB", "2023-02-03T12:00:00+07:00"),
    ("dotted numeric", "19.06.2024 15:00 WIB", "2024-06-19T15:00:00+07:00"),
    ("12-hour WIB", "19 Juni 2024 03:00 PM WIB", "2024-06-19T15:00:00+07:00"),
    ("detik meta shape", "2024/06/19 15:00:00", "2024-06-19T15:00:00+07:00"),
    ("ISO day + WIB", "2024-06-19 15:00 WIB", "2024-06-19T15:00:00+07:00"),
    ("RFC 2822", "Wed, 19 Jun 2024 15:00:00 +0700", "2024-06-19T15:00:00+07:00"),
    ("US zone", "Nov 25, 2024 5:00 am PST", "2024-11-25T05:00:00-08:00"),
    ("Update label", "Update: Rabu, 19 Juni 2024 16:00 WIB", "2024-06-19T16:00:00+07:00"),
]


@pytest.mark.parametrize("outlet,line,expected", CASES, ids=[c[0] + ":" + c[1] for c in CASES])
def test_outlet_formats(outlet, line, expected):
    st = parse_stamp(line, JKT, FETCHED)
    assert st is not None, line
    assert st.outputs()[1] == expected


def test_printed_zone_wins_over_default():
    st = parse_stamp("5 Agt 2024 09:10 WITA", JKT, FETCHED)
    assert st.outputs()[0] == datetime(2024, 8, 5, 1, 10, tzinfo=timezone.utc)


@pytest.mark.parametrize("line,expected", [
    ("2024-06-19 15:00 WIB", "2024-06-19T15:00:00+07:00"),
    ("Rabu, 19 Jun 2024 15:00 WITA", "2024-06-19T15:00:00+08:00"),
])
def test_printed_zone_needs_no_default(line, expected):
    assert parse_stamp(line, None, FETCHED).outputs()[1] == expected


def test_time_without_any_zone_keeps_the_day_only():
    # a wall-clock time with no zone is no point in time; the day still is the day
    st = parse_stamp("19 June 2024 3:30 PM", None, FETCHED)
    assert st.outputs()[1] == "2024-06-19" and not st.has_time
    assert parse_iso("2024-06-19T15:30:00", None).outputs()[1] == "2024-06-19"


def test_future_and_ancient_dates_rejected():
    assert parse_stamp("25 November 2030", JKT, FETCHED) is None
    assert parse_stamp("1 Januari 1900", JKT, FETCHED) is None


FETCH_10UTC = datetime(2024, 6, 19, 10, 0, tzinfo=timezone.utc)  # 17:00 WIB


@pytest.mark.parametrize("line,tz,expected", [
    ("2 jam yang lalu", JKT, "2024-06-19T15:00:00+07:00"),
    ("2 jam lalu", JKT, "2024-06-19T15:00:00+07:00"),
    ("30 menit yang lalu", JKT, "2024-06-19T16:30:00+07:00"),
    ("1 hari yang lalu", JKT, "2024-06-18T17:00:00+07:00"),
    ("5 minutes ago", timezone.utc, "2024-06-19T09:55:00+00:00"),
    ("40 hari yang lalu", JKT, None),  # beyond dates.relative_max_days: an archive list, not a stamp
])
def test_relative_against_fetch_time(line, tz, expected):
    st = parse_stamp(line, tz, FETCH_10UTC)
    assert (st.outputs()[1] if st else None) == expected


def test_relative_needs_fetch_time():
    assert parse_stamp("2 jam yang lalu", JKT, None) is None


@pytest.mark.parametrize("line", [
    "Selasa (18/6/2024)",  # the day an event happened, in running text
    "Jakarta - Presiden Joko Widodo pada Selasa (18/6/2024) meresmikan bendungan.",
    "Menteri Keuangan, Rabu (19/6), mengatakan",  # no year: never a stamp
    "Baca juga: Harga emas naik",
])
def test_body_style_dates_are_no_stamp(line):
    assert parse_stamp(line, JKT, FETCHED) is None


def header(*texts):
    return Header([ZoneLine(i, t, META, "date") for i, t in enumerate(texts)], None, [])


@pytest.mark.parametrize("lines,expected", [
    # first publication wins over an update, in either order, on one line or two
    (["Diperbarui 19 Juni 2024, 16:00 WIB", "Diterbitkan 19 Juni 2024, 15:00 WIB"], "2024-06-19T15:00:00+07:00"),
    (["Diterbitkan 19 Jun 2024, 15:00 WIB · Diperbarui 19 Jun 2024, 16:00 WIB"], "2024-06-19T15:00:00+07:00"),
    (["Diperbarui 19 Jun 2024, 16:00 WIB · Diterbitkan 19 Jun 2024, 15:00 WIB"], "2024-06-19T15:00:00+07:00"),
    (["Rabu, 19/06/2024 15:00 WIB | Update: Rabu, 19/06/2024 16:00 WIB"], "2024-06-19T15:00:00+07:00"),
    (["Update: Rabu, 19 Juni 2024 16:00 WIB", "Kompas.com - 19/06/2024, 15:00 WIB"], "2024-06-19T15:00:00+07:00"),
    # the label alone on the line before its stamp
    (["Diperbarui", "19 Juni 2024, 16:00 WIB", "Kompas.com - 19/06/2024, 15:00 WIB"], "2024-06-19T15:00:00+07:00"),
    # an update stamp alone is still the best there is
    (["Update: Rabu, 19 Juni 2024 16:00 WIB"], "2024-06-19T16:00:00+07:00"),
    (["Terakhir diperbarui 19 Juni 2024"], "2024-06-19"),
    # a bracketed event day under the headline (a caption) is skipped
    (["Presiden di Istana, Selasa (18/6/2024).", "Rabu, 19 Jun 2024 15:00 WIB"], "2024-06-19T15:00:00+07:00"),
    # relative stamp in the header
    (["Tim detikcom - detikNews", "2 jam yang lalu"], "2024-06-19T15:00:00+07:00"),
    # the time of day printed on the line below the date (two blocks of the page)
    (["Rabu, 19 Juni 2024", "Pukul 15.00 WIB"], "2024-06-19T15:00:00+07:00"),
    (["Rabu 19 Jun 2024", "15:30 WIB"], "2024-06-19T15:30:00+07:00"),
    (["Rabu 19 Jun 2024", "Oleh Rina Wulandari"], "2024-06-19"),
])
def test_header_prefers_first_publication(lines, expected):
    st = from_header(header(*lines), JKT, FETCH_10UTC)
    assert st is not None and st.outputs()[1] == expected


LEAD = "Presiden Rusia Vladimir Putin tiba di Pyongyang untuk bertemu pemimpin Korea Utara Kim Jong Un hari ini."


def text_doc(lines, url=None, fetched=FETCHED):
    d = Doc(source_uri="t", source_format="text", content="\n".join(t for _, _, t in lines),
            content_type="text", url=url, fetched_at=fetched)
    d.zones = [ZoneLine(i, t, z, r) for i, (z, r, t) in enumerate(lines)]
    d.title = next((t for z, _, t in lines if z == TITLE), None)
    d.text = "\n\n".join(t for z, _, t in lines if z == BODY)
    EnrichStep().process(d)
    return d


def test_related_items_at_the_foot_and_body_dates_stay_null():
    d = text_doc([(TITLE, "", "Judul berita"),
                  (BODY, "", "Jakarta - " + LEAD + " Kunjungan pada Selasa (18/6/2024) itu yang pertama."),
                  (BODY, "", "Kalimat kedua yang cukup panjang untuk badan berita ini, Rabu 19 Juni 2024."),
                  (DROPPED, "related_headline", "Berita Terkait"),
                  (DROPPED, "related_headline", "Kamis, 20 Juni 2024 10:00 WIB"),
                  (DROPPED, "tail", "2 jam yang lalu")], url="https://news.detik.com/berita/d-1/x")
    assert d.published_at is None and d.published_at_local is None


def test_date_widget_above_the_headline_is_not_the_story_date():
    d = text_doc([(DROPPED, "nav", "Kamis, 20 Juni 2024"), (DROPPED, "nav", "Berita Terkini"),
                  (TITLE, "", "Judul berita"), (META, "byline", "Novi Christiastuti - detikNews"),
                  (META, "date", "Rabu, 19 Jun 2024 15:00 WIB"), (BODY, "", LEAD)],
                 url="https://news.detik.com/berita/d-1/x")
    assert d.published_at_local == "2024-06-19T15:00:00+07:00"
    # with nothing after the headline, the nearest stamp above it is taken
    d = text_doc([(META, "date", "Rabu, 19 Jun 2024 15:00 WIB"), (TITLE, "", "Judul berita"), (BODY, "", LEAD)],
                 url="https://news.detik.com/berita/d-1/x")
    assert d.published_at_local == "2024-06-19T15:00:00+07:00"


def test_text_dump_header_of_an_outlet_in_wita():
    d = text_doc([(TITLE, "", "Judul berita"), (META, "byline", "Penulis: Muh Hasim Arfah"),
                  (META, "date", "Senin, 5 Agt 2024 09:10"), (BODY, "", LEAD)],
                 url="https://makassar.tribunnews.com/2024/08/05/x")
    assert d.published_at_local == "2024-08-05T09:10:00+08:00"


@pytest.mark.parametrize("value,expected", [
    ("2024-06-19T15:00:00+07:00", "2024-06-19T15:00:00+07:00"),
    ("2024-06-19T08:00:00Z", "2024-06-19T08:00:00+00:00"),
    ("2025-01-29T18:10:07.780602-0500", "2025-01-29T18:10:07-05:00"),
    ("2024-06-19", "2024-06-19"),
    ("2024-06-19 15:00:00", "2024-06-19T15:00:00+07:00"),  # Kompas content_PublishedDate (WIB)
    ("2024/06/19 15:00:00", "2024-06-19T15:00:00+07:00"),  # detik/CNN Indonesia dtk:publishdate
    ("1718784000", "2024-06-19T08:00:00+00:00"),  # Unix time is UTC
    ("1718784000000", "2024-06-19T08:00:00+00:00"),
    ("2024-06-19T08:00:00.000Z", "2024-06-19T08:00:00+00:00"),
])
def test_iso_metadata(value, expected):
    assert parse_iso(value, JKT).outputs()[1] == expected


@pytest.mark.parametrize("texts,known,locale,expected", [
    (["8/1/2025"], set(), "en-US", "MDY"),
    (["8/1/2025"], set(), "en-GB", "DMY"),
    (["8/1/2025"], set(), "id-ID", "DMY"),
    (["8/1/2025"], set(), None, "DMY"),
    (["8/1/2025", "8/27/2025"], set(), None, "MDY"),  # a date that reads one way only decides
    (["09.10.2024"], {datetime(2024, 9, 10).date()}, "en", "MDY"),  # the ISO metadata day decides
    (["19/06/2024"], set(), "en-US", "DMY"),
])
def test_day_month_order(texts, known, locale, expected):
    assert day_order(texts, known, locale) == expected


BODY_EN = "Body text of the article that is long enough to read, and then some more words."
BODY_ID = ("Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada hari ini. Menurut dia, "
           "bendungan itu akan mengairi ribuan hektare sawah milik para petani setempat.")


def html_doc(body, head="", lang="en", url="https://example.org/a", text=BODY_EN):
    html = (f'<html lang="{lang}"><head><title>A Headline Here | Site</title>{head}</head><body>'
            f"<header>Menu</header><h1>A Headline Here</h1>{body}"
            "<p>Body text of the article that is long enough to read, and then some more words.</p>"
            "<p>A second paragraph of the body, which is also long enough to count as a sentence.</p>"
            "</body></html>")
    d = Doc(source_uri="t.html", source_format="html", content=html, content_type="html", url=url,
            fetched_at=datetime(2026, 1, 1, tzinfo=timezone.utc))
    d.zones = [ZoneLine(0, text, BODY)]
    d.text = d.zones[0].text
    d.html_meta = {}
    EnrichStep().process(d)
    return d


PUB = '<meta property="article:published_time" content="2024-03-01T10:00:00+00:00">'
MOD = '<meta property="article:modified_time" content="2025-06-16T10:00:00+00:00">'


@pytest.mark.parametrize("body,head,lang,url,expected", [
    # month-first numeric date on a US page; day-first elsewhere
    ("<p>8/1/2025</p>", "", "en-US", None, "2025-08-01"),
    ("<p>8/1/2025</p>", "", "en-GB", None, "2025-01-08"),
    ('<p>08/01/2025</p>', "", "id", None, "2025-01-08"),
    # a theme's "en-US" on a page written in Indonesian says nothing about its dates
    ("<p>08/01/2025</p><p>Presiden Joko Widodo meresmikan bendungan baru.</p>", "", "en-US",
     "https://www.kompas.com/x", "2025-01-08"),
    # … or as another date on the page shows
    ("<p>8/1/2025</p><p>Updated 8/27/2025</p>", "", "en", None, "2025-08-01"),
    # a shown "Updated" date yields to the metadata's first publication
    ("<p>Updated Jun 16, 2025</p>", PUB, "en", None, "2024-03-01"),
    # so does a bare shown date that the metadata declares as the modified one
    ("<p>June 16, 2025</p>", PUB + MOD, "en", None, "2024-03-01"),
    # a shown date that is neither stays first
    ("<p>March 2, 2024</p>", PUB + MOD, "en", None, "2024-03-02"),
    # a date inside a sentence is no date line
    ("<p>The offer is valid from March 3 until December 3, 2025 for all new customers.</p>", PUB, "en", None,
     "2024-03-01"),
    # Indonesian pages: visible stamp, then "Diperbarui"
    ("<div>Kompas.com, 19 Juni 2024, 15:00 WIB</div><div>Diperbarui 19 Juni 2024, 16:00 WIB</div>", "", "id",
     "https://www.kompas.com/x", "2024-06-19T15:00:00+07:00"),
    ("<div>Diperbarui 19 Jun 2024, 16:00 WIB</div><div>Diterbitkan 19 Jun 2024, 15:00 WIB</div>", "", "id",
     "https://www.liputan6.com/x", "2024-06-19T15:00:00+07:00"),
    ("<div>Presiden di Istana, Selasa (18/6/2024).</div><div>Rabu, 19 Jun 2024 15:00 WIB</div>", "", "id",
     "https://news.detik.com/x", "2024-06-19T15:00:00+07:00"),
    # Indonesian metadata without an offset is in the newsroom's zone
    ("", '<meta name="dtk:publishdate" content="2024/06/19 15:00:00">', "id", "https://news.detik.com/x",
     "2024-06-19T15:00:00+07:00"),
    ("", '<meta name="content_PublishedDate" content="2024-06-19 15:00:00">', "id", "https://www.kompas.com/x",
     "2024-06-19T15:00:00+07:00"),
    # a UTC stamp is given in the newsroom's zone
    ("", '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A Headline Here", '
         '"datePublished": "2024-06-19T08:00:00.000Z"}</script>', "id", "https://kumparan.com/x",
     "2024-06-19T15:00:00+07:00"),
])
def test_html_dates(body, head, lang, url, expected):
    # the rows of Indonesian outlets are pages written in Indonesian
    d = html_doc(body, head, lang, url or "https://example.org/a", BODY_ID if url else BODY_EN)
    got = d.published_at_local if "T" in expected else (d.published_at_local or "")[:10]
    assert got == expected


@pytest.mark.parametrize("body,head,expected", [
    # a shown day with no time takes the time of the metadata stamp of the same day
    ("<div>Rabu, 19 Juni 2024</div>", '<meta property="article:published_time" content="2024-06-19T15:00:00+07:00">',
     "2024-06-19T15:00:00+07:00"),
    # an update's time is not the publication's
    ("<div>Diperbarui 19 Juni 2024, 18:00 WIB</div>", '<meta property="article:published_time" content="2024-06-19">',
     "2024-06-19"),
    # another day's time is not borrowed
    ("<div>Rabu, 19 Juni 2024</div>", '<meta property="article:published_time" content="2024-06-18T15:00:00+07:00">',
     "2024-06-19"),
])
def test_a_day_only_stamp_takes_the_time_of_day_shown_elsewhere(body, head, expected):
    d = html_doc(body, head, "id", "https://www.kompas.com/x", BODY_ID)
    assert d.published_at_local == expected
