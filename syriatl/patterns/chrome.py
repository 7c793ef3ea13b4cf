"""Page structure: how scraped pages mark live-blog entries, captions, credits, widgets.

These are shapes of web pages in general (a label and a colon, a credit glued to a
caption, a short line of interface words), not strings of any one site. ``segment``
combines them with layout (position, repetition, length) to tell story from chrome.
"""

from __future__ import annotations

# A live-blog entry header: a capitalised label, an optional clock and zone, a colon, then
# the entry's text, or the end of the line ("UPDATE 14:20 GMT:" on a line of its own, the
# entry's text in the paragraphs under it). (label, examples)
ENTRY_LABELS: tuple[tuple[str, str], ...] = (
    ("UPDATE", "UPDATE 1130 GMT: The regime's air force has bombed Harasta."),
    ("UPDATED", "UPDATED 09:45 UTC: Talks resumed."),
    ("ORIGINAL ENTRY", "ORIGINAL ENTRY: Ministers will confer on Tuesday."),
    ("ORIGINAL POST", "ORIGINAL POST: The convoy left at dawn."),
    ("EARLIER", "EARLIER: Shelling was reported."),
)
ENTRY_HEADER = (
    r"^[ \t]*(?P<label>(?:{labels})(?:[ \t]+(?P<hour>[01]?\d|2[0-3]):?(?P<minute>[0-5]\d)"
    r"(?:[ \t]*(?P<zone>GMT|UTC|BST|CET|CEST|EET|EST|EDT|[A-Z]{{3}}))?)?)[ \t]*:(?:[ \t]+|$)"
)

# A line opening with one of these labels is a photo caption (still story text).
CAPTION_LABELS: tuple[str, ...] = ("PHOTO", "Photo", "PICTURE", "Picture", "IMAGE", "VIDEO")

# A credit label: glued to the end of a caption ("...on January 14Image: AFP") or opening
# a line of its own, it marks the rest of the line as a credit.
CREDIT_LABELS: tuple[str, ...] = ("Image", "Photo", "Picture", "Photograph", "Credit",
                                  "Source", "Bild", "Foto")  # fmt: skip

# Words of page furniture: a short line made of them is navigation, sharing or a widget.
INTERFACE_WORDS: frozenset[str] = frozenset(
    """skip menu main content navigation share tweet email print related posts post
    stories story explore more top homepage home go next previous section subscribe
    newsletter follow sign log in read also see recommended trending popular latest
    advertisement sponsored tags tag topics jump original streams social facebook
    twitter whatsapp telegram copy link back site sites search watch listen video
    photos gallery view all feature features""".split()
)

# Words that open a reader-comment thread when a short line is made mostly of them.
COMMENT_WORDS: frozenset[str] = frozenset(
    """comment comments reply replies responses response discussion conversation leave
    post website your add join reader readers""".split()
)

# A page-furniture line is at most this many words.
SHORT_LINE_WORDS = 12
# News sentences run to about 400-600 characters at most. A longer run without a
# sentence end (a table of figures, a list, a page with no punctuation) is cut at spaces
# into pieces of at most this many characters, so that none is quoted once per date.
LONGEST_SENTENCE = 1000
# A headline has at least this many words (menus and labels have fewer).
TITLE_MIN_WORDS = 2

