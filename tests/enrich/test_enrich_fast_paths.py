"""kabar's faster langdetect path returns exactly what langdetect itself returns.

`kabar.enrich.language.detect_langs` swaps two methods of langdetect's Detector for
faster equivalents; the n-gram list and the seeded random walk must be identical, so
every (language, probability) must be too."""
from __future__ import annotations

import gzip
import types
from pathlib import Path

import pytest
from langdetect import DetectorFactory, detector_factory
from langdetect import detect_langs as reference

from kabar.enrich import language as L

REPO = Path(__file__).resolve().parents[2]
WCXB = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "wcxb-dev-articles" / "html"
ODD = ["Ini adalah TEST ABC def", "JAKARTA, KOMPAS.com - Presiden", "日本語のテキストです。漢字", "Привет мир, как дела",
       "Xin chào thế giới", "مرحبا بالعالم یک", "  a  b ", "A", "ÀÉÎ õü ß", "x" * 50, "CAPS LOCK WORDS only here"]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))] + ODD
    if WCXB.is_dir():
        from kabar.evaluate.gold import render_visible_text

        for p in sorted(WCXB.glob("*.html.gz"))[:40]:
            texts.append(render_visible_text(gzip.decompress(p.read_bytes()).decode("utf-8", "replace")))
    return [" ".join(t.split())[:4000] for t in texts]


TEXTS = _texts()


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_same_ngrams_and_probabilities(text):
    detector_factory.init_factory()
    d = detector_factory._factory.create()
    d.append(text)
    d.cleaning_text()
    assert L._ngrams(d) == d._extract_ngrams()
    DetectorFactory.seed = 0
    try:
        want = [(x.lang, x.prob) for x in reference(text)]
    except Exception as exc:
        want = type(exc)
    DetectorFactory.seed = 0
    try:
        got = [(x.lang, x.prob) for x in L.detect_langs(text)]
    except Exception as exc:
        got = type(exc)
    assert got == want


def test_fast_path_is_used():
    assert L._FAST


# --- sources: mask_quotes, rewritten with str.find, against the original per-character loop ---

def _mask_quotes_reference(par: str):
    from kabar.enrich.sources.grammar import _CLOSE, _OPEN, MASK

    spans, i, n = [], 0, len(par)
    while i < n:
        c = par[i]
        if c in (_OPEN, '"'):
            close = _CLOSE if c == _OPEN else '"'
            j = par.find(close, i + 1)
            if j < 0:
                j = n
            spans.append((i, min(j + 1, n), par[i + 1:j]))
            i = j + 1
        else:
            i += 1
    if not spans:
        return par, []
    buf = list(par)
    for s, _, inner in spans:
        for k in range(s + 1, s + 1 + len(inner)):
            if buf[k] != "\n":
                buf[k] = MASK
    return "".join(buf), spans


def test_mask_quotes_same_as_reference():
    import random

    from kabar.enrich.sources.grammar import _CLOSE, _OPEN, mask_quotes

    rnd = random.Random(7)
    alphabet = ["a", " ", "\n", '"', _OPEN, _CLOSE, "b", "~"]
    pars = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(5000)]
    pars += ["", '"', _OPEN, _CLOSE, '""', f"{_OPEN}{_CLOSE}", '"a\nb"', f'{_OPEN}a"b{_CLOSE}c"d']
    pars += [p for t in TEXTS for p in t.split(". ")]
    for par in pars:
        assert mask_quotes(par) == _mask_quotes_reference(par), repr(par)
