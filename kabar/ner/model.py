"""Names in running text: PER / ORG / LOC spans from the CRF in `data/registry/ner/`.

The model is loaded lazily, once per process (`tagger()`); `recognise(text)` tokenises,
tags sentence by sentence and returns character spans.
"""
from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

import pycrfsuite

from kabar.ner.features import sentence_features
from kabar.ner.iob import spans
from kabar.ner.repair import extend_left, split_person
from kabar.ner.tokenise import SENTENCE_END, tokenise
from kabar.resources import data_path

MODEL = "ner/id_ner.crfsuite"
_LOCK = threading.Lock()
_MAX_SENTENCE = 120  # tokens: a run-on "sentence" (a list, a table) is tagged in pieces


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    type: str  # PER | ORG | LOC
    text: str


@functools.lru_cache(maxsize=1)
def tagger() -> pycrfsuite.Tagger:
    t = pycrfsuite.Tagger()
    t.open(str(data_path(MODEL)))
    return t


def sentences(tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    out, cur = [], []
    for tok in tokens:
        cur.append(tok)
        if tok[0] in SENTENCE_END or len(cur) >= _MAX_SENTENCE:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def tag_words(words: list[str], model: pycrfsuite.Tagger | None = None,
              outside: list | None = None) -> list[str]:
    """Tags of `words`; `outside`, if given, gets each word's marginal probability of being
    outside every entity (tag O)."""
    feats = sentence_features(words)
    t = model or tagger()
    with _LOCK:  # a crfsuite Tagger holds per-call state
        tags = t.tag(feats)
        if outside is not None:
            outside.extend(t.marginal("O", i) for i in range(len(words)))
        return tags


def recognise(text: str, model: pycrfsuite.Tagger | None = None, repair: bool = True) -> list[Entity]:
    """Entities in `text` (`model`: another tagger than the shipped one, for tuning;
    `repair`: cut roles and units off person spans, see `repair`)."""
    return recognise_with_names(text, model, repair)[0]


def recognise_with_names(text: str, model: pycrfsuite.Tagger | None = None,
                         repair: bool = True, outside: list | None = None) -> tuple[list[Entity], list[Entity]]:
    """(entities, person names): the second list has each person span opened at a
    capitalised word before it that news never writes in lower case ("Kim" + "Jong Un",
    `repair.extend_left`). That rule lowers F1 on the NER dev split, so it is kept apart:
    the sources extractor uses it only to find the full name behind a short form.
    `outside`, if given, gets (start, end, probability of tag O) per token."""
    out, names = [], []
    for sent in sentences(tokenise(text)):
        probs: list | None = [] if outside is not None else None
        tags = tag_words([t for t, _, _ in sent], model, probs)
        if outside is not None:
            outside.extend((a, b, p) for (_, a, b), p in zip(sent, probs))
        found = _entities(text, sent, tags, repair)
        out.extend(found)
        wide = extend_left(sent, tags)
        names.extend(e for e in (_entities(text, sent, wide, repair) if wide != tags else found)
                     if e.type == "PER")
    return out, names


def _entities(text: str, sent: list, tags: list[str], repair: bool) -> list[Entity]:
    out = []
    for s, e, typ in spans([(a, b) for _, a, b in sent], tags):
        found = [(s, e, typ)]
        if typ == "PER" and repair:
            found = split_person([t for t in sent if s <= t[1] and t[2] <= e])
        out.extend(Entity(a, b, t, text[a:b]) for a, b, t in found)
    return out
