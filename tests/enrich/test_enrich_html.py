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
    # the <h1> is a section name; the headline is set in another element and is the metadata title
    (page("Cybersecurity Sector Update Fall 2025 | Kroll", h1s=["M&A Updates"],
          after_h1="<div class='hero'>Cybersecurity Sector Update Fall 2025</div>"), "Cybersecurity Sector Update Fall 2025"),
    # an <h1> written as a host name is the logo; the site name leading <title> goes too
    (page("davidbau.com Vibe Coding", h1s=["davidbau.com"]), "Vibe Coding"),
    # a site label before the headline in the metadata title: the <h1>
    (page("Garnix Blog: Hardware-Attested Nix Builds", h1s=["Hardware-Attested Nix Builds"]),
     "Hardware-Attested Nix Builds"),
    # a bullet before the site name
    (page("A brief intro to git • Cory Dransfeldt", site="Cory Dransfeldt", h1s=["Cory Dransfeldt"]),
     "A brief intro to git"),
    # a paragraph set in <h1> is no headline
    (page("The 10 Best ROI Projects of 2023 | RenoFi", h1s=["Learn which home renovations have the best return on "
          "investment and get expert tips on how to understand and calculate it. We will help you learn everything "
          "you need to know about the value of your project."]), "The 10 Best ROI Projects of 2023"),
    # UTF-8 read as Latin-1 by a page with the wrong charset, decoded back
    (page("A DIY Investor\u00e2\u0080\u0099s Guide | WCI", h1s=["A DIY Investor\u00e2\u0080\u0099s Guide"]),
     "A DIY Investor\u2019s Guide"),
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
    # plain labelled text under the headline, no byline element
    ("<p>Written by</p><p>Edzel Tabing</p>", ["Edzel Tabing"]),
    ("<p>By Preetam Jinka</p><p>Co-founder and Chief Architect</p>", ["Preetam Jinka"]),
    # the "by" of a reviewer's credit is not the author's
    ("<p>Medically reviewed</p><p>by</p><p>Kim Rose</p><p>Written by</p><p>Jillian Kubala, MS, RD</p>",
     ["Jillian Kubala, MS, RD"]),
    # the name follows the author's "by" wherever it stands; a dangling "on" goes
    ('<div class="byline">Updated January 08, 2026 Written by Meghan Neville</div>', ["Meghan Neville"]),
    ('<div class="byline">by Matt Miller on Dec 16, 2025 at 11:00 AM</div>', ["Matt Miller"]),
    ('<div class="author">Insights from <span class="author-name">Liza Burke</span></div>', ["Liza Burke"]),
    # a role after a comma is read whole, "and" included
    ('<div class="byline">By Brett Cruz, Privacy and Digital Security Expert</div>',
     ["Brett Cruz, Privacy and Digital Security Expert"]),
    # an author list set one element per name, each ending in a separator
    ('<span class="author">Jennifer Huberty 1 ;</span><span class="author">Jeni Green 1 ;</span>'
     '<span class="author">Chong Lee 1</span>', ["Jennifer Huberty", "Jeni Green", "Chong Lee"]),
    # detik's byline element: names, dash, outlet
    ('<div class="detail__author">Novi Christiastuti - detikNews</div>', ["Novi Christiastuti"]),
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


def ld(*names):
    authors = ",".join(f'{{"@type":"Person","name":"{n}"}}' for n in names)
    return f'<script type="application/ld+json">{{"@type":"NewsArticle","author":[{authors}]}}</script>'


@pytest.mark.parametrize("head_extra,after_h1,authors", [
    # a desk byline gives way to the person the JSON-LD names
    (ld("Jay Berstein"), '<span class="author">Aidoc Staff</span>', ["Jay Berstein"]),
    # a byline showing the first name only: the JSON-LD list is complete
    (ld("Jared Newman", "Sam Singleton"), "<p>By Jared Newman</p>", ["Jared Newman", "Sam Singleton"]),
    # besides JSON-LD persons, <meta name=author> names the publisher (Kompas): not read
    (ld("Chella Defa Anjelina", "Mahardini Nur Afifah") + '<meta name="author" content="Kompas Cyber Media">',
     "", ["Chella Defa Anjelina", "Mahardini Nur Afifah"]),
    # "Tim" is a first name, not a desk word, in English
    (ld("Someone Else"), '<span class="author">Tim Enwall</span>', ["Tim Enwall"]),
    # <meta name=author> alone
    ('<meta name="author" content="Fathur Rochman">', "", ["Fathur Rochman"]),
    # an outlet as author (CNN Indonesia) and the "(xyz/abc)" initials are no person
    ('<meta name="author" content="CNN Indonesia">', '<div class="text-cnn_grey">CNN Indonesia</div><p>(fby/sfr)</p>',
     []),
])
def test_metadata_authors(head_extra, after_h1, authors):
    d = html_doc(page("A Headline Here | Site", h1s=["A Headline Here"], after_h1=after_h1, head_extra=head_extra))
    assert d.authors == authors


