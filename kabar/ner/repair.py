"""Person spans that carry a role or a unit in front: cut at the data, not by the model.

The training news rarely has police ranks or contracted office names, so the CRF may tag
"Kapolsek Sukajadi AKP Heri Susanto" or "ICW Almas Sjafrina" as one person. A person
span is cut after the last rank / office / honorific / unit phrase of `roles_id.yaml` it
contains (everything up to there is the role; a region alone after it is the office's
area, no name), a degree after the name is dropped, and a
leading all-capitals short form before a name of two or more words is an organisation of
its own.
"""
from __future__ import annotations

import re

from kabar.ner.lexicons import roles

_ROLE_KEYS = ("ranks", "offices", "honorifics", "unit_heads")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


def _common(word: str) -> bool:
    from kabar.ner.lexicons import common_words
    c = common_words().get(word.lower())
    return c is not None and c.lower >= 5 and c.lower >= 9 * (c.cap_mid + c.cap_initial)


def _degree(word: str) -> bool:
    # written in capitals, with dots or a capital inside: "MA", "S.H.", "SpA" (not the name "Jack Ma")
    return (word.isupper() or "." in word or any(c.isupper() for c in word[1:])) and roles()["degrees"].match([word], 0) > 0


def role_end(words: list[str]) -> int:
    """Number of leading words that are a role (the last role phrase and what precedes it)."""
    lists = roles()
    end, i = 0, 0
    while i < len(words):
        n = max(lists[k].match(words, i) for k in _ROLE_KEYS)
        if n:
            end = i = i + n
        else:
            i += 1
    return end


def split_person(tokens: list[tuple[str, int, int]]) -> list[tuple[int, int, str]]:
    """A person span's tokens → [(start, end, type)]: the role dropped, a short form split off."""
    words = [t for t, _, _ in tokens]
    k = role_end(words[:-1])  # the last word is never all role: "Presiden Jokowi"
    if k:
        tokens = tokens[k:]
        words = words[k:]
        if roles()["regions"].match(words, 0) == len(words):  # "Kajati Jateng": a role, no name
            return [(tokens[0][1], tokens[-1][2], "LOC")]
        if len(tokens) == 1 and not roles()["honorifics"].match(words, 0) and _ACRONYM.match(words[0]):
            return [(tokens[0][1], tokens[0][2], "ORG")]
    # "Tenaga Kerja dan Transmigrasi Muhaimin Iskandar": a first word news writes in lower
    # case (capitalised here as part of an office's name) is no name word
    while len(tokens) > 2 and _common(words[0]):
        tokens, words = tokens[1:], words[1:]
    while len(tokens) > 1 and _degree(words[-1]):
        tokens, words = tokens[:-1], words[:-1]  # "Husaini Ibrahim MA": the degree is no name
    out = []
    if len(tokens) >= 3 and _ACRONYM.match(words[0]) and not roles()["ranks"].match(words, 0):
        out.append((tokens[0][1], tokens[0][2], "ORG"))
        tokens = tokens[1:]
    out.append((tokens[0][1], tokens[-1][2], "PER"))
    return out


def extend_left(sent: list[tuple[str, int, int]], tags: list[str]) -> list[str]:
    """A person span preceded by a capitalised word that real news never writes in lower
    case and that is no role ("Kim" before "Jong Un", also when tagged as the last word of
    an organisation or place): that word opens the name."""
    from kabar.ner.lexicons import common_words
    counts = common_words()
    tags = list(tags)
    lists = roles()
    for i in range(1, len(tags)):
        # the word may also close an organisation or place span ("Korut Kim" + "Jong Un")
        if tags[i] != "B-PER" or not (tags[i - 1] == "O" or (tags[i - 1][:2] == "I-" and tags[i - 1] != "I-PER")):
            continue
        w = sent[i - 1][0]
        if not w[:1].isupper() or w.isupper():
            continue
        c = counts.get(w.lower())  # seen capitalised inside sentences, never in lower case
        if c is None or c.lower > 0 or not c.cap_mid or any(lists[k].match([w], 0) for k in _ROLE_KEYS + ("qualifiers", "regions")):
            continue
        tags[i - 1], tags[i] = "B-PER", "I-PER"
    return tags
