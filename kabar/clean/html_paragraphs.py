"""Loose article text in a container made into paragraphs before trafilatura reads the page.

Some outlets (detik and its network) print the article as text directly inside one
`<div>`, paragraphs split by `<br><br>`, with the in-article widgets (ad slots, read-also
boxes, related links) as child `<div>`s between them. To lxml the text after a widget
is that widget's `tail`: when trafilatura prunes the widget it loses the paragraph with
it, and the paragraphs it keeps come out glued into one line. Signal `loose_text`: a
container holding a run of direct text of at least `LOOSE_TEXT_MIN_WORDS` words
beside block children or `<br>`s gets each run of text and inline markup between two
breaks or blocks wrapped in a `<p>`, the structure the page means.
"""
from __future__ import annotations

from lxml import etree

from kabar.clean import html_settings as H

CONTAINERS = ("div", "article", "section", "main", "td")
BREAKS = frozenset(("br", "hr"))
INLINE = frozenset(("a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "mark", "q", "s", "small",
                    "span", "strong", "sub", "sup", "time", "u", "var"))


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0


def _has_loose_text(el) -> bool:
    """Direct text long enough to be a paragraph, beside a block child or a line break."""
    loose = _words(el.text) >= H.LOOSE_TEXT_MIN_WORDS or any(
        _words(c.tail) >= H.LOOSE_TEXT_MIN_WORDS for c in el)
    return loose and any(not isinstance(c.tag, str) or c.tag not in INLINE for c in el)


def _wrap(el) -> None:
    """Rebuild `el`'s children: runs of text and inline elements become `<p>`s; breaks
    go; blocks (and comments) stay where they were."""
    items: list = [el.text] if el.text else []
    for child in list(el):
        tail, child.tail = child.tail, None
        el.remove(child)
        items.append(child)
        if tail:
            items.append(tail)
    el.text = None
    run: list = []

    def close() -> None:
        if any(isinstance(x, str) and x.strip() or not isinstance(x, str) and (x.text_content() or "").strip()
               for x in run):
            p = etree.SubElement(el, "p")
            for x in run:
                if isinstance(x, str):
                    last = p[-1] if len(p) else None
                    if last is None:
                        p.text = (p.text or "") + x
                    else:
                        last.tail = (last.tail or "") + x
                else:
                    p.append(x)
        run.clear()

    for x in items:
        if isinstance(x, str) or isinstance(x.tag, str) and x.tag in INLINE:
            run.append(x)
            continue
        close()
        if not (isinstance(x.tag, str) and x.tag in BREAKS):
            el.append(x)
    close()


def wrap_loose_text(tree) -> int:
    """Wrap the loose paragraphs of every container in `tree` (in place); how many were rebuilt."""
    hits = [el for el in tree.iter(*CONTAINERS) if _has_loose_text(el)]
    for el in hits:
        _wrap(el)
    return len(hits)
