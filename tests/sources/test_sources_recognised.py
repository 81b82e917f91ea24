"""Indonesian sources whose names come from the trained recogniser (kabar/ner): common
words, roles and places are no sources; glued cues, asides and anaphors still attribute."""
from __future__ import annotations

from kabar.enrich.sources import extract_sources
from kabar.record import Doc
from kabar.registry import get_registry


def run(text: str, rules_only: bool = False) -> dict:
    """`rules_only`: the grammar's sources without the learned keep/drop decision (a
    one-line article says little about a name; the decision is tested apart)."""
    doc = Doc(source_uri="t", source_format="text", content=text, content_type="text")
    doc.text, doc.language = text, "id"
    return {s.name: s for s in extract_sources(doc, get_registry(), rules_only=rules_only)}


def test_sentence_initial_common_word_is_no_person():
    got = run("Dihubungi terpisah, Menteri Perhubungan Ignasius Jonan mengatakan tarif akan turun.")
    assert list(got) == ["Ignasius Jonan"]
    assert got["Ignasius Jonan"].role == "Menteri Perhubungan"


def test_rank_and_unit_go_to_role():
    got = run("Kapolsek Sukajadi AKP Heri Susanto mengatakan pelaku sudah ditangkap di Bandung.")
    assert list(got) == ["Heri Susanto"]
    assert got["Heri Susanto"].role == "Kapolsek Sukajadi AKP"


def test_role_without_a_name_is_no_person():
    assert run("Kajati Jateng mengatakan berkas perkara itu sudah lengkap.") == {}


def test_cue_glued_to_the_medium_is_split():
    got = run("Harga emas naik dua persen, seperti dilansirdetikFinance, Senin (1/12/2025).\n\n"
              "Hal itu juga dilansirAntara pada hari yang sama.")
    assert {n: s.kind for n, s in got.items()} == {"detikNews": "media", "Antara": "media"}
    assert got["detikNews"].cues == ["dilansir"]


def test_aside_between_name_and_verb():
    got = run("Kepala Bidang Humas Polda Metro Jaya Komisaris Besar Endra Zulpan, saat ditemui di "
              "Jakarta, hari ini, mengatakan pelaku sudah ditahan.")
    assert list(got) == ["Endra Zulpan"]
    assert got["Endra Zulpan"].role.startswith("Kepala Bidang Humas")


def test_description_with_demonstrative_points_back_to_the_speaker():
    got = run("Ketua Komisi III DPR Bambang Soesatyo mengatakan rapat digelar besok.\n\n"
              "Politisi Golkar ini menyampaikan bahwa semua fraksi akan hadir.")
    assert list(got) == ["Bambang Soesatyo"]
    assert got["Bambang Soesatyo"].cues == ["mengatakan", "menyampaikan"]


def test_pronoun_cue_never_goes_to_an_unrecognised_word():
    got = run("Penataan kawasan itu dimulai pekan depan. Pengendalian banjir juga berjalan.\n\n"
              '"Kami bekerja keras untuk warga," ujarnya.')
    assert got == {}


def test_pronoun_right_before_the_verb_is_the_subject():
    got = run('Menteri Keuangan Sri Mulyani mengatakan defisit terkendali. "Kami waspada," ujarnya.\n\n'
              "Pada acara yang didampingi stafnya Wahyu Utomo, ia menjelaskan rencana anggaran.")
    assert list(got) == ["Sri Mulyani"]


def test_channel_needs_a_named_medium():
    got = run('"Kami tidak mengira akan melihat hewan liar," ujar Philip Calder kepada media Australia.')
    assert {n: s.kind for n, s in got.items()} == {"Philip Calder": "person"}


def test_person_closing_a_body_chunk_is_the_speaker():
    got = run("Jaksa KPK Rahmat Irwan mengatakan terdakwa terbukti bersalah.")
    assert {n: (s.kind, s.role) for n, s in got.items()} == {"Rahmat Irwan": ("person", "Jaksa KPK")}


def test_nickname_cue_ties_two_names_into_one_source():
    got = run("Pelatih Persib Djadjang Nurdjaman mengatakan timnya siap.\n\n"
              '"Kami akan mencari gelandang serang," ujar Djanur, sapaan Djadjang.')
    assert list(got) == ["Djadjang Nurdjaman"]
    assert got["Djadjang Nurdjaman"].cues == ["mengatakan", "ujar"]


