"""Attribution lexicon: `data/registry/attribution.yaml` + `sources_places.yaml`, compiled once.

Every regex the sources extractor uses is built here from data, per language, and cached;
nothing is compiled per document.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kabar.enrich.settings import name_particles
from kabar.resources import DataFileError, load_yaml

LANG_KEYS = (
    "trailing_verbs", "pronoun_forms", "pronouns", "leading_verbs", "passive_verbs",
    "agent_markers", "according", "media_cues", "cue_fillers", "channel_preps", "media_heads",
    "wrappers", "org_heads", "roles", "role_words", "adverbs", "clause_breaks",
    "prepositions", "stop_names", "name_prefixes", "not_third_person", "demonstratives",
    "alias_cues", "name_connectors", "asked_passives", "possessors",
)
RULES = {"pronoun_suffixes": list, "inverted_trailing": bool, "subject_next_to_verb": bool,
         "media_cue_person_is_medium": bool, "parenthetical_ignore_case": bool,
         "recognised_names": bool}
GRAMMARS_KEY = "grammars"

# A capitalised name token: "Peskov", "Won-sik", "Leif-Eric", "O'Brien", "U.S.", "KCNA", "G20".
UPPER = "A-ZÀ-ÖØ-Þ"
TOKEN = rf"(?:[{UPPER}](?:\.[{UPPER}])+\.?|[{UPPER}][\w]*(?:[-'’][^\W\d_][\w]*)*)"
PARTICLE = "(?:" + "|".join(sorted(name_particles(in_running_text=True), key=lambda w: (-len(w), w))) + ")"
CHUNK_RE = re.compile(
    rf"(?<![\w-]){TOKEN}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{TOKEN})*"
    rf"(?:[ \t]*\((?P<acr>[{UPPER}][\w.-]*(?:[ \t][{UPPER}][\w.-]*){{0,3}})\))?"
)
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# ke-…-an / pe(r|n|m)-…-an nouns are portfolios, not names: Pertahanan, Keamanan, Pendidikan.
PORTFOLIO_RE = re.compile(r"^(?:ke|per|pen|pem|peng|peny|pe)\w{3,}an$", re.I)


def _alt(words) -> str:
    """Regex alternation, longest first, spaces matching any run of blanks."""
    ws = sorted({w.strip().lower() for w in words if w and w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ws) or r"(?!x)x"


def _phrases(words) -> tuple[tuple[str, ...], ...]:
    """Multi-word entries as token tuples, longest first."""
    out = {tuple(w.lower().split()) for w in words if w and w.strip()}
    return tuple(sorted(out, key=len, reverse=True))


def _index(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by first word (each list longest first) for O(1) lookup per token."""
    idx: dict[str, list] = {}
    for p in phrases:
        idx.setdefault(p[0], []).append(p)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in idx.items()}


def _match(idx: dict, tokens: list[str], i: int) -> int:
    if i >= len(tokens):
        return 0
    cands = idx.get(tokens[i].lower())
    if not cands:
        return 0
    for p in cands:
        n = len(p)
        if i + n <= len(tokens) and all(tokens[i + k].lower() == p[k] for k in range(1, n)):
            return n
    return 0


@dataclass(frozen=True)
class Lexicon:
    lang: str
    words: dict  # key -> frozenset of single lower-case words
    phrases: dict  # key -> tuple of token tuples (multi-word aware)
    trailing: re.Pattern  # right after a closing quote
    trailing_inverted: re.Pattern | None  # English: "…," Smith said
    leading: re.Pattern
    passive: re.Pattern
    according: re.Pattern
    media_cue: re.Pattern
    channel: re.Pattern
    parenthetical: re.Pattern  # ", kata X," inside a sentence without quotes
    rules: dict  # attribution.yaml `rules`: how the language builds an attribution
    raw: dict  # key -> the entries as written (multi-word ones whole)

    def has(self, key: str, word: str) -> bool:
        return word.lower() in self.words[key]

    def match_phrase(self, key: str, tokens: list[str], i: int) -> int:
        """Length (in tokens) of the longest `key` phrase starting at tokens[i], else 0."""
        return _match(self.phrases[key], tokens, i)


@dataclass(frozen=True)
class Places:
    index: dict  # first word -> phrases (places and institutions)
    names: frozenset  # every entry, lower-case, space-joined
    place_names: frozenset = frozenset()  # the `places` entries only (no institutions)

    def match(self, tokens: list[str], i: int) -> int:
        return _match(self.index, tokens, i)


