"""Clause reading: what a dated expression dates, worked out by hand from each sentence.

Each case is (sentence, expression, text, kind, status, thing, background). The text is
the source's own words for the happening the expression dates: the clause it governs,
led by the thing's noun phrase when the date sits in a modifier of it, without the
reporting frame when the date belongs to the reported clause.
"""

from __future__ import annotations

import re

import pytest

from syriatl.chronicle.happenings import happening, states_happening
from syriatl.model import Status

H, P, C = Status.HAPPENED, Status.PLANNED, Status.CLAIMED

CASES: list[tuple[str, str, str, str, Status, str | None, bool]] = [
    # a subject of two names joined by "and"; "States" in a name is no saying
    ("The United States and Velmora announced plans on Monday for a truce in Karvana.",
     "on Monday", "The United States and Velmora announced plans on Monday for a truce in "
     "Karvana.", "announcement", H, "truce", False),
    # "said on Monday": the date governs the saying, whatever the subject's long apposition
    ("The Karvana Council, which groups the town's elders, said on Monday in a statement it "
     "had accepted the truce.", "on Monday",
     "The Karvana Council said on Monday in a statement it had accepted the truce.",
     "statement", H, "truce", False),
    # the date in a relative clause on the thing: background
    ("Mediators from Dessia brokered the truce, which came into force on March 3.", "on March 3",
     "the truce, which came into force on March 3.", "taking-effect", H, "truce", True),
    ("Residents of Karvana returned under a truce that has technically held since March 3.",
     "since March 3", "a truce that has technically held since March 3.", "taking-effect", H,
     "truce", True),
    ("Talks that ended on Tuesday produced no deal, diplomats said.", "on Tuesday",
     "Talks that ended on Tuesday", "talks-close", H, "talks", True),
    ("Monitors, who arrived in Karvana on Friday, reported calm.", "on Friday",
     "Monitors, who arrived in Karvana on Friday", "arrival", H, None, False),
    # a clause on a place tells its own happening: not the talks' or the truce's, and
    # without the frame of who said it
    ("The talks moved to Dessia, where envoys arrived on Friday.", "on Friday",
     "envoys arrived on Friday.", "arrival", H, None, False),
    ("Rebels said they would not observe the truce at Ostrel, where army units were encircled "
     "and the military said rebel attacks on the town increased on Sunday.", "on Sunday",
     "rebel attacks on the town increased on Sunday.", "attack", H, None, False),
    # a clause that only says where a place lies tells nothing: the date is the act's
    ("Jets bombed Harasta, northeast of Karvana, this morning.", "this morning",
     "Jets bombed Harasta, northeast of Karvana, this morning.", "attack", H, None, False),
    ("Troops shelled Ostrel, near the border, on Sunday.", "on Sunday",
     "Troops shelled Ostrel, near the border, on Sunday.", "attack", H, None, False),
    # the date in a participle or state after the thing: background
    ("Observers logged a violation of the truce agreed on March 3 near Karvana.", "on March 3",
     "the truce agreed on March 3 near Karvana.", "agreement", H, "truce", True),
    ("An envoy said an agreement has been reached to form a contact group to preserve a truce "
     "in place since March 3.", "since March 3", "a truce in place since March 3.",
     "taking-effect", H, "truce", True),
    # an approval is a vote
    ("The Karvana council approved the budget on Thursday.", "on Thursday",
     "The Karvana council approved the budget on Thursday.", "vote", H, None, False),
    ("The truce agreed on Monday will take effect on Friday.", "on Monday",
     "The truce agreed on Monday", "agreement", H, "truce", True),
    ("The truce agreed on Monday will take effect on Friday.", "on Friday",
     "The truce agreed on Monday will take effect on Friday.", "taking-effect", P, "truce", False),
    ("Guns fell silent in line with the ceasefire agreement, reached on Thursday after a week "
     "of talks.", "on Thursday", "the ceasefire agreement, reached on Thursday", "agreement", H,
     "truce", True),
    # the date inside the thing's noun phrase: background; a dated truce tells no kind (the
    # day it was agreed or the day it began?) unless its noun says agreement
    ("Fighting flared in Velmora despite a March 3 nationwide truce declared by the two powers.",
     "March 3", "a March 3 nationwide truce declared by the two powers.", "announcement", H,
     "truce", True),
    ("Sunday's truce between Velmora and Karvana was broken within hours.", "Sunday",
     "Sunday's truce between Velmora and Karvana", "other", H, "truce", True),
    ("Heavy shelling resumed in Karvana on Thursday despite the March 3 truce.", "March 3",
     "the March 3 truce.", "other", H, "truce", True),
    # ... and the same sentence's main clause: resuming names no thing, so shelling decides
    ("Heavy shelling resumed in Karvana on Thursday despite the March 3 truce.", "on Thursday",
     "Heavy shelling resumed in Karvana on Thursday", "attack", H, None, False),
    # the date governs the saying: the frame is the happening
    ("The rebels said on Tuesday that they had withdrawn from the hill.", "on Tuesday",
     "The rebels said on Tuesday that they had withdrawn from the hill.", "statement", H, None,
     False),
    ("Karvana's foreign minister told reporters on Friday that the talks had stalled.",
     "on Friday", "Karvana's foreign minister told reporters on Friday that the talks had stalled.",
     "statement", H, "talks", False),
    ("Rebels claimed responsibility on Wednesday for the bombing of a checkpoint.", "on Wednesday",
     # what a claim tells is only claimed: the row is marked so
     "Rebels claimed responsibility on Wednesday for the bombing of a checkpoint.", "claim", C,
     None, False),
    ("The ministry rejected on Thursday reports of a massacre in Velmora.", "on Thursday",
     "The ministry rejected on Thursday reports of a massacre in Velmora.", "denial", H, None,
     False),
    # the date governs the reported clause: the frame is dropped
    ("The rebels said they withdrew from the hill on Tuesday.", "on Tuesday",
     "they withdrew from the hill on Tuesday.", "withdrawal", H, None, False),
    ("The army said rebels retreated from Dessia on Monday.", "on Monday",
     "rebels retreated from Dessia on Monday.", "withdrawal", H, None, False),
    ("Rebels said they had captured the airport on Sunday, a claim the army denied.", "on Sunday",
     "they had captured the airport on Sunday", "capture", H, None, False),
    # claimed: the happening is only claimed, alleged, reported or denied
    ("The army denied that it had shelled the town on Tuesday.", "on Tuesday",
     "it had shelled the town on Tuesday.", "attack", C, None, False),
    ("Rebels claimed they had captured the airport on Sunday.", "on Sunday",
     "they had captured the airport on Sunday.", "capture", C, None, False),
    ("A report that militias had seized the dam on Friday could not be verified.", "on Friday",
     "militias had seized the dam on Friday", "capture", C, None, False),
    ("Opposition groups accused the army of shelling Karvana on Monday.", "on Monday",
     "Opposition groups accused the army of shelling Karvana on Monday.", "attack", C, None,
     False),
    ("The alleged air strike on Tuesday hit a market in Dessia.", "on Tuesday",
     "The alleged air strike on Tuesday hit a market in Dessia.", "attack", C, None, False),
    ("The council is expected to address last week's truce agreement.", "last week",
     "last week's truce agreement.", "agreement", H, "truce", True),
    # planned
    ("The Security Council is due to vote on Tuesday on the Karvana resolution.", "on Tuesday",
     "The Security Council is due to vote on Tuesday on the Karvana resolution.", "vote", P,
     "vote", False),
    ("Foreign ministers from Velmora and Dessia will meet on Monday in Karvana.", "on Monday",
     "Foreign ministers from Velmora and Dessia will meet on Monday in Karvana.", "talks", P, None,
     False),
    ("The ceasefire will take effect on Friday.", "on Friday",
     "The ceasefire will take effect on Friday.", "taking-effect", P, "truce", False),
    ("The evacuation of Dessia is scheduled for March 9.", "March 9",
     "The evacuation of Dessia is scheduled for March 9.", "evacuation", P, "evacuation", False),
    ("Velmora and Karvana are expected to sign the deal on Sunday.", "on Sunday",
     "Velmora and Karvana are expected to sign the deal on Sunday.", "agreement", P, "deal",
     False),
    # two dated happenings in one sentence: each expression its own clause
    ("The truce was agreed on Monday and took effect on Wednesday.", "on Monday",
     "The truce was agreed on Monday", "agreement", H, "truce", False),
    ("The truce was agreed on Monday and took effect on Wednesday.", "on Wednesday",
     "The truce took effect on Wednesday.", "taking-effect", H, "truce", False),
    ("Talks opened on Monday and ended on Wednesday without a deal.", "on Monday",
     "Talks opened on Monday", "talks-open", H, "talks", False),
    ("Talks opened on Monday and ended on Wednesday without a deal.", "on Wednesday",
     "Talks ended on Wednesday without a deal.", "talks-close", H, "talks", False),
    # main clauses of the vocabulary's kinds
    ("On Tuesday, the rebels withdrew from the hill above Dessia.", "On Tuesday",
     "On Tuesday, the rebels withdrew from the hill above Dessia.", "withdrawal", H, None, False),
    ("Shelling killed 12 civilians in Karvana at midnight.", "at midnight",
     "Shelling killed 12 civilians in Karvana at midnight.", "casualties", H, None, False),
    ("Two soldiers were killed on Tuesday when a mine exploded near Dessia.", "on Tuesday",
     "Two soldiers were killed on Tuesday", "casualties", H, None, False),
    ("A convoy of monitors arrived in Velmora on Thursday.", "on Thursday",
     "A convoy of monitors arrived in Velmora on Thursday.", "arrival", H, None, False),
    ("Government forces captured the town of Dessia on Friday.", "on Friday",
     "Government forces captured the town of Dessia on Friday.", "capture", H, None, False),
    ("Buses carrying civilians left Karvana on Sunday morning.", "on Sunday morning",
     "Buses carrying civilians left Karvana on Sunday morning.", "evacuation", H, None, False),
    ("The two sides exchanged prisoners on Saturday.", "on Saturday",
     "The two sides exchanged prisoners on Saturday.", "exchange", H, None, False),
    ("The council adopted a resolution on Friday calling for a pullback.", "on Friday",
     "The council adopted a resolution on Friday calling for a pullback.", "vote", H, "vote",
     False),
    ("The president issued a decree on Monday ordering a general mobilisation.", "on Monday",
     "The president issued a decree on Monday ordering a general mobilisation.", "order", H, None,
     False),
    ("The truce collapsed on Sunday after a week of clashes.", "on Sunday",
     "The truce collapsed on Sunday", "end", H, "truce", False),
    ("The ceasefire expired at midnight on Sunday.", "on Sunday",
     "The ceasefire expired at midnight on Sunday.", "end", H, "truce", False),
    ("Talks in Karvana opened on Monday with a call for calm.", "on Monday",
     "Talks in Karvana opened on Monday with a call for calm.", "talks-open", H, "talks", False),
    ("Negotiators signed the accord in Dessia on Saturday.", "on Saturday",
     "Negotiators signed the accord in Dessia on Saturday.", "agreement", H, "deal", False),
    ("The cease-fire agreement was signed on Saturday.", "on Saturday",
     "The cease-fire agreement was signed on Saturday.", "agreement", H, "truce", False),
    ("Monitors reported violations of the ceasefire on Wednesday night.", "on Wednesday night",
     "Monitors reported violations of the ceasefire on Wednesday night.", "violation", H, "truce",
     False),
    ("Troops pulled back from the Karvana front on Monday under the withdrawal plan.", "on Monday",
     "Troops pulled back from the Karvana front on Monday under the withdrawal plan.",
     "withdrawal", H, "withdrawal", False),
    # a state that goes on is no happening of a kind, and does not borrow the next clause's
    ("The truce in Velmora held on Friday, monitors said, after shelling on Thursday killed "
     "five people.", "on Friday", "The truce in Velmora held on Friday", "other", H, "truce",
     False),
    ("The truce in Velmora held on Friday, monitors said, after shelling on Thursday killed "
     "five people.", "on Thursday", "shelling on Thursday killed five people.", "attack", H,
     None, False),
    ("Fighting continued on Friday in the hills above Dessia.", "on Friday",
     "Fighting continued on Friday in the hills above Dessia.", "attack", H, None, False),
    # a plan told as an infinitive or with "was to"
    ("Ceasefire to begin at midnight on Friday in Karvana", "on Friday",
     "Ceasefire to begin at midnight on Friday in Karvana", "taking-effect", P, "truce", False),
    ("Talks were to get underway at noon on Wednesday.", "on Wednesday",
     "Talks were to get underway at noon on Wednesday.", "talks-open", P, "talks", False),
    # a participle clause borrows the sentence's subject
    ("The negotiations dragged on after opening on Wednesday with a handshake.", "on Wednesday",
     "The negotiations opening on Wednesday with a handshake.", "talks-open", H, "talks", False),
    # a list of names is one phrase; "as they" opens a clause
    ("Talks between Velmora, Karvana and Dessia stalled on Thursday as they argued over maps.",
     "on Thursday", "Talks between Velmora, Karvana and Dessia stalled on Thursday", "talks", H,
     "talks", False),
    # a clause with no cue keeps to itself rather than borrow a later clause's verb
    ("The envoy, who is hosting the talks, flew to Dessia on Friday before the truce takes effect.",
     "on Friday", "The envoy flew to Dessia on Friday", "other", H, None, False),
    ("The monitors, who had waited a week, arrived in Karvana on Monday.", "on Monday",
     "The monitors arrived in Karvana on Monday.", "arrival", H, None, False),
    # a beginning with nothing to begin: other, never dropped
    ("The festival in Velmora opened on Saturday.", "on Saturday",
     "The festival in Velmora opened on Saturday.", "other", H, None, False),
    # a war that "has claimed" lives tells a toll and claims nothing
    ("Hopes are low for the plan to end a war that has claimed at least 4,120 lives since May, "
     "envoys say.", "since May", "at least 4,120 lives since May", "casualties", H, None,
     False),
    # a claim is still a claim
    ("Rebels claimed they shelled the depot on Monday.", "on Monday",
     "they shelled the depot on Monday.", "attack", C, None, False),
    # a participle of speaking tells a statement, and keeps what was said
    ("Speaking from Dessia on Saturday, the envoy urged both sides to hold fire.",
     "on Saturday", "Speaking from Dessia on Saturday, the envoy urged both sides to hold "
     "fire.", "statement", H, None, False),
    # "in violation of" tells how the act was done: the act's kind, unless none is told
    ("Rebels took over the town of Karvana on Wednesday in violation of the truce.",
     "on Wednesday", "Rebels took over the town of Karvana on Wednesday in violation of the "
     "truce.", "capture", H, "truce", False),
    ("Velmoran troops advanced on Monday in violation of the truce.", "on Monday",
     "Velmoran troops advanced on Monday in violation of the truce.", "violation", H,
     "truce", False),
    # a verb's object between "pulled" and "out"
    ("Velmora pulled its troops out of Karvana on Sunday.", "on Sunday",
     "Velmora pulled its troops out of Karvana on Sunday.", "withdrawal", H, None, False),
]  # fmt: skip


