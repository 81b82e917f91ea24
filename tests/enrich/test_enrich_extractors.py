"""Enrich's field extractors: each runs alone on a Doc, and their declared order is checked."""
from __future__ import annotations

import pytest

from kabar.enrich import EXTRACTORS, EnrichStep, dateline, dates, header, htmlmeta, title
from kabar.enrich.extractors import ExtractorError, extractor, plan, run
from kabar.record import BODY, META, TITLE, Doc, ZoneLine

LEAD = "Jakarta - Pemerintah mengumumkan kebijakan baru untuk menurunkan harga beras di seluruh provinsi."


def text_doc(lines) -> Doc:
    d = Doc(source_uri="t", source_format="text", content="\n".join(t for _, _, t in lines), content_type="text")
    d.zones = [ZoneLine(i, t, z, r) for i, (z, r, t) in enumerate(lines)]
    d.text = "\n\n".join(t for z, _, t in lines if z == BODY)
    return d


PAGE = [(TITLE, "headline", "Harga Beras Turun Pekan Ini"), (META, "date", "Rabu, 19 Jun 2024 10:00 WIB"),
        (META, "byline", "Penulis: Budi Santoso"), (BODY, "", LEAD)]


def only(*extractors):
    """Run just these extractors (and nothing else) on a doc."""
    return plan(list(extractors), catalogue=EXTRACTORS)


def test_title_alone_on_a_text_doc_writes_the_title_and_no_anchor():
    d = text_doc(PAGE)
    values = run(only(htmlmeta.page_meta, title.find_title), d, EnrichStep().resources)
    assert d.title == "Harga Beras Turun Pekan Ini" and values["title_anchor"] is None


def test_title_on_an_html_page_writes_where_the_headline_is_shown():
    html = ("<html><head><title>Big News | Site</title></head><body><nav>Menu</nav>"
            "<h1>Big News</h1><p>By Jane Doe</p></body></html>")
    d = Doc(source_uri="t", source_format="html", content=html, content_type="html")
    values = run(only(htmlmeta.page_meta, title.find_title), d, EnrichStep().resources)
    meta = values["page_meta"]
    assert d.title == "Big News" and meta.chunks[values["title_anchor"]] == "Big News"


def test_time_datetime_values_are_typed_not_prefixed_text():
    meta = htmlmeta.read('<html><body><h1>X</h1><time datetime="2025-07-02T10:00:00+00:00">yesterday</time></body></html>')
    stamps = [c for c in meta.chunks if isinstance(c, htmlmeta.TimeValue)]
    assert stamps == ["2025-07-02T10:00:00+00:00"]
    assert "yesterday" in meta.chunks and not isinstance(meta.chunks[meta.chunks.index("yesterday")], htmlmeta.TimeValue)


def test_dateline_alone_reads_only_the_header():
    d = text_doc(PAGE)
    run(only(header.header, dateline.dateline), d, EnrichStep().resources)
    assert d.dateline == "Jakarta" and d.authors == [] and d.published_at is None


def test_date_lines_are_the_header_lines_with_a_stamp():
    d = text_doc(PAGE)
    assert dates.date_line_numbers(header.header_of(d), None, "id") == {1}


def test_a_missing_input_names_the_reader_and_the_writer_left_out():
    with pytest.raises(ExtractorError, match=r"'published' reads 'title_anchor', written by extractor 'title'"):
        plan([e for e in EXTRACTORS if e.name != "title"], catalogue=EXTRACTORS)


def test_an_input_nobody_writes_is_named():
    @extractor(reads=("doc", "mood"), writes=("tone",))
    def tone(doc, mood):
        return mood

    with pytest.raises(ExtractorError, match=r"'tone' reads 'mood', which no extractor writes"):
        plan([tone])


def test_a_cycle_names_both_extractors():
    a = extractor(name="a", reads=("y",), writes=("x",))(lambda y: y)
    b = extractor(name="b", reads=("x",), writes=("y",))(lambda x: x)
    with pytest.raises(ExtractorError, match=r"'a' reads 'y' from 'b', 'b' reads 'x' from 'a'"):
        plan([a, b])


def test_two_writers_of_one_value_are_named():
    a = extractor(name="a", reads=("doc",), writes=("x",))(lambda d: 1)
    b = extractor(name="b", reads=("doc",), writes=("x",))(lambda d: 2)
    with pytest.raises(ExtractorError, match=r"'a' and 'b' both write 'x'"):
        plan([a, b])


def test_the_order_follows_the_declarations_whatever_the_listed_order():
    ordered = plan(list(reversed(EXTRACTORS)))
    at = {e.name: i for i, e in enumerate(ordered)}
    for e in ordered:
        for value in e.reads:
            writer = next((w for w in EXTRACTORS if value in w.writes), None)
            assert writer is None or at[writer.name] < at[e.name], (e.name, value)
    assert at["title"] < at["published"] and at["date_lines"] < at["authors"] and at["language"] < at["sources"]
