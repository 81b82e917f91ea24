"""Article lines on the far side of furniture stay body: a one-sentence lede under the header
data with a teaser below it, a list split by another story's teaser, a paragraph right under
a read-also link that names no one the paragraph above names."""
from kabar.clean.text import label_text
from kabar.record import BODY, DROPPED

BODY_PARAS = [
    "JAKARTA - Persatuan Bulu Tangkis Seluruh Indonesia resmi menggandeng sponsor baru untuk turnamen di Istora Senayan tahun depan.",
    "Kerja sama itu diteken setelah pengurus dan sponsor menandatangani nota kesepahaman di kantor federasi pada Senin pagi.",
    "\"Kami berterima kasih kepada sponsor yang bergabung, semoga kemitraan ini terus berjalan dengan baik,\" kata ketua umum federasi.",
    "Turnamen bulu tangkis itu dijadwalkan berlangsung pada akhir Januari dan akan diikuti pemain terbaik dari berbagai negara.",
    "Adapun pergeseran level turnamen membuat kejuaraan tersebut kini setara dengan turnamen super series yang digelar federasi dunia.",
    "Sementara itu, turnamen bulu tangkis lain di Tanah Air tetap digelar dengan level yang sama seperti pada tahun sebelumnya.",
    "Federasi juga berharap para atlet muda bisa memanfaatkan turnamen di kandang sendiri untuk mengumpulkan poin peringkat dunia.",
]
TEASER_HEAD = "Pembalap Muda Gagal Dulang Poin di Sirkuit Monako"
TEASER = ("Tim balap itu belum dinaungi keberuntungan pada balapan kedua Formula Dua di sirkuit jalanan Monako, "
          "mobil mereka mogok setelah tabrakan di tikungan pertama sehingga harus keluar dari lintasan lebih awal.")
FOOTER = ["Berita Lainnya", "Tentang Kami", "Kontak", "Copyright 2017 Contoh"]


def _zones(page):
    zones, _ = label_text(page)
    return {z.text: z for z in zones}


def test_list_split_by_a_teaser_stays_body():
    rows = ["Level 1: Super Series Final", "Level 2: Premier of Premier", "Level 3: Super Series Premier",
            "Level 4: Super Series", "Level 5: Grand Prix Gold"]
    page = "\n".join(["Contoh.com", "Olahraga", "Federasi Gandeng Sponsor Baru untuk Turnamen", "Senin, 2 Oktober 2017 | 06:20 WIB",
                      *BODY_PARAS, "Berikut keterangan level untuk turnamen tersebut.", *rows[:2], TEASER_HEAD, TEASER,
                      *rows[2:], *FOOTER])
    z = _zones(page)
    assert all(z[r].zone == BODY for r in rows), [(r, z[r].reason) for r in rows]
    assert z[TEASER].zone == DROPPED and z[TEASER_HEAD].zone == DROPPED


def test_paragraph_past_a_read_also_link_goes_on_with_the_article():
    last = ("Malam penutupan yang disiarkan langsung itu juga dimeriahkan oleh sederet penyanyi ternama "
            "seperti Raisa Andriana, Afgan Syahreza, Isyana Sarasvati dan Tulus.")
    page = "\n".join(["Contoh.com", "Olahraga", "Federasi Gandeng Sponsor Baru untuk Turnamen", "Senin, 2 Oktober 2017 | 06:20 WIB",
                      *BODY_PARAS, "Tonton juga video: Gempa Guncang Kepulauan Talaud", last,
                      "Tonton juga video: Selamat Lahir Kembali Super Mario", *FOOTER])
    z = _zones(page)
    assert z[last].zone == BODY, z[last].reason