def _at(sentence: str, expression: str) -> tuple[int, int]:
    start = sentence.index(expression)
    return start, start + len(expression)


@pytest.mark.parametrize(
    ("sentence", "expression", "text", "kind", "status", "thing", "background"), CASES
)
def test_the_clause_a_date_governs(
    sentence: str,
    expression: str,
    text: str,
    kind: str,
    status: Status,
    thing: str | None,
    background: bool,
) -> None:
    told = happening(sentence, *_at(sentence, expression))
    assert (told.text, told.kind, told.status, told.thing, told.background) == (
        text, kind, status, thing, background
    )  # fmt: skip


def _words(text: str) -> list[str]:
    return [w.strip(",;:.") for w in text.split()]


def _is_subsequence(part: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return all(any(w == x for x in rest) for w in part)


LONG = (
    "Velmora's deputy foreign minister, Anna Brask, told a news conference in Dessia that the "
    "two sides had agreed to extend the truce, which came into force on March 3, by a further "
    "thirty days, and that monitors from three neutral states would oversee the arrangement."
)


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [(c[0], c[1]) for c in CASES] + [(LONG, "on March 3"), (LONG, "thirty days")],
)
def test_the_text_is_the_sources_own_words_around_the_expression(
    sentence: str, expression: str
) -> None:
    told = happening(sentence, *_at(sentence, expression))
    assert len(told.text) <= len(sentence)
    assert _is_subsequence(_words(told.text), _words(sentence))
    assert expression in told.text
    assert len(told.text.split()) <= 25


