"""The rule tables are data with examples: every example must match its own rule."""

from __future__ import annotations

import re

import pytest

from syriatl.detect import detect
from syriatl.grammar import expand, grammar, scan, start_keys
from syriatl.model import Kind
from syriatl.patterns import vocab
from syriatl.patterns.cues import CUES
from syriatl.patterns.macros import MACROS
from syriatl.patterns.rules import RULES

EXAMPLES = [(rule.name, example) for rule in RULES for example in rule.examples]
NEGATIVES = [(rule.name, example) for rule in RULES for example in rule.negatives]


def _expected(example: str) -> tuple[str, str]:
    marked = re.search(r"\[(.*)\]", example)
    text = example.replace("[", "").replace("]", "")
    return text, marked.group(1) if marked else text


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_every_example_is_matched_whole_by_its_own_rule(name: str, example: str) -> None:
    text, wanted = _expected(example)
    found = [(entry.rule.name, match.group()) for entry, match in scan(text)]
    assert (name, wanted) in found


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_every_example_is_read_into_a_value_of_its_rules_kind(name: str, example: str) -> None:
    text, wanted = _expected(example)
    read = [m for m in detect(text) if (m.rule, m.text) == (name, wanted)]
    kind = next(rule.kind for rule in RULES if rule.name == name)
    assert read and read[0].spec.kind in (kind, Kind.SHIFT)


@pytest.mark.parametrize(("name", "example"), NEGATIVES)
def test_no_near_miss_is_matched_by_its_rule(name: str, example: str) -> None:
    assert name not in [entry.rule.name for entry, _ in scan(example)]


def test_every_rule_has_examples_and_a_unique_name() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(rule.examples for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_no_rule_matches_the_empty_string(rule: object) -> None:
    compiled = {c.rule.name: c.regex for c in grammar().rules}
    assert compiled[rule.name].match("") is None  # type: ignore[attr-defined]
    assert compiled[rule.name].match(" ") is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(MACROS))
def test_no_macro_matches_the_empty_string(name: str) -> None:
    assert re.fullmatch(MACROS[name], "") is None


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_can_be_reached_by_the_scanner(rule: object) -> None:
    assert start_keys(rule.pattern)  # type: ignore[attr-defined]
    assert expand(rule.pattern)  # type: ignore[attr-defined]


def test_no_surface_form_has_two_meanings_within_a_table() -> None:
    for table in (vocab.MONTHS, vocab.WEEKDAYS, vocab.UNITS, vocab.PARTS_OF_DAY):
        folded: dict[str, object] = {}
        for form, meaning in table.items():
            key = form.lower().rstrip(".")
            assert folded.setdefault(key, meaning) == meaning, form


def test_every_tense_cue_has_an_example_it_decides() -> None:
    from syriatl.tense import direction_cue

    for _pattern, direction, example in CUES:
        date = re.search(r"Friday|Thursday|Saturday|Wednesday", example)
        assert date is not None, example
        assert direction_cue(example, date.start(), date.end())[0] is direction, example


def test_every_kind_cue_example_is_read_as_its_own_kind() -> None:
    from syriatl.chronicle.happenings import cues_in
    from syriatl.patterns.kinds import CUES, KINDS, OPENING, REACHING

    for cue in CUES:
        assert cue.kind in KINDS or cue.kind in (OPENING, REACHING), cue.kind
        for example in cue.examples:
            assert cue.kind in [kind for _, _, kind, _ in cues_in(example)], example


def test_every_thing_example_folds_to_its_own_thing() -> None:
    from syriatl.chronicle.happenings import things_in
    from syriatl.patterns.kinds import KINDS, REFINE, THING_KINDS, THINGS

    for name, _pattern, examples in THINGS:
        for example in examples:
            assert [n for _, _, n in things_in(example)] == [name], example
    names = {name for name, _, _ in THINGS}
    assert set(THING_KINDS) <= names
    assert set(THING_KINDS.values()) | set(REFINE.values()) <= set(KINDS)
    assert {thing for _, thing in REFINE if thing is not None} <= names


def test_every_status_and_label_example_matches_its_own_entry() -> None:
    from syriatl.patterns.kinds import (
        CLAIMED,
        MANNER,
        NOT_CLAIMED,
        NOT_STATEMENTS,
        PLACE_ASIDE,
        PLANNED,
    )

    for pattern, example in PLANNED + CLAIMED:
        assert re.search(rf"\b(?:{pattern})\b", example, re.IGNORECASE), example
    for pattern, example in (*NOT_STATEMENTS, NOT_CLAIMED, MANNER, PLACE_ASIDE):
        assert re.search(pattern, example, re.IGNORECASE), example