def test_one_sentence_lede_under_the_header_is_the_article():
    lede = "JAKARTA (Contoh) – Ketua Dewan Perwakilan Rakyat Setya Novanto sudah sehat."
    page = "\n".join(["CONTOH", "Jakarta", "Nasional", "Ekonomi", "Home » Berita",
                      "Ngaku Masih Pemulihan Novanto Janji Datang ke KPK", "Oleh: Fitri Handayani",
                      "Senin, 16 Oktober 2017 — 23:38 WIB", lede, "(pdy/syb)", "BERITA TERKAIT",
                      "Paloschi Gagalkan Kemenangan Inter Milan", "Taiwan Tetapkan Larangan Konsumsi Daging",
                      "Jawaban Bijak Artis soal Momongan", TEASER, "Redaksi", "Kontak Kami"])
    zones, title = label_text(page)
    z = {x.text: x for x in zones}
    assert z[lede].zone == BODY
    assert z[TEASER].zone == DROPPED
    assert title == "Ngaku Masih Pemulihan Novanto Janji Datang ke KPK"


PAGE_HEAD = ["Contoh.com", "Olahraga", "Federasi Gandeng Sponsor Baru untuk Turnamen", "Senin, 2 Oktober 2017 | 06:20 WIB"]


def test_closing_sentence_past_a_read_also_link():
    closing = "Laga final akan digelar pada Minggu (28/1/2018)."
    page = "\n".join([*PAGE_HEAD, *BODY_PARAS, "Baca Juga: Jadwal Pemain Indonesia pada Hari Kedua", closing, "Tag", *FOOTER])
    assert _zones(page)[closing].zone == BODY


def test_numbered_section_after_a_caption_goes_on_with_the_list():
    sections = [("1. Perut Kembung", "Makanan dengan kandungan protein yang sangat tinggi cenderung menyebabkan gangguan pencernaan pada perut kita."),
                ("2. Merasa Mual", "Tak hanya kembung saja, konsumsi protein yang terlalu banyak juga bisa menyebabkan perut kita merasa mual."),
                ("3. Merasa Lelah", "Jika kamu memperbanyak konsumsi protein dan mengurangi karbohidrat, tubuh kehilangan sumber energi utamanya.")]
    page = "\n".join(["Contoh.com", "Kesehatan", "Batasi Konsumsi Protein agar Tak Alami Gangguan", "Senin, 2 Oktober 2017 | 06:20 WIB",
                      "Ilustrasi. Foto: Contoh/Budi", *BODY_PARAS[1:4], *sections[0], *sections[1], "Ilustrasi. Foto: Contoh/Budi", *sections[2],
                      "Tonton juga video: Melihat Burung Langka di Pameran", "Baca Lainnya", *FOOTER])
    z = _zones(page)
    assert z[sections[2][0]].zone == BODY and z[sections[2][1]].zone == BODY


def test_last_block_pointing_back_to_the_article_is_no_tail_block():
    last = "Ia kemudian melabuhkan hatinya kepada seorang pengusaha asal Surabaya pada akhir 2015 silam."
    page = "\n".join([*PAGE_HEAD, *BODY_PARAS, "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", last, "Baca Lainnya", *FOOTER])
    assert _zones(page)[last].zone == BODY


def test_lineup_under_a_short_heading_past_furniture_is_body():
    rows = ["Persipura JayapuraPelatih: Wanderley Junior",
            "Cadangan: 27 Dede Sulaiman, 28 Andri Ibo, 32 Muhammad Tahir, 44 Yohanis Tjoe, 6 Elisa Yahya Basna"]
    page = "\n".join([*PAGE_HEAD, *BODY_PARAS, "VIDEO: Pemain Baru Bergabung dengan Klub Ibu Kota", "Susunan Pemain",
                      "ADVERTISEMENT", *rows, "Topik", *FOOTER])
    z = _zones(page)
    assert z["Susunan Pemain"].zone == BODY and all(z[r].zone == BODY for r in rows), [(r, z[r].reason) for r in rows]


def test_headline_under_a_read_also_label_on_its_line_is_no_data_row():
    links = ["Baca: Pembalap Muda Gagal Dulang Poin di Sirkuit Monako",
             "Pilihan Editor: Federasi Dunia Umumkan Kalender Turnamen Musim Depan"]
    page = "\n".join([*PAGE_HEAD, *BODY_PARAS[:3], links[0], *BODY_PARAS[3:5], links[1], *BODY_PARAS[5:], *FOOTER])
    z = _zones(page)
    assert all(z[l].zone == DROPPED for l in links), [(l, z[l].zone, z[l].reason) for l in links]
    assert all(z[p].zone == BODY for p in BODY_PARAS)
