"""Who published a page and whose copy it is: the forms of wire credits, and the names of
the big news agencies (general knowledge, not any corpus's outlets).

``chronicle.outlets`` reads these in structural places only (the start of a dateline,
a byline line, a credit or copyright line, the title's site part, a printed URL): an
agency named inside a sentence ("told Reuters on Monday") is a source of the story,
never its origin.
"""

from __future__ import annotations

import re

# The news agencies: (canonical name, surface forms as printed, an example credit).
# Surface forms are matched case-sensitively, whole words, in credit positions only.
AGENCIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("AFP", ("AFP", "Agence France-Presse", "Agence France Presse", "Agence-France Presse"),
     "KARVANA, May 4 (AFP) - Talks opened."),
    ("AP", ("AP", "Associated Press", "The Associated Press", "AP News"),
     "KARVANA, Velmora (AP) — Talks opened."),
    ("Reuters", ("Reuters", "Thomson Reuters"), "By Reuters"),
    ("Xinhua", ("Xinhua", "Xinhua News Agency", "Xinhuanet"),
     "DORVAN, May 4 (Xinhua) -- Talks opened."),
    ("TASS", ("TASS", "ITAR-TASS", "Itar-Tass"), "DORVAN, May 4. /TASS/. Talks opened."),
    ("RIA Novosti", ("RIA Novosti", "RIA"), "DORVAN, May 4 (RIA Novosti) - Talks opened."),
    ("Interfax", ("Interfax", "Interfax-Ukraine"), "Source: Interfax"),
    ("Anadolu", ("Anadolu Agency", "Anadolu", "AA"), "KARVANA (AA) - Talks opened."),
    ("UPI", ("UPI", "United Press International"),
     "KARVANA, Velmora, May 4 (UPI) -- Talks opened."),
    ("DPA", ("DPA", "dpa", "Deutsche Presse-Agentur"), "KARVANA (dpa) - Talks opened."),
    ("EFE", ("EFE", "Agencia EFE"), "Source: EFE"),
    ("ANSA", ("ANSA",), "KARVANA, May 4 (ANSA) - Talks opened."),
    ("Kyodo", ("Kyodo", "Kyodo News"), "By Kyodo News"),
    ("Yonhap", ("Yonhap", "Yonhap News Agency"), "KARVANA, May 4 (Yonhap) -- Talks opened."),
    ("PTI", ("PTI", "Press Trust of India"), "KARVANA, May 4 (PTI) - Talks opened."),
    ("IRNA", ("IRNA", "Islamic Republic News Agency"), "Source: IRNA"),
    ("SANA", ("SANA", "Syrian Arab News Agency"), "Source: SANA"),
    ("WAFA", ("WAFA",), "Source: WAFA"),
    ("MENA", ("MENA", "Middle East News Agency"), "Source: MENA"),
    ("KUNA", ("KUNA", "Kuwait News Agency"), "Source: KUNA"),
    ("VOA", ("VOA News", "VOA", "Voice of America"), "by VOA News May 4, 2019"),
    ("Bloomberg", ("Bloomberg", "Bloomberg News"), "By Bloomberg News"),
    ("Ukrinform", ("Ukrinform",), "Source: Ukrinform"),
    ("Belta", ("BelTA", "Belta"), "Source: BelTA"),
    ("APA", ("APA",), "Source: APA"),
    ("Sputnik", ("Sputnik",), "Source: Sputnik"),
    ("CNA", ("CNA", "Central News Agency"), "Source: CNA"),
    ("Bernama", ("Bernama",), "Source: Bernama"),
    ("PAP", ("PAP",), "Source: PAP"),
    ("ANI", ("ANI",), "Source: ANI"),
    ("IANS", ("IANS",), "Source: IANS"),
    ("APS", ("APS",), "Source: APS"),
    ("QNA", ("QNA", "Qatar News Agency"), "Source: QNA"),
    ("WAM", ("WAM",), "Source: WAM"),
    ("SPA", ("Saudi Press Agency",), "Source: Saudi Press Agency"),
)  # fmt: skip