def test_a_long_sentence_is_cut_at_words_around_its_date() -> None:
    told = happening(LONG, *_at(LONG, "on March 3"))
    # the relative clause on "the truce" is the happening; the frame and the extension are not
    assert (told.text, told.kind, told.thing, told.background) == (
        "the truce, which came into force on March 3", "taking-effect", "truce", True
    )  # fmt: skip


def test_a_text_cut_for_length_ends_at_a_clause_break() -> None:
    sentence = (
        "The Velmora defence ministry said on Tuesday that rebel units had shelled the villages "
        "of Arn, Tesk and Morrow overnight, killing four civilians and wounding eleven others, "
        "according to a statement from the ministry."
    )
    # 34 words; the saying keeps what was said, cut to 25 words ("... and wounding"), then
    # back to the comma after "overnight" (the list comma after "Arn" is no break)
    told = happening(sentence, *_at(sentence, "on Tuesday"))
    assert told.kind == "statement"
    assert told.text == (
        "The Velmora defence ministry said on Tuesday that rebel units had shelled the villages "
        "of Arn, Tesk and Morrow overnight"
    )


MAIN: list[tuple[str, str, Status, str | None]] = [
    ("An envoy said a truce agreement has been reached.", "agreement", H, "truce"),
    ("Rebels agree truce in Velmora", "agreement", H, "truce"),
    ("Truce takes effect in Karvana", "taking-effect", H, "truce"),
    ("Karvana army withdraws from Dessia", "withdrawal", H, None),
    ("Talks on Karvana will open in Dessia", "talks-open", P, "talks"),
    ("Rebels deny shelling Velmora market", "attack", C, None),
]


