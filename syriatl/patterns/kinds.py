"""Kinds of happenings: the words of a clause that tell what sort of thing happened.

``KINDS`` is the fixed vocabulary every part of the pipeline uses. ``CUES`` are regular
expressions (matched case-insensitively, whole words) that signal a kind, each with
examples it must match; ``verbal`` cues are verb forms that tell a happening took place
(what a headline needs), the others are nouns that only name one. Earlier cues win over
later ones at the same place, so multi-word cues come before the words they contain.
``THINGS`` folds the names of what a happening is about to one canonical name.
"""

from __future__ import annotations

from dataclasses import dataclass

# kind -> meaning (fixed: everyone uses these names)
KINDS: dict[str, str] = {
    "agreement": "parties agree, sign or strike a deal or truce",
    "announcement": "a truce, plan or measure is announced or declared",
    "taking-effect": "a truce or deal comes into force, or is in force since a date",
    "end": "something collapses, ends, expires, breaks down or is called off",
    "violation": "a truce or deal is violated or breached",
    "talks-open": "talks, a summit or a conference open",
    "talks-close": "talks, a summit or a conference end",
    "talks": "a meeting or negotiations as a whole",
    "statement": "someone says or states something (the date governs the saying)",
    "claim": "someone claims, alleges or accuses (the date governs the claiming)",
    "denial": "someone denies, rejects or dismisses something",
    "attack": "air strikes, shelling, bombing, clashes, fighting, an offensive",
    "casualties": "people are killed, die or are wounded; a death toll",
    "evacuation": "people are evacuated",
    "withdrawal": "forces withdraw, pull back or retreat",
    "arrival": "a convoy, monitors or an envoy arrive or enter",
    "vote": "a vote, a resolution adopted, an approval",
    "debate": "a council or parliament debates or discusses (the day before a vote)",
    "order": "an order or decree is issued",
    "capture": "a place is captured, seized or falls",
    "exchange": "prisoners are swapped, exchanged or released",
    "other": "anything else (never dropped)",
}

# A cue kind that is not in KINDS: a verb of beginning, whose kind is the thing's
# (talks open, a truce takes effect); see ``REFINE``.
OPENING = "opening"
# A verb whose kind is its thing's: a truce is reached (agreement), a town is reached.
REACHING = "reaching"


@dataclass(frozen=True, slots=True)
class Cue:
    """A pattern that signals ``kind``; ``verbal`` when it is a verb form."""

    kind: str
    pattern: str
    verbal: bool
    examples: tuple[str, ...]


_DEALS = r"(?:agreement|deal|accord|truce|ceasefire|cease-fire|settlement|understanding)"
_AFTER_DEAL = r"(?:(?<=deal )|(?<=accord )|(?<=agreement )|(?<=truce )|(?<=ceasefire ))"
_AUX = r"(?:has |have |had |was |were |is |are )(?:been )?"

