"""Which way a date points, from the clause that governs it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriatl.model import Direction
from syriatl.patterns import cues
from syriatl.tense import _compiled, direction_cue, governs_past, tense_cue

P, F, N = Direction.PAST, Direction.FUTURE, Direction.NONE

CASES = [
    ("Elena Brask will meet opposition representatives in Velmora on Friday.", "Friday", F),
    ("Delegations are due to vote on Friday.", "Friday", F),
    ("A new meeting is planned on Thursday in Torvik.", "Thursday", F),
    ("The truce will take effect on Saturday.", "Saturday", F),
    ("Karvana and Velmora announced plans on Monday for a truce.", "Monday", P),
    ("Brask told the envoy on Wednesday that he was ready.", "Wednesday", P),
    ("Torvik radio Wednesday said a plan was agreed.", "Wednesday", P),
    ("The general had on Tuesday launched an attack.", "Tuesday", P),
    ("25,000 people have been moved since Thursday.", "Thursday", P),
    ('"We have until Friday," he said.', "Friday", F),
    # "until" a day now past: a state that lasted up to it.
    ("Until Thursday, officials had not named him a suspect.", "Thursday", P),
    ("It was not until Tuesday that the army admitted the strike.", "Tuesday", P),
    ("The vote was postponed until Tuesday.", "Tuesday", F),
    ("The father could arrive as early as Tuesday.", "Tuesday", F),
    ("The group might come as soon as Tuesday.", "Tuesday", F),
    # A possessive names a known happening: no verb governs it.
    ("They would look for ways around Wednesday's ruling.", "Wednesday", N),
    ("He said on Tuesday that talks will resume on Friday.", "Tuesday", P),
    ("He said on Tuesday that talks will resume on Friday.", "Friday", F),
    ("On Friday, the ministers will meet.", "Friday", F),
    # A date in brackets restates the one before them: the clause outside decides.
    ("The convoy will leave at dawn (6 a.m. local time Sunday).", "Sunday", F),
    ("The convoy left at dawn (6 a.m. local time Sunday), he said.", "Sunday", P),
    # ... and a date after the brackets is still in the clause they sit in.
    ("The truce will begin at midnight (2100 GMT) on Monday.", "Monday", F),
    ("The truce began at midnight (2100 GMT) on Monday, monitors said.", "Monday", P),
    ("A deal will be struck in the summer.", "summer", F),
    ("Activists are reporting attacks near Damascus on Tuesday morning.", "Tuesday", N),
    ("The envoy expressed optimism for the February talks.", "February", N),
    # A plan told in the past perfect was due before the report.
    ("The offer had been due to expire on Friday.", "Friday", P),
    ("The vote had been scheduled for Tuesday but was put off.", "Tuesday", P),
    ("The vote is scheduled for Tuesday.", "Tuesday", F),
    # A participle with an object is a past verb; a period after an abbreviation or an
    # initial ends no clause.
    ("In January, a bomb killed a guard and wounded two nurses.", "January", P),
    ("On Monday, a week after the Smith vs. Jones ruling, a shell killed a boy.", "Monday", P),
    ("On Monday, near the U.S. base in the east, a drone struck a convoy.", "Monday", P),
    ("On Sunday, Gen. Smith will visit the front.", "Sunday", F),
    # The participle alone qualifies a noun: nothing decides.
    ("The toll of those killed in January is not known.", "January", N),
    # An adjective in -ed is no past tense: the modal decides.
    ("It would be paid on an unspecified date in January.", "January", F),
    # Web pages put no-break spaces around words; the date is still attributive.
    ("The envoy expressed optimism for the\u00a0February\u00a0talks.", "February", N),
    (
        '"The mechanism will seek to prevent provocations," according to a statement on Tuesday.',
        "Tuesday",
        N,
    ),
    # A past verb of commitment: its infinitive points ahead, the verb itself is past.
    ("The warring parties agreed to meet on Thursday.", "Thursday", F),
    ("The warring parties on Thursday agreed to a truce.", "Thursday", P),
    ("The warring parties agreed to a truce on Thursday.", "Thursday", P),
    ("On Sunday the rebels vowed to fight on.", "Sunday", P),
    ("The army on Monday pledged to withdraw.", "Monday", P),
    # A plan reported in the past is a commitment too: what was planned lies ahead, the
    # planning itself is past; a plan told in the pluperfect is over.
    ("The team planned to leave the capital on Thursday.", "Thursday", F),
    ("The envoy hoped to reach the city on Friday.", "Friday", F),
    ("The rebels intended to withdraw on Sunday, a commander said.", "Sunday", F),
    ("On Friday, the ministry planned to pay the first claims.", "Friday", P),
    ("The delegation on Monday aimed to stay.", "Monday", P),
    ("They had planned to leave on Thursday but stayed.", "Thursday", P),
    # Irregular pasts are past tenses too, also after a place named without "on".
    ("Clashes shook the port city Sunday after air strikes.", "Sunday", P),
    ("Clashes shook Aleppo Sunday, and the army is expected to respond.", "Sunday", P),
    ("Air strikes hit the town on Sunday.", "Sunday", P),
    ("Forecasters say the storm will hit the coast on Sunday.", "Sunday", F),
    # The subject before the date, its verb after an aside between commas.
    ("Rebels on Friday, after a night of shelling, seized the town.", "Friday", P),
    (
        "Rebels on Friday, after shelling that is expected to resume, seized the town.",
        "Friday",
        P,
    ),
    ("On Friday, after talks that are expected to last all day, they will sign.", "Friday", F),
    # An aside that says who says so is not skipped: the saying may own the date.
    ("On Friday, the army said, rebels will attack the town.", "Friday", P),
]


@pytest.mark.parametrize(("sentence", "word", "direction"), CASES)
def test_direction_from_the_governing_clause(
    sentence: str, word: str, direction: Direction
) -> None:
    start = sentence.index(word)
    assert direction_cue(sentence, start, start + len(word))[0] is direction


# (sentence, expression, whether a past verb directly governs it)
GOVERNED = [
    ("Rebels seized the town on Dec. 1.", "Dec. 1", True),
    ("The minister resigned in January.", "January", True),
    ("The town was seized on Dec. 1.", "Dec. 1", True),
    # The past verb hands the date to a deadline, a comparison or another verb.
    ("The offer was extended to Nov. 20.", "Nov. 20", False),
    ("Prices fell to a record high in December.", "December", False),
    ("The offer had been set to expire Nov. 6.", "Nov. 6", False),
    # Saying, a participle before a noun, a present passive, a modal earlier.
    ("He said on Monday that it was over.", "Monday", False),
    ("The renewed offensive in December.", "December", False),
    ("The town is seized in December.", "December", False),
    ("It will redeem preferred shares on Dec. 31.", "Dec. 31", False),
    # A named object between the verb and its date.
    ("Rebels seized Aleppo on Dec. 1.", "Dec. 1", True),
    ("Clashes shook Aleppo Sunday.", "Sunday", True),
    # The subject before the date and its verb right after it, or after an aside.
    ("Rebels on Dec. 1 seized the town.", "Dec. 1", True),
    ("Rebels on Dec. 1, after a night of shelling, seized the town.", "Dec. 1", True),
    ("The minister on Monday said the talks were over.", "Monday", False),
    ("Rebels on Dec. 1 will seize the town.", "Dec. 1", False),
]


@pytest.mark.parametrize(("sentence", "word", "governed"), GOVERNED)
def test_a_past_verb_governs_only_its_own_nearby_date(
    sentence: str, word: str, governed: bool
) -> None:
    start = sentence.index(word)
    assert governs_past(sentence, start, start + len(word)) is governed


# Read together, the direction and whether a past verb governs the date agree with the
# two read apart; a date in brackets ("(on Dec. 1)") takes the direction of the clause
# around them, but no verb governs it.
@pytest.mark.parametrize(
    ("sentence", "word", "governed"),
    [*GOVERNED, ("Rebels seized the town (on Dec. 1) after a siege.", "Dec. 1", False)],
)
def test_tense_cue_says_whether_a_past_verb_governs(
    sentence: str, word: str, governed: bool
) -> None:
    start = sentence.index(word)
    direction, _, strong = tense_cue(sentence, start, start + len(word))
    assert strong is governed
    assert direction is P or not governed


@pytest.mark.parametrize(("sentence", "word", "direction"), CASES)
def test_tense_cue_agrees_with_direction_cue_and_governs_past(
    sentence: str, word: str, direction: Direction
) -> None:
    start, end = sentence.index(word), sentence.index(word) + len(word)
    governed = direction is P and governs_past(sentence, start, end)
    assert tense_cue(sentence, start, end) == (*direction_cue(sentence, start, end), governed)


# The clause patterns as plainly written, which the compiled ones spell so that ``re``
# can skip ahead: they must cut and find exactly the same.
_PLAIN_FULL_STOP = r"\.(?<!\b[a-z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in cues.ABBREVIATIONS)
_PLAIN_HARD = rf"(?:{_PLAIN_FULL_STOP}|[!?;:“”\"()\[\]])\s|[“”\"()\[\]]|\s[—–-]\s|\n\s*\n"
_PLAIN_SOFT = (
    r",|\b(?:that|which|who|whom|whose|where|when|while|whereas|because|although|but|and|"
    r"after|before|as|if|unless|whether)\b"
)
_PLAIN_CUES = r"\b(?:" + "|".join(f"(?P<c{i}>(?:{p}))" for i, (p, _, _) in enumerate(cues.CUES))
_PLAIN_CUES += r")\b"
_CLAUSE_TOKENS = st.sampled_from(
    "will 'll won't would is due to are set to expected to planned agreed to had been due "
    "had planned was were said told began begun hit hits wounded killed needed reported "
    "sept. mr. mrs. u.s. a.m. jan. gen. st. dec. x. ok. that which whereas where whether "
    "as asked and but because after before if unless who whom whose while whiled the a "
    "talks friday 1990s — – - ( ) [ ] \" “ ” ; : ! ? . , ’ ' _".split()
)
_CLAUSE_SEPARATORS = st.sampled_from([" ", " ", "", "\n", "\n\n", " \n \n", "\t", "\xa0"])
_CLAUSES = st.lists(st.tuples(_CLAUSE_TOKENS, _CLAUSE_SEPARATORS), max_size=16).map(
    lambda parts: "".join(token + separator for token, separator in parts)
)


@given(_CLAUSES)
def test_the_compiled_clause_patterns_cut_where_the_plain_ones_do(text: str) -> None:
    cue, _, hard, soft = _compiled()
    assert hard.split(text) == re.split(_PLAIN_HARD, text)
    assert soft.split(text) == re.split(_PLAIN_SOFT, text)
    found = [(m.span(), m.lastgroup) for m in cue.finditer(text)]
    assert found == [(m.span(), m.lastgroup) for m in re.finditer(_PLAIN_CUES, text)]


def test_the_plain_clause_patterns_are_those_of_the_tables() -> None:
    assert cues.SOFT_BOUNDARY == _PLAIN_SOFT
    # Lowercased text: "mr." is no full stop; ") " takes the space a dash would need.
    assert re.split(_PLAIN_HARD, "he left. mr. brask said (it) - no\n\nmore") == [
        "he left",
        "mr. brask said ",
        "it",
        "- no",
        "more",
    ]