@pytest.mark.parametrize(("sentence", "kind", "status", "thing"), MAIN)
def test_with_no_date_word_the_sentence_states_its_main_happening(
    sentence: str, kind: str, status: Status, thing: str | None
) -> None:
    told = happening(sentence)
    assert (told.text, told.kind, told.status, told.thing) == (sentence, kind, status, thing)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels agree truce in Velmora",
        "Truce takes effect in Karvana",
        "An envoy said a truce agreement has been reached",
        "Karvana army withdraws from Dessia",
        "Shelling kills 12 in Velmora",
        "Council adopts resolution on Karvana",
        "Talks on Karvana collapse",
    ],
)
def test_a_headline_that_tells_a_happening(sentence: str) -> None:
    assert states_happening(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Live updates: the war in Velmora",
        "Analysis: what the truce means",
        "Opinion: why the ceasefire collapsed",
        "Photo gallery",
        "Read more",
        "Velmora",
        "Karvana Evening Courier",
        "The truce in Velmora",
        "Will the truce hold?",
        "A festival opens in Dessia",
    ],
)
def test_a_headline_that_tells_no_happening(sentence: str) -> None:
    assert not states_happening(sentence)


@pytest.mark.parametrize("sentence", [m[0] for m in MAIN])
def test_a_headline_that_tells_a_happening_has_a_kind(sentence: str) -> None:
    assert states_happening(sentence)
    assert happening(sentence).kind != "other"


