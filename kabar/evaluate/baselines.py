"""Reference points for the clean eval: what the figures would be without our cleaner."""
from __future__ import annotations

import html as html_lib

from kabar.record import Doc


def do_nothing(doc: Doc) -> str:
    """The whole page as the body."""
    return doc.content


def trafilatura_on_text(doc: Doc) -> str:
    """trafilatura fed the text dump, one `<p>` per line (what it can do without markup)."""
    import trafilatura

    paras = "".join(f"<p>{html_lib.escape(l.strip())}</p>" for l in doc.content.splitlines() if l.strip())
    return trafilatura.extract(f"<html><body><article>{paras}</article></body></html>") or ""


def trafilatura_defaults(doc: Doc) -> str:
    """trafilatura's default settings on the HTML (the HTML-path bar to meet)."""
    import trafilatura

    return trafilatura.extract(doc.content, url=doc.url) or ""


BASELINES = {
    "text": {"do_nothing": do_nothing, "trafilatura_on_text": trafilatura_on_text},
    "html": {"trafilatura_defaults": trafilatura_defaults},
}
