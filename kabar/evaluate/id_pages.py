"""An Indonesian HTML dev set: article pages built around the id-news article bodies.

The same articles, halves and gold paragraphs as the text dumps of `id_dumps.py` (so the
two paths are scored on one set), but printed as HTML the way Indonesian outlets build
an article page: a header with the menu, a breadcrumb, the headline in an `<h1>`, a
byline/date block, the lead figure; the body with the outlet's in-article furniture
between paragraphs (`Baca juga:` links, ad slots, `SCROLL TO CONTINUE WITH CONTENT`, an
inline box of related headlines, a photo with its caption, a video teaser, another
story's teaser), a lede opening `<strong>Jakarta</strong> - `; after it the tags, a share
bar, related and popular lists, comments and the footer.

Each outlet prints its body in one of several layouts (picked by a hash of the outlet
and the article, so an outlet mostly keeps its own): `<p>` per paragraph inside an
`<article>`, `<br><br>`-separated paragraphs in one `<div>` (as detik does), or `<div>`
paragraphs in a content column whose read-also links are `<p>`s too (as Kompas does).
Every choice comes from an RNG seeded by the article id: the set is the same on every
run. Gold is the article's paragraphs. Read through `read_pairs`, or
`kabar eval clean <id-news>@tune --mode html`.
Inspect: `python -m kabar.evaluate.id_pages OUT_DIR [tune|heldout|pool]` writes the pages.
"""
from __future__ import annotations

import random
import re
import sys
from html import escape
from pathlib import Path

from kabar.evaluate import id_dumps
from kabar.evaluate import id_furniture as F
from kabar.record import Doc

LAYOUTS = ("paragraphs", "br_div", "div_column")
GAP_FURNITURE = 0.35  # chance of furniture in a gap between two paragraphs
GAP_TEASER = 0.08  # chance that it is another story's teaser (headline + first paragraph)
# Reader comments (written for the set, not taken from any page).
COMMENTS = (
    "Semoga cepat selesai masalahnya, kasihan masyarakat kecil yang jadi korban.",
    "Beritanya kurang lengkap, sumbernya dari mana ya min?",
    "Mantap, terus kawal sampai tuntas!",
    "Dari dulu begini terus, kapan berubahnya negeri ini.",
    "Setuju sekali dengan pendapat bapak ini, harus ada tindakan tegas dari pemerintah.",
    "Pertamax gan, semoga bermanfaat buat kita semua.",
)
_LEAD = re.compile(r"^([A-Z][\w.]*(?:[ ,][A-Z(][\w.()]*){0,3}\s*[-–—]+)\s+")


def _a(text: str, href: str = "#") -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


