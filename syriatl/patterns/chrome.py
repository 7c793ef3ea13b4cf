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

# --- Wire datelines -------------------------------------------------------------------
# A dateline opens a wire story: the place in capitals, then one of the tails below (the
# date, the agency, a dash); the story goes on after it on the same line. Month names
# and a day, either order, with an optional year.
MONTH_DAY = (
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2}"
    r"|\d{1,2}[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?)"
    r"(?:,?[ \t]+\d{4})?"
)
DATELINE_PLACE = r"[A-Z][A-Z.'’ -]{1,40}?(?:,[ \t]*[A-Z][A-Za-z.]+)?"
# (name, tail after the place, example line): tried in this order.
DATELINE_TAILS: tuple[tuple[str, str, str], ...] = (
    # "PLACE, date /AGENCY/." (the slash agency of Russian and CIS wires)
    ("slash-agency", rf",?[ \t]*(?:{MONTH_DAY}\.?[ \t]*)?/[ \t]*[A-Z][A-Za-z.&' -]{{0,30}}?"
     r"[ \t]*/\.?(?:[ \t]*[–—-]+)?(?:[ \t]+|(?=\n|\Z))",
     "KARVANA, May 4. /VELNEWS/. The ministers met on Saturday."),
    # "PLACE, Country, date (Agency) - ": a comma, anything short, then a dash.
    ("comma-dash", r",[ \t]*[^–—\n]{0,40}?[ \t]*(?:\([A-Za-z ]+\)[ \t]*)?[–—-]+[ \t]+",
     "ORVEDA, May 4 (Wirenews) — The council voted on Friday."),
    # "PLACE (Agency Name / Wire - 4th April, 2019)": the date in the agency's brackets.
    ("bracketed-date", r"[ \t]*\([A-Z][^()\n]{0,50}?[ \t]*[–—,-][ \t]*(?=[^()\n]*\d)"
     r"[^()\n]{4,30}\)(?:[ \t]*[–—:-]+[ \t]+|[ \t]*(?=\n|\Z))",
     "ORVEDA (Wirenews / Velmora - 4th April, 2019) - Talks resumed."),
    # "PLACE, May 4. The ..." : the date closed by a full stop.
    ("date-period", rf",[ \t]*{MONTH_DAY}\.[ \t]+(?=[A-Z\"“])",
     "KARVANA, May 4. The convoy left on Friday."),
    # "PLACE May 4 (Agency) - " or "PLACE Feb 13 The ...": no comma after the place.
    ("no-comma", rf"[ \t]+{MONTH_DAY}[ \t]*(?:\([A-Za-z .&-]+\)[ \t]*)?"
     r"(?:[–—-]+[ \t]+|(?=[A-Z\"“]))",
     "KARVANA Feb 13 (Wirenews) - The convoy left on Friday."),
)  # fmt: skip

# --- Tickers and banners --------------------------------------------------------------
# A banner of the page (matched whole, case aside, trailing punctuation dropped): never
# story. The lines right under it with no blank line between (at most TICKER_ITEMS, each
# a sentence) are the ticker's items. (pattern, example)
BANNERS: tuple[tuple[str, str], ...] = (
    (r"breaking(?:[ \t]+news)?(?:[ \t]+alert)?", "Breaking News"),
    (r"just[ \t]+in", "JUST IN"),
    (r"latest(?:[ \t]+(?:news|updates|headlines|stories))?", "Latest news"),
    (r"trending(?:[ \t]+(?:now|news|topics|stories))?", "Trending now"),
    (r"most[ \t]+(?:read|popular|viewed|shared|watched|commented)", "Most read"),
    (r"top[ \t]+(?:stories|news|headlines)", "Top stories"),
    (r"(?:news[ \t]+)?ticker", "News ticker"),
    (r"developing(?:[ \t]+story)?", "DEVELOPING STORY"),
    (r"live(?:[ \t]+(?:now|updates|coverage|tv|video))?", "LIVE"),
    (r"editor[’']?s[ \t]+picks?", "Editor's picks"),
)
TICKER_ITEMS = 3
# A banner label and a colon before a short headline: "BREAKING: Talks collapse".
# (label pattern, example)
TICKER_LABELS: tuple[tuple[str, str], ...] = (
    (r"breaking(?:[ \t]+news)?", "BREAKING: Talks collapse in Orveda"),
    (r"just[ \t]+in", "Just in: Convoy reaches Karvana"),
    (r"latest", "Latest: Convoy reaches Karvana"),
    (r"trending", "Trending: Velmora election"),
    (r"developing", "DEVELOPING: Flood waters rise"),
)
# A headline link with its clock, in a list of them ("10:32 Ministers meet in Karvana"):
# a ticker when a block next to it is one too, or a banner. (pattern, example)
CLOCK_HEADLINE = (
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]*(?:[AaPp]\.?[Mm]\.?|GMT|UTC))?[ \t]+"
    r"[A-Z][^\n]*",
    "10:32 Ministers meet in Karvana",
)

