"""Keep or drop: a learned decision over every candidate source of an article.

The grammar reports each attributed name, also the ones the recogniser check turned down
(`Cand.via == "rejected"`); resolution merges them into one candidate `Source` each. A
logistic regression over what the pipeline already knows about a candidate (how it got
past the recogniser, the shapes of its cues, pronoun carry-over, its words' lower-case
share in real news, roles, registry, mentions, position) says whether it is a source.

The weights and the two thresholds are data: `data/registry/sources_keep.yaml`, rebuilt by
`python -m kabar.evaluate.sources_model` (grouped-by-document CV chooses the features,
the regularisation and the thresholds; see that module). With `recognised_names` off (the
English grammar) or without that file's model the rules alone decide (a turned-down
candidate is dropped, any other kept).
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

from kabar.enrich.sources.grammar import SHAPES
from kabar.enrich.sources.names import VIAS
from kabar.ner.lexicons import common_words, roles
from kabar.resources import DataFileError, load_yaml

MODEL_FILE = "sources_keep.yaml"
KINDS = ("person", "organization", "media")
_ROLE_LISTS = ("ranks", "offices", "honorifics", "unit_heads")


@dataclass(slots=True)
class Evidence:
    """What resolution saw of one candidate source: its events' shapes and checks."""
    shapes: list
    vias: list
    carried: int = 0  # events reached through a pronoun or an anaphor
    initial: int = 0  # events whose name opens a sentence
    quotes: int = 0
    first_pos: float = 1.0  # first event's offset / text length
    roled: bool = False  # the grammar split a role off the name
    recognised_person: bool = False  # a PER span of the article spells the name out
    tags: tuple = (0, 0, 0)  # how often the recogniser tagged the name's text PER, ORG, LOC
    place: bool = False  # the name is a place of `sources_places.yaml` (not an institution)
    inside_other: bool = False  # the name is part of another candidate's name in the article
    name_probs: list = field(default_factory=list)  # the recogniser's P(entity) of the name's words, per event


def features(name: str, kind: str, mentions: int, ev: Evidence, registered: bool) -> dict[str, float]:
    """Named numeric features of one candidate (the model file lists the ones it uses)."""
    n = max(1, len(ev.shapes))
    words = name.split()
    counts = common_words()
    ratios, unseen = [], 0
    for w in words:
        c = counts.get(w.lower())
        if c is None:
            unseen += 1
            continue
        tot = c.lower + c.cap_mid + c.cap_initial
        ratios.append(c.lower / tot if tot else 0.0)
    lists = roles()
    f = {f"kind_{k}": float(kind == k) for k in KINDS}
    f |= {f"shape_{s}": ev.shapes.count(s) / n for s in SHAPES}
    f |= {f"via_{v}": ev.vias.count(v) / n for v in VIAS}
    f |= {
        "words_1": float(len(words) == 1), "words_2": float(len(words) == 2), "words_3plus": float(len(words) >= 3),
        "acronym": float(name.isupper() and len(name) >= 2),
        "registered": float(registered),
        "log_events": math.log1p(len(ev.shapes)), "log_mentions": math.log1p(mentions),
        "only_event": float(len(ev.shapes) == 1 and mentions <= 1),
        "carried": ev.carried / n, "all_carried": float(ev.carried == len(ev.shapes)),
        "initial": ev.initial / n, "log_quotes": math.log1p(ev.quotes),
        "first_pos": ev.first_pos, "roled": float(ev.roled),
        "lower_max": max(ratios, default=0.0), "lower_mean": sum(ratios) / len(ratios) if ratios else 0.0,
        "unseen_share": unseen / max(1, len(words)),
        "role_word": float(any(lists[k].match(words, i) for k in _ROLE_LISTS for i in range(len(words)))),
        "recognised_person": float(ev.recognised_person),
        "place": float(ev.place), "inside_other": float(ev.inside_other),
    }
    total = sum(ev.tags)
    f |= {f"tag_{t}": (ev.tags[i] / total if total else 0.0) for i, t in enumerate(("per", "org", "loc"))}
    f["tag_none"] = float(total == 0)
    probs = ev.name_probs
    f["entity_prob"] = max(probs) if probs else 0.0
    f["entity_prob_min"] = min(probs) if probs else 0.0
    f["entity_prob_unread"] = float(not probs)
    return f


@dataclass(frozen=True)
class Model:
    names: tuple
    mean: tuple
    scale: tuple
    weights: tuple
    bias: float
    drop_below: float  # a candidate the rules keep is dropped under this probability
    keep_from: float  # one the recogniser check turned down is kept from this probability on

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(w * (feats.get(k, 0.0) - m) / s
                            for k, m, s, w in zip(self.names, self.mean, self.scale, self.weights))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, feats: dict[str, float], ev: "Evidence") -> bool:
        if feats["kind_media"]:  # a medium is named by the registry or a media cue: the rules decide
            return rules_keep(ev)
        return self.probability(feats) >= (self.drop_below if rules_keep(ev) else self.keep_from)


@functools.lru_cache(maxsize=1)
def model() -> Model | None:
    data = load_yaml(MODEL_FILE)
    if not isinstance(data, dict) or not {"drop_below", "keep_from", "model"} <= data.keys():
        raise DataFileError(f"{MODEL_FILE}: expected a mapping with `drop_below`, `keep_from` and `model`")
    m = data.get("model")
    if not m:
        return None
    try:
        feats = m["features"]
        return Model(tuple(feats), tuple(float(x) for x in m["mean"]), tuple(float(x) for x in m["scale"]),
                     tuple(float(x) for x in m["weights"]), float(m["bias"]),
                     float(data["drop_below"]), float(data["keep_from"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"{MODEL_FILE}: malformed model ({exc})") from exc


def rules_keep(ev: Evidence) -> bool:
    """The rules alone: a candidate is a source unless the recogniser check turned it down."""
    return any(v != "rejected" for v in ev.vias)
