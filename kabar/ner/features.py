"""Token features for the CRF: shape, affixes, neighbours, and the gazetteers of `lexicons`.

A feature is a string (value 1). The common-word counts tell the model how a word is
usually written in real news: "Dihubungi" at the start of a sentence is a verb written
in lower case elsewhere, "Sandi" is not.
"""
from __future__ import annotations

import functools
import re

from kabar.ner.lexicons import common_words, gazetteer
from kabar.ner.tokenise import sentence_initial

_SHAPE_RE = ((re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"\d"), "d"))


def shape(tok: str) -> str:
    s = tok
    for rx, c in _SHAPE_RE:
        s = rx.sub(c, s)
    return re.sub(r"(.)\1+", r"\1\1", s)[:6]


def _case(tok: str) -> str:
    if tok.isupper() and any(c.isalpha() for c in tok):
        return "U"
    if tok[:1].isupper():
        return "T"
    if tok[:1].islower():
        return "l"
    if tok[:1].isdigit():
        return "d"
    return "p"


def _usage(tok: str) -> str:
    """How the word is written in real news: mostly lower case, mostly capitalised, unseen."""
    c = common_words().get(tok.lower())
    if c is None:
        return "unseen"
    total = c.lower + c.cap_mid + c.cap_initial
    ratio = c.lower / total
    size = "r" if total < 5 else ("m" if total < 50 else "f")
    band = "low" if ratio >= 0.9 else ("mostlow" if ratio >= 0.6 else ("mixed" if ratio >= 0.2 else "cap"))
    return f"{band}{size}"


def _gazetteer_tags(words: list[str]) -> list[list[str]]:
    """Per token: B-/I- membership in each role list and in the media names (in each list
    the longest phrase from the left wins; lists may overlap)."""
    idx = gazetteer()
    low = [w.lower() for w in words]
    tags: list[list[str]] = [[] for _ in words]
    free: dict[str, int] = {}  # list -> first token its next phrase may start at
    for i, w in enumerate(low):
        for phrase, key in idx.get(w, ()):
            n = len(phrase)
            if free.get(key, 0) > i or tuple(low[i:i + n]) != phrase:
                continue
            tags[i].append("B" + key)
            for k in range(i + 1, i + n):
                tags[k].append("I" + key)
            free[key] = i + n
    return tags


_NEAR = (-1, 1)
_FAR = (-2, 2)


@functools.lru_cache(maxsize=65536)
def _word(w: str) -> tuple:
    """Features of the word form alone and as a neighbour at each offset (cached: news
    repeats its words): (own features, {offset: features}, lower, case, case+usage)."""
    low = w.lower()
    case, usage = _case(w), _usage(w)
    f = ["b", "w=" + low, "s3=" + low[-3:], "s2=" + low[-2:], "p3=" + low[:3], "p2=" + low[:2],
         "sh=" + shape(w), "c=" + case, "u=" + usage, "cu=" + case + usage, "len=" + str(min(len(w), 8))]
    if "-" in w:
        f.append("hy")
    if "." in w[1:]:
        f.append("dot")
    ctx = {d: (f"{d}w={low}", f"{d}c={case}", f"{d}cu={case}{usage}", f"{d}s3={low[-3:]}") for d in _NEAR}
    ctx.update({d: (f"{d}w={low}", f"{d}c={case}") for d in _FAR})
    return tuple(f), ctx, low, case, case + usage


def sentence_features(words: list[str]) -> list[list[str]]:
    n = len(words)
    init = sentence_initial(words)
    ws = [_word(w) for w in words]
    gaz = _gazetteer_tags(words)
    out = []
    for i in range(n):
        own, _, low, case, cu = ws[i]
        f = list(own)
        if init[i]:
            f += ("init", "init" + cu)
        for g in gaz[i]:
            f.append("g=" + g)
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f += ws[j][1][d]
                if d in _NEAR:
                    for g in gaz[j]:
                        f.append(f"{d}g={g}")
            else:
                f.append(f"{d}edge")
        if i > 0:
            f.append(f"bi={ws[i - 1][2]}|{low}")
            f.append(f"cc={ws[i - 1][3]}{case}")
        if i + 1 < n:
            f.append(f"bi+={low}|{ws[i + 1][2]}")
        out.append(f)
    return out


def clear_caches() -> None:
    """After the word lists change (the train command rebuilds them)."""
    _word.cache_clear()
