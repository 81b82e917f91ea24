"""More of the article as segments (see test_clean_segments.py): prose on both sides of
in-article furniture stays body. A last paragraph past a photo caption, the article going
on past another story's teaser (the teaser goes), a caption with its credit after a label,
dialogue closing the article, a lede under the date line, a one-sentence article, scores
under a closing sentence. Hand-written pages (no dataset text)."""
from kabar.clean import signals as sig
from kabar.clean.text import label_text
from kabar.record import BODY

HEAD = ["Kabar Kota", "Beranda", "Metro", "Banjir Rendam Tiga Kelurahan di Jakarta Timur", "Oleh Rina Wulandari",
        "Senin, 9 Oktober 2017 20:00 WIB"]
STORY = [
    "JAKARTA - Banjir merendam tiga kelurahan di Jakarta Timur sejak Senin pagi setelah hujan deras mengguyur kawasan itu semalaman.",
    "Ketinggian air di permukiman warga mencapai satu meter, sehingga sebagian warga memilih mengungsi ke masjid dan balai warga terdekat.",
    "Petugas pemadam kebakaran dan relawan mengerahkan perahu karet untuk mengevakuasi warga lanjut usia dan anak-anak dari rumah mereka.",
    "Kepala suku dinas setempat mengatakan pompa air sudah dinyalakan sejak dini hari, tetapi debit air dari hulu sungai masih terus naik.",
    "Sejumlah ruas jalan utama ikut tergenang, sehingga arus lalu lintas dari arah Bekasi menuju pusat kota tersendat hingga siang.",
    "Pengelola angkutan umum mengalihkan rute bus ke jalan yang lebih tinggi dan meminta penumpang bersabar karena perjalanan lebih lama.",
    "Dinas sosial membuka dapur umum di dua titik pengungsian dan membagikan selimut, makanan siap saji, serta air bersih kepada warga.",
    "Menurut dia, genangan diperkirakan surut pada malam hari apabila hujan tidak kembali turun di wilayah Bogor dan sekitarnya.",
]
FOOT = ["Tags", "Banjir", "Jakarta Timur", "Berita Terkait", "Harga Cabai Naik Menjelang Akhir Tahun", "© 2017 Kabar Kota"]
LAST = "Bagaimana, apakah Anda punya pengalaman serupa? Ceritakan kisahnya kepada kami lewat kolom yang tersedia di bawah."
TEASER = ["Pameran Lukisan Anak Digelar di Taman Ismail Marzuki",
          "Ratusan lukisan karya pelukis cilik dipamerkan di Taman Ismail Marzuki, diiringi pertunjukan musik keroncong serta tari tradisional."]


def _body(page: list[str]) -> list[str]:
    zones, _ = label_text("\n\n".join(page))
    return [z.text for z in zones if z.zone == BODY]


def test_the_last_paragraph_past_a_photo_caption_is_body():
    caption = "Perahu karet di kawasan banjir. (ANTARA FOTO/Rina Wulandari)"
    body = _body(HEAD + STORY[:3] + [caption] + STORY[3:] + [caption, LAST] + FOOT)
    assert body == STORY + [LAST]


def test_the_article_goes_on_past_another_storys_teaser():
    body = _body(HEAD + STORY + TEASER + [LAST] + FOOT)
    assert body == STORY + [LAST]


def test_a_caption_with_its_credit_after_a_label():
    assert sig.is_caption("Ilustrasi. Foto: Rina Wulandari/kabarkota", 5)
    assert sig.is_caption("Foto: Rina Wulandari", 3)
    assert not sig.is_caption("Hasilnya: Persib menang.", 3)
    assert not sig.is_caption("Ia berkata kepada wartawan: Semua warga sudah aman.", 8)


def test_lines_of_dialogue_past_an_ad_slot_close_the_article_above_its_credits():
    dialogue = ['"Tidak pernah," jawab Setnov.', "ADVERTISEMENT",
                '"Jadi kapan Anda bertemu dengan dia di hotel itu?" tanya hakim.']
    body = _body(HEAD + STORY + dialogue + ["Pewarta: Rina Wulandari", "Editor: Dewi Anggraini"] + FOOT)
    assert body == STORY + [dialogue[0], dialogue[2]]


def test_a_lede_right_under_the_date_line_is_body_whatever_its_words():
    lede = "Pertandingan final turnamen bulu tangkis antarklub berakhir dramatis setelah tiga gim penuh ketegangan."
    body = _body(HEAD[:3] + ["Oleh Rina Wulandari", "Senin, 9 Oktober 2017 20:00 WIB", lede, "Iklan"] + STORY[1:] + FOOT)
    assert body[0] == lede


def test_a_one_sentence_article_dense_with_names_is_kept():
    lede = ("BEKASI (Kabar Kota) Pasar Rawakalong di RT 03/021 Desa Setiamekar Kecamatan Tambun Selatan, Bekasi, "
            "Jawa Barat ludes terbakar.")
    assert _body(HEAD + [lede, "(rwu/dea)"] + FOOT) == [lede]


def test_rows_of_scores_under_a_closing_sentence_past_a_read_also_link_are_body():
    rows = ["Persib Bandung 2-1 Arema FC", "Persija Jakarta 0-0 Bali United", "PSM Makassar 3-2 Madura United"]
    page = HEAD + STORY + ["Baca Juga: Harga Cabai Naik Menjelang Akhir Tahun",
                           "Berikut hasil lengkap pertandingan hari ini."] + rows + FOOT
    assert _body(page) == STORY + ["Berikut hasil lengkap pertandingan hari ini."] + rows
