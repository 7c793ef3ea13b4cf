"""Words that carry no content when comparing two sentences, and spelling variants.

Used by ``chronicle.merge`` to tell whether two texts tell the same happening.
"""

from __future__ import annotations

STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are as at be because
    been before being below between both but by can could did do does doing down
    during each few for from further had has have having he her here hers him his
    how i if in into is it its itself just me more most my no nor not now of off on
    once only or other our ours out over own same she should so some such than that
    the their them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you
    your said says say told according reported reports report added also however
    meanwhile still yet one two three four five six seven eight nine ten new since
    ago last next week weeks month months year years day days today yesterday
    tomorrow morning afternoon evening night monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august
    september october november december early late mid later earlier time times
    jan feb mar apr jun jul aug sep sept oct nov dec gmt utc""".split()
)

# Capitalised words after a preposition of place that name no place: adjectives of a
# people or a side, and what a side is backed by or led by. Examples: "dozens of
# pro-Russian rebels", "in the Belarusian capital", "of Syrian territory", "of
# Russia-backed forces", "of Turkish troops". Each is a regular expression over the
# word in lowercase; a place name that ends like one of them stays a name, not a place.
NOT_PLACES: tuple[tuple[str, str], ...] = (
    (r"(?:pro|anti|non|ex)-.+", "pro-Russian rebels"),
    (r".+-(?:backed|led|held|controlled|allied|based|run)", "Russia-backed separatists"),
    (r".{3,}(?:ian|ese|ish)", "the Belarusian capital, Syrian territory, Turkish troops"),
)
