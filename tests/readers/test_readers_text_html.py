"""Text and HTML files: decoding order, gzip by magic bytes, nesting cap."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from kabar.readers import ReadLimits
from kabar.readers.decode import decode_html, decode_text
from kabar.readers.nesting import cap_nesting, nesting_depth
from kabar.record import Doc
from readers_testutil import docs, read_bytes, read_path, reasons

L = ReadLimits()
TEXT = "Judul Berita\n\nIsi berita dengan “kutipan” dan kata café serta Müller.\n"


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_readers_text_encodings(tmp_path, enc):
    (doc,) = docs(read_bytes(tmp_path, "a.txt", TEXT.encode(enc)))
    assert doc.content.lstrip("\ufeff") == TEXT
    assert (doc.source_format, doc.content_type) == ("text", "text")


def test_readers_gzip_is_detected_by_magic_not_name(tmp_path):
    (doc,) = docs(read_bytes(tmp_path, "a.txt", gzip.compress(TEXT.encode())))
    assert doc.content == TEXT
    (doc,) = docs(read_bytes(tmp_path, "b.html.gz", gzip.compress(b"<html><body><p>hai</p></body></html>")))
    assert doc.content_type == "html"
    (doc,) = docs(read_bytes(tmp_path, "c.txt.gz", TEXT.encode()))  # named .gz but plain: read as is
    assert doc.content == TEXT


def test_readers_html_charset_order():
    body = "<p>“Café” à Müller</p>"
    meta = f'<html><head><meta charset="windows-1252"></head><body>{body}</body></html>'
    assert decode_html(meta.encode("cp1252"), L) == (meta, "cp1252")
    equiv = f'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">{body}'
    assert decode_html(equiv.encode("cp1252"), L)[0] == equiv  # latin-1 label read as windows-1252
    assert decode_html(equiv.encode("utf-8"), L)[0] == equiv  # mislabelled UTF-8 stays UTF-8
    assert decode_html(body.encode("cp1252"), L, http_charset="windows-1252")[0] == body
    assert decode_html(b"\xef\xbb\xbf" + body.encode(), L)[0] == body
    assert decode_html(body.encode("utf-16"), L)[0] == body
    bad_label = f'<meta charset="utf-8">{body}'.encode("cp1252")  # says UTF-8, is not: detection
    assert "Müller" in decode_html(bad_label, L)[0]


def test_readers_binary_and_undecodable(tmp_path):
    assert reasons(read_bytes(tmp_path, "a.html", b"<html>\x00\x01\x02" * 100)) == ["binary_content"]
    assert reasons(read_bytes(tmp_path, "b.txt", bytes(range(1, 32)) * 50)) == ["binary_content"]
    with pytest.raises(Exception):
        decode_text(b"\x00\x00", L)


def test_readers_too_large_document(tmp_path):
    items = read_bytes(tmp_path, "a.txt", b"kata " * 1000, ReadLimits(max_doc_bytes=1000, preview_bytes=100))
    (r,) = items
    assert r.reason == "document_too_large" and len(r.raw_preview) == 100 and r.source_format == "text"


def test_readers_nesting_is_capped_without_losing_text():
    deep = "<html><body>" + "<div><span>" * 600 + "<p>Teks inti.</p>" + "</span></div>" * 600 + "<p>Akhir.</p></body></html>"
    out, depth = cap_nesting(deep, 200)
    assert depth > 1000 and nesting_depth(out) <= 200
    assert "Teks inti." in out and "Akhir." in out
    normal = "<html><body><p>a<p>b<ul><li>x<li>y</ul><br><img src=x><script>if (a<b) {'<div>'}</script></body></html>"
    assert cap_nesting(normal, 200) == (normal, 5)  # html body p ul li: <p>s and <li>s close their siblings


def test_readers_real_wcxb_pages_read_unchanged():
    folder = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "wcxb-dev-articles" / "html"
    if not folder.is_dir():
        pytest.skip("shared dataset not mounted")
    for name in ("0001.html.gz", "0002.html.gz", "0003.html.gz"):
        (doc,) = read_path(folder / name)
        assert isinstance(doc, Doc) and doc.content_type == "html"
        assert doc.content == gzip.decompress((folder / name).read_bytes()).decode("utf-8")


def test_nesting_scan_same_as_plain_regex():
    """The tag scanner's possessive open-tag pattern finds what the plain one found."""
    import random
    import re

    from kabar.readers import nesting

    plain = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*>|</\s*([A-Za-z][\w:.-]*)[^>]*>"
                       r"|<([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
    pieces = ["<div>", "</div>", "<p>", "<li>", "<script>", "</SCRIPT >", '<Style a=">">', "</style>", "<!--", "-->",
              "x", '"', "'", "<br/>", '<b class="q>', ">", "<![CDATA[", "]]>", "<?x?>", "<td>", "<tr>", "</td>",
              "<font>", "<scriptx>", "</p>", "<div/>", "<", "</", "<a b='>' c=\"d\">", " ", "="]
    rnd = random.Random(3)
    for _ in range(5000):
        html = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40)))
        for cap in (1, 3, 100):
            got, want = [], []
            depth = nesting._scan(html, cap, got)
            saved, nesting._TAG = nesting._TAG, plain
            try:
                assert (depth, "".join(got)) == (nesting._scan(html, cap, want), "".join(want)), (html, cap)
            finally:
                nesting._TAG = saved