def test_misspelt_short_form_is_the_same_person():
    got = run("Pelatih Thailand Kiatisuk Senamuang mengaku puas dengan hasil itu.\n\n"
              '"Kami bermain baik sepanjang laga," kata Kaitisuk.', rules_only=True)
    assert list(got) == ["Kiatisuk Senamuang"]
    assert got["Kiatisuk Senamuang"].cues == ["mengaku", "kata"]


def test_misspelt_short_form_used_more_often_than_the_full_name():
    got = run("Pelatih Thailand Kiatisuk Senamuang mengaku puas dengan hasil itu.\n\n"
              '"Kami bermain baik sepanjang laga," kata Kaitisuk.\n\n'
              '"Kami akan berlatih lagi besok," ujar Kaitisuk.')
    assert list(got) == ["Kiatisuk Senamuang"]
    assert got["Kiatisuk Senamuang"].cues == ["mengaku", "kata", "ujar"]


def test_an_office_running_over_dan_keeps_its_portfolio_out_of_the_name():
    got = run("Menteri Tenaga Kerja dan Transmigrasi Muhaimin Iskandar mengatakan program itu berjalan.")
    assert {n: s.role for n, s in got.items()} == {"Muhaimin Iskandar": "Menteri Tenaga Kerja dan Transmigrasi"}
    got = run("Presiden Joko Widodo dan Susilo Bambang Yudhoyono mengatakan program itu berjalan.")
    assert "Susilo Bambang Yudhoyono" in got  # a name after "dan" the recogniser opens itself stays whole


def test_person_right_before_the_verb_beats_a_place_earlier_in_the_clause():
    got = run("Menyinggung kelemahan lini belakang Indonesia pada babak pertama, pelatih Alfred Riedl "
              "mengakui timnya harus berbenah.")
    assert {n: s.kind for n, s in got.items()} == {"Alfred Riedl": "person"}


def test_own_outlet_named_without_its_domain_is_no_source():
    text = "Pantauan Suara.com di lokasi, antrean kendaraan mengular hingga dua kilometer."
    doc = Doc(source_uri="t", source_format="text", content=text, content_type="text")
    doc.text, doc.language = text, "id"
    assert extract_sources(doc, get_registry(), "id", "Suara.com") == []
    assert [s.name for s in extract_sources(doc, get_registry(), "id", "Kompas.com")] == ["Suara"]


def test_web_address_after_a_media_cue_is_a_medium():
    got = run("Dilansir dari healthsite.co.in, teh hijau baik diminum pagi hari. "
              "Harga naik 2.5 persen pada pekan itu.")
    assert {n: s.kind for n, s in got.items()} == {"healthsite.co.in": "media"}


def test_recognised_organisation_spans_lower_case_words():
    got = run("Gempa itu memicu tsunami di pantai timur.\n\n"
              "Kementerian pertahanan sipil Selandia Baru mengatakan semua warganya harus pergi.")
    assert {n: s.kind for n, s in got.items()} == {"Kementerian pertahanan sipil Selandia Baru": "organization"}


def test_unseen_word_the_article_repeats_is_a_name_after_a_cue():
    got = run("Sinopsis film itu baru saja dirilis oleh Zorvexa pekan ini.\n\n"
              '"Semua tokoh menjalani petualangan baru di galaksi," tutur Zorvexa.')
    assert list(got) == ["Zorvexa"]


def test_connector_words_keep_a_body_name_whole():
    got = run("Menurut Centers for Disease Control and Prevention, stroke menjadi penyebab utama kelumpuhan.")
    assert {n: s.kind for n, s in got.items()} == {"Centers for Disease Control and Prevention": "organization"}


def test_short_form_without_middle_name_is_the_full_name():
    got = run("Gubernur Jakarta Anies Rasyid Baswedan mengatakan tanggul sudah diperbaiki.\n\n"
              '"Kami siaga," ujar Anies Baswedan di Balai Kota.')
    assert list(got) == ["Anies Rasyid Baswedan"]


def test_company_word_used_alone_is_cut_off_the_person():
    got = run("Wavecell saat ini memperkuat kehadirannya di Indonesia. Wavecell juga menawarkan layanan video.\n\n"
              "CEO Wavecell Olivier Gerhardt mengatakan, “Kami siap untuk terus tumbuh.”")
    assert "Olivier Gerhardt" in got and not any("Wavecell" in n for n in got)