# Abbreviations that do not end a sentence. Single capital initials ("M. Kholdorbekov")
# and dotted acronyms ("U.S.", "a.m.") are recognised by shape.
ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr gen lt col sgt capt maj adm gov sen rep pres st mt ft prof rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun inc corp ltd co no nos vs etc approx dept est fig vol jr sr""".split()
)

# A short line that opens a reader-comment thread (matched whole, case aside, after
# trailing punctuation is dropped). (pattern, example)
COMMENT_HEADINGS: tuple[tuple[str, str], ...] = (
    (r"\d+[ \t]+(?:comments?|responses?|replies|reactions)", "3 Comments"),
    (r"(?:reader[ \t]+)?comments?(?:[ \t]*\(\d+\)|[ \t]+\d+)?", "Comments (12)"),
    (r"no[ \t]+comments?(?:[ \t]+yet)?", "No comments yet"),
    (r"leave[ \t]+a[ \t]+(?:reply|comment|response)", "Leave a Reply"),
    (r"(?:join|start)[ \t]+the[ \t]+(?:discussion|conversation)", "Join the discussion"),
    (r"(?:add|post|write)[ \t]+(?:a|your)[ \t]+comment", "Add a comment"),
    (r"(?:show|view|load|read)[ \t]+(?:all[ \t]+)?(?:\d+[ \t]+)?comments", "View all 12 comments"),
    (r"\d+[ \t]+thoughts?[ \t]+on[ \t]+.{1,120}", "2 thoughts on “Truce Talks Resume”"),
    (r"what[ \t]+do[ \t]+you[ \t]+think", "What do you think?"),
)

# The signature line under an embedded post (X/Twitter, Instagram, Telegram, Facebook):
# a name, an @handle or a link to the post, and usually its date. The line gives no
# event; the post above it is story text, quoted. (name, pattern matched whole, example)
EMBED_SIGNATURES: tuple[tuple[str, str, str], ...] = (
    ("dash-handle", r"[—–-]{1,2}[ \t]*[^()\n]{1,80}?[ \t]*\(@\w{1,30}\)[ \t]*[^\n]{0,60}",
     "— Some Group (@somegroup) March 7, 2019"),
    ("shared-by", r"A[ \t]+(?:post|photo|video)[ \t]+shared[ \t]+by[ \t]+[^\n]{1,120}",
     "A post shared by Some Group (@somegroup) on Mar 7, 2019 at 4:05am PST"),
    ("dash-link", r"[—–-]{1,2}[ \t]*[^\n]{0,80}?(?:t\.me|telegram\.me|facebook\.com|fb\.com"
     r"|instagram\.com|(?:twitter|x)\.com)/\S+[^\n]{0,60}",
     "— Karvana Now, t.me/karvananow/1234, March 7, 2019"),
    ("handle-date", r"(?!By\b)[^()/\n]{1,80}?\(@\w{1,30}\)[ \t]+(?:on[ \t]+)?"
     r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}"
     r"|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+\d{4})[^\n]{0,30}",
     "Karvana Now (@karvananow) 7 March 2019"),
    # Facebook's: the page's name, then the weekday and the date (a blog's own footer,
    # "Posted by admin on May 12, 2021", has no weekday).
    ("posted-by", r"Posted[ \t]+by[ \t]+[^\n]{1,80}?[ \t]+on[ \t]+[A-Z][a-z]{2,5}day,?[ \t]+"
     r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?)[ \t]+\d{4}"
     r"[^\n]{0,30}",
     "Posted by Orveda Flood Watch on Tuesday, March 5, 2019"),
)  # fmt: skip

# An embed's signature glued to the end of the post's line, searched at the line's end.
# (pattern, example)
GLUED_SIGNATURE = (
    r"[—–][ \t]*[^()\n—–]{1,80}?\(@\w{1,30}\)[^\n]{0,60}$",
    "Market hit again pic.twitter.com/abc123 — Karvana CD (@karvanacd) March 7, 2019",
)

# A link that only an embedded post carries: its line is the post's text (story, quoted).
# (pattern, example)
EMBED_LINKS: tuple[tuple[str, str], ...] = (
    (r"pic\.twitter\.com/\w+", "Market hit again, 4 killed pic.twitter.com/abc123"),
    (r"(?:twitter|x)\.com/\w+/status/\d+", "Watch: x.com/karvananow/status/1103"),
    (r"t\.me/\w+/\d+", "Shelling at dawn t.me/karvananow/1234"),
    (r"instagram\.com/(?:p|reel)/[\w-]+", "The ruins instagram.com/p/Bu4x-1"),
)

# A comment thread opened by name-and-stamp headers alone: each header is followed by at
# most this many blocks, and a lone header by one block of at most this many words
# (longer bodies, or more of them, are the story going on under a stamped line).
COMMENT_BODY_BLOCKS = 3
LONE_COMMENT_WORDS = 40

# A byline: "By" and a name of at least two capitalised words, then the end of the line or
# a comma or dash and anything. Copy is never joined onto it. (pattern, example)
BYLINE = (
    r"[ \t]*By[ \t]+[A-Z][\w.'’-]*(?:[ \t]+(?:and|&|[A-Z][\w.'’-]*))*[ \t]+[A-Z][\w.'’-]*"
    r"[ \t]*(?:[,|–—-].*)?",
    "By Jane Orlo and Tomas Varn, Wirenews correspondents in Orveda",
)

# Hard-wrapped copy: a line is wrapped when it reaches this share of the widest line of
# its run (no blank line between), or half of it when the next line goes on in lower
# case; runs whose widest line is narrower than WRAP_MIN_WIDTH are menus, and lines of
# fewer than WRAP_MIN_WORDS words (a URL, a name) are never wrapped copy.
WRAP_MIN_WORDS = 4
WRAP_SHARE = 0.75
WRAP_LOWER_SHARE = 0.5
WRAP_MIN_WIDTH = 40

# The layout warns when it sets aside more than this share of the words between the
# first and the last story block as chrome or comments.
SET_ASIDE_WARNING = (1, 3)