CUES: tuple[Cue, ...] = (
    # multi-word cues first: they outrank the single words they contain
    Cue(
        "attack",
        r"open(?:s|ed|ing)? fire|launch(?:es|ed|ing)? (?:an? )?(?:offensive|attack|"
        r"assault|strikes?|raids?)|fired on",
        True,
        ("troops opened fire on protesters", "launched an offensive"),
    ),
    Cue(
        "agreement",
        r"reach(?:es|ed|ing)? (?:a |an |the )?(?:[\w-]+ )?" + _DEALS,
        True,
        ("reached an agreement", "reached a ceasefire deal"),
    ),
    Cue(
        "agreement",
        r"str(?:uck|ike|ikes) (?:a |an |the )?(?:[\w-]+ )?" + _DEALS,
        True,
        ("struck a deal", "strike a truce"),
    ),
    Cue(
        "agreement",
        _AFTER_DEAL + r"(?:" + _AUX + r")?(?:reached|struck)",
        True,
        ("an agreement has been reached", "the deal struck"),
    ),
    Cue(
        "violation",
        r"br(?:oke|eaks?|eaking) the (?:truce|ceasefire|cease-fire|deal)",
        True,
        ("broke the truce",),
    ),
    Cue(
        "taking-effect",
        r"c(?:ame|omes?|oming) into (?:force|effect)|t(?:ook|akes?|aking|aken) "
        r"effect|(?:went|goes|go|going|gone) into (?:effect|force)|took hold",
        True,
        ("came into force", "took effect", "went into effect", "takes effect"),
    ),
    Cue("taking-effect", r"(?:held|holding|lasted)(?= since\b)", True, ("has held since",)),
    Cue(
        "taking-effect",
        r"in (?:force|effect|place)(?= (?:since|from)\b)",
        False,
        ("in place since", "in force from"),
    ),
    Cue(
        "end",
        r"(?:broke|breaks?|broken|breaking) (?:down|up)|call(?:s|ed)? off|fell apart|"
        r"falls? apart|wound up",
        True,
        ("broke down", "was called off", "broke up"),
    ),
    Cue(
        "talks",
        r"h(?:eld|olds?|olding) (?:talks|negotiations|a meeting|consultations)|"
        r"meeting with",
        True,
        ("held talks", "holds talks"),
    ),
    Cue(
        "statement",
        r"told (?:reporters|journalists|a news conference)|according to|"
        r"in a statement",
        True,
        ("told reporters", "according to"),
    ),
    Cue("claim", r"claim(?:s|ed|ing)? responsibility", True, ("claimed responsibility",)),
    Cue(
        "casualties",
        r"(?:was|were|been|being|are|is) (?:killed|wounded|injured)|lost "
        r"their lives|death toll|(?<=\d )lives",
        True,
        ("were killed", "the death toll", "has claimed 5,000 lives"),
    ),
    Cue(
        "withdrawal",
        r"pull(?:s|ed|ing)? (?:(?:the|its|their|his|her) [\w-]+ )?(?:back|out)|left the "
        r"(?:town|city|village|area|hill|base|region|district)",
        True,
        ("pulled back", "left the town", "pulled its troops out of"),
    ),
    Cue(
        "evacuation",
        r"(?:buses|coaches|convoys?) (?:left|carrying|carried)",
        True,
        ("buses left with civilians",),
    ),
    Cue(
        "vote",
        r"adopt(?:s|ed|ing)? (?:a |the )?resolution|pass(?:es|ed)? (?:a |the )?"
        r"(?:resolution|bill|law|motion)",
        True,
        ("adopted a resolution",),
    ),
    Cue("order", r"issu(?:e|es|ed|ing) (?:a |an )?(?:decree|order)", True, ("issued a decree",)),
    Cue(
        "capture",
        r"t(?:ook|akes?|aken|aking) (?:full )?control of|f(?:ell|alls?|allen) to|"
        r"took over",
        True,
        ("took control of", "fell to"),
    ),
    Cue("attack", r"sh(?:ot|oots?) down", True, ("shot down a jet",)),
    Cue(
        "exchange",
        r"exchang(?:e|es|ed|ing) (?:of )?(?:prisoners|detainees|bodies|captives)|"
        r"prisoner (?:swaps?|exchanges?)",
        True,
        ("exchanged prisoners", "a prisoner swap"),
    ),
    # single verbs
    Cue(
        "agreement",
        r"agree[sd]?|agreeing|sign(?:s|ed|ing)?|inked|brokered|brokers?|"
        r"mediated|clinched|sealed|arranged",
        True,
        ("agreed a truce", "signed the deal", "brokered", "a truce arranged earlier"),
    ),
    Cue(
        "announcement",
        r"announc(?:e|es|ed|ing)|declar(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|"
        r"proclaim(?:s|ed|ing)?",
        True,
        ("announced a ceasefire", "declared a truce", "unveiled a plan"),
    ),
    Cue(
        "end",
        r"collaps(?:e|es|ed|ing)|end(?:s|ed)?|expir(?:e|es|ed|ing)|suspend(?:s|ed)?|"
        r"clos(?:e|es|ed)|conclud(?:e|es|ed)|unravell?ed",
        True,
        ("collapsed", "ended", "expired", "talks concluded"),
    ),
    Cue(
        "violation",
        r"violat(?:e|es|ed|ing)|breach(?:es|ed|ing)?|flout(?:s|ed|ing)?",
        True,
        ("violated", "breached"),
    ),
    Cue(
        OPENING,
        r"beg(?:an|un|ins?|inning)|start(?:s|ed|ing)?|open(?:s|ed|ing)?|"
        r"g(?:ot|ets?|etting) under ?way|kick(?:s|ed)? off|resum(?:e|es|ed|ing)|convened",
        True,
        ("talks opened", "began at midnight", "truce started", "got under way"),
    ),
    Cue(
        "talks",
        r"met|meets?|meeting|negotiat(?:e|es|ed|ing)|confer(?:s|red|ring)?",
        True,
        ("met", "will confer"),
    ),
    Cue(
        "statement",
        r"said|says|stated|(?<!united )states|told|added|insisted|stressed|warned|"
        r"tweeted|spoke|speaking",
        True,
        ("said", "stated", "speaking from the capital"),
    ),
    Cue(
        "claim",
        r"claim(?:s|ed|ing)?|alleg(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|"
        r"blam(?:e|es|ed|ing)",
        True,
        ("claimed", "alleged", "accused"),
    ),
    Cue(
        "denial",
        r"den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|disavow(?:s|ed|ing)?|"
        r"dismiss(?:es|ed|ing)?|refut(?:e|es|ed)",
        True,
        ("denied", "rejected", "disavowed", "dismissed"),
    ),
    Cue(
        "casualties",
        r"killed|kill(?:s|ing)?|died|dies?|wounded|injured",
        True,
        ("were killed", "died", "wounded"),
    ),
    Cue(
        "attack",
        r"attack(?:s|ed|ing)?|shell(?:s|ed)|bomb(?:s|ed)|struck|strikes?|hit|hits|"
        r"storm(?:s|ed)|raid(?:s|ed)|pound(?:s|ed)|clash(?:es|ed)?|fought|fights?|"
        r"assault(?:s|ed)|target(?:s|ed)",
        True,
        ("stormed", "attacked", "hit"),
    ),
    Cue("evacuation", r"evacuat(?:e|es|ed|ing)", True, ("evacuated",)),
    Cue(
        "evacuation",
        r"(?:carr(?:y|ies|ied)|ferr(?:y|ies|ied)|bus(?:es|ed)?) (?:[\w-]+ ){0,2}out of|"
        r"board(?:s|ed|ing)? (?:a |the )?bus(?:es)?",
        True,
        ("buses carry civilians out of Ostrel", "families board a bus"),
    ),
    Cue(
        "withdrawal",
        r"withdr(?:ew|aw|aws|awn|awing)|retreat(?:s|ed|ing)?",
        True,
        ("withdrew", "retreated"),
    ),
    Cue(
        "arrival",
        r"arriv(?:e|es|ed|ing)|enter(?:s|ed)|landed|cross(?:es|ed)? into",
        True,
        ("arrived", "entered", "crossed into"),
    ),
    # "reached": monitors reach a town (arrival), parties reach a truce (agreement)
    Cue(REACHING, r"reach(?:es|ed)", True, ("reached",)),
    # a debate is what its date dates ("a debate on Wednesday" before "the vote"), not
    # the kind of the thing debated
    Cue("debate", r"debat(?:e|es|ed|ing)|discuss(?:es|ed|ing)?", True, ("debated the truce",)),
    Cue(
        "vote",
        r"vot(?:e|es|ed|ing)|approv(?:e|es|ed|ing)|endors(?:e|es|ed)|"
        r"ratif(?:y|ies|ied)",
        True,
        ("voted", "approved"),
    ),
    Cue("order", r"order(?:s|ed)|decree[sd]|instructed", True, ("ordered", "decreed")),
    Cue(
        "capture",
        r"captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|overr(?:an|un|uns)|"
        r"recaptur(?:e|es|ed)|retook|retak(?:e|es|en)",
        True,
        ("captured", "seized"),
    ),
    Cue("exchange", r"swapp(?:ed|ing)|releas(?:e|es|ed|ing)|freed", True, ("released", "swapped")),
    # verbs that tell a state goes on, not that anything happened: they keep the clause
    # from borrowing a neighbour's verb; a better cue in the clause wins over them
    Cue(
        "other",
        r"held|holds|holding|remained|remains|continued|continues",
        True,
        ("the truce held", "fighting continued"),
    ),
    # nouns that name a happening without telling that it took place
    Cue(
        "violation",
        r"violations?|breach(?:es)?|infringements?",
        False,
        ("a violation of the truce",),
    ),
    Cue(
        "attack",
        r"air ?strikes?|airstrikes?|shelling|bombing|bombardment|fighting|"
        r"offensive|barrage|(?:rocket|mortar) fire|shellfire|gunfire",
        False,
        ("air strikes", "shelling", "clashes", "fighting", "offensive"),
    ),
    Cue("casualties", r"casualties|deaths|killings?|fatalities", False, ("casualties",)),
    Cue(
        "talks",
        r"talks|negotiations|summit|meeting|conference|consultations",
        False,
        ("a meeting on", "negotiations on", "the summit"),
    ),
    Cue("statement", r"statement", False, ("a statement",)),
    Cue("claim", r"allegations?|accusations?", False, ("allegations",)),
    Cue("denial", r"denials?|rejection", False, ("a denial",)),
    Cue("evacuation", r"evacuations?", False, ("evacuation",)),
    Cue("withdrawal", r"withdrawal|pull-?back|pull-?out", False, ("pullback", "withdrawal")),
    Cue("arrival", r"arrival", False, ("the arrival",)),
    Cue("vote", r"vote|ballot|referendum", False, ("the council vote",)),
    Cue("order", r"decree", False, ("a decree",)),
    Cue("capture", r"capture|seizure|fall of", False, ("the fall of",)),
    Cue("attack", r"shooting down|downing", False, ("the downing of a jet",)),
    Cue("exchange", r"swaps?|exchanges?", False, ("a swap",)),
    Cue("announcement", r"announcement|declaration", False, ("the announcement",)),
    Cue(OPENING, r"opening|start|beginning|onset", False, ("the start of the truce",)),
    # a truce declared "from February 15" or "starting at midnight" is dated by its start
    Cue(
        OPENING,
        r"(?:from|starting|effective|as of)(?= (?:at |on )?(?:midnight|noon|dawn|\d|jan|feb|"
        r"mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))",
        False,
        ("a ceasefire from February 15", "the truce, starting at midnight"),
    ),
    Cue("agreement", r"agreement|accord", False, ("a cease-fire agreement", "the accord")),
    Cue("end", r"collapse|expiry", False, ("the collapse of the truce",)),
)