# Month names and their abbreviations as datelines print them.
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DAY_MONTH = rf"(?:{MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{MONTH})(?:,?[ \t]+\d{{4}})?"
# An agency's name as a credit prints it: a capital or "dpa", a few words, no clause.
_NAME = r"[A-Za-z][\w.&'’-]*(?:[ \t]+[\w.&'’-]+){0,4}"
# A dateline's place: capitals ("KARVANA", "NEW YORK", "DORVAN/ISTRA"), then maybe a
# country or region in any case ("KARVANA, Velmora").
_PLACE = r"[A-Z][A-Z.'’/ -]{1,40}?(?:,[ \t]*[A-Z][A-Za-z.'’ -]{1,30}?)?"

# Structural credits: where the place and shape leave no doubt that the bracketed or
# slashed name is the copy's origin, even for an agency not in AGENCIES.
# (name, pattern, meaning, examples)
CREDITS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "dateline-credit",
        rf"^[ \t]*{_PLACE}(?:,?[ \t]*{DAY_MONTH})?,?[ \t]*\((?P<agency>{_NAME})\)"
        r"[ \t]*(?:[–—-]+|:)",
        "a parenthesised credit after a dateline: the wire agency whose copy it is",
        (
            "KARVANA, May 4 (Reuters) – The truce held.",
            "KARVANA, Velmora (AP) — The truce held.",
            "KARVANA (AA) - The truce held.",
            "KARVANA, Velmora, May 4 (UPI) -- The truce held.",
            "DORVAN/ISTRA, Velmora, (Reuters) – The truce held.",
            "ISTRA, 4 May (Velmora News Agency) - The truce held.",
        ),
    ),
    (
        "dateline-credit",
        rf"^[ \t]*{_PLACE},[ \t]*{DAY_MONTH}\.?[ \t]*/(?P<agency>{_NAME})/",
        "a slashed credit after a dated dateline (TASS style)",
        ("DORVAN, May 4. /TASS/. The truce held.", "ISTRA, May 4 /Velmora Press/ Talks."),
    ),
)

# Credits that name a known agency (the {agency} slot takes AGENCIES' surface forms).
# (name, pattern, meaning, examples)
WIRE_FORMS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "byline",
        r"^[ \t]*[Bb][Yy][ \t]+(?P<who>.{1,120}?)[ \t]*$",
        "a byline line; an agency named in it is the origin ('By Jane Doe' is not)",
        ("By Reuters", "by VOA News May 4, 2019", "By Jane Doe and John Roe, Associated Press"),
    ),
    (
        "wire-credit",
        r"/(?P<agency>{agency})/",
        "a slashed agency credit",
        ("DORVAN, May 4. /TASS/. Talks opened.",),
    ),
    (
        "wire-credit",
        r"^[ \t]*(?:Source|Sources|Via|Courtesy)[ \t]*:[ \t]*(?P<who>.{1,80}?)[ \t]*$",
        "a credit line naming where the copy comes from",
        ("Source: AFP", "Sources: Reuters, AFP"),
    ),
    (
        "wire-credit",
        r"^[ \t]*\(?[ \t]*(?:Reporting|Additional reporting|Writing)[ \t]+by[ \t]+"
        r"(?P<who>.{1,200}?)\)?[ \t]*$",
        "a Reuters-style credit line; an origin only when it names an agency",
        ("(Reporting by Jane Doe for Reuters; Editing by John Roe)",),
    ),
    (
        "wire-credit",
        r"^[ \t]*(?P<agency>{agency}),[ \t]+(?:{month}|\d|[A-Z][A-Za-z-]+,)",
        "a story opening with the agency's name and a comma (Xinhua style)",
        ("Xinhua, May 4 -- Talks opened.", "Xinhua, Karvana, May 4 -- Talks opened."),
    ),
    (
        "wire-credit",
        r"(?:^|[,;—–-][ \t]*)(?:the[ \t]+)?(?P<agency>{agency})[ \t]+reported\b",
        "the lead sentence credits its news to an agency ('..., Reuters reported')",
        ("The truce held overnight, Reuters reported.", "AFP reported that talks opened."),
    ),
)

