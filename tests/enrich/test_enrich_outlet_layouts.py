"""Outlet, byline, date and language shapes of 2024-style Indonesian (and Malaysian) pages:
signature ties, mastheads and copyright lines, bylines around dates and after the body,
"@" between date and time, the Malay discriminator's ambiguous words, and the sources
extractor's phantom names (tests/enrich/data/outlet_dumps holds whole pages)."""
from datetime import datetime

import pytest

from kabar.enrich import EnrichStep
from kabar.enrich.dates import parse_stamp
from kabar.enrich.language import malay_or_indonesian
from kabar.enrich.settings import settings
from kabar.enrich.sources import extract_sources
from kabar.record import BODY, DROPPED, META, TITLE, Doc, ZoneLine
from kabar.registry import get_registry

LEAD = "Dinas Perhubungan Kota Makassar mulai menguji coba pembayaran nontunai pada angkutan kota hari ini."


def doc_of(lines, url=None):
    zones = [ZoneLine(i, t, z, r) for i, (z, r, t) in enumerate(lines)]
    d = Doc(source_uri="t", source_format="text", content="\n".join(t for _, _, t in lines),
            content_type="text", url=url)
    d.zones = zones
    d.title = next((t for z, _, t in lines if z == TITLE), None)
    d.text = "\n\n".join(t for z, _, t in lines if z == BODY)
    EnrichStep().process(d)
    return d


# --- outlet -----------------------------------------------------------------------------
@pytest.mark.parametrize("text,name", [
    ("TRIBUN-TIMUR.COM, MAKASSAR - Dinas", "Tribun Timur"),  # ties with the network's TRIBUN-?[A-Z]+.COM
    ("TRIBUN-BALI.COM, DENPASAR - Dinas", "Tribun Bali"),
    ("TRIBUN-MEDAN.COM, MEDAN - Dinas", "Tribun Medan"),
    ("TRIBUN-PAPUA.COM, JAYAPURA - Dinas", "Tribunnews.com"),  # no regional entry: the network
    ("TRIBUNNEWS.COM, JAKARTA - Dinas", "Tribunnews.com"),
    ("Okezone.com, Jakarta - Polisi", "Okezone"),
    ("SINDOnews.com, Semarang - TNI", "SINDOnews"),
    ("kumparanNEWS", "kumparan"),
])
def test_signature_ties_go_to_the_more_specific_outlet(text, name):
    assert get_registry().by_signature(text).name == name


@pytest.mark.parametrize("first,name", [
    ("Okezone", "Okezone"), ("SINDOnews.com", "SINDOnews"), ("kumparan", "kumparan"),
    ("Katadata.co.id", "Katadata"), ("The Jakarta Post", "The Jakarta Post"), ("Berita Harian", "Berita Harian"),
])
def test_masthead_line_names_the_outlet(first, name):
    d = doc_of([(DROPPED, "nav", first), (DROPPED, "nav", "Berita"), (TITLE, "", "Judul berita"),
                (BODY, "", "JAKARTA - " + LEAD)])
    assert d.outlet == name


@pytest.mark.parametrize("foot,name", [
    ("Copyright © 2024 Okezone.com, All Rights Reserved", "Okezone"),
    ("© 2024 TRIBUN-TIMUR.COM All Right Reserved", "Tribun Timur"),
    ("Copyright © ANTARA 2024", "Antara"),
    ("Copyright © 2024 jpnn.com - All rights reserved", "JPNN.com"),
    ("© 2016 - 2024 PT. Bina Media Tenggara", None),  # not a registered name
    ("© 2024 Kompas Gramedia, Kompas.com, Tribunnews", None),  # a network: its holder is not registered
])
def test_copyright_holder_at_the_foot_names_the_outlet(foot, name):
    d = doc_of([(DROPPED, "nav", "Menu"), (TITLE, "", "Judul berita"), (BODY, "", "JAKARTA - " + LEAD),
                (DROPPED, "tail", "Tentang Kami"), (DROPPED, "tail", foot)])
    assert d.outlet == name


