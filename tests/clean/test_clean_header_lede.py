"""Header zoning and body edges on news-page dumps: the headline is never a breadcrumb,
a masthead or a byline; a name-dense lede under a dateline opens the body; links under a
bare read-also label go; the last sentence above the reporter credits stays."""
from kabar.clean import signals as sig
from kabar.clean.text import label_text
from kabar.enrich.byline import is_byline_shape
from kabar.enrich.dateline import mask_dateline, opens_with_dateline, without_dateline
from kabar.enrich.outlet import is_masthead
from kabar.record import BODY


def _body(zones):
    return [z.text for z in zones if z.zone == BODY]


PARAS = [
    "Menurut dia, pemerintah daerah sudah menyiapkan anggaran untuk perbaikan jalan yang rusak akibat banjir pekan lalu.",
    "Ia menjelaskan, pekerjaan itu akan dimulai setelah musim hujan berakhir agar hasilnya bisa bertahan lebih lama.",
    "\"Kami minta warga bersabar karena perbaikan membutuhkan waktu yang tidak sebentar,\" kata dia kepada wartawan.",
    "Sementara itu, sejumlah warga mengaku sudah lama menunggu perbaikan jalan tersebut karena sering terjadi kecelakaan.",
]


def test_breadcrumb_masthead_and_byline_shapes():
    for crumb in ("Home » Nasional » Politik", "Home > News > Pendidikan", "Suara.com / News / Metropolitan",
                  "Home / Surabaya Raya", "Indonesia > Society", "Berita › Daerah"):
        assert sig.is_breadcrumb(crumb), crumb
    for title in ("What is Mesh WiFi? | Whole Home Mesh WiFi | TP-Link", "Harga Emas Naik Lagi | Kontan",
                  "Rupiah Ditutup Melemah ke Rp16.400/US$, Terendah Sejak April 2020"):
        assert not sig.is_breadcrumb(title), title
    assert is_masthead("Tribun-Timur.com") and is_masthead("The Jakarta Post")
    assert not is_masthead("Gempa Guncang Garut")
    assert is_byline_shape("Market - Arrijal Rachman, CNBC Indonesia")
    assert not is_byline_shape("Jakarta, Indonesia")


def test_lede_dateline_shapes():
    assert opens_with_dateline("jpnn.com, JAKARTA - Asosiasi petani meminta pemerintah bertindak.")
    assert opens_with_dateline("Jakarta, IDN Times - Gempa bumi mengguncang Garut.")
    assert without_dateline("KOMPAS.com - Warga mengungsi.") == "Warga mengungsi."


def test_dateline_dash_set_tight_against_the_lede():
    assert without_dateline("JAKARTA (Pos Kota) –Ketua DPRD meminta warga tenang.") == "Ketua DPRD meminta warga tenang."
    assert mask_dateline("JAKARTA (Pos Kota) –Ketua DPRD meminta").strip() == "Ketua DPRD meminta"
    # a dash tight on both sides joins two words: no dateline
    assert not opens_with_dateline("Jakarta-based Gojek raised new funds from investors.")
    assert not opens_with_dateline("Jakarta–Bandung high-speed rail carried a million passengers.")


def test_headline_is_not_the_breadcrumb_above_it():
    page = "\n".join([
        "Kabarkota.com", "Home", "Nasional", "Daerah", "Home » Daerah » Infrastruktur",
        "Pemkot Siapkan Anggaran Perbaikan Jalan Rusak Usai Banjir",
        "Senin, 17 Juni 2024 10:00 WIB", "Penulis: Budi Santoso",
        "KABARKOTA.COM, BANDUNG - Pemerintah Kota Bandung menyiapkan anggaran perbaikan jalan rusak usai banjir.",
        *PARAS,
    ])
    zones, title = label_text(page)
    assert title == "Pemkot Siapkan Anggaran Perbaikan Jalan Rusak Usai Banjir"


def test_name_dense_lede_under_a_dateline_opens_the_body():
    lede = "BANDUNG - Dinas Bina Marga Kota Bandung (DBMPR) Jawa Barat mulai memperbaiki Jalan Soekarno-Hatta, Kamis (20/6/2024)."
    page = "\n".join(["Perbaikan Jalan Soekarno-Hatta Dimulai", "Kamis, 20 Juni 2024 09:00 WIB", lede, *PARAS])
    zones, _ = label_text(page)
    assert _body(zones)[0] == lede


def test_links_under_a_read_also_label_go_even_on_topic():
    page = "\n".join([
        "Perbaikan Jalan Rusak Dimulai Pekan Depan", "Kamis, 20 Juni 2024 09:00 WIB",
        *PARAS[:2], "Baca Juga:", "Warga Keluhkan Jalan Rusak Usai Banjir", "Anggaran Perbaikan Jalan Ditambah",
        *PARAS[2:],
    ])
    body = _body(label_text(page)[0])
    assert body == PARAS


def test_last_sentence_above_the_credits_stays():
    last = "Proyek Jalan Soekarno-Hatta Bandung senilai Rp12 miliar ditargetkan rampung Desember 2024."
    page = "\n".join(["Perbaikan Jalan Rusak Dimulai Pekan Depan", "Kamis, 20 Juni 2024 09:00 WIB",
                      *PARAS, last, "Pewarta: Budi Santoso", "Editor: Siti Aminah", "Berita Terkait"])
    assert _body(label_text(page)[0])[-1] == last


def test_headline_right_above_the_date_beats_an_earlier_teaser():
    page = "\n".join([
        "Kabarkota.com", "Jalan Rusak Bikin Warga Kesal",
        "Pemkot Siapkan Anggaran Perbaikan Jalan Rusak Usai Banjir",
        "Senin, 17 Juni 2024 10:00 WIB",
        "KABARKOTA.COM, BANDUNG - Pemerintah Kota Bandung menyiapkan anggaran perbaikan jalan rusak usai banjir.",
        *PARAS,
    ])
    assert label_text(page)[1] == "Pemkot Siapkan Anggaran Perbaikan Jalan Rusak Usai Banjir"


def test_bulleted_links_under_a_read_also_label_go():
    page = "\n".join([
        "Perbaikan Jalan Rusak Dimulai Pekan Depan", "Kamis, 20 Juni 2024 09:00 WIB",
        *PARAS[:2], "BACA JUGA:", "• Warga Keluhkan Jalan Rusak Usai Banjir", *PARAS[2:],
    ])
    assert _body(label_text(page)[0]) == PARAS