def _build(lang: str, d: dict) -> Lexicon:
    missing = [k for k in LANG_KEYS if k not in d]
    if missing:
        raise DataFileError(f"attribution.yaml: language {lang!r} lacks {', '.join(missing)}")
    rules = _rules(lang, d.get("rules"))
    d = {k: [str(x) for x in (d.get(k) or [])] for k in LANG_KEYS}
    forms = list(d["pronoun_forms"])
    forms += [v + suffix for suffix in rules["pronoun_suffixes"] for v in d["trailing_verbs"]]
    verbs = _alt(d["trailing_verbs"])
    pron = _alt(d["pronouns"])
    trailing = re.compile(
        rf"[\s,.]*(?:(?P<form>{_alt(forms)})\b|(?P<verb>{verbs})\b(?:\s+(?P<pron>{pron})\b)?)",
        re.I,
    )
    inverted = None
    if rules["inverted_trailing"]:
        inverted = re.compile(
            rf"[\s,]*(?:(?P<pron>{pron})|(?P<name>{CHUNK_RE.pattern}))\s+(?P<verb>{verbs})\b"
        )
    lead = re.compile(rf"(?<![\w-])(?P<verb>{_alt(d['leading_verbs'])})\b", re.I)
    passive = re.compile(
        rf"(?<![\w-])(?P<verb>{_alt(d['passive_verbs'])})\s+(?:(?:{_alt(d['agent_markers'])})\s+)?", re.I
    )
    according = re.compile(rf"(?<![\w-])(?P<verb>{_alt(d['according'])})[\s,]+", re.I)
    fill = _alt(d["cue_fillers"])
    media_cue = re.compile(
        rf"(?<![\w-])(?:(?:seperti|sebagaimana|as)\s+)?(?P<verb>{_alt(d['media_cues'])})\b"
        rf"(?:[\s,:]+(?:{fill})\b)*[\s,:]+",
        re.I,
    )
    channel = re.compile(rf"(?<![\w-])(?P<verb>{_alt(d['channel_preps'])})\s+", re.I)
    parenthetical = re.compile(rf",\s*(?P<verb>{verbs})\s+(?=[{UPPER}])", re.I if rules["parenthetical_ignore_case"] else 0)
    words, phrases = {}, {}
    for k in LANG_KEYS:
        words[k] = frozenset(w.lower() for w in d[k] if " " not in w.strip())
        phrases[k] = _index(_phrases(d[k]))
    return Lexicon(lang, words, phrases, trailing, inverted, lead, passive, according,
                   media_cue, channel, parenthetical, rules, d)


def _rules(lang: str, rules) -> dict:
    where = f"attribution.yaml: `{lang}.rules`"
    if not isinstance(rules, dict):
        raise DataFileError(f"{where} must be a mapping with {', '.join(RULES)}")
    for key, typ in RULES.items():
        if not isinstance(rules.get(key), typ):
            raise DataFileError(f"{where}.{key} must be {typ.__name__}, got {rules.get(key)!r}")
    unknown = set(rules) - set(RULES)
    if unknown:
        raise DataFileError(f"{where}: unknown key(s) {sorted(unknown)}")
    return rules


@functools.lru_cache(maxsize=1)
def grammars_by_language() -> dict[str, tuple[str, ...]]:
    """Detected language -> the attribution.yaml sections that read it (`grammars`)."""
    data = load_yaml("attribution.yaml")
    g = data.get(GRAMMARS_KEY) if isinstance(data, dict) else None
    if not isinstance(g, dict) or not all(isinstance(v, list) and v for v in g.values()):
        raise DataFileError("attribution.yaml: `grammars` must map each language to a list of sections")
    for lang, sections in g.items():
        for s in sections:
            if s == GRAMMARS_KEY or not isinstance(data.get(s), dict):
                raise DataFileError(f"attribution.yaml: `grammars.{lang}` names {s!r}, which is no language section")
    return {str(k): tuple(v) for k, v in g.items()}


@functools.lru_cache(maxsize=1)
def third_person_pronouns() -> tuple[str, ...]:
    """Every section's `pronouns` but its `not_third_person`: a capitalised one opening a
    clause stands for the last named speaker, whatever the article's language."""
    out: list[str] = []
    for lang in languages():
        d = load_yaml("attribution.yaml")[lang]
        out += [p for p in d["pronouns"] if p not in d["not_third_person"] and p not in out]
    return tuple(out)


@functools.lru_cache(maxsize=None)
def get_lexicon(lang: str) -> Lexicon:
    data = load_yaml("attribution.yaml")
    if not isinstance(data, dict) or lang not in data:
        raise DataFileError(f"attribution.yaml: no section for language {lang!r}")
    return _build(lang, data[lang])


@functools.lru_cache(maxsize=1)
def get_places() -> Places:
    data = load_yaml("sources_places.yaml")
    if not isinstance(data, dict):
        raise DataFileError("sources_places.yaml: expected a mapping with `places` and `institutions`")
    inst = _phrases(data.get("institutions") or [])
    places = _phrases(data.get("places") or [])
    return Places(_index(inst + places), frozenset(" ".join(p) for p in inst + places),
                  frozenset(" ".join(p) for p in places))


def languages() -> tuple[str, ...]:
    data = load_yaml("attribution.yaml")
    return tuple(k for k in data if isinstance(data[k], dict) and k != GRAMMARS_KEY)
