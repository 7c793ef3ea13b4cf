"""Stamp labels: the words a page prints before a date to say what the date is.

A date line is judged by the words between it and the previous date on the line (or the
line's start), lowercased, punctuation dropped and clock times removed. A label of kind
``published`` (or a byline) says when the page was written; a label of kind ``updated``
says when it was last changed, which says little about when it was written. Furniture
is the site's own buttons printed after a date ("Adjust font size:"), not words of it.
"""

from __future__ import annotations

PUBLISHED = "published"
UPDATED = "updated"

# (label, kind, example): the label is a regular expression matched whole against the
# words before a date; the example is a line the label dates.
LABELS: tuple[tuple[str, str, str], ...] = (
    (r"(?:first )?published(?: on| at)?", PUBLISHED, "Published on 04/04/2019"),
    (r"posted(?: on| at)?", PUBLISHED, "Posted: Feb 17, 2015 3:36 PM"),
    (r"post time", PUBLISHED, "POST TIME: 4 April, 2019 00:00 00 AM"),
    (r"dated?(?: on)?", PUBLISHED, "Date :Saturday, April 6th, 2019 | Time : 19:57"),
    (r"(?:publication|publish|release) date", PUBLISHED, "Publication date: 3 March 2019"),
    (r"created(?: on| at)?", PUBLISHED, "Created on March 3, 2019"),
    (r"by [a-z][a-z .'’&/-]{0,60}", PUBLISHED, "by Agency News February 24, 2015"),
    (r"(?:last )?updated?(?: on| at)?", UPDATED, "Updated : 2021-09-17 06:28"),
    (r"last update[ds]?(?: on| at)?", UPDATED, "Last update: 17 September 2021"),
    (r"(?:last )?modified(?: on| at)?", UPDATED, "Modified: 2021-09-17"),
    (r"(?:last )?(?:edited|revised)(?: on| at)?", UPDATED, "Last edited March 5, 2019"),
)

# Words a stamp line may carry beside its date and clock without being a sentence.
FILLER_WORDS: frozenset[str] = frozenset(
    """updated update published posted post last first on at date dated time created
    modified edited revised publication am pm""".split()
)

# (phrase, example): site furniture printed on the same line after a date.
FURNITURE: tuple[tuple[str, str], ...] = (
    ("adjust font size", "Newswire, April 4, 2019 Adjust font size:"),
    ("font size", "April 4, 2019 Font size: A A A"),
    ("text size", "April 4, 2019 | Text size"),
    ("print", "April 4, 2019 | Print"),
    ("email", "April 4, 2019 Email"),
    ("share", "April 4, 2019 Share"),
    ("listen", "April 4, 2019 Listen"),
    ("comments", "April 4, 2019 Comments"),
    ("a", "April 4, 2019 A+ A-"),
    ("share this article", "April 4, 2019 Share this article"),
    ("print this story", "April 4, 2019 | Print this story"),
    ("email this page", "April 4, 2019 | Email this page"),
    ("tweet", "April 4, 2019 Tweet"),
    ("facebook twitter whatsapp", "April 4, 2019 Facebook Twitter WhatsApp"),
    ("save", "April 4, 2019 Save"),
)
