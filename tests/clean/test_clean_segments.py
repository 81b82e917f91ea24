"""The body as article segments: prose on both sides of in-article furniture stays, the
furniture goes with its reason; teasers of other stories go; no article is lost to the
cleaner; bylines are name lines; comment threads, author boxes, related lists and card
lists end the body. Hand-written pages (no dataset text)."""
import pytest

from kabar.clean import CleanStep
from kabar.clean.lines import read_lines
from kabar.clean.text import label_text
from kabar.record import BODY, DROPPED, META, Doc, Rejected

PARAS = [
    "Jakarta, Kabar Harian -- Pemerintah Kota Bogor menyiapkan tiga lokasi penampungan sementara bagi warga yang rumahnya terendam banjir sejak Senin malam.",
    "Wali Kota Bogor mengatakan lokasi penampungan itu dilengkapi dapur umum, layanan kesehatan, dan tempat bermain bagi anak-anak pengungsi.",
    "\"Kami minta warga yang tinggal di bantaran sungai segera pindah ke penampungan karena hujan diperkirakan masih turun,\" kata dia kepada wartawan.",
    "Badan Penanggulangan Bencana Daerah Bogor mencatat lebih dari 400 rumah terendam dengan ketinggian air mencapai satu meter di beberapa kelurahan.",
    "Oleh karena itu, petugas gabungan membuka posko di setiap kelurahan agar bantuan bagi warga Bogor dapat disalurkan lebih cepat.",
    "Hingga Selasa sore, petugas masih mendata kerugian warga dan memeriksa tanggul yang dikhawatirkan jebol jika debit sungai terus naik.",
]

HEAD = ["Kabar Harian", "Nasional", "Ekonomi", "Olahraga", "Home » Nasional",
        "Pemkot Bogor Siapkan Penampungan bagi Warga Terdampak Banjir", "Oleh: Rina Wulandari",
        "Selasa, 14 Mei 2024 16:20 WIB"]
FOOT = ["(rwu/das)", "TOPIK TERKAIT", "banjir", "Bogor", "BERITA TERKAIT",
        "Harga Cabai Turun Jelang Akhir Pekan", "Timnas Putri Lolos ke Semifinal", "Copyright © 2024 Kabar Harian"]


def _zones(lines):
    zones, _ = label_text("\n\n".join(lines))
    return zones


def _body(zones):
    return [z.text for z in zones if z.zone == BODY]


def test_prose_on_both_sides_of_in_article_furniture_stays():
    page = HEAD + [PARAS[0], PARAS[1], "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", PARAS[2],
                   "Baca juga:", "Harga Cabai Turun Jelang Akhir Pekan", PARAS[3], PARAS[4], "Halaman selanjutnya",
                   PARAS[5]] + FOOT
    zones = _zones(page)
    assert _body(zones)[:2] == PARAS[:2] and [p for p in PARAS if p not in _body(zones)] == []
    dropped = {z.text: z.reason for z in zones if z.zone == DROPPED}
    assert dropped["ADVERTISEMENT"] and dropped["Harga Cabai Turun Jelang Akhir Pekan"] == "read_also"


def test_byline_is_a_name_line_not_a_sentence():
    lines = {l.text: l for l in read_lines("\n".join(["Oleh: Rina Wulandari", PARAS[4], "By Jane Doe",
                                                      "By then, the river had already burst its banks."]))}
    assert lines["Oleh: Rina Wulandari"].meta == "byline" and lines["By Jane Doe"].meta == "byline"
    assert lines[PARAS[4]].meta == "" and lines["By then, the river had already burst its banks."].meta == ""
    zones = _zones(HEAD + PARAS + FOOT)
    assert PARAS[4] in _body(zones)
    assert [z.reason for z in zones if z.text == "Oleh: Rina Wulandari"] == ["byline"]


def test_another_storys_teaser_goes_with_its_reason():
    teaser_head = "Timnas Putri Lolos ke Semifinal Piala Asia Usai Tekuk Vietnam"
    teaser = "Kabar Harian -- Tim nasional sepak bola putri melaju ke semifinal setelah menang dua gol tanpa balas atas Vietnam di Hanoi."
    zones = _zones(HEAD + PARAS[:3] + [teaser_head, teaser] + PARAS[3:] + FOOT)
    reasons = {z.text: z.reason for z in zones}
    assert reasons[teaser] in ("teaser", "teaser_lede") and reasons[teaser_head] in ("teaser_headline", "related_headline")
    assert [p for p in PARAS if p not in _body(zones)] == []


