"""kabar's faster code paths return exactly what the straightforward version returns."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEXTS = [" ".join(p.read_text(encoding="utf-8").split())[:4000] for p in sorted((REPO / "seeds").glob("*.txt"))]


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