# --- Share widgets, credits, promos ---------------------------------------------------
# A sharing widget (matched whole, case aside, trailing punctuation dropped).
# (pattern, example)
WIDGETS: tuple[tuple[str, str], ...] = (
    (r"share(?:[ \t]+(?:this|it))?(?:[ \t]+(?:article|story|page|post|video))?"
     r"(?:[ \t]+(?:on|via|with)(?:[ \t]+\w+)?)?", "Share this:"),
    (r"tweet(?:[ \t]+this)?", "Tweet"),
    (r"e-?mail(?:[ \t]+(?:this|a[ \t]+friend))?(?:[ \t]+(?:article|story|page))?", "Email"),
    (r"print(?:[ \t]+(?:this|the))?(?:[ \t]+(?:article|story|page))?", "Print"),
    (r"(?:copy|share)[ \t]+(?:the[ \t]+)?(?:link|url)", "Copy link"),
    (r"(?:save|bookmark)(?:[ \t]+(?:this|for later))?(?:[ \t]+(?:article|story))?", "Save"),
    (r"accessibility[ \t]+links", "Accessibility links"),
)  # fmt: skip

# Photo agencies and picture libraries (general knowledge: the big wires and libraries),
# as they sign a picture.
PHOTO_AGENCIES: tuple[str, ...] = (
    "AFP", "AP", "AP Photo", "Reuters", "Getty Images", "Getty", "EPA", "EPA-EFE", "EFE",
    "Anadolu Agency", "Anadolu", "Xinhua", "TASS", "Sputnik", "Shutterstock", "Alamy",
    "ANSA", "dpa", "PA", "Reuters TV",
)  # fmt: skip
_CAPS = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|al|el|bin))*"
_AGENCY = "(?:" + "|".join(sorted(PHOTO_AGENCIES, key=len, reverse=True)) + ")"
_PICTURE = r"(?i:photo|picture|image|photograph|video|footage|graphic)s?"
# A credit line (matched whole): it names who took a picture. (name, pattern, example)
CREDITS: tuple[tuple[str, str, str], ...] = (
    ("label-name", rf"\(?{_PICTURE}[ \t]*:[ \t]*{_CAPS}(?:[ \t]*/[ \t]*{_CAPS})?\)?",
     "Photo: AFP"),
    ("by-name", rf"\(?{_PICTURE}[ \t]+by[ \t]+[^()\n]{{1,80}}?\)?",
     "(Photo by Jane Orlo/Wirenews)"),
    ("agency", rf"(?:{_CAPS}[ \t]*/[ \t]*)?{_AGENCY}(?:[ \t]*/[ \t]*{_CAPS})?"
     rf"(?:[ \t]+via[ \t]+{_AGENCY})?(?:[ \t]+{_PICTURE})?", "Getty Images"),
    ("slash-name", r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}[ \t]*/[ \t]*"
     r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}", "Wirenews/Jane Orlo"),
)  # fmt: skip
# A caption with at most this many words may carry a credit after its last sentence
# ("Residents flee shelling in Karvana. Wirenews/Jane Orlo").
CAPTION_MAX_WORDS = 60

# A promo: a link to another story, a blog, a video or a sign-up form, matched at the
# start of a line of at most PROMO_MAX_WORDS words. (pattern, example)
PROMOS: tuple[tuple[str, str], ...] = (
    (r"Read[ \t]+(?:more|also|next|the[ \t]+full[ \t]+story)\b",
     "Read more: Ministers meet in Karvana"),
    (r"Read[ \t]+" + _CAPS + r"(?:'s|’s)[ \t]+(?:[\w-]+[ \t]+){0,2}(?:blog|column|analysis|"
     r"report|story|piece|interview|coverage|diary|notebook)[ \t]*:",
     "Read Tomas Varn's blog: Death rains down on Karvana"),
    (r"(?:Related(?:[ \t]+(?:stories|articles|content|coverage|news|links))?|See[ \t]+also|"
     r"Also[ \t]+read|More[ \t]+on[ \t]+this[ \t]+story|Recommended|Watch|Listen|Podcast|"
     r"In[ \t]+pictures|Gallery)[ \t]*:", "Watch: Convoy reaches Karvana on Monday"),
    (r"(?:Sign[ \t]+up|Subscribe|Register)[ \t]+(?:for|to|now)\b", "Sign up for our newsletter"),
    (r"(?:Follow|Like)[ \t]+us\b", "Follow us on Twitter"),
    (r"(?:Click|Tap)[ \t]+here\b", "Click here for the full report"),
    (r"Download[ \t]+(?:our|the)[ \t]+app\b", "Download our app"),
)  # fmt: skip
PROMO_MAX_WORDS = 30

# --- Captions that name only a picture ------------------------------------------------
# A caption that opens with one of these names a picture (matched at the line's start,
# case aside). It is chrome when nothing after the opening is a verb form (no word in
# -ed or -ing, no verbal cue of patterns/kinds.py): "File photo of the palace in Velmora."
# is chrome; "File photo of residents fleeing shelling" shows a happening and stays.
# (pattern, example)
PICTURE_NAMES: tuple[tuple[str, str], ...] = (
    (r"(?:an?[ \t]+|the[ \t]+)?(?:file|archive|archived|handout|undated|stock|library)"
     r"[ \t]+(?:photo|picture|image|photograph|shot|footage)s?\b",
     "File photo of the presidential palace in Velmora."),
    (r"(?:an?[ \t]+)?(?:general|aerial|partial|overall|panoramic|night)[ \t]+views?[ \t]+of\b",
     "A general view of Karvana, March 4, 2019."),
    (r"(?:an?[ \t]+)(?:photo|picture|image|photograph|view|portrait)[ \t]+of\b",
     "A picture of the old bridge in Orveda."),
)  # fmt: skip
