"""The headline, once: the one home of the title field.

The cleaner asks here which line of a text dump's head is the headline (`pick_title`,
line signals from kabar/clean); enrich settles the title.
Text pages: the cleaner's headline guess, else the first `title` zone line, with a
headline printed twice on one line ("A A") folded. HTML pages: the <h1> that agrees
with the page's metadata titles (JSON-LD headline, og:title, <title> without the site
name); a lone <h1> otherwise; else the metadata title without the site name.
"""
from __future__ import annotations

import difflib
import functools
import html
import re
import unicodedata

from typing import TYPE_CHECKING

from kabar.enrich.byline import is_byline_shape
from kabar.enrich.extractors import extractor
from kabar.enrich.htmlmeta import PageMeta
from kabar.enrich.outlet import is_masthead
from kabar.enrich.settings import settings, words_rx
from kabar.record import TITLE, Doc

if TYPE_CHECKING:
    from kabar.clean.lines import Line


def norm_title(text: str | None) -> str:
    """Comparison key: NFKC, entities decoded, case and punctuation folded."""
    t = unicodedata.normalize("NFKC", html.unescape(text or "")).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", t).split())


def tidy(text: str | None) -> str | None:
    if not text:
        return None
    t = " ".join(_demojibake(html.unescape(text)).replace("\xa0", " ").split())
    return fold_repeat(t) or None


def _demojibake(t: str) -> str:
    """UTF-8 read as Latin-1 ("Investorâ\x80\x99s" for "Investor’s"), as pages that declare
    the wrong charset show it: decoded back when the whole text allows it."""
    if not re.search(r"[ÂÃâ][\x80-\xbf]", t):
        return t
    try:
        return t.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return t


