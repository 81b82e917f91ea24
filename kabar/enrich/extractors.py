"""Field extractors: small functions that declare the values they read and write.

Enrich runs them in an order computed from those declarations (a topological sort; the
listed order breaks ties), checked once when the step starts: a value nobody writes, a
value two extractors write, or a cycle is an `ExtractorError` that names the extractors
involved. Values are named: the cleaned `doc` and the step's `resources` are given; an
extractor's writes that are `Doc` fields (`title`, `authors`...) are set on the doc as
soon as it has run, the others (`page_meta`, `header`, `title_anchor`, `date_lines`...)
live only while one document is enriched.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kabar.record import Doc

GIVEN = ("doc", "resources")
DOC_FIELDS = frozenset(f.name for f in dataclasses.fields(Doc))


class ExtractorError(ValueError):
    """The extractor list cannot run: raised at start-up, never per document."""


@dataclass(frozen=True)
class Extractor:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    fn: Callable  # called with the values of `reads`, in order; returns those of `writes`

    def __call__(self, *args):
        return self.fn(*args)


def extractor(*, reads: Iterable[str], writes: Iterable[str], name: str | None = None):
    """Decorator: `@extractor(reads=("doc", "page_meta"), writes=("title", "title_anchor"))`.
    A function that writes one value returns it; one that writes several returns a tuple."""
    def wrap(fn: Callable) -> Extractor:
        return Extractor(name or fn.__name__, tuple(reads), tuple(writes), fn)
    return wrap


def plan(extractors: list[Extractor], given: Iterable[str] = GIVEN,
         catalogue: Iterable[Extractor] = ()) -> list[Extractor]:
    """The extractors in an order where each runs after the writers of what it reads.
    `catalogue`: every extractor there is, to name the one left out when a read is missing."""
    given = set(given)
    writer: dict[str, Extractor] = {}
    for ex in extractors:
        for value in ex.writes:
            if value in given:
                raise ExtractorError(f"extractor {ex.name!r} writes {value!r}, which is given to every extractor")
            if value in writer:
                raise ExtractorError(f"extractors {writer[value].name!r} and {ex.name!r} both write {value!r}")
            writer[value] = ex
    for ex in extractors:
        for value in ex.reads:
            if value not in given and value not in writer:
                known = next((k.name for k in catalogue if value in k.writes), None)
                by = f"written by extractor {known!r}, which is not in the list" if known else "which no extractor writes"
                raise ExtractorError(f"extractor {ex.name!r} reads {value!r}, {by}")
    done: list[Extractor] = []
    pending = list(extractors)
    while pending:
        ready = next((ex for ex in pending if all(v in given or writer[v] in done for v in ex.reads)), None)
        if ready is None:
            raise ExtractorError("extractors wait on each other: " + _cycle(pending, writer, given))
        done.append(ready)
        pending.remove(ready)
    return done


def _cycle(pending: list[Extractor], writer: dict[str, Extractor], given: set[str]) -> str:
    """One cycle among `pending`, written "a reads x from b, b reads y from a"."""
    ex, seen, steps = pending[0], [], []
    while ex not in seen:
        seen.append(ex)
        value = next(v for v in ex.reads if v not in given and writer[v] in pending)
        steps.append((ex, value, writer[value]))
        ex = writer[value]
    steps = steps[seen.index(ex):]
    return ", ".join(f"{a.name!r} reads {v!r} from {b.name!r}" for a, v, b in steps)


def run(ordered: list[Extractor], doc: Doc, resources) -> dict:
    """Run the planned extractors on one document; returns every value by name."""
    values = {"doc": doc, "resources": resources}
    for ex in ordered:
        out = ex(*(values[v] for v in ex.reads))
        outs = (out,) if len(ex.writes) == 1 else out
        for name, value in zip(ex.writes, outs, strict=True):
            values[name] = value
            if name in DOC_FIELDS:
                setattr(doc, name, value)
    return values
