"""Quoted and cited sources of an article, in five layers, each importing only those below:

    lexicon     words and phrases of `attribution.yaml` / `sources_places.yaml`, compiled
    names       candidate names in the text: chunks, roles, places, person / media / organisation
    grammar     one paragraph in, attribution events out (who speaks, with which cue)
    decision    keep or drop a candidate source: a learned model (`sources_keep.yaml`,
                rebuilt by `python -m kabar.evaluate.sources_model`)
    resolution  events of the whole article -> candidate sources (pronouns, fullest names),
                the decision, then one `Source` per speaker

tests/sources/test_sources_layers.py checks the layering by reading the imports.
"""
from kabar.enrich.extractors import extractor
from kabar.enrich.sources.resolution import extract_sources


@extractor(name="sources", reads=("doc", "resources", "language", "outlet"), writes=("sources",))
def sources(doc, resources, language: str, outlet: str | None):
    return extract_sources(doc, resources.registry, language, outlet)

__all__ = ["extract_sources"]
