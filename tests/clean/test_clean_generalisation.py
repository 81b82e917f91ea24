"""Generalisation checks of the text classifier: without the per-outlet phrase files.

`synthetic/*.txt` are hand-written dumps in the style of Indonesian outlets we have no
pages of (Tribun-, CNN Indonesia-, Liputan6-, kumparan-like furniture around invented
article prose), with the body lines listed in `synthetic/gold.json`. They are TESTS,
not tuning data: they only show the general signals (lede dateline, tail blocks, calls
to action, a note citing the headline) carry page furniture no phrase file names.
Written by one engineer from memory of those sites, they are cleaner and more regular
than real dumps; a pass here is necessary, not sufficient.
"""
import json
import shutil
from pathlib import Path

import pytest

from kabar import resources
from kabar.clean import CleanStep, phrases
from kabar.evaluate.body import prf
from kabar.record import BODY, DROPPED, Doc

HERE = Path(__file__).resolve().parent / "synthetic"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.gold.jsonl"


def _clear_caches():
    resources.load_lines.cache_clear()
    for fn in (phrases._all_phrases, phrases.phrase_sets, phrases.meta_pattern, phrases.stopwords,
               phrases.credit_words, phrases.cta_pattern):
        fn.cache_clear()


@pytest.fixture()
def no_outlet_phrases(tmp_path, monkeypatch):
    """The shipped data folder minus every `boilerplate/outlet-*.txt`."""
    data = tmp_path / "data"
    shutil.copytree(resources.data_dir(), data)
    for f in (data / "boilerplate").glob("outlet-*.txt"):
        f.unlink()
    monkeypatch.setenv("KABAR_DATA_DIR", str(data))
    _clear_caches()
    yield data
    monkeypatch.undo()
    _clear_caches()


@pytest.mark.parametrize("name", sorted(GOLD))
def test_synthetic_indonesian_dump_without_outlet_phrases(no_outlet_phrases, name):
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    gold = [lines[n - 1].strip() for n in GOLD[name]]
    doc = CleanStep()([Doc(name, "text", "\n".join(lines), "text")]).docs[0]
    body = [z.text.strip() for z in doc.zones if z.zone == BODY]
    assert body == gold
    assert prf("\n".join(gold), doc.text)[2] == 1.0


def _detik_page(n: int) -> str:
    footer = (SEEDS / "001_d682ae8ef33f888e.txt").read_text(encoding="utf-8").splitlines()[38:]
    para = ("Pemerintah kota {n} menambah armada bus sekolah gratis mulai bulan depan agar siswa di "
            "pinggiran kota tidak lagi harus berjalan jauh, kata wali kota kepada wartawan.")
    body = [f"Bus Sekolah Gratis Ditambah di Kota {n}", "Rina Putri - detikNews",
            "Jakarta -", para.format(n=n), para.format(n=n + 1), para.format(n=n + 2)]
    return "\n\n".join(body) + "\n" + "\n".join(footer)


def test_template_learner_drops_detik_footer_in_batch_of_three(no_outlet_phrases):
    docs = [Doc(f"d{n}", "text", _detik_page(n), "text", url=f"https://news.detik.com/berita/d-{n}/x")
            for n in range(3)]
    out = CleanStep()(docs)
    for doc in out.docs:
        assert "Ajang penghargaan" not in doc.text and "Hoegeng" not in doc.text
        zones = {z.text.strip(): (z.zone, z.reason) for z in doc.zones}
        assert zones["Hoegeng Awards 2025"] == (DROPPED, "template")
        assert zones["Baca kisah inspiratif kandidat polisi teladan di sini"][0] == DROPPED


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="seed gold not available")
def test_seeds_without_outlet_phrases_keep_exact_bodies(no_outlet_phrases):
    recs = [json.loads(l) for l in SEED_GOLD.read_text(encoding="utf-8").splitlines() if l.strip()]
    docs = [Doc(str(SEEDS / r["file"]), "text", (SEEDS / r["file"]).read_text(encoding="utf-8"), "text") for r in recs]
    out = {Path(d.source_uri).name: d for d in CleanStep()(docs).docs}
    for r in recs:
        assert [z.text.strip() for z in out[r["file"]].zones if z.zone == BODY] == [l.strip() for l in r["body_lines"]]
