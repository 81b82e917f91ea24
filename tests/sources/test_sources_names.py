"""Name normalisation: fullest form, roles stripped, registry aliases, one entry per source."""
from __future__ import annotations

import pytest

from kabar.enrich.sources import extract_sources
from kabar.record import Doc
from kabar.registry import get_registry


def run(text: str, lang: str = "id"):
    doc = Doc(source_uri="t", source_format="text", content=text, content_type="text")
    doc.text, doc.language = text, lang
    return {s.name: s for s in extract_sources(doc, get_registry())}


def test_surname_resolves_to_full_name_and_role():
    text = ("Juru bicara Kremlin, Dmitry Peskov, mengatakan bahwa kunjungan sedang dipersiapkan.\n\n"
            '"Kami akan mengumumkan tanggalnya pada waktunya," ucap Peskov.')
    got = run(text)
    assert list(got) == ["Dmitry Peskov"]
    p = got["Dmitry Peskov"]
    assert p.role == "Juru bicara Kremlin"
    assert p.kind == "person"
    assert p.quotes == ["Kami akan mengumumkan tanggalnya pada waktunya"]
    assert p.cues == ["mengatakan", "ucap"]
    assert p.mentions == 2


def test_full_name_found_outside_attributions():
    text = ("Presiden Rusia Vladimir Putin tiba di Pyongyang.\n\n"
            "Putin mengatakan kunjungan itu bersejarah.")
    got = run(text)
    assert list(got) == ["Vladimir Putin"]
    assert got["Vladimir Putin"].mentions == 2


@pytest.mark.parametrize("text,name,role", [
    ("Menteri Pertahanan Korea Selatan, Shin Won-sik mengatakan kontainer dilacak.", "Shin Won-sik",
     "Menteri Pertahanan Korea Selatan"),
    ("Pemimpin Tertinggi Korut Kim Jong Un mengatakan hubungan kedua negara erat.", "Kim Jong Un",
     "Pemimpin Tertinggi Korut"),
    ("Presiden Rusia, Vladimir Putin, mengatakan kunjungan itu penting.", "Vladimir Putin", "Presiden Rusia"),
    ('"Ini kemenangan," kata Leif-Eric Easley, profesor studi internasional di Universitas Ewha.',
     "Leif-Eric Easley", "profesor studi internasional di Universitas Ewha"),
    ("Informasi itu disampaikan oleh penasihat kebijakan luar negeri Putin, Yuri Ushakov.", "Yuri Ushakov",
     "penasihat kebijakan luar negeri Putin"),
    ("Kepala BMKG Dwikorita Karnawati menjelaskan cuaca ekstrem masih terjadi.", "Dwikorita Karnawati", "Kepala BMKG"),
])
def test_role_stripped(text, name, role):
    got = run(text)
    assert name in got, got
    assert got[name].role == role


@pytest.mark.parametrize("alias,canonical", [
    ("DW", "Deutsche Welle"), ("AP", "AP News"), ("Associated Press", "AP News"),
    ("Korean Central News Agency", "KCNA"), ("Kantor Berita KCNA", "KCNA"),
])
def test_media_alias_resolves_through_registry(alias, canonical):
    got = run(f"Dilansir dari {alias}, kedua negara sepakat.")
    assert list(got) == [canonical]
    assert got[canonical].kind == "media"


def test_one_entry_per_source_with_all_cues():
    text = ("Dilansir dari BBC, pengamat menilai kunjungan itu penting.\n\n"
            "Profesor Nam Sung-wook yang dikutip BBC menilai kerja sama akan erat.")
    got = run(text)
    assert set(got) == {"BBC", "Nam Sung-wook"}
    assert got["BBC"].cues == ["dilansir", "dikutip"]
    assert got["BBC"].mentions == 2


def test_to_row_shape():
    got = run('"Kami siap," ucap Peskov.')
    row = got["Peskov"].to_row()
    assert row["cue"] == "ucap" and row["quote"] == "Kami siap" and row["mentions"] == 1