# (canonical thing, pattern, examples): what a happening is about
THINGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("truce", r"(?:ceasefire|cease-fire|cease fire|truce|cessation of hostilities|armistice)"
     r"(?: (?:agreement|deal|accord|plan|arrangement))?",
     ("ceasefire", "cease-fire", "truce agreement", "cessation of hostilities", "armistice")),
    ("talks", r"(?:peace )?(?:talks|negotiations|summit|meeting|conference)|"
     r"(?:first|second|third|fourth|fifth|next|new|last) round",
     ("talks", "negotiations", "summit", "meeting", "conference", "a second round")),
    ("withdrawal", r"withdrawal|pull-?back|pull-?out", ("withdrawal", "pullback", "pull-back",
                                                        "pullout")),
    ("vote", r"vote|resolution", ("vote", "resolution")),
    ("evacuation", r"evacuations?", ("evacuation",)),
    ("exchange", r"(?:prisoner |detainee )?(?:swaps?|exchanges?)", ("swap", "exchange")),
    ("deal", r"deal|agreement|accord|(?:peace )?plan", ("deal", "agreement", "accord", "plan")),
)  # fmt: skip

# Nouns a thing word can qualify without being the thing: "truce monitors" are people.
QUALIFIED: tuple[str, ...] = ("monitors", "observers", "commission", "committee", "envoy",
                              "envoys", "negotiators", "mission", "team", "zone", "line",
                              "lines")  # fmt: skip