def test_outlets_named_elsewhere_are_no_guess():
    # a sister outlet in the footer menu, an outlet cited in the body, a masthead past the top
    d = doc_of([(DROPPED, "nav", "Menu"), (DROPPED, "nav", "Berita"), (DROPPED, "nav", "Nasional"),
                (DROPPED, "nav", "Okezone"), (TITLE, "", "Judul berita"),
                (BODY, "", "JAKARTA - " + LEAD + " Dilansir dari Kompas.com, uji coba berlangsung."),
                (DROPPED, "tail", "Kompas.com"), (DROPPED, "tail", "Tribunnews.com")])
    assert d.outlet is None


# --- bylines ----------------------------------------------------------------------------
@pytest.mark.parametrize("lines,authors", [
    ([(DROPPED, "head", "Tribun-Timur.com"), (META, "byline", "Penulis: Muhammad Fadhly Ali | Editor: Saldy Irawan")],
     ["Muhammad Fadhly Ali"]),
    ([(DROPPED, "head", "Market - Arrijal Rachman, CNBC Indonesia"), (META, "date", "20 June 2024 13:40")],
     ["Arrijal Rachman"]),
    ([(META, "byline", "Oleh Felek Wahyu pada 20 Jun 2024, 10:15 WIB")], ["Felek Wahyu"]),
    ([(META, "byline", "Fahreza Rizky, Jurnalis · Jum'at 21 Juni 2024 08:30 WIB")], ["Fahreza Rizky"]),
    ([(DROPPED, "head", "Nina A. Loasana (The Jakarta Post)")], ["Nina A. Loasana"]),
    ([(DROPPED, "head", "Jakarta, CNBC Indonesia")], []),  # a dateline, not a byline
])
def test_header_bylines(lines, authors):
    d = doc_of([(TITLE, "", "Judul berita")] + lines + [(BODY, "", LEAD)])
    assert d.authors == authors


def test_byline_just_after_the_body_is_read_before_a_long_footer():
    tail = [(DROPPED, "tail", f"Berita terkait nomor {i}") for i in range(15)]
    d = doc_of([(TITLE, "", "Judul berita"), (BODY, "", LEAD), (BODY, "", LEAD),
                (DROPPED, "tail", "Baca juga: Pelindo percepat digitalisasi"),
                (DROPPED, "tail", "Pewarta: Willi Irawan"), (DROPPED, "tail", "Editor: Budi Suyanto")] + tail)
    assert d.authors == ["Willi Irawan"]


# --- dates ------------------------------------------------------------------------------
def test_at_sign_between_date_and_time():
    st = parse_stamp("Jun 20, 2024 @ 3:45pm", settings().language_tz["ms"])
    assert st is not None and st.has_time
    assert st.when.isoformat() == "2024-06-20T15:45:00+08:00"


def test_malay_pages_default_to_malaysian_time():
    assert settings().language_tz["ms"].utcoffset(datetime(2024, 6, 20)).total_seconds() == 8 * 3600


# --- language ---------------------------------------------------------------------------
def test_indonesian_kereta_and_pejabat_are_not_malay():
    text = ("KAI Commuter menambah perjalanan kereta selama libur sekolah. Penumpang kereta diminta "
            "datang lebih awal, kata pejabat perusahaan itu. Pejabat dinas juga hadir.")
    assert malay_or_indonesian(text) == "id"


def test_one_malay_word_repeated_is_not_malay():
    assert malay_or_indonesian("Polis datang. Polis pergi. Polis kembali lagi ke sana.") == "id"


# --- sources ----------------------------------------------------------------------------
def sources_of(text, lang="id", outlet=None):
    d = Doc(source_uri="t", source_format="text", content=text, content_type="text")
    d.text, d.language, d.outlet = text, lang, outlet
    return {s.name: s for s in extract_sources(d, get_registry())}


def test_salah_seorang_and_beliau_are_no_sources():
    got = sources_of('Salah seorang warga, Siti Khomsatun, mengaku rumahnya sudah tiga kali terendam.\n\n'
                     '"Perabot sudah kami naikkan semua," ujarnya.')
    assert "Salah" not in got and "Siti Khomsatun" in got
    got = sources_of('Menteri Sumber Manusia, Steven Sim, berkata kajian itu berjalan.\n\n'
                     'Beliau berkata, majlis itu sudah bersidang.', lang="ms")
    assert "Beliau" not in got and "Steven Sim" in got


