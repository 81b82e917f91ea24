"""Quoted and cited sources of an article, in four layers, each importing only those below:

    lexicon     words and phrases of `attribution.yaml` / `sources_places.yaml`, compiled
    names       candidate names in the text: chunks, roles, places, person / media / organisation
    grammar     one paragraph in, attribution events out (who speaks, with which cue)
    resolution  events of the whole article -> one `Source` per speaker (pronouns, fullest names)

tests/sources/test_sources_layers.py checks the layering by reading the imports.
"""
from kabar.enrich.extractors import extractor
from kabar.enrich.sources.resolution import extract_sources


@extractor(name="sources", reads=("doc", "resources", "language", "outlet"), writes=("sources",))
def sources(doc, resources, language: str, outlet: str | None):
    return extract_sources(doc, resources.registry, language, outlet)

__all__ = ["extract_sources"]