def test_labelled_text_before_the_headline_is_a_menu():
    html = ("<html><head><title>A Headline Here | Site</title></head><body><nav><p>By Style</p><p>By State</p></nav>"
            "<h1>A Headline Here</h1><p>Body text of the article that is long enough to read.</p>"
            + "<p>Filler paragraph of the article body.</p>" * 45 + "<p>by Kan Chu Sen, 1721.</p></body></html>")
    assert html_doc(html).authors == []


LEAD_ID = ("Presiden Rusia Vladimir Putin tiba di Pyongyang untuk bertemu pemimpin Korea Utara Kim Jong Un pada "
           "Rabu dini hari waktu setempat dalam kunjungan kenegaraan.")


def outlet_page(head_extra, header, lead, foot=""):
    body = "".join(f"<p>{lead if k == 0 else ''}{LEAD_ID}</p>" for k in range(3))
    return (f'<html lang="id"><head><title>Putin Tiba di Pyongyang</title>{head_extra}</head><body>'
            f'<h1>Putin Tiba di Pyongyang</h1>{header}<div class="content">{body}{foot}</div></body></html>')


@pytest.mark.parametrize("head_extra,header,lead,foot,authors", [
    # detik: the byline element "Name - detikNews"
    ("", '<div class="detail__author">Novi Christiastuti - detikNews</div><div>Rabu, 19 Jun 2024 10:15 WIB</div>',
     "<strong>Moskow</strong> - ", "", ["Novi Christiastuti"]),
    # Kompas: JSON-LD persons; <meta name=author> names the publisher; "Tim Redaksi" is a desk label
    (ld("Chella Defa Anjelina", "Mahardini Nur Afifah") + '<meta name="author" content="Kompas Cyber Media">',
     "<div>Kompas.com - 19/06/2024, 15:00 WIB</div><div>Tim Redaksi</div>", "KOMPAS.com - ", "",
     ["Chella Defa Anjelina", "Mahardini Nur Afifah"]),
    # Tribunnews: the outlet as <meta name=author>, the person in JSON-LD, the editor apart
    (ld("Reza Deni") + '<meta name="author" content="Tribunnews.com">',
     '<div id="penulis">Penulis: Reza Deni</div><div id="editor">Editor: Wahyu Aji</div>',
     "TRIBUNNEWS.COM, JAKARTA - ", "", ["Reza Deni"]),
    # CNN Indonesia: the outlet and "(xyz/abc)" initials, no person
    ('<meta name="author" content="CNN Indonesia">', "<div>CNN Indonesia</div><div>Rabu, 19 Jun 2024 10:15 WIB</div>",
     "Jakarta, CNN Indonesia -- ", "<p>(fby/sfr)</p>", []),
    # Antara: no metadata author, "Pewarta: / Editor:" at the foot
    ("", "<p>Rabu, 19 Juni 2024 10:15 WIB</p>", "Jakarta (ANTARA) - ",
     "<p>Pewarta: Fathur Rochman<br>Editor: Agus Salim<br>COPYRIGHT © ANTARA 2024</p>", ["Fathur Rochman"]),
])
def test_indonesian_outlet_pages(head_extra, header, lead, foot, authors):
    from kabar.clean import CleanStep

    d = Doc(source_uri="t.html", source_format="html", content=outlet_page(head_extra, header, lead, foot),
            content_type="html", fetched_at=FETCHED)
    shard = CleanStep()([d])
    EnrichStep()(shard.docs)
    assert shard.docs[0].authors == authors
    assert shard.docs[0].title == "Putin Tiba di Pyongyang"