# (cue kind, thing) -> kind: what a verb of beginning or ending means for each thing.
REFINE: dict[tuple[str, str | None], str] = {
    ("end", "talks"): "talks-close",
    (OPENING, "talks"): "talks-open",
    (OPENING, "truce"): "taking-effect",
    (OPENING, "deal"): "taking-effect",
    (OPENING, "evacuation"): "evacuation",
    (OPENING, "withdrawal"): "withdrawal",
    (OPENING, "exchange"): "exchange",
    (OPENING, "vote"): "vote",
    (OPENING, None): "other",
    (REACHING, "truce"): "agreement",  # a truce reached
    (REACHING, "deal"): "agreement",
}

# The kind of a dated thing named with no cue ("despite the March 3 truce").
THING_KINDS: dict[str, str] = {
    "truce": "taking-effect", "deal": "agreement", "talks": "talks", "vote": "vote",
    "evacuation": "evacuation", "withdrawal": "withdrawal", "exchange": "exchange",
}  # fmt: skip

# The kind a date inside a thing's noun phrase gives where it is not the thing's own,
# as (kind when the phrase ends in a noun of agreement, kind otherwise): "the Feb. 12
# ceasefire" may be the day the truce was agreed as well as the day it began, so it
# tells no kind, while "last week's truce agreement" tells its agreement ("the Feb. 12
# deal" and "Monday's talks" tell their thing's own kind).
DATED_THING_KINDS: dict[str, tuple[str, str]] = {"truce": ("agreement", "other")}
AGREEMENT_NOUNS: tuple[str, ...] = ("agreement", "deal", "accord", "plan", "arrangement")

