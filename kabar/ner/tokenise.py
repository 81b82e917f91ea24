"""Tokens with character offsets, split the way the training corpus is (punctuation apart).

Words keep inner hyphens, apostrophes and dots ("Jokowi-JK", "O'Brien", "Kompas.com", "U.S.",
"2.000"), dates their slashes ("29/10/2013"); every other non-space character is a token of its own, so
"(PPP)" is "(", "PPP", ")".
"""
from __future__ import annotations

import re

_TOKEN_RE = re.compile(
    r"(?:[^\W_](?:\.[^\W_])+\.?(?![^\W_])"  # dotted initials: U.S., S.H.
    r"|\d+(?:/\d+)+"  # dates: 29/10/2013
    r"|[^\W_]+(?:[-'’.][^\W_]+)*"  # words, numbers, domains ("Gideon/Kevin" is two names)
    r"|\S)"
)
# sentence ends for sentence-initial features: a token after one of these starts a sentence
SENTENCE_END = frozenset(".!?:;\n")


def tokenise(text: str) -> list[tuple[str, int, int]]:
    """[(token, start, end)] over `text`."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def sentence_initial(tokens: list[str]) -> list[bool]:
    """Is each token the first word of its sentence (after opening quotes/brackets)?"""
    out, start = [], True
    for t in tokens:
        out.append(start)
        if t in SENTENCE_END:
            start = True
        elif t not in "\"“”'‘’([-–—":
            start = False
    return out