def test_measure_before_a_decimal_is_no_name():
    got = sources_of("Kadar PM2.5 di Jakarta naik, kata Asep Kuswanto.")
    assert not any(n.startswith("PM") for n in got)


def test_unit_glued_before_a_name_is_cut_at_the_short_form():
    got = sources_of("Ketua Umum Apkasindo Gulat Manurung mengatakan realisasi baru 30 persen.\n\n"
                     "Menurut Gulat, syarat lahan menjadi hambatan.\n\n"
                     "Deputi Bidang Ketersediaan dan Stabilisasi Pangan Bapanas I Gusti Ketut Astawa mengatakan harga naik.\n\n"
                     '"Kami sudah minta Bulog menggelontorkan beras," kata Ketut.')
    assert "Gulat Manurung" in got and "I Gusti Ketut Astawa" in got
    assert not any(n.startswith(("Apkasindo", "Deputi", "Bapanas")) for n in got)


def test_short_surname_does_not_cut_a_two_word_name():
    got = sources_of("Presiden Joko Widodo mengatakan proyek itu selesai.\n\nMenurut Widodo, jalan itu penting.")
    assert "Joko Widodo" in got


def test_dateline_is_no_subject_and_malay_verbs():
    got = sources_of("jpnn.com, JAKARTA - Asosiasi Petani Kelapa Sawit Indonesia meminta pemerintah bertindak.")
    assert "JAKARTA" not in got
    got = sources_of("KUALA LUMPUR: Kongres Kesatuan Sekerja Malaysia (MTUC) pula menggesa kerajaan bertindak.\n\n"
                     "Presiden MEF, Datuk Syed Hussain Syed Husman, berkata kenaikan perlu berperingkat.", lang="ms")
    assert "Syed Hussain Syed Husman" in got
    assert any("Kongres Kesatuan Sekerja Malaysia" == n or n == "MTUC" for n in got)


# --- dateline -----------------------------------------------------------------------------
@pytest.mark.parametrize("line,place", [
    ("Jakarta ● Wed, June 19, 2024", "Jakarta"),
    ("KUALA LUMPUR • 20 Jun 2024", "Kuala Lumpur"),
    ("Nasional · 20 Juni 2024", None),  # a section, not a known place
    ("Rabu | 19 Juni 2024 10:00 WIB", None),
    ("Jum'at · 21 Juni 2024", None),
    ("Diperbarui | 20 Juni 2024", None),
])
def test_place_on_the_date_line(line, place):
    d = doc_of([(TITLE, "", "Judul berita"), (META, "date", line),
                (BODY, "", "Pemerintah provinsi mulai menguji coba pembayaran nontunai pada angkutan kota.")])
    assert d.dateline == place


def test_body_ending_with_a_place_is_an_organization_but_un_is_no_place():
    got = sources_of("Wahana Lingkungan Hidup Indonesia meminta pemerintah menghentikan pembuangan terbuka.\n\n"
                     "Kim Jong Un mengatakan negaranya siap.")
    assert got["Wahana Lingkungan Hidup Indonesia"].kind == "organization"
    assert got["Kim Jong Un"].kind == "person"


def test_and_inside_a_body_name_is_no_second_subject():
    got = sources_of("Ketua Asosiasi Logistik dan Forwarder Indonesia (ALFI) Jawa Timur Sebastian Wibisono "
                     "menyambut baik penambahan alat bongkar muat.")
    assert "Sebastian Wibisono" in got and "Logistik" not in got


def test_name_set_off_by_commas_after_a_role_with_and():
    got = sources_of("Kepala Pusat Gempa Bumi dan Tsunami BMKG, Daryono, mengatakan pusat gempa berada di laut.")
    assert "Daryono" in got and not any(n.startswith(("Gempa", "Tsunami")) for n in got)
    got = sources_of("Prabowo dan Gibran Rakabuming Raka mengatakan kabinet segera diumumkan.")
    assert {"Prabowo", "Gibran Rakabuming Raka"} <= set(got)
