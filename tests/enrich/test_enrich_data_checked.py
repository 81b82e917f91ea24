"""Words, thresholds and language rules are data, and a bad data file fails at start-up
with an error that names the key (never a KeyError deep inside a document's enrichment)."""
from __future__ import annotations

import copy

import pytest

from kabar.enrich.settings import parse
from kabar.enrich.sources import lexicon
from kabar.resources import DataFileError, load_yaml


def test_the_shipped_files_pass():
    parse(load_yaml("enrich.yaml"))
    for lang in lexicon.languages():
        lexicon.get_lexicon(lang)
    assert set(lexicon.grammars_by_language()) >= {"id", "en", "und"}


@pytest.mark.parametrize("section,key,value,message", [
    ("byline", "conjunctions", None, "`byline.conjunctions` is missing"),
    ("sources", "name_after_cue", "six", "`sources.name_after_cue` must be int"),
    ("title", "shown_length", ["a"], "`title.shown_length` must be a list of numbers"),
    ("html_meta", "date_keys", [""], "`html_meta.date_keys` must be a list of non-empty strings"),
])
def test_a_bad_enrich_setting_is_named(section, key, value, message):
    data = copy.deepcopy(load_yaml("enrich.yaml"))
    if value is None:
        del data[section][key]
    else:
        data[section][key] = value
    with pytest.raises(DataFileError, match=message.replace("`", "\\`").replace(".", "\\.")):
        parse(data)


def test_bad_attribution_rules_are_named():
    section = copy.deepcopy(load_yaml("attribution.yaml")["en"])
    section["rules"]["inverted_trailing"] = "yes"
    with pytest.raises(DataFileError, match=r"`en.rules`.inverted_trailing must be bool"):
        lexicon._build("en", section)
    del section["rules"]
    with pytest.raises(DataFileError, match=r"`en.rules` must be a mapping"):
        lexicon._build("en", section)


def test_language_behaviour_comes_from_its_rules():
    id_lex, en_lex = lexicon.get_lexicon("id"), lexicon.get_lexicon("en")
    assert id_lex.trailing.match(', ujarnya') and not en_lex.trailing.match(', saidnya')
    assert en_lex.trailing_inverted is not None and id_lex.trailing_inverted is None
    # every language's third-person pronouns, none of those marked `not_third_person`
    pron = lexicon.third_person_pronouns()
    assert {"dia", "she"} <= set(pron) and not {"kami", "we", "it"} & set(pron)
