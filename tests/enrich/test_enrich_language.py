"""Language: py3langid on the clean body, `und` when unsure, Malay/Indonesian markers."""
import time
from pathlib import Path

import pytest
import yaml

from kabar.enrich.language import detect_language, malay_or_indonesian

SAMPLES = yaml.safe_load((Path(__file__).parent / "data" / "ms_id_samples.yaml").read_text(encoding="utf-8"))
ID_TEXT = SAMPLES["id"][0]


@pytest.mark.parametrize("text", ["", "   ", "Jakarta", "Baca juga", "OK 123", "12/06/2024 15:00 WIB"])
def test_too_short_is_und(text):
    assert detect_language(text) == ("und", 0.0)


def test_indonesian_body():
    lang, score = detect_language(ID_TEXT)
    assert lang == "id" and score >= 0.8  # py3langid shares probability between id and ms


def test_english_body():
    lang, _ = detect_language("The president said on Tuesday that the government would not raise taxes "
                              "this year, despite pressure from lawmakers and a widening budget deficit.")
    assert lang == "en"


def test_mixed_english_indonesian_is_one_language_or_und():
    mixed = ("Presiden mengatakan bahwa pemerintah akan menaikkan anggaran. The minister said the budget "
             "would rise next year. Menurut dia, kebijakan itu penting.")
    lang, score = detect_language(mixed)
    assert lang in ("id", "en", "und")
    assert (score == 0.0) == (lang == "und")


def test_reproducible():
    assert detect_language(ID_TEXT) == detect_language(ID_TEXT)


def test_malay_discriminator_on_samples():
    ms_ok = sum(malay_or_indonesian(t) == "ms" for t in SAMPLES["ms"])
    id_ok = sum(malay_or_indonesian(t) == "id" for t in SAMPLES["id"])
    # measured: all Indonesian stay `id` (no false Malay); most Malay found
    assert id_ok == len(SAMPLES["id"])
    assert ms_ok >= len(SAMPLES["ms"]) - 1


def test_malay_through_detect_language():
    lang, _ = detect_language(SAMPLES["ms"][0])
    assert lang == "ms"


def test_speed_under_50ms_per_doc():
    t0 = time.perf_counter()
    for t in SAMPLES["id"] * 3:
        detect_language(t)
    assert (time.perf_counter() - t0) / (3 * len(SAMPLES["id"])) < 0.05


HELDOUT = yaml.safe_load((Path(__file__).parent / "data" / "ms_id_heldout.yaml").read_text(encoding="utf-8"))


def test_malay_heldout_measurement():
    """Held-out figures (passages never used for tuning), documented in language.py:
    precision of `ms` 2/2, recall 2/12. Guards against regressions both ways: no Indonesian
    passage may become `ms`, and recall may not fall below what was measured."""
    got_ms = [detect_language(t)[0] for t in HELDOUT["ms"]]
    got_id = [detect_language(t)[0] for t in HELDOUT["id"]]
    assert all(lang in ("ms", "id") for lang in got_ms)
    assert got_id.count("ms") == 0  # precision: no false Malay
    assert got_ms.count("ms") >= 2  # recall measured 2/12: low, documented


def test_malay_recognised_without_markers():
    """py3langid knows Malay itself: the held-out Malay passages are `ms` before the marker
    rule is consulted (it only ever turns `id` into `ms`), and no Indonesian one is."""
    from kabar.enrich.language import _identifier

    held = yaml.safe_load((Path(__file__).parent / "data" / "ms_id_heldout.yaml").read_text(encoding="utf-8"))
    got_ms = [_identifier().classify(" ".join(t.split()))[0] for t in held["ms"]]
    got_id = [_identifier().classify(" ".join(t.split()))[0] for t in held["id"]]
    assert got_id.count("ms") == 0
    assert got_ms.count("ms") >= len(held["ms"]) - 1  # measured: 12/12 ms, 0/12 Indonesian called ms