# Kinds that are a part of a broader one: on one day, "talks on Wednesday" and "talks
# opened on Wednesday" tell one happening; the opening and the close do not.
BROADER: dict[str, str] = {"talks-open": "talks", "talks-close": "talks"}

# Kinds that tell one happening from its two sides: where one side withdraws from a
# place the other captures it ("troops pulled out of Ostrel on Wednesday", "the rebels
# took Ostrel on Wednesday"). Such tellings are one happening only where both name the
# same places and no others, on one day or in one week.
CONVERSE: frozenset[frozenset[str]] = frozenset({frozenset({"withdrawal", "capture"})})

# Kinds of happening a peace process has one of on a day, wherever it is told: two
# reports of talks, a vote or a truce taking effect on one day are one happening unless
# they name different places (an attack or a statement on a day is one of many).
SINGULAR: frozenset[str] = frozenset(
    {"agreement", "announcement", "taking-effect", "end", "talks", "talks-open",
     "talks-close", "vote", "debate", "order"}
)  # fmt: skip

# Kinds that frame another clause ("X said that ..."): the reported clause is the news.
FRAMES: frozenset[str] = frozenset({"statement", "claim", "denial"})

# Status cues: (pattern, example). Planned: a future or a plan.
PLANNED: tuple[tuple[str, str], ...] = (
    (r"will|shall|won[’']t|[’']ll|would", "talks will resume on Monday"),
    (
        r"(?:is|are|was|were) (?:due|set|scheduled|slated|expected|planned|to be held|going|to)",
        "the council is due to vote Tuesday",
    ),
    (
        r"due to|set to|scheduled|slated|expected to|plans? to|planning to|intends? to|"
        r"aims? to|to be held|upcoming|set for|due on",
        "a vote scheduled for March 9",
    ),
)
# A cue in the infinitive is a plan ("ceasefire to begin at midnight", "weapons to be
# withdrawn"): this pattern is matched on the words right before the cue.
TO_BEFORE_CUE = (r"(?:^|\s)to (?:be )?$", "heavy weapons to be withdrawn")
# Claimed: a happening only claimed or reported, not told as fact.
CLAIMED: tuple[tuple[str, str], ...] = (
    (
        r"claim(?:s|ed|ing)?|alleg(?:e|es|ed|edly|ing)|purported(?:ly)?|reportedly|rumou?red",
        "rebels claimed they captured the hill",
    ),
    (
        r"(?:a |the )?reports? that|accus(?:e|es|ed|ing) .{1,60}? of",
        "a report that militias seized the dam",
    ),
    (r"den(?:y|ies|ied|ying)", "the army denied that it shelled the town"),
)

# What follows a claim word when it claims nothing: a war "has claimed 5,000 lives".
NOT_CLAIMED = (
    r"\s+(?:(?:at least|more than|over|nearly|some|about) )?\d[\d,]* lives\b",
    "the war has claimed at least 5,480 lives",
)

# A noun cue that tells how the clause's act was done, not another act: it yields to any
# other cue of the clause ("took the town on Wednesday in violation of the truce" tells
# the capture), and tells the kind only when no other cue does.
MANNER = (
    r"(?<=\bin )(?:violation|breach)(?= of\b)",
    "took the town on Wednesday in violation of the truce",
)

# A clause that only says where a place lies tells no happening: a date at its end
# belongs to the clause before ("has bombed Harasta, | northeast of Damascus, this
# morning", "shelled Ostrel, | near the border, on Sunday").
PLACE_ASIDE = (
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of\s|(?:near|outside|off)\s",
    "has bombed Harasta, northeast of Damascus, this morning",
)

