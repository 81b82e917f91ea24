"""The zone split of each seed against the hand labels."""
import json
from pathlib import Path

import pytest

from kabar.clean import CleanStep
from kabar.record import BODY, META, TITLE, Doc

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.gold.jsonl"
RECORDS = [json.loads(l) for l in GOLD.read_text(encoding="utf-8").splitlines() if l.strip()] if GOLD.exists() else []


@pytest.fixture(scope="module")
def cleaned():
    docs = [Doc(str(ROOT / "seeds" / r["file"]), "text", (ROOT / "seeds" / r["file"]).read_text(encoding="utf-8"), "text")
            for r in RECORDS]
    out = CleanStep()(docs)
    assert not out.rejects
    return {Path(d.source_uri).name: d for d in out.docs}


@pytest.mark.skipif(not RECORDS, reason="seed gold not available")
@pytest.mark.parametrize("rec", RECORDS, ids=lambda r: r["file"][:3])
def test_seed_body_title_and_every_line_zoned(cleaned, rec):
    doc = cleaned[rec["file"]]
    assert [z.text.strip() for z in doc.zones if z.zone == BODY] == [l.strip() for l in rec["body_lines"]]
    assert doc.title == rec["title"]
    assert len(doc.lines(TITLE)) == 1
    n_lines = sum(1 for l in doc.content.splitlines() if l.strip())
    assert len(doc.zones) == n_lines
    assert all(z.reason for z in doc.zones)


@pytest.mark.skipif(not RECORDS, reason="seed gold not available")
def test_seed_meta_lines_for_enrich(cleaned):
    meta = {f: {z.text.strip(): z.reason for z in d.zones if z.zone == META} for f, d in cleaned.items()}
    kompas, detik, viva = meta["000_112bd15a29d2669a.txt"], meta["001_d682ae8ef33f888e.txt"], meta["003_7b9cc04bb1876990.txt"]
    assert kompas["Kompas.com - 19/06/2024, 15:00 WIB"] == "date"
    assert kompas["Chella Defa Anjelina,"] == kompas["Mahardini Nur Afifah"] == "author"
    assert detik["Novi Christiastuti - detikNews"] == "byline"
    assert detik["Moskow -"] == "dateline"
    assert meta["004_1b13e3698910ea61.txt"]["(aik/aik)"] == "editor"
    assert "25 November 2024" not in viva  # a date in the footer is not the publish date
    dropped = {z.text.strip(): z.reason for z in cleaned["003_7b9cc04bb1876990.txt"].zones if z.zone == "dropped"}
    assert dropped["Siaga Perang Ukraina, Tentara Korut Nyamar Jadi Warga Rusia"] == "related_headline"