class _HtmlPage:
    """One article's page: the outlet's words from `id_furniture`, laid out in markup."""

    def __init__(self, article: dict, others: list[dict], rng: random.Random):
        self.page = id_dumps._Page(article, others, rng)
        self.a, self.rng, self.style = article, rng, self.page.style
        self.layout = LAYOUTS[id_dumps._hash(article["outlet"] + "#layout") % 3] if rng.random() < 0.7 \
            else rng.choice(LAYOUTS)

    def fill(self, template: str) -> str:
        return self.page.fill(template)

    def link(self, headline: str | None = None) -> str:
        text = headline or self.page.headline()
        return _a(text, "/" + "-".join(text.lower().split()))

    def header(self) -> str:
        s = self.style
        nav = "".join(f"<li>{_a(n)}</li>" for n in s["nav"])
        out = [f'<header><div class="logo">{_a(s["masthead"][0], "/")}</div><nav class="menu"><ul>{nav}</ul></nav>']
        if self.rng.random() < 0.6:
            out.append(f'<div class="search"><input placeholder="Cari berita"> <button>Cari</button></div>')
        out.append("</header>")
        if self.rng.random() < 0.8:
            crumbs = [p.strip() for p in re.split(r"[»›>/]", self.fill(s["crumb"])) if p.strip()]
            out.append('<div class="breadcrumb">' + " » ".join(_a(c) for c in crumbs) + "</div>")
        return "".join(out)

    def byline(self) -> str:
        s = self.style
        parts = [f'<span class="author">{escape(self.fill(t))}</span>' for t in s["byline_head"]]
        parts.append(f'<span class="date">{escape(self.fill(s["date"]))}</span>')
        if self.rng.random() < 0.7:
            parts.append(self.share())
        return '<div class="byline">' + " ".join(parts) + "</div>"

    def share(self) -> str:
        nets = "".join(f"<li>{_a(n)}</li>" for n in ("Facebook", "Twitter", "WhatsApp", "Telegram", "Salin Link"))
        return f'<div class="share"><span>Bagikan</span><ul>{nets}</ul></div>'

    def figure(self) -> str:
        caption = self.fill(self.style["caption"] or "Ilustrasi. (Dok. {name})")
        return f'<figure class="photo"><img src="/foto/{self.rng.randint(1, 99999)}.jpg" alt="">' \
               f"<figcaption>{escape(caption)}</figcaption></figure>"

    def gap(self, last: bool) -> str:
        """Furniture between two paragraphs, as markup (empty most of the time)."""
        rng = self.rng
        if rng.random() >= GAP_FURNITURE:
            return ""
        if rng.random() < GAP_TEASER:
            headline, first = self.page.teaser()
            return f'<div class="teaser"><h3>{self.link(headline)}</h3><p>{escape(first)}</p></div>'
        kinds = ["read_also", "read_also", "ad", "scroll", "box", "figure"] + ["video"] * bool(self.style["video"])
        kind = rng.choice(kinds)
        if kind == "read_also":
            label = self.style["read_also"][0].split(":")[0].strip() or "Baca juga"
            if rng.random() < 0.5:
                return f'<p><strong>{escape(label)}: {self.link()}</strong></p>'
            return f'<div class="baca-juga"><span>{escape(label)}:</span>{self.link()}</div>'
        if kind == "ad":
            word = rng.choice(["ADVERTISEMENT", "Advertisement", "Iklan"])
            return f'<div class="ads"><span>{word}</span><div class="ad-slot"></div></div>'
        if kind == "scroll":
            return '<div class="parallax-ads"><p>ADVERTISEMENT</p><p>SCROLL TO CONTINUE WITH CONTENT</p></div>'
        if kind == "box":
            items = "".join(f"<li>{self.link()}</li>" for _ in range(rng.randint(2, 3)))
            return f'<div class="related-inline"><h4>{escape(self.style["related_head"])}</h4><ul>{items}</ul></div>'
        if kind == "figure":
            return self.figure()
        video = self.fill(rng.choice(self.style["video"]))
        return f'<div class="video-teaser"><p>{escape(video)}</p><div class="player"></div></div>'

    def lede(self, text: str) -> str:
        m = _LEAD.match(text)
        if m and self.rng.random() < 0.7:
            return f"<strong>{escape(m.group(1))}</strong> {escape(text[m.end():])}"
        return escape(text)

    def body(self, paras: list[str]) -> str:
        pieces = [self.lede(paras[0])] + [escape(p) for p in paras[1:]]
        gaps = [self.gap(i == len(paras) - 2) for i in range(len(paras) - 1)] + [""]
        if self.layout == "br_div":
            # detik: the text in one <div>, paragraphs split by <br><br>, furniture blocks between
            out = "".join(p + ("<br><br>" if not g else g) for p, g in zip(pieces, gaps))
            return f'<div class="detail__body-text itp_bodycontent">{out}</div>'
        tag = "div" if self.layout == "div_column" else "p"
        out = "".join(f"<{tag}>{p}</{tag}>{g}" for p, g in zip(pieces, gaps))
        cls = "read__content" if self.layout == "div_column" else "article-content"
        return f'<div class="{cls}">{out}</div>'

    def after(self, paras: list[str]) -> str:
        s, rng = self.style, self.rng
        out = []
        if s["code"]:
            out.append(f'<p class="editor-code">{escape(self.fill(s["code"]))}</p>')
        out += [f'<p class="credit">{escape(self.fill(t))}</p>' for t in s["credits"]]
        tags = id_dumps._tags(paras, rng)
        if tags:
            out.append(f'<div class="tags"><span>{escape(s["tags_head"] or "Tag")}</span><ul>'
                       + "".join(f"<li>{_a(t)}</li>" for t in tags) + "</ul></div>")
        if rng.random() < 0.5:
            out.append(self.share())
        return "".join(out)

    def lists(self) -> str:
        rng = self.rng
        related = "".join(f"<li>{self.link()}<span>{escape(self.fill('{d} {month_short} {y}'))}</span></li>"
                          for _ in range(rng.randint(3, 6)))
        popular = "".join(f"<li><span>{i}</span>{self.link()}</li>" for i in range(1, rng.randint(4, 7)))
        out = [f'<section class="related"><h2>{escape(self.style["related_head"])}</h2><ul>{related}</ul></section>',
               f'<aside class="popular"><h2>Terpopuler</h2><ol>{popular}</ol></aside>']
        if rng.random() < 0.5:
            picked = rng.sample(COMMENTS, rng.randint(1, 3))
            out.append('<section class="comments"><h2>Komentar</h2>' + "".join(
                f'<div class="comment"><b>{escape(rng.choice(F.NAMES))}</b><p>{escape(c)}</p></div>' for c in picked)
                + "</section>")
        return "".join(out)

    def footer(self) -> str:
        return "<footer>" + "".join(f"<p>{escape(self.fill(t))}</p>" for t in self.style["footer"]) + "</footer>"


