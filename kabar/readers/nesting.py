"""Cap HTML nesting depth before the page reaches lxml/trafilatura.

libxml2 stops building the tree at depth 256 ("Excessive depth in document") and trafilatura
then finds no text at all, so a page with thousands of unclosed `<div>`/`<font>` tags would be
quarantined later as `empty_body` for the wrong reason. A one-pass tag scanner measures the
depth; only if it is over the cap is the page rewritten, dropping the open/close tags beyond the
cap while keeping all text. Normal pages are returned unchanged, byte for byte.
"""
from __future__ import annotations

import re

_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comment
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^>]*>"  # doctype, processing instruction
    r"|</\s*([A-Za-z][\w:.-]*)[^>]*>"  # close tag (group 1)
    # open tag (groups 2, 3); the possessive runs match what `(?:[^>"']|"[^"]*"|'[^']*')*`
    # matches (its only way out is the `>` after the last run) a run at a time, and never
    # backtrack: a quarter of the scan's time on the WCXB pages
    r"|<([A-Za-z][\w:.-]*)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>",
    re.S,
)
_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr basefont frame isindex".split()
)
_RAW_TEXT = frozenset("script style textarea title xmp noembed noframes iframe".split())
# Opening one of these closes an open sibling of the same family (`<p>a<p>b`, `<li>…<li>`).
_IMPLIED = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"},
            "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"}}
_raw_end: dict[str, re.Pattern] = {}


def _end_of_raw(name: str) -> re.Pattern:
    if name not in _raw_end:
        _raw_end[name] = re.compile(rf"</{name}\s*>", re.I)
    return _raw_end[name]


def _scan(html: str, cap: int, out: list[str] | None) -> int:
    stack: list[tuple[str, bool]] = []  # (tag name, kept in output)
    deepest, last = 0, 0
    # finditer resumes where the last tag ended, as a search from there would; it restarts
    # only after a raw-text element, whose contents are skipped (a third off the scan's time)
    tags = _TAG.finditer(html)
    while True:
        for m in tags:
            close, name, attrs = m.groups()
            keep = True
            if close:
                close = close.lower()
                for i in range(len(stack) - 1, -1, -1):
                    if stack[i][0] == close:
                        keep = stack[i][1]
                        del stack[i:]
                        break
            elif name:
                name = name.lower()
                family = _IMPLIED.get(name)
                if family and stack and stack[-1][0] in family:
                    stack.pop()
                if name in _RAW_TEXT:  # contents are not markup: jump to the end tag
                    end = _end_of_raw(name).search(html, m.end())
                    tags = _TAG.finditer(html, end.end() if end else len(html))
                    break
                if name not in _VOID and not attrs.rstrip().endswith("/"):
                    keep = len(stack) < cap
                    stack.append((name, keep))
                    if len(stack) > deepest:
                        deepest = len(stack)
            if out is not None and not keep:
                out.append(html[last : m.start()])
                last = m.end()
        else:
            break
    if out is not None:
        out.append(html[last:])
    return deepest


def nesting_depth(html: str) -> int:
    return _scan(html, 1 << 30, None)


def cap_nesting(html: str, cap: int) -> tuple[str, int]:
    """(html with at most `cap` nested elements, the original depth)."""
    depth = nesting_depth(html)
    if depth <= cap:
        return html, depth
    out: list[str] = []
    _scan(html, cap, out)
    return "".join(out), depth
