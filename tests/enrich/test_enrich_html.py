"""HTML path of enrich: headline choice, visible byline, visible date (one rule per row)."""
from datetime import datetime, timezone

import pytest

from kabar.enrich import EnrichStep
from kabar.enrich.htmlmeta import read
from kabar.enrich.title import strip_site, title_from_html
from kabar.record import BODY, Doc, ZoneLine

FETCHED = datetime(2026, 1, 1, tzinfo=timezone.utc)


def page(title="", og="", site="", h1s=(), after_h1="", head_extra=""):
    metas = (f'<meta property="og:title" content="{og}">' if og else "") + \
        (f'<meta property="og:site_name" content="{site}">' if site else "")
    h = "".join(f"<h1>{x}</h1>" for x in h1s)
    return (f"<html><head><title>{title}</title>{metas}{head_extra}</head><body><header>Menu</header>"
            f"{h}{after_h1}<p>Body text of the article that is long enough to read.</p></body></html>")


@pytest.mark.parametrize("html,expected", [
    # an <h1> that agrees with the metadata title
    (page("Headline Of The Day | Site", h1s=["Headline Of The Day"]), "Headline Of The Day"),
    # an <h1> equal to the site name is a masthead, not the headline
    (page("Yoga Won't Fix It – Yoga Place", og="Yoga Won't Fix It", site="Yoga Place", h1s=["Yoga Place"]),
     "Yoga Won't Fix It"),
    # a label or date before the metadata title in the <h1> is page chrome
    (page("Preparing a transition | Blog", og="Preparing a transition", h1s=["Dec 18 2025 Preparing a transition"]),
     "Preparing a transition"),
    (page("Best Agencies in 2025 | Firm", h1s=["Blog: Best Agencies in 2025"]), "Best Agencies in 2025"),
    # an article before it is not: the <h1> stays
    (page("Best Home Cameras of 2026 | Shop", h1s=["The Best Home Cameras of 2026"]), "The Best Home Cameras of 2026"),
    # a section or date suffix in the <h1> is chrome; more words of headline are not
    (page("How to sleep well | Health", h1s=["How to sleep well | Patient Education"]), "How to sleep well"),
    (page("Renovation Costs in the Bay | Builders", h1s=["Renovation Costs in the Bay: Room-by-Room Breakdown"]),
     "Renovation Costs in the Bay: Room-by-Room Breakdown"),
    # a truncated <title> is never preferred to the full <h1> ("… and k")
    (page("Set up your desk, laptop and k | Shop", h1s=["Set up your desk, laptop and keyboard (checklist)"]),
     "Set up your desk, laptop and keyboard (checklist)"),
    # the same headline typed twice: the metadata text (no glued spans)
    (page("Weekend Coding Agent | Labs", h1s=["WEEKENDCODING AGENT"]), "Weekend Coding Agent"),
    # ... but not when a number differs
    (page("7 Trends to Watch in 2024 | Site", h1s=["7 Trends to Watch in 2025"]), "7 Trends to Watch in 2025"),
])
def test_html_title_rules(html, expected):
    assert title_from_html(read(html), None) == expected


@pytest.mark.parametrize("title,site,expected", [
    ("Transitioning to a diet – tips and tricks | Parkview Health", None, "Transitioning to a diet – tips and tricks"),
    ("How to help babies sleep | Patient Education | UC Davis Health", None, "How to help babies sleep"),
    ("RogerBW's Blog: Advent of Code 2025 week 2", "RogerBW's Blog", "Advent of Code 2025 week 2"),
    ("Corti introduces GIM: a method", "Corti", "Corti introduces GIM: a method"),  # no separator: kept
])
def test_strip_site(title, site, expected):
    assert strip_site(title, site) == expected


def html_doc(html):
    d = Doc(source_uri="t.html", source_format="html", content=html, content_type="html",
            url="https://example.org/a", fetched_at=FETCHED)
    d.zones = [ZoneLine(0, "Body text of the article that is long enough to read for the test.", BODY)]
    d.text = d.zones[0].text
    d.html_meta = {}
    EnrichStep().process(d)
    return d


@pytest.mark.parametrize("byline,authors", [
    ('<p class="byline">By <a rel="author" href="/a">Jane Doe</a> | Updated Jan 2, 2025</p>', ["Jane Doe"]),
    ('<div class="author-name">Author Isaiah Shelton</div>', ["Isaiah Shelton"]),
    ('<span class="byline">Shelby Loos, DVM Reviewed by Molly Price</span>', ["Shelby Loos, DVM"]),
    ('<span class="byline">Mike Marshall, Shipping Expert</span>', ["Mike Marshall, Shipping Expert"]),
    ('<span class="author">Haley Hoekstra • March 12, 2025</span>', ["Haley Hoekstra"]),
    ('<span class="author">Gary Marcus<span>Dec 18, 2025</span></span>', ["Gary Marcus"]),
    ('<div class="author">Chirag Bhardwaj VP Technology</div>', ["Chirag Bhardwaj"]),
    ('<div class="byline">Guides By Ramon Berenguer</div>', ["Ramon Berenguer"]),
    ('<div class="byline">By Manoj Jain and Jagpreet Chhatwal</div>', ["Manoj Jain", "Jagpreet Chhatwal"]),
    ('<div class="byline">Written By</div>', []),
])
def test_visible_byline_by_the_headline(byline, authors):
    d = html_doc(page("A Headline Here | Site", h1s=["A Headline Here"], after_h1=byline))
    assert d.authors == authors


def test_visible_byline_beats_metadata_author():
    extra = '<meta name="author" content="Site Editorial Team">'
    d = html_doc(page("A Headline Here | Site", h1s=["A Headline Here"], head_extra=extra,
                      after_h1='<span class="author-name">Jane Doe</span>'))
    assert d.authors == ["Jane Doe"]


@pytest.mark.parametrize("after_h1,head_extra,day", [
    # the date shown by the headline beats the page's metadata date
    ("<p>Published March 5, 2025</p>", '<meta property="article:published_time" content="2025-01-01">',
     "2025-03-05"),
    # shown first-publication date beats a shown "Updated" date (kabar's convention)
    ("<p>Updated: 9 December 2025</p><p>Published 18th November 2025</p>", "", "2025-11-18"),
    # an "Updated" date alone is taken
    ("<p>Last updated Dec 18, 2025</p>", "", "2025-12-18"),
    # a <time datetime> when no date is written out
    ('<p><time datetime="2025-07-02T10:00:00+00:00">yesterday</time></p>', "", "2025-07-02"),
])
def test_visible_date_by_the_headline(after_h1, head_extra, day):
    d = html_doc(page("A Headline Here | Site", h1s=["A Headline Here"], after_h1=after_h1, head_extra=head_extra))
    assert (d.published_at_local or "")[:10] == day
