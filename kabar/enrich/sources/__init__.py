"""Quoted and cited sources of an article, in four layers, each importing only those below:

    lexicon     words and phrases of `attribution.yaml` / `sources_places.yaml`, compiled
    names       candidate names in the text: chunks, roles, places, person / media / organisation
    grammar     one paragraph in, attribution events out (who speaks, with which cue)
    resolution  events of the whole article -> one `Source` per speaker (pronouns, fullest names)

tests/sources/test_sources_layers.py checks the layering by reading the imports.
"""
from kabar.enrich.sources.resolution import extract_sources

__all__ = ["extract_sources"]
