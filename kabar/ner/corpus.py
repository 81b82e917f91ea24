"""The training corpus (CoNLL: `TOKEN POS TAG`, IOB2, blank line between sentences).

Each sentence is turned back into running text (no space before closing punctuation, none
after an opening bracket) with its gold entities as character spans (a bracketed short form
closing an entity, "Komisi Pemilihan Umum (KPU)", is an entity of its own). Training and scoring
both work on that text through `tokenise`, so the model sees at training time exactly the
tokens it sees on a real article, and any system that reads plain text (today's rule
chunker) is scored on the same spans.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kabar.ner.iob import spans
from kabar.ner.tokenise import tokenise

_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%")
_NO_SPACE_AFTER = frozenset("([{")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, type) gold entities


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """[[(token, tag)]] per sentence."""
    out, cur = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            parts = line.rstrip("\r\n").split(" ")
            if len(parts) < 3 or not parts[0]:
                if cur:
                    out.append(cur)
                cur = []
                continue
            cur.append((parts[0], parts[-1]))
    if cur:
        out.append(cur)
    return out


def detokenise(rows: list[tuple[str, str]]) -> Sentence:
    text, offs = "", []
    for i, (tok, _) in enumerate(rows):
        if i and tok not in _NO_SPACE_BEFORE and rows[i - 1][0] not in _NO_SPACE_AFTER:
            text += " "
        offs.append((len(text), len(text) + len(tok)))
        text += tok
    found = spans(offs, [_own_acronym(tok, tag) for tok, tag in rows])
    return Sentence(text, tuple(_trim(text, s, e, t) for s, e, t in found))


def _own_acronym(tok: str, tag: str) -> str:
    # "Komisi Pemilihan Umum (KPU)" is one gold entity; the text has a name and its short
    # form in brackets, scored (and learnt) as two entities of the type
    if tag.startswith("I-") and tok.startswith("(") and tok.endswith(")") and len(tok) > 2:
        return "B-" + tag[2:]
    return tag


def _trim(text: str, s: int, e: int, typ: str) -> tuple[int, int, str]:
    # a gold token "(PPP)" tags its brackets too; the entity is what is inside them
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not (text[e - 1].isalnum() or text[e - 1] == "."):
        e -= 1
    return s, e, typ


def load(path: Path) -> list[Sentence]:
    return [detokenise(rows) for rows in read_conll(path)]


def token_tags(sent: Sentence) -> tuple[list[tuple[str, int, int]], list[str]]:
    """Tokens of the sentence text and their IOB2 tags from the gold spans."""
    toks = tokenise(sent.text)
    tags = ["O"] * len(toks)
    for s, e, typ in sent.spans:
        first = True
        for i, (_, a, b) in enumerate(toks):
            if a >= s and b <= e:
                tags[i] = ("B-" if first else "I-") + typ
                first = False
    return toks, tags
