"""Table-driven cases per attribution shape (Indonesian and English), and negatives.

Each case: text (paragraphs separated by a blank line), language, and the expected
sources as {name: kind}; optional checks on roles and quotes. The shapes are the grammar's:
they are read without the learned keep/drop decision (`rules_only`), which weighs a
candidate by what real articles say about it (`test_sources_decision.py`).
"""
from __future__ import annotations

import pytest

from kabar.enrich.sources import extract_sources
from kabar.record import Doc
from kabar.registry import get_registry


def run(text: str, lang: str = "id", rules_only: bool = False):
    doc = Doc(source_uri="t", source_format="text", content=text, content_type="text")
    doc.text, doc.language = text, lang
    return {s.name: s for s in extract_sources(doc, get_registry(), rules_only=rules_only)}


# (id, text, lang, {name: kind})
SHAPES = [
    # --- quote, then trailing verb ---
    ("trail-ucap", '"Kami siap menghadapi semua tantangan itu," ucap Peskov.', "id", {"Peskov": "person"}),
    ("trail-kata-role", '"Harga beras akan turun bulan depan," kata Budi Santoso, ekonom Universitas Indonesia.',
     "id", {"Budi Santoso": "person"}),
    ("trail-sebut-media", '"Latihan militer digelar di perbatasan barat," sebut KCNA.', "id", {"KCNA": "media"}),
    ("trail-ujar-title", '"Defisit anggaran tetap terjaga aman," ujar Menteri Keuangan Sri Mulyani.', "id",
     {"Sri Mulyani": "person"}),
    ("trail-tutur-appos", '"Kami terus memantau situasi di sana," tutur juru bicara Kementerian Luar Negeri, '
     'Lalu Muhammad Iqbal.', "id", {"Lalu Muhammad Iqbal": "person"}),
    ("trail-curly", "“Pemilu harus berjalan jujur dan adil,” tegas Hasyim Asy'ari.", "id", {"Hasyim Asy'ari": "person"}),
    ("trail-hyphen", '"Ini kemenangan besar bagi mereka," kata Leif-Eric Easley, profesor studi internasional.',
     "id", {"Leif-Eric Easley": "person"}),
    # --- leading verbs ---
    ("lead-mengatakan", "Kapolri Jenderal Listyo Sigit Prabowo mengatakan bahwa pengamanan sudah siap.", "id",
     {"Listyo Sigit Prabowo": "person"}),
    ("lead-menegaskan", "Menteri Luar Negeri Retno Marsudi menegaskan Indonesia menolak rencana itu.", "id",
     {"Retno Marsudi": "person"}),
    ("lead-menilai-appos", "Ekonom senior INDEF, Faisal Basri, menilai inflasi masih terkendali.", "id",
     {"Faisal Basri": "person"}),
    ("lead-mengungkapkan", "Presiden Joko Widodo mengungkapkan pembangunan jalan tol terus berlanjut.", "id",
     {"Joko Widodo": "person"}),
    ("lead-menyatakan-org", "KPK menyatakan penyidikan kasus itu masih berjalan.", "id", {"KPK": "organization"}),
    ("lead-kementerian", "Kementerian Kesehatan menyebut jumlah kasus menurun pekan ini.", "id",
     {"Kementerian Kesehatan": "organization"}),
    ("lead-kremlin", "Kremlin mengumumkan kunjungan itu akan berlangsung pekan depan.", "id",
     {"Kremlin": "organization"}),
    ("lead-intel", "Laporan intelijen Korea Selatan sebelumnya menyebut Pyongyang memasok peluru.", "id",
     {"intelijen Korea Selatan": "organization"}),
    ("lead-coord-states", "Washington dan Seoul juga mengklaim bahwa Rusia memberi bantuan teknis.", "id",
     {"Washington": "organization", "Seoul": "organization"}),
    ("lead-adverbial", "Pada wawancara dengan Bloomberg pekan lalu, Menteri Pertahanan Korea Selatan, Shin Won-sik "
     "mengatakan telah melacak 10.000 kontainer.", "id", {"Shin Won-sik": "person", "Bloomberg": "media"}),
    ("lead-pp-subject", "Juru bicara Kremlin, Dmitry Peskov, dalam pernyataan kepada kantor berita pemerintah "
     "RIA Novosti mengatakan kunjungan sedang disiapkan.", "id",
     {"Dmitry Peskov": "person", "RIA Novosti": "media"}),
    ("lead-bahwa-quote", 'Easley juga menjelaskan bahwa, "pertemuan ini penting secara politis bagi Pyongyang."',
     "id", {"Easley": "person"}),
    ("lead-media-subject", "Media Rusia melaporkan bahwa kedua pemimpin akan menandatangani perjanjian.", "id",
     {"Media Rusia": "media"}),
    ("lead-role-split", "Profesor Departemen Unifikasi dan Diplomasi Universitas Korea Nam Sung-wook menilai "
     "kerja sama militer akan sangat erat.", "id", {"Nam Sung-wook": "person"}),
    # --- menurut ---
    ("menurut-appos", "Menurut Direktur Eksekutif CORE, Mohammad Faisal, pertumbuhan ekonomi melambat.", "id",
     {"Mohammad Faisal": "person"}),
    ("menurut-plain", "Pertumbuhan ekonomi melambat, menurut Sri Mulyani.", "id", {"Sri Mulyani": "person"}),
    # --- media citations ---
    ("media-dilansir-dari", "Dilansir dari New York Times (18/6/2024), agenda pertemuan itu fokus ekonomi.", "id",
     {"New York Times": "media"}),
    ("media-seperti-dilansir", "Seperti dilansir AFP, Sabtu (25/5/2024), rencana itu diumumkan.", "id", {"AFP": "media"}),
    ("media-melansir-kb", "Melansir dari kantor berita Rusia TASS, kedatangan Putin disambut hangat.", "id",
     {"TASS": "media"}),
    ("media-diberitakan", "Diberitakan AP News (19/6/2024), kedua negara akan berdagang.", "id", {"AP News": "media"}),
    ("media-alias-ap", "Diberitakan AP, kedua negara akan berdagang.", "id", {"AP News": "media"}),
    ("media-dinukil", "Dinukil dari Reuters, harga minyak naik tajam.", "id", {"Reuters": "media"}),
    ("media-dikutip", "Pengamat yang dikutip BBC menilai hubungan akan membaik.", "id", {"BBC": "media"}),
    ("media-laporan-appos", "Laporan kantor berita Korut, Korean Central News Agency (KCNA), menyebut kemitraan "
     "itu kokoh.", "id", {"KCNA": "media"}),
    ("media-alias-dw", "Dilansir dari DW, kedua pemimpin ingin terlihat kuat.", "id", {"Deutsche Welle": "media"}),
    ("media-comma", "Dilansir, Deutsche Welle (DW), kedua pemimpin ingin terlihat kuat.", "id",
     {"Deutsche Welle": "media"}),
    ("media-unknown", "Dilansir dari Al Jazeera, serangan terjadi pada malam hari.", "id", {"Al Jazeera": "media"}),
    ("media-kantor-berita-cap", "Laporan dari Kantor Berita KCNA menyebut, kedua pemimpin sepakat.", "id",
     {"KCNA": "media"}),
    # --- channel of a statement ---
    ("channel-interfax", "Informasi itu disampaikan oleh penasihat kebijakan luar negeri Putin, Yuri Ushakov, "
     "kepada kantor berita Rusia Interfax.", "id", {"Yuri Ushakov": "person", "Interfax": "media"}),
    ("channel-person-not-media", "Andi mengatakan kepada Budi bahwa rapat ditunda.", "id", {"Andi": "person"}),
    # --- passive agent ---
    ("passive-kremlin", "Rencana kunjungan itu diumumkan Kremlin saat hubungan kedua negara makin dekat.", "id",
     {"Kremlin": "organization"}),
    # --- English ---
    ("en-said-name", '"We are ready for talks," said John Smith, a spokesman for the ministry.', "en",
     {"John Smith": "person"}),
    ("en-name-said", '"We are ready for talks," Smith said.', "en", {"Smith": "person"}),
    ("en-according", "According to Reuters, the talks collapsed on Friday.", "en", {"Reuters": "media"}),
    ("en-told", "The Kremlin told Reuters that the visit was being prepared.", "en",
     {"Kremlin": "organization", "Reuters": "media"}),
    ("en-lead", "Prime Minister Keir Starmer said the plan would go ahead.", "en", {"Keir Starmer": "person"}),
]

