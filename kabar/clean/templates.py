"""Cross-document templates: lines that recur in many pages of one outlet are furniture.

Pages are grouped by host (URL), else by the outlet the record names, else by the
folder they came from. Only counts are kept: for each group, the number of pages and,
per distinct line (as an 8-byte hash), the number of pages it occurs in; when a group
holds too many distinct lines the ones seen once are forgotten, so memory stays bounded
over a nightly run of thousands of pages.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter

from kabar.clean import settings as S
from kabar.clean import signals as sig
from kabar.record import Doc


def group_of(doc: Doc) -> str:
    from kabar.registry import host_of

    host = host_of(doc.url)
    if host:
        return "host:" + host.removeprefix("www.")
    if doc.outlet_hint:
        return "outlet:" + doc.outlet_hint.lower()
    return "folder:" + os.path.dirname(doc.source_uri.split("#", 1)[0])


def _key(normalised_line: str) -> bytes:
    # a stable digest, not the salted built-in hash(): the learner may be prepared in one
    # process and used in another (workers)
    return hashlib.blake2b(normalised_line.encode("utf-8", "surrogatepass"), digest_size=8).digest()


class TemplateSet:
    """`line in templates` for one group; `line` is `signals.normalise(text)`."""

    def __init__(self, pages: int, counts: Counter):
        self.pages, self.counts = pages, counts

    def __contains__(self, line: str) -> bool:
        if self.pages < S.TEMPLATE_MIN_DOCS or len(line) < S.TEMPLATE_MIN_CHARS:
            return False
        seen = self.counts.get(_key(line), 0)
        prose = len(line.split()) >= 2 * S.GOOD_MIN_WORDS
        share = S.TEMPLATE_PROSE_SHARE if prose else S.TEMPLATE_MIN_SHARE
        return seen >= S.TEMPLATE_MIN_DOCS and seen >= share * self.pages


class TemplateLearner:
    def __init__(self) -> None:
        self.pages: Counter = Counter()
        self.lines: dict[str, Counter] = {}

    def add(self, doc: Doc) -> None:
        group = group_of(doc)
        self.pages[group] += 1
        counts = self.lines.setdefault(group, Counter())
        norm = sig.normalise
        keys = {_key(k) for k in map(norm, doc.content.splitlines()) if len(k) >= S.TEMPLATE_MIN_CHARS}
        counts.update(keys)
        if len(counts) > S.TEMPLATE_MAX_LINES_PER_GROUP:
            for k in [k for k, c in counts.items() if c <= 1]:
                del counts[k]

    def for_doc(self, doc: Doc) -> TemplateSet:
        group = group_of(doc)
        return TemplateSet(self.pages.get(group, 0), self.lines.get(group, Counter()))
