"""Every threshold of the clean stage, in one place (tuned on seeds + WCXB text dumps).

Lengths are in words unless the name says chars. Weights feed the main-region search
(a maximum-sum run of lines, see `text.main_region`): prose adds, furniture subtracts.
"""

# --- line classes (jusText-like): good / near / short / bad ---
GOOD_MIN_WORDS = 10  # a paragraph of prose has at least this many words...
GOOD_MIN_STOP = 0.18  # ...and this share of function words (id + en stoplists)
NEAR_MIN_WORDS = 5
NEAR_MIN_STOP = 0.12
SENTENCE_MIN_WORDS = 10  # a line this long, ending as a sentence...
SENTENCE_MIN_LOWER = 0.4  # ...with this share of lowercase words is near-prose (names and figures lower the stopword share)
PROSE_LONG_WORDS = 30  # a line this long is prose even when its stopword share is low

# --- main region (maximum-sum run) ---
WEIGHT_GOOD_PER_CHAR = 1.0
WEIGHT_NEAR_PER_CHAR = 0.6
PENALTY_SHORT = 40.0  # per short line (menus: runs of these)
PENALTY_SHORT_NUMERIC = 5.0  # a short line of mostly numbers: a table row
PENALTY_BAD = 25.0  # per recognised furniture line (it is dropped anyway, so it hardly
PENALTY_BAD_PER_CHAR = 0.1  # blocks the body), plus its chars * PENALTY_BAD_PER_CHAR
SECOND_REGION_SHARE = 0.35  # another run is body too when it scores this share of the best one

# --- topical coherence (content stems shared with title + core body) ---
STEM_CHARS = 5  # crude language-neutral stemming: first N chars of a lowercased word
MIN_STEM_CHARS = 3
COHERENCE_MIN = 0.12  # below: a stretch of prose is off-topic (a teaser)...
COHERENCE_SHARED_NAMES = 2  # ...unless it shares this many names with the article or its headline
NAME_MIN_CHARS = 4  # a capitalised word this long inside a line counts as a name
HEADLINE_CASE_SHARE = 0.9  # share of capitalised content words of a headline-shaped line
HEADLINE_MIN_WORDS = 5  # a Title Case line this long inside the body may be a related headline
HEADLINE_TITLE_SHARE = 0.2  # ... and it is one when it shares less than this with the title
READ_ALSO_MAX_LINES = 4  # headline-shaped lines under a bare `Baca Juga:` label dropped as links...
READ_ALSO_MAX_WORDS = 20  # ...each at most this long and without a full stop...
READ_ALSO_SENTENCE_CASE = 0.5  # ...and, under Title Case links, not in sentence case (below this capitalised share: a subheading)
HEADLINE_NEXT_SHARED = 2  # a subheading shares this many stems with the paragraph after it; an injected headline does not
COHERENCE_MIN_CORE_STEMS = 60  # judge coherence only against a core body this rich...
COHERENCE_MAX_LINE_SHARE = 0.3  # ...and only lines smaller than this share of it
CONTINUE_GAP_LINES = 1  # a stretch right under a paragraph (this many furniture lines between at most)...
CONTINUE_SHARED_NAMES = 2  # ...naming this many of its names goes on with the article
READ_ALSO_GAP_LINES = 2  # a stretch of prose right under a paragraph past at most this many read-also links goes on with it
FURNITURE_GAP_LINES = 2  # ...or past at most this many furniture lines (a caption, an ad slot), not a teaser's headline
LEDE_TITLE_SHARE = 0.5  # a stretch holding this share of the headline's stems is on topic (the lede)...
LEDE_TITLE_MIN_STEMS = 2  # ...when the headline has at least this many
TAIL_BLOCK_COHERENCE_MIN = 0.4  # the last prose block after a gap goes when it shares less than this...
TAIL_BLOCK_SHARED_NAMES = 3  # ...and names fewer than this many of the article's people or places...
TAIL_BLOCK_MAX_SHARE = 0.15  # ...and is at most this share of the body before it
TAIL_BLOCK_MAX_BLOCKS = 2  # at most this many blocks are cut from the end
TAIL_GAP_MIN_LINES = 2  # the gap before a cut block holds furniture or at least this many lines (not one subheading)
TAIL_CTA_MAX_SHARE = 0.4  # a last block opening with a call to action (cta.txt) goes up to this share
TEASER_PLACE_MAX_WORDS = 2  # a dateline in capitals (`NEW DELHI -`) is this short; `CLOTHING FOR BACKPACKING –` is a list item  # core lines this close to a line do not count as its support