def render(article: dict, paras: list[str], others: list[dict], salt: str = "") -> str:
    """The HTML page of one article whose body is `paras`."""
    rng = random.Random(id_dumps._hash(article["id"] + salt + "#html"))
    page = _HtmlPage(article, others, rng)
    title = id_dumps.title_of(article["url"])
    head = f"<head><meta charset=\"utf-8\"><title>{escape(title)} - {escape(page.style['masthead'][0])}</title></head>"
    top = [f"<h1>{escape(title)}</h1>", page.byline()]
    if rng.random() < 0.6:
        top.append(page.figure())
    article_html = "".join(top) + page.body(paras) + page.after(paras)
    wrap = "article" if page.layout == "paragraphs" else "div"
    main = f'<main><{wrap} class="detail">{article_html}</{wrap}>{page.lists()}</main>'
    return f"<!DOCTYPE html><html lang=\"id\">{head}<body>{page.header()}{main}{page.footer()}</body></html>"


def read_pairs(folder: str | Path, half: str | None = None) -> list[tuple[dict, Doc]]:
    """(gold, raw HTML Doc) for the articles and gold paragraphs of `id_dumps.read_pairs`."""
    folder = Path(folder)
    articles = {a["id"].removeprefix("indosum:"): a for a in id_dumps.load_articles(folder)}
    by_outlet: dict[str, list[dict]] = {}
    for a in articles.values():
        by_outlet.setdefault(a["outlet"], []).append(a)
    salt = "#pool" if half == id_dumps.POOL else ""
    out = []
    for gold, text_doc in id_dumps.read_pairs(folder, half):
        article = articles[gold["id"]]
        others = [o for o in by_outlet[article["outlet"]] if o["id"] != article["id"]]
        html = render(article, gold["body"].split("\n"), others, salt)
        out.append((gold, Doc(source_uri=text_doc.source_uri, source_format="html", content=html,
                              content_type="html", url=article["url"])))
    return out


def main(argv: list[str]) -> int:  # pragma: no cover - an inspection aid
    return id_dumps.write_pairs(read_pairs, argv, ".html")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
