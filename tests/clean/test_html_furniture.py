"""The HTML path beyond trafilatura: loose text made paragraphs, trafilatura's lines read
by the text path's line classifier, and the text path's second opinion on short articles.
The pages are written here (Indonesian outlet layouts), through the real CleanStep."""
from __future__ import annotations

from lxml import html as lxml_html

from kabar.clean import CleanStep
from kabar.clean.html_paragraphs import wrap_loose_text
from kabar.record import BODY, Doc

P1 = ("Pemerintah Kota Bandung menutup sementara tiga ruas jalan di kawasan Dago karena perbaikan "
      "saluran air yang rusak akibat hujan deras sepanjang pekan lalu.")
P2 = ("Kepala Dinas Perhubungan mengatakan penutupan berlangsung selama dua minggu dan pengendara "
      "diminta melewati jalur alternatif yang sudah disiapkan oleh petugas di lapangan.")
P3 = ("Oleh karena itu, warga yang biasa berangkat kerja lewat kawasan tersebut diimbau berangkat "
      "lebih pagi agar tidak terlambat sampai di kantor masing-masing.")
P4 = ("Petugas gabungan dari kepolisian dan dinas perhubungan akan berjaga di setiap persimpangan "
      "untuk mengatur arus lalu lintas selama masa perbaikan berlangsung.")
TITLE = "Tiga Ruas Jalan di Dago Ditutup Dua Minggu"
HEAD = f"""<html lang="id"><head><title>{TITLE} - Kabar Bandung</title></head><body>
<header><nav><ul><li><a href="/">Beranda</a></li><li><a href="/news">News</a></li><li><a href="/bola">Bola</a></li>
</ul></nav></header><main><article><h1>{TITLE}</h1>
<div class="byline"><span>Rizky Ramadhan</span> <span>Senin, 12 Maret 2018 | 10:15 WIB</span></div>"""
RELATED = """<section class="related"><h2>Berita Terkait</h2><ul>
<li><a href="/a">Banjir Rendam Ratusan Rumah di Bekasi</a></li><li><a href="/b">Harga Cabai Naik Jelang Lebaran</a></li>
<li><a href="/c">Persib Menang Tipis atas Persija di Kandang</a></li><li><a href="/d">Kereta Cepat Mulai Uji Coba Bulan Depan</a></li>
</ul></section><aside><h2>Terpopuler</h2><ol><li><a href="/e">Gempa Guncang Lombok Warga Mengungsi</a></li>
<li><a href="/f">Timnas U-19 Lolos ke Semifinal</a></li></ol></aside>"""
FOOT = "<footer><p>Redaksi</p><p>Pedoman Media Siber</p><p>© 2018 Kabar Bandung</p></footer></body></html>"


def _clean(html: str) -> Doc:
    doc = Doc(source_uri="page.html", source_format="html", content=html, content_type="html",
              url="https://kabar-bandung.example/news/tiga-ruas-jalan-di-dago-ditutup")
    CleanStep()([doc])
    return doc


def _body(doc: Doc) -> list[str]:
    return [z.text for z in doc.zones if z.zone == BODY]


def test_loose_text_between_widgets_becomes_paragraphs():
    root = lxml_html.fromstring(f"<div><div id='x'><strong>Bandung</strong> - {P1}<div class='ads'>ADVERTISEMENT</div>"
                                f"{P2}<br><br>{P3}</div></div>")
    assert wrap_loose_text(root) == 1
    box = root.get_element_by_id("x")
    assert [c.tag for c in box] == ["p", "div", "p", "p"]
    assert box[0].text_content() == f"Bandung - {P1}" and box[2].text == P2 and box[3].text == P3


def test_detik_style_body_keeps_every_paragraph_and_drops_its_furniture():
    body = (f'<div class="detail__body-text"><strong>Bandung</strong> - {P1}'
            '<div class="parallax"><p>ADVERTISEMENT</p><p>SCROLL TO CONTINUE WITH CONTENT</p></div>'
            f'{P2}<div class="box"><span>Baca juga:</span><a href="/x">Harga Cabai Naik Jelang Lebaran</a></div>'
            f'{P3}<br><br>{P4}</div>')
    doc = _clean(HEAD + body + "</article>" + RELATED + "</main>" + FOOT)
    assert _body(doc) == [f"Bandung - {P1}", P2, P3, P4]
    reasons = {z.text: z.reason for z in doc.zones if z.zone != BODY}
    assert reasons.get("SCROLL TO CONTINUE WITH CONTENT", "").startswith("phrase:")


def test_headline_byline_and_read_also_paragraphs_go_with_their_reason():
    body = (f"<div class='content'><p>{P1}</p><p><strong>Baca juga: <a href='/x'>Harga Cabai Naik Jelang Lebaran</a>"
            f"</strong></p><p>{P2}</p><p>ADVERTISEMENT</p><p>{P3}</p><p>{P4}</p><p>Editor: Dewi Lestari Putri</p></div>")
    doc = _clean(HEAD + body + "</article></main>" + FOOT)
    assert _body(doc) == [P1, P2, P3, P4]
    assert doc.title == TITLE


def test_a_one_paragraph_article_among_lists_is_that_paragraph():
    body = f"<div class='content'><p>{P1}</p></div>"
    doc = _clean(HEAD + body + "</article>" + RELATED + "</main>" + FOOT)
    assert _body(doc) == [P1]
    assert doc.html_meta["second_opinion"] == "short_article_page"  # trafilatura glued headline and byline to it