def test_a_one_sentence_article_is_kept_and_a_page_without_prose_is_rejected():
    lede = "BOGOR, Kabar Harian - Komedian Jarwo Sutarjo menyadari pentingnya investasi dan memilih bisnis kontrakan."
    step = CleanStep()
    doc = Doc(source_uri="a.txt", source_format="text", content="\n".join(HEAD + [lede] + FOOT), content_type="text")
    step.process(doc)
    assert doc.text == lede
    empty = Doc(source_uri="b.txt", source_format="text", content="\n".join(HEAD + FOOT), content_type="text")
    with pytest.raises(Rejected) as err:
        step.process(empty)
    assert err.value.reason == "empty_body"


def test_a_sentence_naming_a_date_is_body_and_an_announced_list_stays():
    dated = "Seperti diketahui, Rina menikah dengan Bayu di Bali pada 12 Desember 2011."
    assert read_lines(dated)[0].meta != "date"
    items = ["1. Kelurahan Tegal Gundil: 120 rumah", "2. Kelurahan Bantarjati: 95 rumah", "3. Kelurahan Cibuluh: 74 rumah"]
    intro = "Berikut daftar kelurahan dengan rumah terendam terbanyak menurut data petugas gabungan hingga Selasa sore:"
    zones = _zones(HEAD + PARAS + [dated, intro, items[0], "ADVERTISEMENT", items[1], items[2]] + FOOT[1:])
    body = _body(zones)
    assert dated in body and all(i in body for i in items)


ARTICLE_EN = [
    "The city council voted on Tuesday to expand the bus network into three new districts, ending a debate that lasted more than a year.",
    "Officials said the new routes would start running in the spring and would be paid for by a mix of state grants and higher parking fees.",
    "Residents of the outer districts had long complained that the nearest stop was a twenty-minute walk from their homes.",
    "The transport department expects the expansion to add about twelve thousand daily riders once all three routes are open.",
]


@pytest.mark.parametrize("block,reason", [
    (["Mary Lou says", "This is great news for all of us who live out in the hills, because the walk to the nearest stop "
      "has been a real problem for my mother and for the children who go to school in town.", "Reply",
      "Tom Baker says", "It is about time the council listened to the people who actually ride the buses every day "
      "instead of the people who drive to the meetings and never wait at a stop in the rain.", "Reply"],
     "end_block:comments"),
    (["About the Author", "Jane Doe covers city hall and transport for the paper and has written about buses for ten years."],
     "end_block:author_bio"),
    (["You might also like", "The council has also been debating whether parking fees in the centre should rise again next year.",
      "A new set of bike lanes along the river is expected to open next month after two years of building work."],
     "end_block:related"),
    (["Jane Doe is a staff writer at City News who has covered transport and city hall since 2015."],
     "end_block:author_bio"),
    (["Subscribe to our newsletter", "Get the day's top stories delivered to your inbox every morning."], "end_block:newsletter"),
])
def test_english_end_blocks_end_the_body(block, reason):
    zones = _zones(["City News", "Council Expands Bus Network to Outer Districts", "By Jane Doe"] + ARTICLE_EN + block)
    assert _body(zones) == ARTICLE_EN
    tail = [z for z in zones if z.text in block]
    assert all(z.zone == DROPPED for z in tail) and reason in {z.reason for z in tail}


def test_a_card_list_ends_the_body_one_card_above_its_first_button():
    cards = []
    for title, blurb in [("Five tips for new riders", "Plan your trip with the app and keep a card topped up for the fare."),
                         ("How to read the new map", "The colours of the map now match the colours of the bus routes."),
                         ("Night buses explained", "Night services run every half hour on the main lines after midnight.")]:
        cards += [title, blurb, "LEARN MORE"]
    zones = _zones(["City News", "Council Expands Bus Network to Outer Districts"] + ARTICLE_EN + cards)
    assert _body(zones) == ARTICLE_EN
    assert {z.reason for z in zones if z.text in cards} <= {"end_block:cards", "duplicate"}
    assert all(z.zone != META for z in zones if z.text in ARTICLE_EN)


def test_a_short_closing_sentence_under_the_last_paragraph_is_body():
    closing = "Tanggul Ciliwung diperiksa ulang Jumat (17/5/2024)."
    zones = _zones(HEAD + PARAS + [closing] + FOOT[1:])  # no editor code: nothing else pulls it in
    assert _body(zones) == PARAS + [closing]
    assert all(z.zone == DROPPED for z in zones if z.text in ("TOPIK TERKAIT", "Copyright © 2024 Kabar Harian"))


def test_a_short_headline_under_the_last_paragraph_is_not_body():
    zones = _zones(HEAD + PARAS + ["Harga Cabai Turun Jelang Akhir Pekan"] + FOOT[1:])
    assert _body(zones) == PARAS
