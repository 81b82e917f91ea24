"""Dedup and article versions against the keyed state: a night's lookups, not the archive.

Exact duplicates are quarantined and near duplicates flagged through MinHash LSH bands, plus article identity: each loaded document gets the
`article_id` of its canonical URL (`kabar.identity`) and a `version`, one more than the
article's versions seen so far; a body the article already has loads nothing.

Earlier runs are asked through `StateIndex` lookups, one batch per shard (`prefetch`);
this run's own documents are kept in memory, once each (a document's prefetched answers
are dropped once it is checked; the keys `state()` returns for the commit's segments are
derived from the run's own maps, not kept a second time). MinHash signatures come from the `minhash`
step (computed where the shard ran), else from `kabar.dedup.signature`.
"""
from __future__ import annotations

import numpy as np
from datasketch import MinHashLSH

from kabar.dedup import NEAR_THRESHOLD, NUM_PERM, signature_of
from kabar.identity import article_id, canonical_url
from kabar.record import Doc, Rejected
from kabar.state_index import StateIndex, key_of

_LSH = MinHashLSH(threshold=NEAR_THRESHOLD, num_perm=NUM_PERM)
BANDS = list(_LSH.hashranges)  # the (start, end) slices datasketch would use: same candidates


def band_keys(hashvalues: np.ndarray) -> list[bytes]:
    hv = np.asarray(hashvalues, dtype=np.uint64)
    return [key_of(b"%d:" % i + hv[a:z].astype(">u8").tobytes()) for i, (a, z) in enumerate(BANDS)]


def doc_url(doc: Doc) -> str | None:
    return doc.url or (doc.html_meta or {}).get("url")


class IndexedDeduper:
    def __init__(self, index: StateIndex):
        self.index = index
        self._seen: dict[str, dict] = {}  # doc_id -> prefetched answers
        self.doc_ids: set[str] = set()
        self.bodies: dict[str, tuple[str, str, int]] = {}  # sha1 -> (doc_id, article_id, version), this run
        self.articles: dict[str, int] = {}  # article -> its latest version loaded by this run
        # band key -> the doc_id that has it, a list only once a second one does (most
        # keys have one document: a list each doubled the run's memory per document)
        self.bands: dict[bytes, str | list[str]] = {}

    def prefetch(self, docs: list[Doc]) -> None:
        docs = [d for d in docs if d.doc_id not in self._seen]
        if not docs:
            return
        ids = [d.doc_id for d in docs]
        shas = [d.content_sha1 for d in docs]
        arts = [article_id(doc_url(d), d.content_sha1) for d in docs]
        sigs = [signature_of(d).hashvalues for d in docs]
        bands = [band_keys(s) for s in sigs]
        got_id = self.index.lookup("doc_id", [key_of(i) for i in ids])
        got_sha = self.index.lookup("sha1", [key_of(s) for s in shas])
        got_art = self.index.lookup("article", [key_of(a) for a in arts])
        flat = [k for bs in bands for k in bs]
        got_band = self.index.lookup("band", flat)
        n = len(BANDS)
        for j, d in enumerate(docs):
            self._seen[d.doc_id] = {"loaded": bool(got_id[j]), "sha": got_sha[j], "article": arts[j],
                                    "by_url": canonical_url(doc_url(d)) is not None,
                                    "versions": got_art[j], "bands": bands[j],
                                    "near": sorted({x for hits in got_band[j * n:(j + 1) * n] for x in hits})}

    def check(self, doc: Doc) -> None:
        """Record `doc` as loaded (setting article_id, version, near_duplicate_of) or raise Rejected."""
        self.prefetch([doc])
        seen = self._seen.pop(doc.doc_id)  # answered once: memory stays the run's own keys
        doc_id, sha, art = doc.doc_id, doc.content_sha1, seen["article"]
        if seen["loaded"] or doc_id in self.doc_ids:
            raise Rejected("already_loaded", f"doc_id {doc_id} is already in the dataset")
        first = self.bodies.get(sha) or (tuple(seen["sha"][0].split("|", 1)) if seen["sha"] else None)
        if first is not None:
            if first[1] == art and seen["by_url"]:  # the same page crawled again, unchanged
                raise Rejected("already_loaded", f"article {art} already has this body (doc_id {first[0]})")
            raise Rejected("exact_duplicate", f"same body as doc_id {first[0]}")
        earlier = [int(v.split("|", 1)[0]) for v in seen["versions"]] + [self.articles.get(art, 0)]
        version = max(earlier) + 1
        near = set(seen["near"]) | {x for k in seen["bands"] for x in self._band(k)}
        doc.near_duplicate_of = sorted(near)[0] if near else None
        doc.article_id, doc.version = art, version
        self.doc_ids.add(doc_id)
        self.bodies[sha] = (doc_id, art, version)
        self.articles[art] = version
        for k in seen["bands"]:
            have = self.bands.get(k)
            if have is None:
                self.bands[k] = doc_id
            elif isinstance(have, str):
                self.bands[k] = [have, doc_id]
            else:
                have.append(doc_id)

    def _band(self, key: bytes) -> list[str] | tuple[str, ...]:
        have = self.bands.get(key, ())
        return (have,) if isinstance(have, str) else have

    def state(self) -> dict[str, list[tuple[bytes, str]]]:
        """The (key, value) pairs this run adds to each kind of the keyed state."""
        if not self.doc_ids:
            return {}
        return {
            "doc_id": [(key_of(i), "") for i in self.doc_ids],
            "sha1": [(key_of(sha), f"{doc_id}|{art}") for sha, (doc_id, art, _) in self.bodies.items()],
            "article": [(key_of(art), f"{v}|{sha}|{doc_id}") for sha, (doc_id, art, v) in self.bodies.items()],
            "band": [(k, doc_id) for k in self.bands for doc_id in self._band(k)],
        }