# Copyright and masthead lines: the name in them is the origin when it is an agency,
# otherwise the site. (pattern, meaning, examples)
COPYRIGHT = (
    r"^[ \t]*(?:Copyright|\(c\)|©)(?:[ \t]*(?:©|\(c\)))?[ \t]*(?P<name>.{1,80}?)[ \t.]*$",
    "a copyright line of the page",
    ("Copyright © 2019 Anadolu Agency", "© AFP 2019", "© 2019 Gulf Daily",
     "Copyright Velmora Times"),
)  # fmt: skip
# Words of a copyright line that are not the name.
COPYRIGHT_NOISE = (
    r"(?i)\b(?:all[ \t]+rights[ \t]+reserved|ltd|llc|inc|plc|gmbh|limited|"
    r"\d{4}(?:[ \t]*[-–][ \t]*\d{4})?)\b|[©.,]|\(c\)"
)
# A line of a photo or picture credit: never the copy's origin.
PHOTO_WORDS = r"(?i)\b(?:photo|photos|photograph|image|picture|foto|bild|video|getty|file)\b"

# A title's site part: "Headline | Site", "Headline – Site", "Site - Headline".
TITLE_SEPARATORS = r"[ \t]+(?:\||–|—|-|::|»)[ \t]+|[ \t]*\|[ \t]*"
# The most words a site name in a title has, and the fewest the headline beside it has.
SITE_WORDS = 5
HEADLINE_WORDS = 2
# Small words a site name may have in lower case ("Voice of the Coast").
SITE_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "al", "el", "&"})

# A URL printed in the text: with a scheme or "www." (bare "U.S." or "e.g." is no URL).
# A proxy or archive address carries the page's own after it
# ("https://proxy.example:443/https/www.gulfdaily.com/...", ".../web/2019/https://...").
_HOST = r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
URL = (
    rf"(?:https?://|\bwww\.)(?P<host>{_HOST})(?::\d+)?"
    rf"(?:/(?:web/\d+[a-z_]*/)?https?:?/+(?:www\.)?(?P<inner>{_HOST}))?"
)
# Second-level labels under a country code: the site is one label more
# ("gulfdaily.com.qa", "velmora.co.uk").
SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go"})
# Hosts that are never the page's own site: social networks, link shorteners, embeds,
# archives and content networks. (host suffix, what it is)
FOREIGN_HOSTS: tuple[tuple[str, str], ...] = (
    ("twitter.com", "social network"),
    ("x.com", "social network"),
    ("t.co", "link shortener"),
    ("facebook.com", "social network"),
    ("fb.com", "social network"),
    ("instagram.com", "social network"),
    ("youtube.com", "video embed"),
    ("youtu.be", "video embed"),
    ("t.me", "messaging embed"),
    ("telegram.org", "messaging"),
    ("tiktok.com", "social network"),
    ("linkedin.com", "social network"),
    ("bit.ly", "link shortener"),
    ("goo.gl", "link shortener"),
    ("tinyurl.com", "link shortener"),
    ("ow.ly", "link shortener"),
    ("archive.org", "web archive"),
    ("google.com", "search engine"),
    ("wikipedia.org", "encyclopedia"),
    ("gravatar.com", "avatar service"),
    ("wp.com", "content network"),
    ("cloudfront.net", "content network"),
)


# A byline that names the writer's site after a comma: "By Dana Orsk, Meridian Post".
BYLINE_SITE = re.compile(
    r"[Bb][Yy][ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3},[ \t]+"
    r"(?P<site>[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,3})[ \t]*"
)
BYLINE_SITE_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("By Dana Orsk, Meridian Post", "Meridian Post"),
    ("by Lena Varo, Gulf Daily", "Gulf Daily"),
)
