"""Indonesian name recogniser: PER / ORG / LOC spans in running text.

A linear-chain CRF (python-crfsuite) over token shape, affixes, neighbouring words, and
gazetteers kept as data (`data/registry/ner/`: roles and units, how often each word is
written in lower case in real news, the outlet registry). Trained on idner-news-2k and on
silver sentences from real news: people a quote's speech verb names (`silver`).

    recognise(text) -> [Entity(start, end, type, text)]     model loaded once per process
    python -m kabar.ner.train                               rebuild the word counts and model
    python -m kabar.ner.evaluate --split test               entity F1 per type, rule chunker beside
"""
from kabar.ner.model import Entity, recognise

__all__ = ["Entity", "recognise"]
