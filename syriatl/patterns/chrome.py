"""Page structure: how scraped pages mark live-blog entries, captions, credits, widgets.

These are shapes of web pages in general (a label and a colon, a credit glued to a
caption, a short line of interface words), not strings of any one site. ``segment``
combines them with layout (position, repetition, length) to tell story from chrome.
"""

from __future__ import annotations

# A live-blog entry header: a capitalised label, an optional clock and zone, a colon.
# (label, examples)
ENTRY_LABELS: tuple[tuple[str, str], ...] = (
    ("UPDATE", "UPDATE 1130 GMT: The regime's air force has bombed Harasta."),
    ("UPDATED", "UPDATED 09:45 UTC: Talks resumed."),
    ("ORIGINAL ENTRY", "ORIGINAL ENTRY: Ministers will confer on Tuesday."),
    ("ORIGINAL POST", "ORIGINAL POST: The convoy left at dawn."),
    ("EARLIER", "EARLIER: Shelling was reported."),
)
ENTRY_HEADER = (
    r"^[ \t]*(?P<label>(?:{labels})(?:[ \t]+(?P<hour>[01]?\d|2[0-3]):?(?P<minute>[0-5]\d)"
    r"(?:[ \t]*(?P<zone>GMT|UTC|BST|CET|CEST|EET|EST|EDT|[A-Z]{{3}}))?)?)[ \t]*:[ \t]+"
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
# A headline has at least this many words (menus and labels have fewer).
TITLE_MIN_WORDS = 2

# Abbreviations that do not end a sentence. Single capital initials ("M. Kholdorbekov")
# and dotted acronyms ("U.S.", "a.m.") are recognised by shape.
ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr gen lt col sgt capt maj adm gov sen rep pres st mt ft prof rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun inc corp ltd co no nos vs etc approx dept est fig vol jr sr""".split()
)