NEGATIVES = [
    ("neg-banner", "Sebuah spanduk terpasang bertuliskan, “Kami menyambut hangat kedatangan Presiden Federasi Rusia”.", "id"),
    ("neg-scare", "Tujuan kunjungan tersebut adalah kunjungan “persahabatan” kedua negara.", "id"),
    ("neg-no-cue", "Putin tiba di Pyongyang pada Rabu dini hari waktu setempat.", "id"),
    ("neg-menurut-laporan", "Menurut laporan, Korea Utara telah memberikan bantuan militer.", "id"),
    ("neg-generic-subject", "Para analis memperingatkan bahwa kesepakatan itu akan dirahasiakan.", "id"),
    ("neg-lowercase-subject", "Dilansir, pengamat menilai kunjungan itu penting.", "id"),
    ("neg-disebut", "Korea Utara disebut telah memberikan bantuan militer kepada Rusia.", "id"),
    ("neg-pronoun-first", '"Kami akan terus berjuang sampai akhir," imbuhnya.', "id"),
    ("neg-heading", "Bantuan militer Korea Utara ke Rusia", "id"),
    ("neg-en-officials", "Officials said the bridge would reopen next week.", "en"),
    ("neg-en-scare", 'The so-called "peace plan" was never published.', "en"),
]


