"""One parse per HTML page: trafilatura's body and the metadata kabar reads from it are
what trafilatura's own metadata pass (`with_metadata=True` on the markup) gives."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import trafilatura
from trafilatura.settings import set_date_params

from kabar.clean import CleanStep, html_settings
from kabar.clean.html import HTMLDATE_FORMAT, extract, htmldate_stamp, page_fields, parse, searched_author
from kabar.enrich import htmlmeta
from kabar.record import Doc

WCXB = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "wcxb-dev-articles" / "html"
# pages whose author trafilatura finds only in the page body, and pages with one in <meta>/JSON-LD
PAGES = sorted(WCXB.glob("*.html.gz"))[:12]
NO_META_AUTHOR = """<html lang="en"><head><title>Rain floods the valley again | Valley News</title>
<link rel="canonical" href="https://news.example.org/2025/03/01/rain"></head><body>
<h1>Rain floods the valley again</h1><p class="byline">By Maria Lopez</p><p>Published March 1, 2025</p>
<p>Heavy rain flooded the valley on Saturday for the second time this month, officials said.</p>
<p>The river rose two metres overnight and several roads were closed to traffic until Sunday.</p>
</body></html>"""


def _markup(p: Path) -> str:
    return gzip.decompress(p.read_bytes()).decode("utf-8", "replace")


def _trafilatura_with_metadata(html: str) -> dict:
    dates = {**set_date_params(extensive=False), "outputformat": HTMLDATE_FORMAT}
    got = trafilatura.bare_extraction(html, with_metadata=True, date_extraction_params=dates,
                                      include_comments=False, include_tables=True)
    return got.as_dict()


@pytest.mark.skipif(not PAGES, reason="WCXB dev articles not present beside the checkout")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_fields_and_body_as_trafilatura_metadata_pass(page, monkeypatch):
    monkeypatch.setattr(html_settings, "FALLBACK", "always")  # trafilatura's own cascade, as its call runs it
    html = _markup(page)
    want = _trafilatura_with_metadata(html)
    tree = parse(html)
    doc = Doc(source_uri=page.name, source_format="html", content=html, content_type="html")
    doc.html_meta = page_fields(tree, None)
    got = {k: doc.html_meta[k] for k in ("title", "url", "hostname")}
    got["author"] = searched_author(doc)
    got["date"] = htmldate_stamp(doc)
    assert got == {k: want[k] for k in got}
    assert extract(tree, None)["text"] == want["text"]


def test_author_searched_in_body_only_when_asked():
    tree = parse(NO_META_AUTHOR)
    fields = page_fields(tree, "https://news.example.org/x")
    assert fields["author"] is None and fields["author_searched"] is False
    doc = Doc(source_uri="a.html", source_format="html", content=NO_META_AUTHOR, content_type="html")
    doc.html_meta = dict(fields)
    want = _trafilatura_with_metadata(NO_META_AUTHOR)
    assert want["author"] and searched_author(doc) == want["author"]
    assert doc.html_meta["author_searched"] is True
    assert htmldate_stamp(doc) == want["date"]


def test_tree_shared_and_left_unchanged():
    """trafilatura copies the tree it is given; htmlmeta reads the same one."""
    import lxml.html

    tree = parse(NO_META_AUTHOR)
    before = lxml.html.tostring(tree)
    extract(tree, None)
    assert lxml.html.tostring(tree) == before
    doc = Doc(source_uri="a.html", source_format="html", content=NO_META_AUTHOR, content_type="html")
    CleanStep().process(doc)
    from_clean = doc.html_meta[htmlmeta.KEY]
    assert from_clean == htmlmeta.read(NO_META_AUTHOR)
    assert htmlmeta.page_meta(doc) is from_clean and htmlmeta.KEY not in doc.html_meta  # handed over once
    assert htmlmeta.page_meta(doc) == from_clean  # read again from the markup
