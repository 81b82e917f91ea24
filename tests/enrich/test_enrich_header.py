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


# Real dumps of the big Indonesian outlets (shapes as their pages print them), run through
# clean then enrich: the byline the reader sees, the editor kept apart, desk labels dropped.
BODY3 = "\n\n".join([LEAD, "Kunjungan itu merupakan yang pertama dalam 24 tahun terakhir menurut keterangan Kremlin.",
                     "Kedua pemimpin dijadwalkan menandatangani sejumlah perjanjian kerja sama bidang ekonomi."])


def dump_doc(head: str, lead_prefix: str = "Jakarta - ", tail: str = "") -> Doc:
    from kabar.clean import CleanStep

    text = f"Putin Tiba di Pyongyang Disambut Kim Jong Un\n\n{head}\n\n{lead_prefix}{BODY3}\n\n{tail}"
    d = Doc(source_uri="t.txt", source_format="text", content=text, content_type="text")
    shard = CleanStep()([d])
    EnrichStep()(shard.docs)
    return shard.docs[0]


@pytest.mark.parametrize("head,lead_prefix,tail,authors", [
    # detik: names, dash, outlet
    ("Novi Christiastuti - detikNews\nRabu, 19 Jun 2024 10:15 WIB", "Moskow - ", "", ["Novi Christiastuti"]),
    ("Anggi Muliawati, Kadek Melda Luxiana - detikNews\nRabu, 19 Jun 2024 10:15 WIB", "Jakarta - ", "",
     ["Anggi Muliawati", "Kadek Melda Luxiana"]),
    ("Tim detikcom - detikNews\nRabu, 19 Jun 2024 10:15 WIB", "Jakarta - ", "", ["Tim detikcom"]),
    # Kompas: name lines under the date line, desk label below; the newer "Penulis … / Editor …"
    ("Kompas.com - 19/06/2024, 15:00 WIB\nChella Defa Anjelina,\nMahardini Nur Afifah\n\nTim Redaksi",
     "KOMPAS.com - ", "", ["Chella Defa Anjelina", "Mahardini Nur Afifah"]),
    ("Kompas.com - 19/06/2024, 15:00 WIB\nPenulis Achmad Faizal, Andhi Dwi Setiawan\nEditor Inten Esti Pratiwi",
     "SURABAYA, KOMPAS.com - ", "", ["Achmad Faizal", "Andhi Dwi Setiawan"]),
    ("Kompas.com - 19/06/2024, 15:00 WIB\nKontributor Surabaya, Achmad Faizal\nEditor Inten Esti Pratiwi",
     "SIDOARJO, KOMPAS.com - ", "", ["Achmad Faizal"]),
    # Tribunnews: "Laporan Wartawan <outlet>, Name" on top, "Penulis: / Editor:" at the foot
    ("Rabu, 19 Juni 2024 15:30 WIB\n\nLaporan Wartawan Tribunnews.com, Reza Deni", "TRIBUNNEWS.COM, JAKARTA - ",
     "Penulis: Reza Deni\nEditor: Wahyu Aji", ["Reza Deni"]),
    ("Rabu, 19 Juni 2024 15:30 WIB", "TRIBUNNEWS.COM, JAKARTA - ", "Penulis: Reza Deni | Editor: Wahyu Aji",
     ["Reza Deni"]),
    # Liputan6: "Oleh X"; "Liputan6.com, Jakarta -" is an outlet prefix, not an author
    ("Oleh Tira Santia\n19 Jun 2024, 15:00 WIB", "Liputan6.com, Jakarta - ", "", ["Tira Santia"]),
    ("19 Jun 2024, 15:00 WIB", "Liputan6.com, Jakarta - ", "", []),
    # CNN Indonesia: the outlet as byline, "(xyz/abc)" initials at the end: no person named
    ("CNN Indonesia\nRabu, 19 Jun 2024 10:15 WIB", "Jakarta, CNN Indonesia -- ", "(fby/sfr)", []),
    # Antara: "Pewarta: / Editor:" at the foot (the cleaner drops them as page chrome)
    ("Rabu, 19 Juni 2024 10:15 WIB", "Jakarta (ANTARA) - ", "Pewarta: Fathur Rochman\nEditor: Agus Salim\n"
     "COPYRIGHT © ANTARA 2024", ["Fathur Rochman"]),
    # Tempo: "Reporter X Editor Y" on one line, or label and name on lines of their own
    ("Reporter Hendrik Yaputra Editor Sapto Yunus\n19 Juni 2024 | 10.15 WIB", "TEMPO.CO, Jakarta - ", "",
     ["Hendrik Yaputra"]),
    ("Reporter\nHendrik Yaputra\nEditor\nSapto Yunus\nRabu, 19 Juni 2024 10:15 WIB", "TEMPO.CO, Jakarta - ", "",
     ["Hendrik Yaputra"]),
    ("Reporter: Fathur Rochman\nRabu, 19 Juni 2024 10:15 WIB", "Jakarta - ", "", ["Fathur Rochman"]),
    # Kompas's newer layout: the labels on lines of their own
    ("Kompas.com - 19/06/2024, 15:00 WIB\nPenulis\nChella Defa Anjelina, Mahardini Nur Afifah\n|\nEditor\n"
     "Inten Esti Pratiwi", "KOMPAS.com - ", "", ["Chella Defa Anjelina", "Mahardini Nur Afifah"]),
    # Republika: "Rep: X Red: Y"
    ("Rep: Rizky Suryarandika Red: Muhammad Hafil\nRabu 19 Jun 2024 10:15 WIB", "REPUBLIKA.CO.ID, JAKARTA -- ", "",
     ["Rizky Suryarandika"]),
    # desk labels are not names
    ("Tim Redaksi\nRabu, 19 Juni 2024 10:15 WIB", "Bandung - ", "", []),
    ("Redaksi\nRabu, 19 Juni 2024 10:15 WIB", "Bandung - ", "", []),
    ("Admin\nRabu, 19 Juni 2024 10:15 WIB", "Bandung - ", "", []),
])
def test_indonesian_bylines_in_dumps(head, lead_prefix, tail, authors):
    assert dump_doc(head, lead_prefix, tail).authors == authors


@pytest.mark.parametrize("head,title", [
    # detik dumps print the headline twice: kept once
    ("Putin Tiba di Pyongyang Disambut Kim Jong Un\nNovi Christiastuti - detikNews", "Putin Tiba di Pyongyang Disambut Kim Jong Un"),
    ("Novi Christiastuti - detikNews", "Putin Tiba di Pyongyang Disambut Kim Jong Un"),
])
def test_title_of_dumps(head, title):
    assert dump_doc(head, "Moskow - ").title == title


def test_title_field_label_dropped():
    d = doc_of([(TITLE, "", "Judul: Putin Tiba di Korut"), (BODY, "", LEAD)])
    assert d.title == "Putin Tiba di Korut"
