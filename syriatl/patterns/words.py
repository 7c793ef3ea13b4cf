"""Words that carry no content when comparing two sentences, and spelling variants.

Used by ``merge`` to tell whether two sentences tell the same happening.
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
    september october november december early late mid later earlier time times""".split()
)

# What happens at an event's date, by the cue nearest its expression: two events of
# different kinds are different happenings (a truce announced, and a truce taking
# effect). Each cue is a regular expression over lowercased text.
ASPECTS: dict[str, tuple[str, ...]] = {
    "announce": (
        r"announc\w*",
        r"declar\w*",
        r"unveil\w*",
        r"propos\w*",
        r"pledg\w*",
        r"agree[sd]?",
        r"agreement",
        r"sign(?:s|ed|ing)?",
        r"broker\w*",
        r"deal",
    ),
    "start": (
        r"tak(?:e|es|ing) effect",
        r"took effect",
        r"c(?:o|a)me into force",
        r"comes into force",
        r"into effect",
        r"begin\w*",
        r"began",
        r"begun",
        r"start\w*",
        r"launch\w*",
        r"resum\w*",
        r"open(?:s|ed|ing)?",
    ),
    "end": (
        r"end(?:s|ed)?",
        r"conclud\w*",
        r"collaps\w*",
        r"expir\w*",
        r"clos(?:e|es|ed)",
        r"broke down",
        r"finish\w*",
    ),
    "meet": (r"meet\w*", r"met", r"confer\w*", r"talks", r"visit\w*", r"summit"),
    "attack": (
        r"attack\w*",
        r"strikes?",
        r"struck",
        r"bomb\w*",
        r"shell(?:ed|ing|s)?",
        r"kill\w*",
        r"raid\w*",
        r"offensive",
        r"assassinat\w*",
        r"clash\w*",
    ),
}
