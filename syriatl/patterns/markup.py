"""What an HTML page's markup says about its own date, as data with examples.

htmldate chooses the page's publication date from its markup; these tables name the
element that says it, so that the date is recorded with its evidence, as a date the text
prints is.
"""

from __future__ import annotations

# (word, example): a <meta> name, property or itemprop holding one of these words dates a
# change to the page (or its end), not its publication: it is never quoted for it.
CHANGE_WORDS: tuple[tuple[str, str], ...] = (
    ("modif", "article:modified_time"),
    ("updat", "og:updated_time"),
    ("revis", "last-revised"),
    ("expir", "article:expiration_time"),
)

# (key, example): JSON-LD keys of a publication date, strongest first.
JSON_LD_KEYS: tuple[tuple[str, str], ...] = (
    ("datePublished", '{"@type": "NewsArticle", "datePublished": "2019-03-05T09:30:00Z"}'),
    ("dateCreated", '{"@type": "Article", "dateCreated": "2019-03-05"}'),
)

# (pattern, example): a markup value that opens with an ISO day (a time and an offset
# may follow; the day is the one written, in the page's own zone).
ISO_DAY: tuple[str, str] = (r"\s*(\d{4})-(\d\d)-(\d\d)(?![\d])", "2019-03-05T23:30:00-05:00")

# (pattern, example): a date path in a page's address.
URL_DAY: tuple[str, str] = (
    r"/((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?:/|$|[^\d])",
    "https://gulfdaily.example/2019/03/05/truce-holds",
)
