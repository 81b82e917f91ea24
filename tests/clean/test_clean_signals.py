"""The text classifier's signals, one by one."""
from kabar.clean import signals as sig
from kabar.clean.lines import BAD, GOOD, SHORT, read_lines
from kabar.clean.phrases import phrase_hit
from kabar.enrich.dateline import is_dateline_only, opens_with_dateline


def test_stopword_share_separates_prose_from_headlines():
    prose = sig.words("Kunjungan ini dilakukan sembilan bulan setelah Putin menerima kunjungan dari pemimpin itu.")
    headline = sig.words("Iran Bersiap Serang Balik Israel, Kata Penasihat Senior Ali Khamenei")
    assert sig.stop_share(prose) > 0.2
    assert sig.stop_share(headline) < 0.15


def test_sentence_end_and_title_case():
    assert sig.ends_sentence('"Kami akan mengumumkan tanggal kunjungan," imbuhnya.')
    assert not sig.ends_sentence("Tujuan Pertemuan")
    assert sig.title_case_share(sig.words("Siaga Perang Ukraina, Tentara Korut Nyamar Jadi Warga Rusia")) == 1.0
    assert sig.title_case_share(sig.words("Bantuan militer Korea Utara ke Rusia")) < 0.9


def test_caption_credit_and_dateline_shapes():
    assert sig.is_caption("Kim Jong Un Berbincang Dengan Vladimir Putin (Doc: TASS)", 8)
    assert sig.is_caption("  • VIVA.co.id/Natania Longdong", 4)
    assert not sig.is_caption("Presiden Rusia tiba di Pyongyang (Korea Utara) pada Rabu dini hari.", 11)
    assert is_dateline_only("Moskow -")
    assert not is_dateline_only("Pyongyang  – Presiden Rusia Vladimir Putin tiba")


def test_date_byline_editor_lines():
    assert sig.is_date_line("Sabtu, 25 Mei 2024 17:12 WIB", 6)
    assert sig.is_date_line("Kompas.com - 19/06/2024, 15:00 WIB", 8)
    assert sig.meta_label("Novi Christiastuti - detikNews") == "byline"
    assert sig.meta_label("Tim Redaksi") == "byline"
    assert sig.meta_label("(aik/aik)") == "editor"
    assert sig.meta_label("by -122 Views") is None  # no name: not a byline


def test_phrases_come_from_data_files():
    assert phrase_hit("Baca juga: Kim Jong Un Rilis Lagu") == "phrase:id"
    assert phrase_hit("SCROLL TO CONTINUE WITH CONTENT") == "phrase:en"
    assert phrase_hit("Halaman 2 dari 2") == "phrase:id"
    assert phrase_hit("Para pembaca diminta baca juga laporan lengkapnya.") is None


def test_line_classes_and_repeats():
    page = "\n".join([
        "Kanal Berita",
        "Presiden Rusia Vladimir Putin akan mengunjungi Korea Utara untuk bertemu dengan Kim Jong Un pada Selasa.",
        "Tren",
        "Jadwal Timnas U23 Indonesia Vs Korea Selatan",
        "Jadwal Timnas U23 Indonesia Vs Korea Selatan",
        "ADVERTISEMENT",
    ])
    lines = read_lines(page)
    assert [l.cls for l in lines][:3] == [SHORT, GOOD, BAD]
    assert lines[3].reason == lines[4].reason == "duplicate"
    assert lines[5].cls == BAD and lines[5].reason.startswith("phrase")


def test_lede_dateline_call_to_action_and_tail_signals():
    assert opens_with_dateline("TRIBUNJOGJA.COM, BANTUL - Ratusan warga bergotong royong")
    assert opens_with_dateline("Liputan6.com, Jakarta - Harga beras premium turun")
    assert opens_with_dateline("WASHINGTON (Reuters) - The Senate voted on Tuesday")
    assert not opens_with_dateline("Harga beras premium turun - kata pedagang")
    assert sig.is_call_to_action("Ikuti kumparanBOLA untuk update terbaru seputar sepak bola")
    assert sig.is_call_to_action("Sign up for our newsletter to get the best stories")
    assert not sig.is_call_to_action("Pemerintah mengikuti rekomendasi para ahli.")


def test_ends_sentence_matches_its_regex_definition():
    for text in ["", "a.", 'a.")', 'a"', "a)", "x:", "x…”", "Judul Berita", "kata dia. "]:
        assert sig.ends_sentence(text) == bool(sig._TERMINAL.search(text.rstrip()))
