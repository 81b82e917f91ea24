"""Cross-document template learning in CleanStep.prepare."""
from kabar.clean import CleanStep
from kabar.record import DROPPED, Doc

PARA = (
    "Pemerintah daerah {n} menyiapkan anggaran tambahan untuk memperbaiki jalan yang rusak "
    "akibat banjir pekan lalu, kata kepala dinas kepada wartawan di kantornya."
)
PROMO = "Dapatkan cerita terbaik setiap pagi langsung di kotak surat Anda bersama kami"


def _page(n: int, promo: bool) -> str:
    body = [f"Jalan Rusak di Kota {n} Segera Diperbaiki", PARA.format(n=n), PARA.format(n=n + 10)]
    return "\n\n".join(body + ([PROMO] if promo else []) + [PARA.format(n=n + 20)])


def _zone_of(doc: Doc, text: str) -> tuple[str, str]:
    return next((z.zone, z.reason) for z in doc.zones if z.text == text)


def test_line_in_three_of_three_pages_of_one_outlet_goes():
    docs = [Doc(f"x{n}", "text", _page(n, True), "text", url=f"https://news.example.com/a/{n}") for n in range(3)]
    out = CleanStep()(docs)
    assert len(out.docs) == 3
    for doc in out.docs:
        assert _zone_of(doc, PROMO) == (DROPPED, "template")
        assert PROMO not in doc.text


def test_same_line_in_one_page_only_stays():
    docs = [Doc(f"x{n}", "text", _page(n, n == 0), "text", url=f"https://news.example.com/a/{n}") for n in range(3)]
    out = CleanStep()(docs)
    assert PROMO in out.docs[0].text


def test_batch_of_one_and_other_outlets_learn_nothing():
    one = CleanStep()([Doc("x", "text", _page(1, True), "text", url="https://a.example.com/1")])
    assert PROMO in one.docs[0].text
    mixed = [Doc(f"x{n}", "text", _page(n, True), "text", url=f"https://site{n}.example.com/") for n in range(3)]
    assert all(PROMO in d.text for d in CleanStep()(mixed).docs)



def test_one_short_outlet_marker_between_paragraphs_is_no_end_of_the_article():
    from kabar.clean import signals as sig
    from kabar.clean.lines import read_lines
    from kabar.clean.text import _furniture_gap

    page = "\n\n".join([PARA.format(n=1), "Lanjutkan Membaca", PARA.format(n=2), "Dapatkan Promo Menarik Dari Mitra Kami Setiap Hari", PARA.format(n=3)])
    lines = read_lines(page, frozenset({sig.normalise("Lanjutkan Membaca"), sig.normalise("Dapatkan Promo Menarik Dari Mitra Kami Setiap Hari")}))
    assert [l.reason for l in lines[1::2]] == ["template", "template"]
    assert not _furniture_gap(lines, 1, 2)  # a marker printed inside every article
    assert _furniture_gap(lines, 3, 4)  # a longer recurring line (a promo) still ends it
