"""IOB2 tags ↔ entity spans (seqeval's reading: an I- without its B- opens an entity)."""
from __future__ import annotations


def spans(offsets: list[tuple[int, int]], tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end) per token and its tag → [(start, end, type)]."""
    out, cur = [], None
    for (s, e), tag in zip(offsets, tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
            if cur:
                out.append(tuple(cur))
            cur = [s, e, tag[2:]]
        elif tag.startswith("I-"):
            cur[1] = e
        else:
            if cur:
                out.append(tuple(cur))
            cur = None
    if cur:
        out.append(tuple(cur))
    return out
