"""trafilatura's fallback comparison (readability, then justext) runs only where its own
extraction looks doubtful (`FALLBACK = "gated"`, html_settings.py)."""
from __future__ import annotations

import inspect

import pytest
import trafilatura.core
import trafilatura.external

from kabar.clean import html, html_settings as H

PARA = "The council met on Tuesday to discuss the new budget for the city's schools and roads."
SHORT_ARTICLE = f"""<html><head><title>Budget</title></head><body><article>
{"".join(f"<p>{PARA} Paragraph {i} of the story.</p>" for i in range(3))}</article></body></html>"""
LONG_ARTICLE = f"""<html><head><title>Budget</title></head><body><article>
{"".join(f"<p>{PARA} Paragraph {i} of the story.</p>" for i in range(60))}</article></body></html>"""


@pytest.fixture
def comparisons(monkeypatch):
    """How many times trafilatura's own comparison ran."""
    calls = []
    original = html._compare_extraction

    def counted(*args):
        calls.append(args)
        return original(*args)
    monkeypatch.setattr(html, "_compare_extraction", counted)
    return calls


def test_the_gate_is_the_comparison_trafilatura_calls():
    assert trafilatura.core.compare_extraction is html._gated_comparison
    # the pinned trafilatura's comparison, with the arguments the gate passes on
    params = list(inspect.signature(html._compare_extraction).parameters)
    assert html._compare_extraction is trafilatura.external.compare_extraction
    assert params == ["cleaned_tree", "raw_tree", "body", "text", "options"]


def test_gated_compares_a_short_extraction_only(comparisons, monkeypatch):
    monkeypatch.setattr(H, "FALLBACK", "gated")
    long = html.extract(LONG_ARTICLE, None)["text"]
    assert len(long) >= H.FALLBACK_TEXT_CHARS and not comparisons
    short = html.extract(SHORT_ARTICLE, None)["text"]
    assert len(short) < H.FALLBACK_TEXT_CHARS and comparisons


@pytest.mark.parametrize("mode, compared", [("always", True), ("never", False)])
def test_always_and_never(comparisons, monkeypatch, mode, compared):
    monkeypatch.setattr(H, "FALLBACK", mode)
    html.extract(LONG_ARTICLE, None)
    assert bool(comparisons) is compared


def test_doubtful_extraction():
    from lxml.etree import Element, SubElement

    body = Element("body")
    for _ in range(3):
        SubElement(body, "p").text = "x"
    assert html.doubtful_extraction(body, "x" * (H.FALLBACK_TEXT_CHARS - 1))
    assert not html.doubtful_extraction(body, "x" * H.FALLBACK_TEXT_CHARS)
    one = Element("body")
    SubElement(one, "p")
    assert html.doubtful_extraction(one, "x" * H.FALLBACK_TEXT_CHARS)  # one block: structure trafilatura doubts too
