"""Publish date, authors, dateline and outlet read from a page's zones (text path)."""
from datetime import datetime, timezone

import pytest

from kabar.enrich import EnrichStep
from kabar.record import BODY, DROPPED, META, TITLE, Doc, ZoneLine

LEAD = "Presiden Rusia Vladimir Putin tiba di Pyongyang untuk bertemu pemimpin Korea Utara Kim Jong Un hari ini."


def doc_of(lines, url=None, fetched=None):
    zones = [ZoneLine(i, t, z, r) for i, (z, r, t) in enumerate(lines)]
    d = Doc(source_uri="t", source_format="text", content="\n".join(t for _, _, t in lines),
            content_type="text", url=url, fetched_at=fetched)
    d.zones = zones
    d.title = next((t for z, _, t in lines if z == TITLE), None)
    d.text = "\n\n".join(t for z, _, t in lines if z == BODY)
    EnrichStep().process(d)
    return d


def test_body_dates_and_related_dates_never_taken():
    d = doc_of([(TITLE, "", "Judul"), (BODY, "", "Pyongyang – " + LEAD + " Selasa (18/6/2024)."),
                (BODY, "", "Kalimat kedua yang cukup panjang untuk badan berita ini ya."),
                (DROPPED, "tail", "Berita lain yang terkait"), (DROPPED, "tail", "25 November 2024")])
    assert d.published_at is None and d.published_at_local is None
    assert d.dateline == "Pyongyang"


@pytest.mark.parametrize("lines,authors", [
    ([(META, "byline", "Novi Christiastuti - detikNews")], ["Novi Christiastuti"]),
    ([(META, "byline", "Tim detikcom - detikNews")], ["Tim detikcom"]),
    ([(META, "date", "Kompas.com - 19/06/2024, 15:00 WIB"), (META, "author", "Chella Defa Anjelina,"),
      (META, "author", "Mahardini Nur Afifah"), (META, "byline", "Tim Redaksi")],
     ["Chella Defa Anjelina", "Mahardini Nur Afifah"]),
    ([(META, "byline", "Penulis: Ahmad Naufal Dzulfaroh | Editor: Inten Esti Pratiwi")], ["Ahmad Naufal Dzulfaroh"]),
    ([(DROPPED, "head", "Oleh Budi Santoso dan Siti Rahma")], ["Budi Santoso", "Siti Rahma"]),
    ([(META, "byline", "Reporter: Fathur Rochman"), (META, "byline", "Editor: Agus Salim")], ["Fathur Rochman"]),
    ([(META, "byline", "Laporan Wartawan Tribunnews.com, Reza Deni")], ["Reza Deni"]),
    ([(META, "byline", "By John Smith and Jane Doe")], ["John Smith", "Jane Doe"]),
    ([(META, "byline", "Editor: Agus Salim")], []),
    ([(META, "byline", "Tim Redaksi")], []),
])
def test_author_shapes(lines, authors):
    d = doc_of([(TITLE, "", "Judul berita")] + lines + [(BODY, "", LEAD)])
    assert d.authors == authors


def test_bottom_labelled_byline():
    d = doc_of([(TITLE, "", "Judul"), (BODY, "", LEAD), (META, "byline", "Pewarta: Fathur Rochman"),
                (META, "byline", "Editor: Agus Salim")])
    assert d.authors == ["Fathur Rochman"]


@pytest.mark.parametrize("lead,dateline", [
    ("Moskow -", "Moskow"),
    ("KOMPAS.com - " + LEAD, None),
    ("TEMPO.CO, Jakarta - " + LEAD, "Jakarta"),
    ("Jakarta, CNN Indonesia -- " + LEAD, "Jakarta"),
    ("Liputan6.com, Jakarta - " + LEAD, "Jakarta"),
    ("REPUBLIKA.CO.ID, JAKARTA -- " + LEAD, "Jakarta"),
    ("Jakarta (ANTARA) - " + LEAD, "Jakarta"),
    ("MOSCOW, June 19 (Reuters) - " + LEAD, "Moscow"),
    ("Bisnis.com, JAKARTA - " + LEAD, "Jakarta"),
    ("Pyongyang \xa0–\xa0" + LEAD, "Pyongyang"),
    ("Kuala Lumpur - " + LEAD, "Kuala Lumpur"),
    (LEAD, None),
    ("Baca juga: " + LEAD, None),
])
def test_dateline_shapes(lead, dateline):
    if lead.endswith("-"):
        d = doc_of([(TITLE, "", "Judul"), (META, "dateline", lead), (BODY, "", LEAD)])
    else:
        d = doc_of([(TITLE, "", "Judul"), (BODY, "", lead)])
    assert d.dateline == dateline


def test_outlet_from_signature_and_unknown_is_null():
    d = doc_of([(TITLE, "", "Judul"), (BODY, "", "Jakarta, CNN Indonesia -- " + LEAD)])
    assert (d.outlet, d.outlet_domain) == ("CNN Indonesia", "cnnindonesia.com")
    d = doc_of([(TITLE, "", "Judul"), (BODY, "", LEAD + " Dilansir dari BBC dan Kompas.com.")])
    assert d.outlet is None and d.outlet_domain is None


def test_outlet_from_url_and_zone_from_registry():
    d = doc_of([(TITLE, "", "Judul"), (META, "date", "Senin, 5 Agu 2024 09:10"), (BODY, "", LEAD)],
               url="https://makassar.tribunnews.com/2024/08/05/x")
    assert d.outlet == "Tribun Timur"
    assert d.published_at_local == "2024-08-05T09:10:00+08:00"
    assert d.published_at == datetime(2024, 8, 5, 1, 10, tzinfo=timezone.utc)


def test_relative_date_resolves_against_fetch_time():
    fetched = datetime(2024, 6, 19, 10, 0, tzinfo=timezone.utc)
    d = doc_of([(TITLE, "", "Judul"), (META, "date", "2 jam yang lalu"), (BODY, "", LEAD)],
               url="https://www.kompas.com/x", fetched=fetched)
    assert d.published_at_local == "2024-06-19T15:00:00+07:00"


def test_title_printed_twice_is_folded():
    d = doc_of([(TITLE, "", "Putin Tiba di Korut Putin Tiba di Korut"), (BODY, "", LEAD)])
    assert d.title == "Putin Tiba di Korut"
