"""The HTML path's words and thresholds beyond trafilatura's own settings (those are in
settings.py), chosen on the tune half and pool of the Indonesian dev pages
(`kabar eval clean <id-news>@tune --mode html`) with the WCXB dev articles of both halves
held at least where they were."""
from __future__ import annotations

# html_paragraphs: direct text of a container this long beside blocks or <br>s is paragraphs
LOOSE_TEXT_MIN_WORDS = 8

# html_lines: trafilatura's paragraphs that the text path's line classifier calls furniture
DROP_REASONS = ("phrase:", "read_also")  # line reasons (a trailing ":" matches a family)
DROP_META = ("byline", "editor", "date")  # header-data lines (meta.txt labels), unless prose...
META_MAX_WORDS = 12  # ...and at most this long...
TAIL_META = ("editor",)  # ...and above the first paragraph of prose, but for these (the credits close it)

# html_lines, signal `short_article_page`: at most this many article lines in trafilatura's body...
SHORT_BODY_LINES = 3
SHORT_BODY_CHARS = 1500  # ...of at most this many characters...
SHORT_REST_MAX_WORDS = 25  # ...beside lines of at most this many words (links and labels)...
SHORT_REST_MAX_LINES = 40  # ...at most this many of them (a page of more short lines is a listing)...
AGREE_SHARE = 0.5  # ...and the body is the page lines the text path keeps with this share of their shingles in trafilatura's

# trafilatura's fallback comparison (readability, then justext; ~10 ms a page): "always" (trafilatura's
# default), "never" (its `fast` mode), or "gated": the fast extraction first, and the comparison only
# on a page where that looks doubtful (`doubtful_extraction` in html.py)
FALLBACK = "gated"
FALLBACK_TEXT_CHARS = 4000  # doubtful: an extraction shorter than this...
FALLBACK_MIN_BLOCKS = 2  # ...or of fewer blocks (paragraphs, lists, tables)