def fold_repeat(text: str) -> str:
    """"Judul Berita Judul Berita" -> "Judul Berita" (a dump that glued the repeat)."""
    words = text.split()
    n = len(words)
    if n >= settings()["title"]["fold_min_words"] and n % 2 == 0 and words[: n // 2] == words[n // 2:]:
        return " ".join(words[: n // 2])
    return text


def _sep_positions(t: str) -> list[tuple[int, str]]:
    return sorted(((m.start(), sep) for sep, rx in _sep_patterns(tuple(settings()["title"]["site_separators"]))
                   for m in rx.finditer(t)), reverse=True)


@functools.lru_cache(maxsize=4)
def _sep_patterns(seps: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((sep, re.compile(re.escape(sep))) for sep in seps)


def strip_site(title: str, site: str | set[str] | None = None) -> str:
    """Drop trailing site-name segments: "Headline | Section | Site" -> "Headline".

    Short trailing segments are dropped only with the separator that ends the title
    ("A – tips and tricks | Site" loses "| Site", keeps "– tips and tricks"); a segment
    equal to a known site name goes whatever its separator. A leading known site name
    ("Site: Headline", "site.com Headline") goes too.
    """
    t = tidy(title) or ""
    sites = {norm_title(site)} if isinstance(site, str) else {norm_title(x) for x in site or ()}
    sites.discard("")
    first_sep = None
    max_site = settings()["title"]["site_segment_max_words"]
    while True:
        cut = None
        for pos, sep in _sep_positions(t):
            last, rest = t[pos + len(sep):], t[:pos]
            if not norm_title(rest):
                continue
            if _is_site(last, sites) or ((first_sep in (None, sep)) and len(last.split()) <= max_site
                                          and len(last) < len(rest)):
                cut = (pos, sep)
            break  # only the right-most separator is looked at
        if cut is None:
            break
        first_sep = first_sep or cut[1]
        t = t[:cut[0]]
    return _strip_leading_site(t, sites)


def _is_site(text: str, sites: set[str]) -> bool:
    k = norm_title(text)
    return bool(k) and (k in sites or k.replace(" ", "") in {s.replace(" ", "") for s in sites})


def _strip_leading_site(t: str, sites: set[str]) -> str:
    key = norm_title(t)
    for s in sorted(sites, key=len, reverse=True):
        if key.startswith(s + " ") and len(key) - len(s) > 1:
            # cut the raw text after the site name's last word and the separator that follows
            words = len(s.split())
            m = re.match(r"^\W*" + r"\W+".join([r"[\w]+"] * words) + r"(?P<sep>\s*[:|\-–—·»]+)?\s*", t)
            # a separator must follow, unless the name is written as a domain ("site.com Headline")
            ok = m and (m.group("sep") or "." in t[:m.end()])
            if ok and norm_title(t[:m.end()]) == s and norm_title(t[m.end():]):
                return t[m.end():]
    return t


def site_keys(meta: PageMeta, masthead: bool = False) -> set[str]:
    """Names the page gives itself: og:site_name, its host ("example.com", "example"); with
    `masthead`, also the short trailing segment of <title> (an <h1> equal to it is a logo)."""
    keys = {norm_title(meta.site_name)} if meta.site_name else set()
    if meta.host:
        keys |= {norm_title(meta.host), norm_title(meta.host.rsplit(".", 1)[0])}
    if masthead and meta.html_title:
        t = tidy(meta.html_title) or ""
        for pos, sep in _sep_positions(t)[:1]:
            last = t[pos + len(sep):]
            if 0 < len(last.split()) <= settings()["title"]["site_segment_max_words"]:
                keys.add(norm_title(last))
    keys.discard("")
    return keys


_HOSTNAME = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.I)


def _suffix_after(text: str, key: str) -> str | None:
    """The raw text of `text` after its part whose key is `key` (a word prefix), else None."""
    for m in re.finditer(r"(?<=\w)(?=\W|$)", text):
        head = norm_title(text[:m.start()])
        if head == key:
            return text[m.start():]
        if len(head) > len(key):
            return None
    return None


def _junk_suffix(rest: str) -> bool:
    """After a metadata title, the <h1> goes on with page chrome, not more headline:
    a separator and a section/site name, or a date or count ("Posted on July 1, 2024", "87")."""
    r = rest.strip().lstrip(")]}\"'’”").strip()
    return bool(re.match(r"^(?:\||–|—|·|»|::|-\s)", r)) or bool(re.search(r"\d", r))


def _junk_prefix(h1: str, key_words: int) -> bool:
    """Before the metadata title, the <h1> has a label ("Blog:", "Review:") or a date
    ("Dec 18 2025"), at most four words; not an article ("The X" stays the <h1>)."""
    words = h1.split()
    pre = " ".join(words[: max(0, len(words) - key_words)])
    return 0 < len(pre.split()) <= settings()["title"]["label_max_words"] and (pre.rstrip().endswith((":", "|", "-", "–", "—"))
                                          or bool(re.search(r"\d", pre)))


def _label_before(text: str, key: str) -> bool:
    """`text` is a short label ending in a separator, then the part whose key is `key`
    ("Garnix Blog: Hardware-Attested Nix Builds")."""
    for m in re.finditer(r"(?<!\w)(?=\w)", text):
        if norm_title(text[m.start():]) == key:
            pre = text[:m.start()].rstrip()
            return 0 < len(pre.split()) <= settings()["title"]["label_max_words"] and pre.endswith((":", "|", "-", "–", "—"))
    return False


def _near(a: str, b: str) -> bool:
    """Same headline typed twice with a small difference ("&"/"and", a glued word, a mangled
    apostrophe): `title.near_ratio` similarity of their keys (at most `title.near_word_diff`
    words more or fewer), the same numbers, not just words added."""
    if not a or not b:
        return False
    if a.startswith(b + " ") or b.startswith(a + " ") or a.endswith(" " + b) or b.endswith(" " + a):
        return False  # whole words more on one side ("The X" / "X"): a different title, the <h1> stays
    wa, wb = a.split(), b.split()
    cfg = settings()["title"]
    return difflib.SequenceMatcher(None, a, b).ratio() >= cfg["near_ratio"] and abs(len(wa) - len(wb)) <= cfg["near_word_diff"] \
        and re.findall(r"\d+", a) == re.findall(r"\d+", b)


def _shown_at(meta: PageMeta, metas: list[str]) -> tuple[str, int] | None:
    """The first metadata title the page also shows as a piece of text of its own, and where
    (a piece of about its length: `title.shown_length`, fractions of it, plus a slack)."""
    lo, hi, slack = settings()["title"]["shown_length"]
    for m in metas:
        key, n = norm_title(m), len(m)
        for i, c in enumerate(meta.chunks):
            if lo * n <= len(c) <= hi * n + slack and norm_title(c) == key:
                return m, i
    return None


def title_from_html(meta: PageMeta, fallback: str | None) -> str | None:
    return headline_of(meta, fallback)[0]


def headline_of(meta: PageMeta, fallback: str | None) -> tuple[str | None, int | None]:
    """The headline of an HTML page, and the chunk index where the page shows it (the
    anchor the shown date and byline are read around; None when no <h1> or shown title).
    Order of trust (WCXB dev half, see the module doc):

    1. an <h1> that agrees with a metadata title (JSON-LD headline, og:title, <title>
       minus the site name), or that differs from one only by page chrome around it
       ("Blog: X", "Dec 18 2025 X", "X | Opinion", "X Posted on …") -> the metadata title;
    2. a metadata title that is nearly the <h1> (typing differences) -> the metadata title,
       since <h1> text glues spans ("WEEKENDCODING") and carries mis-decoded characters;
    3. a metadata title the page shows as text of its own (in an <h2>, a <div>): the
       headline set without <h1>, when the <h1> is a section name ("Our BLOG", "M&A
       Updates") or a pull quote;
    4. otherwise the first <h1> that is not the site's masthead (an <h1> equal to the
       site name or host is a logo, not a headline) -- what the reader sees as headline;
    5. else the metadata title.
    """
    at = meta.h1_at if len(meta.h1_at) == len(meta.h1) else [None] * len(meta.h1)
    h1s = [(t, i) for t, i in ((tidy(h), i) for h, i in zip(meta.h1, at)) if t and norm_title(t)]
    h1s = [(drop_label(t), i) for t, i in h1s]
    mastheads = site_keys(meta, masthead=True)
    # an <h1> written as a host name ("davidbau.com") is the site's logo too
    mastheads |= {norm_title(t) for t, _ in h1s if _HOSTNAME.fullmatch(t)}
    # a paragraph set in <h1> ("Learn which home renovations … We'll help you …") is no headline
    heads = [(t, i) for t, i in h1s if not _is_site(t, mastheads)
             and len(t.split()) <= settings()["title"]["max_h1_words"]]
    sites = site_keys(meta) | {norm_title(t) for t, _ in h1s if _is_site(t, mastheads)}
    metas = [strip_site(t, sites) for t in meta.titles + ([meta.html_title] if meta.html_title else [])]
    metas = [m for m in metas if norm_title(m) and not _is_site(m, sites)]
    keys = [norm_title(m) for m in metas]
    anchor = heads[0][1] if heads else None
    for h, i in heads:
        if norm_title(h) in keys:
            return h, i
    min_words = settings()["title"]["min_match_words"]  # fewer: a section name, not a headline
    for h, i in heads:
        hk = norm_title(h)
        for m, mk in zip(metas, keys):
            if len(mk.split()) < min_words:
                continue
            if hk.startswith(mk + " ") and _junk_suffix(_suffix_after(h, mk) or ""):
                return m, i  # the <h1> carries a section/site or date suffix the metadata title does not
            if hk.endswith(" " + mk) and _junk_prefix(h, len(mk.split())):
                return m, i  # "Blog: X", "Dec 18 2025 X", "The X": a label or date before the headline
            if mk.startswith(hk + " ") and len(hk.split()) >= min_words:
                return h, i  # the metadata title carries a suffix
            if mk.endswith(" " + hk) and len(hk.split()) >= min_words and _label_before(m, hk):
                return h, i  # ... or a site/section label before it ("Garnix Blog: X")
    for h, i in heads:
        for m, mk in zip(metas, keys):
            if _near(norm_title(h), mk):
                return m, i
    shown = _shown_at(meta, metas)
    if shown is not None:
        if anchor is None or shown[1] < anchor:
            anchor = shown[1]  # shown above the <h1>: the headline, where the byline is read
        return shown[0], anchor  # the headline is set in another element; the <h1> is a section or a quote
    if len(heads) == 1 or (heads and not metas):
        return heads[0][0], anchor
    return (metas[0] if metas else tidy(fallback)), anchor


def drop_label(title: str) -> str:
    """"Judul: X", "Title:AlignMerge …": a field label glued before the headline."""
    rx = rf"^\s*{words_rx(settings()['title']['field_labels'])}\s*:\s*(?=\S)"
    return re.sub(rx, "", title, flags=re.I)


def title_from_text(doc: Doc) -> str | None:
    if doc.title and doc.title.strip():
        return drop_label(tidy(doc.title) or "") or None
    for z in doc.zones:
        if z.zone == TITLE and z.text.strip():
            return drop_label(tidy(z.text) or "") or None
    return None


@extractor(name="title", reads=("doc", "page_meta"), writes=("title", "title_anchor"))
def find_title(doc: Doc, meta: PageMeta | None) -> tuple[str | None, int | None]:
    """(headline, chunk index of the headline on an HTML page, else None)."""
    if meta is not None:
        return headline_of(meta, doc.html_meta.get("title") or doc.title)
    return title_from_text(doc), None


# --- the cleaner's headline line of a text dump ---------------------------------------------
@functools.lru_cache(maxsize=8192)  # pure; a page's head lines recur over an outlet's pages
def strip_site_suffix(text: str) -> str:
    """The headline line of a text dump (`Headline | Site Name`, the HTML <title> printed atop
    many dumps) without its site segments, by the rules of `strip_site`; a line that would
    keep fewer than `SITE_CUT_MIN_WORDS` words is its own headline."""
    from kabar.clean import settings as S, signals as sig  # the cleaner imports this module: import late

    for sep in settings()["title"]["site_separators"]:
        if sep in text:
            break
    else:
        return text.strip()  # most lines of a page: nothing to cut, and this runs on every head line
    out = strip_site(text)
    return out if len(sig.words(out)) >= S.SITE_CUT_MIN_WORDS else text.strip()


def _title_candidate(line: Line) -> bool:
    from kabar.clean import settings as S
    from kabar.clean.lines import BAD

    if line.cls == BAD and line.reason != "duplicate":
        return False
    n = line.n_words
    if not (S.TITLE_MIN_WORDS <= n <= S.TITLE_MAX_WORDS) or line.text.rstrip().endswith("."):
        return False
    return _headline_shaped(line.text.strip(), line.meta)


@functools.lru_cache(maxsize=16384)  # pure; a site's menu lines recur on each of its pages
def _headline_shaped(text: str, meta: str) -> bool:
    from kabar.clean import settings as S
    from kabar.clean import signals as sig

    if meta in ("byline", "editor", "dateline") or (meta == "date" and sig.date_words_left(text) < S.TITLE_MIN_WORDS + 1):
        return False
    return not (sig.is_breadcrumb(text) or is_masthead(text) or is_byline_shape(text))


def pick_title(head: list[Line], body_stems: set[str]) -> int | None:
    """Index in `head` of the headline: a line printed twice (dump of <title> and <h1>,
    or a repeated headline) first, then a line sharing most of its words with the <title>
    atop the dump, else the first headline-shaped line that shares enough words with the
    body, else the first headline-shaped line."""
    from kabar.clean import settings as S
    from kabar.clean import signals as sig

    # the <title> printed atop the dump, and the lines right above the body (the <h1> sits
    # there, past however many menu lines): a long head's middle is navigation
    n = len(head)
    window = [*range(min(n, S.TITLE_TOP_LINES)), *range(max(S.TITLE_TOP_LINES, n - S.HEAD_MAX_LINES), n)]
    cands = [i for i in window if _title_candidate(head[i])]
    share = {i: sig.share_in(head[i].stems, body_stems) for i in cands}
    fits = {i for i in cands if share[i] >= S.TITLE_BODY_SHARE}
    cands = [i for i in cands if share[i] >= 1.0 or not _byline_name(head, i)]
    keys = {i: sig.normalise(strip_site_suffix(head[i].text)) for i in cands}
    top = cands[0] if cands and cands[0] < S.TITLE_TOP_LINES and head[cands[0]].n_words >= 3 else None
    if top is not None:
        # the <title> atop the dump and the <h1> worded a little differently ("… to Hit the
        # Road in a Rental Car" / "… on How to Rent a Car"): the <h1> is the headline shown,
        # the line most like the <title> (a menu line printed twice is not)
        near = {j: min(sig.share_in(head[j].stems, head[top].stems), sig.share_in(head[top].stems, head[j].stems))
                for j in cands if j >= S.TITLE_TOP_LINES and head[j].n_words >= 3}
        near = {j: v for j, v in near.items() if v >= S.TITLE_NEAR_TWIN_SHARE}
        if near:
            return max(near, key=lambda j: (near[j], j))
    for i in cands:
        twins = [j for j in cands if j != i and keys[j] == keys[i]]
        if twins and head[i].n_words >= 3 and (i in fits or not body_stems):
            plain = [j for j in [i, *twins] if sig.normalise(head[j].text) == keys[i]]
            return plain[0] if plain else i
    good = [i for i in cands if head[i].n_words >= 3 and i in fits]
    if good:
        above = [i for i in good if _above_header_data(head, i) and share[i] >= share[good[0]]]
        return above[0] if above else good[0]
    # no line fits the body: a headline-shaped line still, but not a one- or two-word menu
    # label (`Live Skor`) unless it sits right above the date or byline
    rest = [i for i in cands if head[i].n_words >= 3 or _above_header_data(head, i)]
    return rest[0] if rest else None


def _byline_name(head: list[Line], i: int) -> bool:
    """A bare person's name right above the date line, not all of its words in the body, is
    the byline (`Intan Permatasari`), not a headline."""
    from kabar.clean import signals as sig  # the cleaner imports this module: import late
    from kabar.clean import settings as S
    return i + 1 < len(head) and head[i + 1].meta == "date" and head[i].n_words <= S.BYLINE_NAME_MAX_WORDS \
        and sig.is_name_line(head[i].text, head[i].n_words)


def _above_header_data(head: list[Line], i: int) -> bool:
    """The headline sits right above the date or byline (author name lines may come between)."""
    from kabar.clean import signals as sig  # the cleaner imports this module: import late
    for j in range(i + 1, min(len(head), i + 3)):
        if head[j].meta == "date" or head[j].meta == "byline" and head[j].n_words >= 3:  # not `By Industry`
            return True
        if not sig.is_name_line(head[j].text, head[j].n_words):
            return False
    return False
