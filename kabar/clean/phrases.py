"""Operator-editable word lists of the clean stage, read from data/registry/boilerplate/.

Phrase files are per language (`id.txt`, `en.txt`), language-neutral (`common.txt`)
and per outlet (`outlet-<domain>.txt`): all are loaded, each becomes one compiled
pattern, and a hit is reported as `phrase:<file stem>`.
"""
from __future__ import annotations

import functools
import re

from kabar.resources import DataFileError, data_dir, load_lines

_DIR = "boilerplate"


def _compile(name: str, patterns: tuple[str, ...]) -> re.Pattern:
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise DataFileError(f"{_DIR}/{name}: bad pattern {p!r}: {exc}") from exc
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def _top_level(pattern: str) -> list[str]:
    """Split a regex on its top-level `|`."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return out + [pattern[start:]]


@functools.lru_cache(maxsize=1)
def _all_phrases() -> tuple[re.Pattern, re.Pattern, dict[str, str], dict[str, str | None]]:
    """Every file in two alternations, for speed: patterns anchored at the line start
    (tried once, with `match`) and the rest (`search`). The named group tells the file."""
    phrase_sets()  # validates each file first, so a bad pattern names its file
    anchored, floating, labels = [], [], {}
    for n, (label, name) in enumerate((label, name) for label, name in _phrase_files()):
        labels[f"f{n}"] = label
        for alt in (p for entry in load_lines(name) for p in _top_level(entry)):
            if alt.startswith("^"):
                anchored.append((n, alt[1:]))
            else:
                floating.append((n, alt))

    def build(items):
        groups: dict[int, list[str]] = {}
        for n, p in items:
            groups.setdefault(n, []).append(f"(?:{p})")
        return re.compile("|".join(f"(?P<f{n}>{'|'.join(ps)})" for n, ps in groups.items()) or "(?!)", re.I)

    return build(anchored), build(floating), labels, {}  # the memo goes with the patterns it remembers


def _phrase_files() -> list[tuple[str, str]]:
    folder = data_dir() / _DIR
    names = ["common.txt", "id.txt", "ms.txt", "en.txt"] + sorted(p.name for p in folder.glob("outlet-*.txt"))
    return [(n.removesuffix(".txt"), f"{_DIR}/{n}") for n in names if (folder / n).exists()]


@functools.lru_cache(maxsize=1)
def phrase_sets() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for label, path in _phrase_files():
        patterns = load_lines(path)
        if patterns:
            out.append((label, _compile(path.rsplit("/", 1)[-1], patterns)))
    return tuple(out)


_MEMO_MAX = 50_000  # lines remembered by phrase_hit (furniture recurs over an outlet's pages)


def phrase_hit(line: str) -> str | None:
    """`phrase:<file>` for a boilerplate line, else None."""
    anchored, floating, labels, memo = _all_phrases()
    hit = memo.get(line, 0)
    if hit == 0:
        m = anchored.match(line) or floating.search(line)
        hit = f"phrase:{labels[m.lastgroup]}" if m else None
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        memo[line] = hit
    return hit


@functools.lru_cache(maxsize=1)
def meta_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """meta.txt as one alternation; the named group that matched gives the label."""
    parts, labels = [], {}
    for n, entry in enumerate(load_lines(f"{_DIR}/meta.txt")):
        label, _, pattern = entry.partition(" ")
        _compile("meta.txt", (pattern.strip(),))
        parts.append(f"(?P<m{n}>{pattern.strip()})")
        labels[f"m{n}"] = label
    return re.compile("|".join(parts) or "(?!)", re.I), labels


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    words = set()  # every language's file: a new language adds boilerplate/stopwords-<code>.txt
    for path in sorted((data_dir() / _DIR).glob("stopwords-*.txt")):
        for entry in load_lines(f"{_DIR}/{path.name}"):
            words.update(w.lower() for w in entry.split())
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def credit_words() -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for e in load_lines(f"{_DIR}/credits.txt") for w in e.split())


@functools.lru_cache(maxsize=1)
def read_also_pattern() -> re.Pattern:
    """read-also.txt (bare `Baca Juga:` labels) as one pattern, matched at the line start."""
    entries = tuple(load_lines(f"{_DIR}/read-also.txt"))
    return _compile("read-also.txt", entries) if entries else re.compile("(?!)")


@functools.lru_cache(maxsize=1)
def continues_pattern() -> re.Pattern:
    """continues.txt (openers pointing back to the paragraph above) as one pattern anchored at the line start."""
    entries = tuple(load_lines(f"{_DIR}/continues.txt"))
    return _compile("continues.txt", entries) if entries else re.compile("(?!)")


@functools.lru_cache(maxsize=1)
def cta_pattern() -> re.Pattern:
    """cta.txt (imperative openers of calls to action) as one pattern anchored at the line start."""
    entries = tuple(load_lines(f"{_DIR}/cta.txt"))
    return _compile("cta.txt", entries) if entries else re.compile("(?!)")


@functools.lru_cache(maxsize=1)
def end_block_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """end-blocks.txt (headings of comment, author-bio, newsletter, related, form and legal
    blocks) as one alternation matched against the whole line; the named group gives the kind."""
    parts, kinds = [], {}
    for n, entry in enumerate(load_lines(f"{_DIR}/end-blocks.txt")):
        kind, _, pattern = entry.partition(" ")
        _compile("end-blocks.txt", (pattern.strip(),))
        if kind != "bio_sentence":
            parts.append(f"(?P<e{n}>{pattern.strip()})")
            kinds[f"e{n}"] = kind
    return re.compile("|".join(parts) or "(?!)", re.I), kinds


@functools.lru_cache(maxsize=1)
def bio_pattern() -> re.Pattern:
    """end-blocks.txt's `bio_sentence` entries: an author's bio opening (matched at the start,
    case-sensitive: the name is capitalised)."""
    entries = [e.partition(" ")[2].strip() for e in load_lines(f"{_DIR}/end-blocks.txt") if e.startswith("bio_sentence ")]
    return re.compile("|".join(f"(?:{e})" for e in entries) or "(?!)")


@functools.lru_cache(maxsize=1)
def disclosure_patterns() -> dict[str, re.Pattern]:
    """disclosures.txt: for each word, its patterns as one; tried only on a line holding the word."""
    by_word: dict[str, list[str]] = {}
    for entry in load_lines(f"{_DIR}/disclosures.txt"):
        word, _, pattern = entry.partition(" ")
        if not pattern.strip():
            raise DataFileError(f"{_DIR}/disclosures.txt: {entry!r} needs a word and a pattern")
        by_word.setdefault(word.lower(), []).append(pattern.strip())
    return {w: _compile("disclosures.txt", tuple(ps)) for w, ps in by_word.items()}


def is_disclosure(lowered: str) -> bool:
    """Signal `disclosure`: the line (lowercased) says the site earns from its links."""
    for word, pattern in disclosure_patterns().items():
        if word in lowered and pattern.search(lowered):
            return True
    return False


def end_block_kind(line: str) -> str | None:
    """The kind of block a heading line opens (`comments`, `related`, …), else None."""
    pattern, kinds = end_block_pattern()
    m = pattern.fullmatch(line.strip())
    return kinds[m.lastgroup] if m else None


def is_bio_sentence(line: str) -> bool:
    return bio_pattern().match(line.strip()) is not None
