"""Tense cues: the words of a clause that tell which way its dates point.

Each table entry is a regular expression over lowercased text with the direction it
signals and examples of clauses it decides. The nearest cue to an expression wins, first
inside its clause, then across commas and subordinate clauses of the same sentence.
"""

from __future__ import annotations

from syriatl.model import Direction

FUTURE, PAST = Direction.FUTURE, Direction.PAST

# Words right before an expression that fix its direction whatever the verb says.
ADJACENT: dict[str, Direction] = {
    "since": PAST, "until": FUTURE, "till": FUTURE, "ahead of": FUTURE,
    "as soon as": FUTURE, "as early as": FUTURE, "payable": FUTURE, "effective": FUTURE,
    "by": FUTURE,
}  # fmt: skip

# Words that set a deadline for a month or a date ("payable Dec. 1", "by August") but
# in a report most often close a count that is over: "by Friday, 300 had fled".
WEEKDAY_MUTE: frozenset[str] = frozenset({"by"})

# Cues a reader takes at their word: a modal of the date's own verb, or a word right
# before the date. A past participle or a "said" may belong to another clause ("the
# reduced dividend is payable Jan. 2"), so it only tips the balance (see ``resolve``).
DECISIVE: frozenset[str] = frozenset(
    {"will", "shall", "won't", "won’t", "'ll", "’ll", "until", "till", "since", "ahead of"}
)

# Past verbs of commitment followed by "to" (see the entry in ``CUES``).
COMMITMENT = r"(?:agreed|promised|pledged|vowed|threatened|planned|intended|hoped|aimed) to"

# (pattern, direction, example clause): future markers first; they outrank a past
# participle at the same distance ("is planned", "is expected to").
CUES: tuple[tuple[str, Direction, str], ...] = (
    # A plan told in the past perfect was made, and most often due, before the report.
    (
        r"had been (?:due|set|scheduled|slated|expected|planned|supposed)(?: to)?",
        PAST,
        "the offer had been due to expire on Friday",
    ),
    # A plan told in the pluperfect fell through or was carried out before the report.
    (
        r"had (?:planned|intended|hoped|aimed|meant)",
        PAST,
        "they had planned to leave on Friday but stayed",
    ),
    (r"will|shall|won[’']t|[’']ll|would", FUTURE, "Brask will meet them on Friday"),
    (
        r"(?:is|are|am) (?:due |set |scheduled |slated |expected |planned |supposed |going )?to",
        FUTURE,
        "the vote is to take place on Friday",
    ),
    (
        r"(?:is|are) (?:planned|scheduled|slated|due|expected)",
        FUTURE,
        "a second vote is planned on Thursday",
    ),
    (
        r"due to|set to|going to|plans? to|planning to|intends? to|aims? to|expects? to|"
        r"expected to|likely to|scheduled|slated|upcoming|hopes? to|to be held|"
        r"seeks? to|wants? to|ready to",
        FUTURE,
        "a plan to close the market on Saturday",
    ),
    # A past verb of commitment points ahead only through its infinitive: "agreed to
    # meet on Thursday" dates the meeting. The agreeing itself is past: a date before
    # the verb ("on Thursday agreed to meet") or a noun after "to" ("agreed to a truce
    # on Thursday") dates it (see ``COMMITMENT``, ``NOUN_AFTER_TO``).
    (
        COMMITMENT,
        FUTURE,
        "the two sides agreed to meet again on Friday",
    ),
    (
        r"was|were|had|did|ago|said|told|began|begun|took|met|came|went|made|saw|gave|held|"
        r"left|spoke|fought|won|lost|struck|broke|fell|rose|sent|brought|thought|sold|paid|"
        r"kept|led|built|drove|flew|stood|wrote|shot|overtook|retook|withdrew|became|began|"
        r"found|got|heard|knew|meant|ran|said|sat|sought|spent|swept|taught|threw|understood|"
        r"woke|wore|forgot|fled|felt|dealt|chose|caught|bought|arose|awoke|blew|bore|"
        r"shook|drew|grew|hid|rode|rang|sang|sank|slew|spun|stole|stuck|swore|tore|"
        r"wept|slid|bled|crept|dug|froze|forbade|forgave|foresaw|hung|laid|lit|overran|"
        r"overthrew|undertook|upheld|withheld|sprang|strove|swung|wove|shone|slept|"
        r"\w{3,}ed|hit",
        PAST,
        "Brask told the envoy on Wednesday",
    ),
)

# "agreed to a truce", "vowed to the crowd": "to" before a noun phrase, not an infinitive.
NOUN_AFTER_TO = r"\s+(?:a|an|the|its|their|his|her|our|this|that|these|those|some|any|\d[\d,]*)\b"

# Past forms that are also the verb's plain form ("will hit", "to hit"): past only when
# no modal, "to" or "do" stands right before them.
BARE_TOO: frozenset[str] = frozenset({"hit"})

# Words ending in -ed that are not past tenses.
NOT_PAST: frozenset[str] = frozenset(
    {"need", "needed", "indeed", "hundred", "speed", "proceed", "succeed", "exceed", "seed",
     "breed", "united", "red", "bed", "feed", "shed", "embed", "armed", "based", "so-called",
     "unnamed", "unidentified", "detained", "alleged", "expected", "planned", "scheduled",
     "proposed", "reported", "concerned", "related", "limited", "advanced", "supposed",
     "interested", "involved", "unprecedented", "biased", "skilled", "wounded", "injured",
     "killed", "displaced", "besieged", "backed", "linked", "led", "allied", "sanctioned",
     "designated", "aged", "wicked", "naked", "sacred", "beloved", "bloodied", "devoted",
     "unspecified", "undisclosed", "unexpected", "unresolved"}
)  # fmt: skip

# Lowercased abbreviations whose period ends no sentence ("the Roe vs. Wade ruling");
# a single letter before a period is an initial or part of one ("U.S.", "a.m.").
ABBREVIATIONS: tuple[str, ...] = (
    "mr", "mrs", "ms", "dr", "st", "vs", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
    "jan", "feb", "aug", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd",
)  # fmt: skip
_NOT_ABBREVIATION = r"(?<!\b[a-z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in ABBREVIATIONS)
# Where a clause ends: nothing beyond these says anything about the expression's verb.
# Each alternative opens on the same class of characters, so that ``re`` skips straight
# to the next of them; the alternative then checks, looking back, which one it was.
HARD_BOUNDARY = (
    r"[.!?;:“”\"()\[\]\s](?:"
    rf"(?<=\.){_NOT_ABBREVIATION}\s"  # a full stop, then a space: "ended. The"
    r"|(?<=[!?;:“”\"()\[\]])\s"  # another mark, then a space: "ended; the"
    r"|(?<=[“”\"()\[\]])"  # a quotation mark or a bracket
    r"|(?<=\s)[—–-]\s"  # a dash set off by spaces
    r"|(?<=\n)\s*\n)"  # a blank line
)
# Where a clause may end: cues beyond these are used only when nearer ones are missing.
CLAUSE_WORDS: tuple[str, ...] = (
    "that", "which", "who", "whom", "whose", "where", "when", "while", "whereas", "because",
    "although", "but", "and", "after", "before", "as", "if", "unless", "whether",
)  # fmt: skip
SOFT_BOUNDARY = r",|\b(?:" + "|".join(CLAUSE_WORDS) + r")\b"
