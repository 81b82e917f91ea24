"""Silver training sentences from real news: people named by a strong attribution cue.

The gold corpus is 2013-14 politics; the news kabar reads names other people (artists,
founders, coaches, police officers of every rank). A name right after a trailing speech
verb that closes a quote ("…,” kata Kapolsek Gubug AKP Dedy Setya.) is a person almost
every time, whatever the name. Such names are harvested from the id-news articles (not the
labelled ones), their role cut off with `roles_id.yaml`, and kept only when no word of them
is one news usually writes in lower case, an acronym, an organisation head or a place.
Every sentence of the article holding the name (or a one-word short form of it) becomes a
training sentence: the harvested spans are PER, the other tokens carry what the gold-trained
model tags them (self-training), so the extra sentences teach the new names and their
contexts without unlearning the rest.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kabar.ner.lexicons import common_words, media_names
from kabar.ner.repair import role_end
from kabar.ner.tokenise import tokenise

_CLOSE_QUOTES = frozenset('"”’\'')
_MAX_LOWER_SHARE = 0.2  # a name word is written in lower case in at most this share of its uses


@dataclass(frozen=True, slots=True)
class Silver:
    words: list[str]
    tags: list[str]


def _cue_words() -> tuple[frozenset, frozenset]:
    from kabar.enrich.sources.lexicon import get_lexicon
    lex = get_lexicon("id")
    return lex.words["trailing_verbs"], lex.words["org_heads"] | lex.words["role_words"] | lex.words["stop_names"]


def _places():
    from kabar.enrich.sources.lexicon import get_places
    return get_places()


def _name_word(w: str, blocked: frozenset) -> bool:
    if not w[:1].isupper() or not w.replace("-", "").replace("'", "").isalpha():
        return False
    if len(w) > 1 and w.isupper():
        return False  # an acronym: a body more often than a person
    low = w.lower()
    if low in blocked:
        return False
    c = common_words().get(low)
    return c is None or c.lower <= _MAX_LOWER_SHARE * (c.lower + c.cap_mid + c.cap_initial)


def harvest(sentences: list[list[str]]) -> set[tuple[str, ...]]:
    """Person names (as word tuples) a trailing cue names in an article's sentences."""
    verbs, blocked = _cue_words()
    places, media = _places(), media_names()
    found = set()
    follows: dict[str, set[str]] = {}  # word -> the words written after it in the article
    for words in sentences:
        for a, b in zip(words, [*words[1:], ""]):
            follows.setdefault(a, set()).add(b)
    for words in sentences:
        for i in range(1, len(words) - 1):
            if words[i] not in verbs or words[i - 1] not in _CLOSE_QUOTES:
                continue
            j = i + 1
            while j < len(words) and words[j][:1].isupper():
                j += 1
            run = words[i + 1:j]
            if not run:
                continue
            name = run[role_end(run[:-1]):]
            # "kata Ketua DPP Golkar Idrus Marham": a word the article writes without the
            # rest of the name is the affiliation
            while len(name) > 2 and follows.get(name[0], set()) - {name[1]}:
                name = name[1:]
            if not 2 <= len(name) <= 3 or not all(_name_word(w, blocked) for w in name):
                continue
            if any(places.match(name, k) for k in range(len(name))) or media.match(name, 0):
                continue
            found.add(tuple(name))
    return found


def label(words: list[str], tags: list[str], names: set[tuple[str, ...]]) -> list[str] | None:
    """The model's tags with every occurrence of a harvested name (or a one-word short form
    of one) set to PER; None if the sentence holds none."""
    shorts = {n[-1] for n in names} | {n[0] for n in names}
    out, hit, i = list(tags), False, 0
    while i < len(words):
        n = next((len(f) for f in sorted(names, key=len, reverse=True)
                  if tuple(words[i:i + len(f)]) == f), 0)
        if not n and words[i] in shorts and (i + 1 == len(words) or not words[i + 1][:1].isupper()) \
                and (i == 0 or not words[i - 1][:1].isupper()):
            n = 1
        if not n:
            i += 1
            continue
        # a person span of the model that goes on after the name is a longer form of it
        # ("Sri Mulyani" + "Indrawati"), another entity there starts afresh; the words of a
        # span the model opened before the name are its role or affiliation
        while i + n < len(out) and out[i + n] == "I-PER":
            n += 1
        if i + n < len(out) and out[i + n].startswith("I-"):
            out[i + n] = "B-" + out[i + n][2:]
        k = i
        while k > 0 and out[i].startswith("I-") and out[k - 1][2:] == out[i][2:]:
            k -= 1
            out[k] = "O"
        out[i:i + n] = ["B-PER"] + ["I-PER"] * (n - 1)
        hit = True
        i += n
    return out if hit else None


def silver_sentences(news: Path, exclude: frozenset, tag, limit: int) -> list[Silver]:
    """Up to `limit` silver sentences from the articles of `news` not in `exclude`, in file
    order; `tag(words) -> tags` is the gold-trained model."""
    from kabar.ner.model import sentences as split
    out: list[Silver] = []
    with open(news, encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if art.get("id") in exclude:
                continue
            sents = [[t for t, _, _ in s] for par in (art.get("text") or "").split("\n\n")
                     for s in split(tokenise(par))]
            names = harvest(sents)
            if not names:
                continue
            keys = {w for n in names for w in n}
            for words in sents:
                if keys.isdisjoint(words):
                    continue
                tags = label(words, tag(words), names)
                if tags is not None:
                    out.append(Silver(words, tags))
                    if len(out) >= limit:
                        return out
    return out
