"""Person spans that carry a role or a unit in front: cut at the data, not by the model.

The training news rarely has police ranks or contracted office names, so the CRF may tag
"Kapolsek Sukajadi AKP Heri Susanto" or "ICW Almas Sjafrina" as one person. A person
span is cut after the last rank / office / honorific / unit phrase of `roles_id.yaml` it
contains (everything up to there is the role), and a leading all-capitals short form
before a name of two or more words is an organisation of its own.
"""
from __future__ import annotations

import re

from kabar.ner.lexicons import roles

_ROLE_KEYS = ("ranks", "offices", "honorifics", "unit_heads")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


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
        if len(tokens) == 1 and not roles()["honorifics"].match(words, 0) and _ACRONYM.match(words[0]):
            return [(tokens[0][1], tokens[0][2], "ORG")]
    out = []
    if len(tokens) >= 3 and _ACRONYM.match(words[0]) and not roles()["ranks"].match(words, 0):
        out.append((tokens[0][1], tokens[0][2], "ORG"))
        tokens = tokens[1:]
    out.append((tokens[0][1], tokens[-1][2], "PER"))
    return out