END_BLOCK_MIN_CHARS = 300  # an end-block heading (end-blocks.txt) ends the body below this much prose...
END_BLOCK_MAX_AFTER = 0.5  # ...when the prose below it is at most this multiple of the prose above
THREAD_MIN_MARKS = 2  # this many comment marks (`Jane Doe says`, `Reply`) below the prose: a thread starts at the first
END_BLOCK_HEADING_MAX_WORDS = 12
BIO_TAIL_LINES = 8  # an author's bio sentence (end-blocks.txt `bio_sentence`) among the body's last prose lines...
BIO_MAX_WORDS = 80  # ...at most this long, ends the body
CAPTION_LABEL_MAX_WORDS = 14  # a caption with its credit after a label (`Foto: …/kumparan`) is this short
DISCLOSURE_MAX_CHARS = 300  # an affiliate disclosure (disclosures.txt) is a line this short; a longer one is a paragraph on the subject
CARD_MIN_ITEMS = 3  # a short line printed this many times in the body is the button of a card list...
CARD_BUTTON_MAX_WORDS = 4  # ...when this short...
CARD_MAX_LINES = 6  # ...and the cards are at most this many lines apart  # a heading is short; a sentence naming comments is prose

# --- head and meta ---
HEAD_MAX_LINES = 80  # the headline is looked for in this many lines right above the body (and the top ones)
TITLE_TOP_LINES = 3  # the <title> printed atop many dumps: always a title candidate, however long the head
TITLE_NEAR_TWIN_SHARE = 0.5  # a line sharing this share of its stems with the <title> atop the dump (and it with the line) is the <h1>
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 35
SITE_CUT_MIN_WORDS = 3  # a dump's headline line loses its site segments (`… | Site`) only when this many words stay
TITLE_BODY_SHARE = 0.3  # title candidates share this much with the body
CRUMB_MAX_SEGMENT_WORDS = 4  # a breadcrumb (`Home » Nasional » Politik`) joins segments this short...
CRUMB_PAIR_MAX_WORDS = 2  # ...and a two-segment one joined by `/` or `|` even shorter (not `Headline | Site`)
BYLINE_MAX_WORDS = 14  # a byline line is names (and an outlet, a role): longer is a sentence
BYLINE_NAME_MAX_WORDS = 3  # a bare name this short right above the date line is the byline, not the headline
META_NAME_MAX_WORDS = 5  # "Chella Defa Anjelina," next to a byline or date line
DATELINE_LOOKAHEAD = 8  # a dateline-only line this close to the body start opens the body
LEDE_LOOKBACK_LINES = 12  # a dateline sentence this close above the best run...
LEDE_HEADER_LINES = 3  # ...right under the date or byline line (this many lines above it at most) is the lede
CITES_TITLE_MIN_WORDS = 5  # a body line holding the whole headline (this long) and more is a syndication note
CITES_TITLE_TAIL_LINES = 3  # ...among the last lines of the body (a headline quoted in prose is fine)
CREDITS_SENTENCE_LINES = 2  # at most this many sentences right above the reporter/editor lines join the body...
AD_MARKER_MAX_WORDS = 1  # a furniture line this short between two prose blocks is an ad slot inside the article
MARKER_MAX_WORDS = 4  # a recurring line this short between two prose blocks is an in-article marker, not the end of the article
CLOSING_SENTENCE_LINES = 2  # at most this many short sentences right after the body's last paragraph close the article...
DIALOGUE_MIN_WORDS = 3  # a quoted line this long closed as a sentence (`"Tidak pernah," jawab Setnov.`) is a line of dialogue
CLOSING_SENTENCE_MIN_WORDS = 5  # ...each a capitalised sentence of at least this many words, closed by `.`, `?` or `!`
NUMBERING_LOOKBACK_LINES = 12  # a numbered subheading goes on with the one numbered before it this close above
CREDITS_LOOKAHEAD = 40  # ...found within this many lines after it (furniture such as `Baca juga: …`, or a list of data, may sit between)
LIST_MIN_ITEMS = 2  # a paragraph ending in a colon announces a list of at least this many items
SHAPE_PREFIX_CHARS = 6  # rows of one table share the start of their form (words and figures blanked)...
SHAPE_MIN_CHARS = 3  # ...a form this long at least (`a9a`, `a:a`; a title and a duration, `a9`, is a link list)
DATA_MIN_ROWS = 3  # this many rows of one form under the body are closing data, with no heading...
DATA_GAP_LINES = 2  # ...furniture lines between two rows at most
DATA_HEADING_MAX_WORDS = 4  # a heading above the rows (`Susunan Pemain`) is this short
TAIL_META_LINES = 3  # editor code "(aik/aik)" within this many lines after the body is meta

# --- cross-document templates (CleanStep.prepare) ---
TEMPLATE_MIN_DOCS = 3  # a line in at least this many pages of one outlet...
TEMPLATE_MIN_SHARE = 0.2  # ...and this share of them is boilerplate
TEMPLATE_PROSE_SHARE = 0.5  # long prose lines need this share (syndicated paragraphs recur)
TEMPLATE_MAX_LINES_PER_GROUP = 200_000  # bound on distinct line hashes kept per group
TEMPLATE_MIN_CHARS = 2  # shorter lines are not worth counting
SUBHEADING_MAX_WORDS = 4  # a recurring line this short between two paragraphs, in the page's own words, is a subheading...
SUBHEADING_GAP_LINES = 1  # ...furniture lines between it and the prose on either side at most

# --- HTML path (trafilatura), chosen on WCXB dev articles ---
HTML_FAVOR_PRECISION = False
HTML_FAVOR_RECALL = False
HTML_INCLUDE_TABLES = True