def test_office_over_dan_then_comma_and_rank_name():
    got = run("“Belum diperiksa,” kata Kasubdit Pembinaan dan Penegakan Hukum Polda Metro Jaya, "
              "AKBP Budiyanto kepada wartawan.")
    assert list(got) == ["Budiyanto"]


def test_office_over_dan_closed_by_the_person():
    got = run('"Tarif harus nol," ujar Direktur Jenderal Penguatan Daya Saing Produk Kelautan dan '
              "Perikanan KKP Nilanto Perbowo di Jakarta.")
    assert list(got) == ["Nilanto Perbowo"]


def test_unit_then_comma_then_person_is_apposition():
    got = run("Kanit Turjawali Satlantas Polres Brebes, Iptu Suroto, mengatakan volume kendaraan meningkat.")
    assert list(got) == ["Suroto"]


def test_pronoun_goes_to_the_person_the_text_was_about():
    got = run("Ketua Umum Kadin, Rosan Roeslani, menyayangkan keadaan itu.\n\n"
              '"Kita negara kepulauan," tuturnya di Jakarta.')
    assert list(got) == ["Rosan Roeslani"] and got["Rosan Roeslani"].cues == ["tuturnya"]


def test_media_cue_before_a_comma_names_no_medium():
    got = run("Sebelumnya diberitakan, mobil Honda Jazz yang dikemudikan Vanesha menabrak truk.")
    assert got == {}
    assert list(run("Dilansir, Deutsche Welle (DW), kedua pemimpin ingin terlihat kuat.")) == ["Deutsche Welle"]


def test_outlet_that_quotes_another_medium():
    got = run('"Pertandingan besok pasti seru," kata Marcus yang dikutip JUARA dari Badminton Indonesia, Jumat.')
    assert got["Badminton Indonesia"].kind == "media" and "JUARA" not in got


def test_media_head_must_stand_right_before_the_name():
    got = run("Polisi memantau media sosial terkait dengan Pilgub DKI Jakarta.")
    assert got == {}


def test_body_name_over_dan_with_its_short_form():
    got = run("Kementerian Kelautan dan Perikanan (KKP) meminta tarif bea masuk dibebaskan.")
    assert list(got) == ["Kementerian Kelautan dan Perikanan"]


def test_unknown_word_after_a_quote_verb_is_a_speaker_but_not_an_office():
    assert list(run('"Kami bermain baik," kata Kaitisuk.', rules_only=True)) == ["Kaitisuk"]
    assert run('"Kami bermain baik," kata Menaker.', rules_only=True) == {}


def test_name_after_an_office_the_recogniser_ran_into():
    got = run("Menurut Kepala Dinas Kesehatan DKI Widyastuti, kasus DBD meningkat.")
    assert got["Widyastuti"].kind == "person" and got["Widyastuti"].role == "Kepala Dinas Kesehatan DKI"


def test_subject_asked_to_speak_is_no_source():
    got = run("Selain masyarakat, Panwaslu DKI Jakarta juga diminta berperan aktif melaporkan kampanye hitam.")
    assert got == {}


def test_curly_quote_closed_by_a_straight_one():
    got = run('“Saya sangat antusias untuk datang," ujar Lee Min Ho kepada wartawan.')
    assert list(got) == ["Lee Min Ho"]


def test_clipped_first_name_is_the_same_person():
    got = run("Calon wakil gubernur Sandiaga Uno mengingatkan warga soal banjir.\n\n"
              "Menurut Sandi, warga harus waspada. Sandi juga meminta tanggul diperbaiki.")
    assert list(got) == ["Sandiaga Uno"]


def test_name_owning_the_noun_before_it_is_no_speaker():
    assert run('"Klien kami kooperatif," kata kuasa hukum Setya Novanto di Jakarta.') == {}
    assert run("Para pegawai KPK berharap Antasari tetap berjuang.") == {}
    got = run("Kuasa hukum Setya Novanto, Fredrich Yunadi, mengatakan kliennya sakit.")
    assert list(got) == ["Fredrich Yunadi"]


def test_body_the_article_names_apart_is_cut_but_a_first_name_stays():
    got = run("Hasil survei Charta Politika menunjukkan elektabilitas naik.\n\n"
              "Direktur Eksekutif Charta Politika Hanta Yuda Rasyid menilai hasil survei itu wajar.\n\n"
              '"Itu biasa," kata Yuda.')
    assert list(got) == ["Hanta Yuda Rasyid"]
    assert "Charta Politika" in got["Hanta Yuda Rasyid"].role