@pytest.mark.parametrize("case_id,text,lang,expected", SHAPES, ids=[c[0] for c in SHAPES])
def test_shape(case_id, text, lang, expected):
    got = run(text, lang, rules_only=True)
    assert {n: s.kind for n, s in got.items()} == expected


@pytest.mark.parametrize("case_id,text,lang", NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_negative(case_id, text, lang):
    assert run(text, lang) == {}


def test_trailing_quote_attached():
    got = run('"Presiden Putin mendapatkan undangan aktif. Kunjungan sedang disiapkan," ucap Peskov.')
    assert got["Peskov"].quotes == ["Presiden Putin mendapatkan undangan aktif. Kunjungan sedang disiapkan"]
    assert got["Peskov"].cues == ["ucap"]


def test_names_inside_quotes_are_not_speakers():
    got = run('"Presiden Putin mengatakan kunjungan itu penting," kata Peskov.')
    assert set(got) == {"Peskov"}


def test_leading_quote_after_bahwa():
    got = run('Lebih lanjut, Easley mengatakan kepada DW bahwa, "Moskow akan terus menyangkal pelanggaran."')
    assert got["Easley"].quotes == ["Moskow akan terus menyangkal pelanggaran."]
    assert got["Deutsche Welle"].kind == "media"


@pytest.mark.parametrize("form", ["imbuhnya", "imbunya", "tambahnya", "ujarnya", "katanya", "jelasnya", "tuturnya"])
def test_pronoun_forms(form):
    got = run(f'"Satu dua tiga empat lima," kata Andi Wijaya.\n\n"Enam tujuh delapan sembilan," {form}.')
    assert list(got) == ["Andi Wijaya"]
    assert got["Andi Wijaya"].quotes == ["Satu dua tiga empat lima", "Enam tujuh delapan sembilan"]
    assert got["Andi Wijaya"].cues == ["kata", form]


def test_pronoun_carries_last_speaker_across_paragraphs():
    text = ('"Kami siap berunding kapan saja," kata Andi Wijaya.\n\n'
            'Harga cabai naik di banyak pasar.\n\n'
            '"Tetapi syaratnya jelas dan tegas," ujar Budi Santoso.\n\n'
            '"Tidak ada kompromi untuk itu," tambahnya.')
    got = run(text)
    assert got["Andi Wijaya"].quotes == ["Kami siap berunding kapan saja"]
    assert got["Budi Santoso"].quotes == ["Tetapi syaratnya jelas dan tegas", "Tidak ada kompromi untuk itu"]


def test_media_citation_does_not_become_pronoun_antecedent():
    text = '"Kami siap," kata Andi Wijaya.\n\nDilansir dari Reuters, harga naik.\n\n"Itu saja," ujarnya.'
    got = run(text)
    assert got["Andi Wijaya"].quotes == ["Kami siap", "Itu saja"]
    assert got["Reuters"].quotes == []


def test_en_pronoun_said():
    got = run('"We will not back down," said Jane Doe.\n\n"Never," she said.', "en")
    assert got["Jane Doe"].quotes == ["We will not back down", "Never"]


def test_other_language_gets_nothing():
    assert run("Der Sprecher sagte, die Gespräche seien gescheitert.", "de") == {}


def test_english_paragraphs_without_a_cue_are_skipped_and_cues_still_found():
    """Without the recogniser (English), a paragraph with no quote and no cue is not parsed;
    a cue of several words needs all of them, a channel word also a medium's name."""
    from kabar.enrich.sources.resolution import _grammar
    g = _grammar("en", get_registry())
    assert not g._may_attribute("The weather was fine in Jakarta and the market went up to a high.")
    assert not g._may_attribute("She spoke with her brother in the garden.")  # a channel word, no medium
    assert g._may_attribute("The minister spoke to Reuters on Monday.")
    assert g._may_attribute("According to Jane Doe, the plan failed.")
    text = "\n\n".join(["The weather was fine.", "Prices rose, according to Jane Doe, an analyst.",
                        "The minister spoke to Reuters on Monday about the plan.", "Nothing else happened."])
    found = run(text, "en")
    assert found["Jane Doe"].kind == "person" and found["Reuters"].kind == "media"