# Clause breaks, as (type, pattern) over the original sentence (case-insensitive;
# ``(?-i:...)`` keeps a capital a capital). A break that opens with a word ("said they")
# starts the next clause after that word: the word stays with the clause before.
# Words that open a predicate: a verb form or an auxiliary (what follows "and" or "that"
# when a new predicate starts).
VERBISH = (r"(?:has|have|had|was|were|is|are|will|would|could|can|may|might|should|must|"
            r"then|later|\w+ly|\w+ed|took|came|went|began|broke|fell|held|met|left|withdrew|"
            r"struck|hit|agree[sd]?|signed|says?|said|told|flew|drove|spoke|sent|gave|made|"
            r"won|lost|ran|saw|fled|fought|stood|sat|kept|led|rode|wrote|swept|shot|"
            r"remained|remains)")  # fmt: skip
_SUBJECT = (r"(?:the|a|an|they|he|she|it|we|its|their|his|her|there|this|these|those|some|"
            r"all|both|no|[A-Z])")  # fmt: skip
BREAKS: tuple[tuple[str, str], ...] = (
    # a comma may open these: they are tried before the comma alone
    ("relative", r",?\s+(?:which|who|whom|whose)\s+"),
    # a clause on a place tells its own happening, never its place's: "the talks moved
    # to Dessia, | where envoys arrived on Friday", "the truce at Ostrel, | where
    # shelling increased on Sunday"
    ("place", r",?\s+where\s+"),
    ("subordinate", r",?\s+(?:after|before|despite|amid|while|when|whereas|because|although|"
     r"though|since|until|following|unless|if|but|as part of|in order to)\s+"),
    ("subordinate", r",?\s+as\s+(?=(?:they|he|she|it|we|the|a|an|their|his|her)\s)"),
    ("coordinate", r",?\s+and\s+(?=" + VERBISH + r"\b)"),
    # a comma in a list of names ("Velmora, Karvana and Dessia", "Velmora, Karvana, and
    # Dessia") is no break
    ("hard", r"[;:]\s+|\s+[—–]\s*|\s+--?\s+|,\s+(?![A-Z][\w'’-]*(?:,|\s+and\s|\s+or\s))"
     r"(?!(?:and|or)\s+(?-i:[A-Z]))|\(|"
     r"\)\s*"),
    ("relative", r"\s+that\s+(?=" + VERBISH + r"\b)"),
    ("complement", r"\s+that\s+(?=" + _SUBJECT + r")"),
    ("complement", r"\b(?:said|says|added|insisted|stressed|claimed|claims)\s+(?=" + _SUBJECT
     + r")"),
    ("complement", r"\b(?:reports?|claims?|allegations?|rumou?rs?) that\s+"),
)  # fmt: skip

# Words that open a noun phrase (its start) and words a noun phrase never reaches over.
DETERMINERS: frozenset[str] = frozenset(
    """the a an this that these those its their his her our any every each another
    both""".split()
)
NP_STOPS: frozenset[str] = frozenset(
    """of to in on at for with by from into onto over under despite after before and or
    but that which who whom whose where when while since until amid against about as
    during between through throughout across within without toward towards among amongst
    upon via along beyond than is are was were be been being has have had will would
    could can may might should must not no said says""".split()
)

# Headlines and leads that are page labels, not statements of a happening.
NOT_STATEMENTS: tuple[tuple[str, str], ...] = (
    (
        r"^\s*(?:analysis|opinion|comment|explainer|editorial|"
        r"photos?|pictures?|gallery|video|watch|listen|read more|in pictures|timeline|q&a|"
        r"factbox|fact box|podcast)\b",
        "Analysis: why the truce collapsed",
    ),
    (r"\?\s*$", "Will the truce hold?"),
    # a live blog's label announces news; only a label alone states nothing
    (r"^\s*live(?: updates?| blog)?\s*:?\s*$", "Live updates"),
    # an explainer's title: "what each side says", "what we know"
    (
        r"\bwhat (?:we|you|each side|both sides|they) (?:know|say|says|need to know)\b",
        "Truce zone dispute: what each side says",
    ),
)

WORD_LIMIT = 25