def test_a_cue_inside_a_longer_word_is_no_cue() -> None:
    # "send" holds "end", "breached" holds "reached": neither is read as its inner word
    told = happening(
        "Karvana will send envoys on Friday.",
        *_at("Karvana will send envoys on Friday.", "on Friday"),
    )
    assert told.kind == "other"
    breached = "Rebels breached the line on Friday."
    assert happening(breached, *_at(breached, "on Friday")).kind == "violation"


def test_the_words_of_kinds_are_read_whatever_their_case() -> None:
    upper = "THE TRUCE COLLAPSED ON SUNDAY."
    told = happening(upper, *_at(upper, "ON SUNDAY"))
    assert (told.kind, told.thing) == ("end", "truce")
    assert re.search("ON SUNDAY", told.text)


# Two dates in one clause, each with the happening named nearer it (the sentence as
# ``events`` reads it: each expression told where the one before it ends and where the
# one after it starts).
TWO_DATES = [
    ("The rivals mended ties after a deal in the spring that followed Velmora's shelling "
     "of Karvana last year.", "in the spring", "last year",
     ("agreement", None),
     ("attack", "Velmora's shelling of Karvana last year.")),
    ("Trade resumed after a truce in May to calm a feud stoked by Dessia's downing of a "
     "Velmoran drone in March.", "in May", "in March",
     ("taking-effect", None),
     ("attack", "Dessia's downing of a Velmoran drone in March.")),
    # a verb after the earlier date's: the subject's other predicate, the subject borrowed
    ("The truce agreed on Monday took effect on Wednesday.", "on Monday", "on Wednesday",
     ("agreement", None), ("taking-effect", "The truce took effect on Wednesday.")),
    ("The accord signed on 3 May in Dessia called for a ceasefire starting on 5 May.",
     "on 3 May", "on 5 May", ("agreement", None),
     ("taking-effect", "The accord called for a ceasefire starting on 5 May.")),
    # behind a reporting frame too: what the envoy said holds two happenings
    ("The envoy said a truce in May followed Dessia's downing of a drone in March.",
     "in May", "in March", ("taking-effect", None),
     ("attack", "Dessia's downing of a drone in March.")),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "first", "second", "told_first", "told_second"), TWO_DATES)
def test_two_dates_in_one_clause_tell_two_happenings(
    sentence: str,
    first: str,
    second: str,
    told_first: tuple[str, str | None],
    told_second: tuple[str, str],
) -> None:
    a, b = _at(sentence, first)
    c, d = _at(sentence, second)
    one, two = happening(sentence, a, b, (None, c)), happening(sentence, c, d, (b, None))
    assert one.kind == told_first[0]
    if told_first[1] is not None:
        assert one.text == told_first[1]
    assert (two.kind, two.text) == told_second
