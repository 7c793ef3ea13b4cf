"""Find temporal expressions in text and read what their words say.

Detection never sees a reference date: it returns spans with an underspecified ``Spec``
("the Tuesday nearest the anchor, direction unknown"); ``resolve`` decides the rest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from syriatl.grammar import CompiledRule, scan
from syriatl.model import Direction, Kind, Mention, Spec, Unit
from syriatl.patterns import vocab
from syriatl.tense import tense_cue

_UNIT_OF = {
    "second": Unit.SECOND,
    "minute": Unit.MINUTE,
    "hour": Unit.HOUR,
    "day": Unit.DAY,
    "weekend": Unit.WEEKEND,
    "week": Unit.WEEK,
    "month": Unit.MONTH,
    "quarter": Unit.QUARTER,
    "year": Unit.YEAR,
    "decade": Unit.DECADE,
    "century": Unit.CENTURY,
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000}
_NUMBER_WORDS = {k: v for k, v in vocab.NUMBERS.items() if " " not in k and k not in _MULTIPLIERS}
_SIGN = {
    "ago": -1,
    "later": 1,
    "after": 1,
    "afterwards": 1,
    "afterward": 1,
    "earlier": -1,
    "before": -1,
    "from now": 1,
}


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


def number(text: str) -> float | None:
    """The value of a count in digits or words ("48", "twenty four", "two and a half").

    Returns None for fuzzy counts ("several", "a few").
    """
    words = _norm(text)
    half = 0.5 if words.endswith(("and a half", " 1/2")) else 0.0
    words = words.removesuffix("and a half").removesuffix(" 1/2").strip()
    if words in vocab.FUZZY_NUMBERS:
        return None
    if words.replace(".", "", 1).isdigit():
        return float(words) + half
    if words in vocab.NUMBERS:
        return vocab.NUMBERS[words] + half
    total = 0.0
    for part in re.split(r"[- ]", words):
        if part in _MULTIPLIERS:
            total = max(total, 1.0) * _MULTIPLIERS[part]
        elif part in _NUMBER_WORDS:
            total += _NUMBER_WORDS[part]
        else:
            return None
    return total + half


def unit(word: str) -> Unit:
    """The unit a (possibly plural) unit word names; a fortnight counts as two weeks."""
    name = vocab.UNITS[_norm(word)]
    return Unit.WEEK if name == "fortnight" else _UNIT_OF[name]


def _year(groups: Mapping[str, str]) -> int | None:
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("yearword"):
        century = vocab.YEAR_WORDS_CENTURY[_norm(groups["yearword"])]
        rest = number(groups["yearrest"]) if groups["yearrest"] != "hundred" else 0
        return century * 100 + int(rest or 0)
    return None


def _month(groups: Mapping[str, str]) -> int | None:
    for key in ("month", "month_alone", "month_any"):
        if groups.get(key):
            return vocab.MONTHS[groups[key].rstrip(".")]
    if groups.get("monthnum"):
        return int(groups["monthnum"])
    return None


def _day(groups: Mapping[str, str]) -> int | None:
    raw = groups.get("day") or groups.get("daynum")
    return int(re.sub(r"\D", "", raw)) if raw else None


def _weekday(groups: Mapping[str, str]) -> int | None:
    if groups.get("weekday"):
        name = groups["weekday"]
        return vocab.WEEKDAYS.get(name, vocab.WEEKDAYS.get(name.capitalize()))
    if groups.get("weekday_plural"):
        return vocab.WEEKDAYS[groups["weekday_plural"][:-1].capitalize()]
    return None


def _lookup(table: Mapping[str, object], groups: Mapping[str, str], *keys: str) -> object:
    for key in keys:
        if groups.get(key):
            return table[_norm(groups[key])]
    return None


def _clock(groups: Mapping[str, str], text: str) -> tuple[int | None, int | None]:
    if groups.get("hhmm"):
        return int(groups["hhmm"][:2]), int(groups["hhmm"][2:])
    if groups.get("hour"):
        hour = int(groups["hour"])
        meridiem = (groups.get("ampm") or "").lower()
        if groups.get("dayhalf"):
            meridiem = "a" if groups["dayhalf"].endswith("morning") else "p"
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
        return hour, int(groups["minute"]) if groups.get("minute") else 0
    words = text.lower()
    if "midnight" in words:
        return 24, 0
    if "noon" in words or "midday" in words:
        return 12, 0
    return None, None


def _mod(groups: Mapping[str, str]) -> str | None:
    for key in ("position", "earlylate", "edge"):
        if groups.get(key):
            return vocab.POSITIONS[_norm(groups[key])]
    if groups.get("hedge"):
        return vocab.HEDGES[_norm(groups["hedge"])]
    return None


def _amount(groups: Mapping[str, str]) -> float | None:
    if groups.get("count"):
        return number(groups["count"])
    return 1.0


def _decade(groups: Mapping[str, str]) -> int | None:
    raw = groups.get("decade")
    if raw:
        digits = raw.lstrip("'’")
        if len(digits) == 2:
            return 190 + int(digits[0]) if digits[0] != "0" else 200
        return int(digits[:3])
    if groups.get("decadeword"):
        return 190 + vocab.DECADE_WORDS[_norm(groups["decadeword"])]
    return None


# What a match reads depends only on its rule, its words and its groups, and the same few
# ("Tuesday", "last year") come back in every text: each is read once. The cache is
# emptied when full, which bounds its size over any number of texts.
_READ: dict[tuple[str, str, tuple[str | None, ...]], Spec] = {}
_READ_KEPT = 8192


def read(entry: CompiledRule, match: re.Match[str]) -> Spec:
    """The underspecified value a rule match stands for."""
    key = (entry.rule.name, match.group(), match.groups())
    spec = _READ.get(key)
    if spec is None:
        if len(_READ) >= _READ_KEPT:
            _READ.clear()
        spec = _READ[key] = _read(entry, match)
    return spec


def _read(entry: CompiledRule, match: re.Match[str]) -> Spec:
    rule = entry.rule
    groups = {k: v for k, v in match.groupdict().items() if v}
    text = match.group()
    fixed: dict[str, object] = dict(rule.fixed)
    if isinstance(fixed.get("unit"), str):
        fixed["unit"] = _UNIT_OF[str(fixed["unit"])]
    relation = _lookup(
        vocab.RELATIONS, groups, "rel", "rel_weekday", "yrel", "this_last", "anaphoric"
    )
    part = _lookup(vocab.PARTS_OF_DAY, groups, "pod")
    season = _lookup(vocab.SEASONS, groups, "season", "season_any")
    base = {
        "year": _year(groups),
        "month": _month(groups),
        "day": _day(groups),
        "weekday": _weekday(groups),
        "season": season,
        "part": part,
        "mod": _mod(groups),
        "relation": relation,
    }
    kind = rule.kind
    if kind is Kind.CALENDAR:
        if groups.get("quarter"):
            base["quarter"] = vocab.ORDINALS[_norm(groups["quarter"])]
        if groups.get("half"):
            base["half"] = vocab.ORDINALS[_norm(groups["half"])]
        if groups.get("ordinal"):
            ordinal = groups["ordinal"].lower()
            digits = re.sub(r"\D", "", ordinal)
            base["century"] = (int(digits) if digits else int(vocab.ORDINALS[ordinal])) - 1
        base["decade"] = _decade(groups)
        if groups.get("holiday"):
            name = " ".join(groups["holiday"].replace("’", "'").split())
            month, day, weekday = vocab.HOLIDAYS[name]
            base.update(month=month, day=day, weekday=weekday, floating=weekday is not None)
        within = base["month"] or base.get("quarter") or base.get("half") or fixed.get("quarter")
        within = within or fixed.get("half")
        counted = groups.get("yrel") or re.search(r"\bof the year$", text)
        if base["year"] is None and within and counted:
            # "January this year", "the second half of last year": that part of the
            # year counted from the reference ("of the year": the present one).
            base["unit"] = Unit.YEAR
            base["amount"] = relation if groups.get("yrel") else 0
            base["relation"] = None
            kind = Kind.SHIFT
    elif kind is Kind.WEEKDAY and groups.get("later"):
        base["unit"], base["amount"] = Unit.DAY, _SIGN[_norm(groups["later"])]
    elif kind in (Kind.SHIFT, Kind.ANCHORED):
        base.update(_shift(groups, text, relation))
    elif kind is Kind.DURATION and (groups.get("unit") or groups.get("unit_plural")):
        base["unit"] = unit(groups.get("unit") or groups["unit_plural"])
        amount = None if groups.get("unit_plural") and not groups.get("count") else _amount(groups)
        if "half" in text.lower() and not groups.get("count"):
            amount = 0.5
        elif text.lower().endswith("and a half") and amount is not None:
            amount += 0.5  # "a minute and a half"
        base["amount"] = amount
    elif kind is Kind.SET:
        if groups.get("freq"):
            base["ref"] = vocab.FREQUENCIES[_norm(groups["freq"])]
        elif groups.get("unit") or groups.get("unit_cal"):
            base["unit"] = unit(groups.get("unit") or groups["unit_cal"])
            base["amount"] = _amount(groups)
    elif kind is Kind.REF:
        base["ref"] = vocab.REFS[_norm(text)]
    elif kind is Kind.CLOCK:
        base["hour"], base["minute"] = _clock(groups, text)
        base["zone"] = groups.get("zone") or groups.get("zone_utc")
    base.update(fixed)
    return Spec(kind=kind, **base)  # type: ignore[arg-type]


def _shift(groups: Mapping[str, str], text: str, relation: object) -> dict[str, object]:
    """Unit, signed amount and part of day of an offset ("two years ago", "last night")."""
    if groups.get("deictic"):
        offset, part = vocab.DEICTIC_DAYS[_norm(groups["deictic"])]
        return {
            "unit": Unit.DAY,
            "amount": offset,
            "part": (groups.get("pod") and vocab.PARTS_OF_DAY[_norm(groups["pod"])]) or part,
            "relation": None,
        }
    if groups.get("this_last") and groups.get("pod"):
        last = _norm(groups["this_last"]) == "last"
        return {"unit": Unit.DAY, "amount": -1 if last else 0, "relation": None}
    if groups.get("anaphoric") and groups.get("pod"):  # "the next morning"
        return {"unit": Unit.DAY, "amount": relation, "relation": None}
    unit_word = groups.get("unit") or groups.get("unit_cal")
    if unit_word is None:
        return {}
    out: dict[str, object] = {"unit": unit(unit_word), "relation": None}
    words = _norm(text)
    sign = next((s for w, s in _SIGN.items() if re.search(rf"\b{w}\b", words)), None)
    if groups.get("later"):
        sign = _SIGN[_norm(groups["later"])]
    if sign is not None and (groups.get("count") or groups.get("later") or "ago" in words):
        amount = _amount(groups)
        out["amount"] = None if amount is None else sign * amount
    else:
        out["amount"] = relation if relation is not None else 0
    if groups.get("unit_cal") and _norm(groups["unit_cal"]) == "night":
        out["unit"], out["part"] = Unit.DAY, "NI"
    return out


def needs_direction(spec: Spec) -> bool:
    """True when the value of a spec depends on which way it points from its anchor."""
    if spec.kind in (Kind.WEEKDAY, Kind.CLOCK):
        return True
    if spec.kind is Kind.CALENDAR:
        return spec.year is None and spec.decade is None and spec.century is None
    return spec.kind is Kind.SHIFT and (spec.amount is None or spec.unit is Unit.WEEKEND)


# A second day of the same month after a month and day: "on April 24 and 25". Not a
# count ("May 3 and 4 percent") nor the start of a clock time or a longer number.
_COORDINATED_DAY = re.compile(
    r"[^\S\n]+(?:and|or|&)[^\S\n]+((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)"
    r"(?![\d:.,]\d)(?!,?\s*\d)(?!\s*(?:%|percent|per\b|[a-z]))"
)


# A midnight that belongs to an infinitive: "for the ceasefire to come into force at
# midnight", "expected to take effect from midnight".
_INFINITIVE = re.compile(r"\bto[^\S\n]+([a-z]+)(?:[^\S\n]+[a-z]+){0,4}[^\S\n]*\Z")


def _ahead(text: str, start: int, spec: Spec) -> bool:
    """True for a midnight alone in an infinitive, which looks ahead whatever tense the
    sentence's reporting verb has."""
    if spec.hour != 24 or spec.weekday is not None or spec.month is not None:
        return False
    match = _INFINITIVE.search(text, max(0, start - 60), start)
    return match is not None and match.group(1) not in vocab.NOT_INFINITIVE


def _mention(text: str, start: int, end: int, rule: str, spec: Spec) -> Mention:
    cue, cue_word, strong = Direction.NONE, None, False
    if needs_direction(spec):
        cue, cue_word, strong = tense_cue(text, start, end)
        if cue is Direction.PAST and _ahead(text, start, spec):
            cue, cue_word, strong = Direction.FUTURE, "to", False
    return Mention(start, end, text[start:end], rule, spec, cue, cue_word, strong)


def _coordinated_day(text: str, mention: Mention) -> Mention | None:
    """The bare day number a month and day is joined to ("April 24 and [25]"), or None."""
    spec = mention.spec
    if spec.kind is not Kind.CALENDAR or spec.month is None or spec.day is None:
        return None
    if spec.weekday is not None or spec.hour is not None:
        return None
    match = _COORDINATED_DAY.match(text, mention.end)
    if match is None:
        return None
    day = int(re.sub(r"\D", "", match.group(1)))
    start, end = match.span(1)
    # The second day is in the first one's clause: it points the same way.
    return replace(
        mention,
        start=start,
        end=end,
        text=text[start:end],
        rule="coordinated-day",
        spec=replace(spec, day=day),
    )


_OPEN_BRACKET = re.compile(r"[^\S\n]*\([^\S\n]*")
_CLOSE_BRACKET = re.compile(r"[^\S\n]*\),?[^\S\n]*(?:on[^\S\n]+)?")


def _names_day(spec: Spec) -> bool:
    return spec.weekday is not None or (spec.month is not None and spec.day is not None)


def _dated_clock(clock: Mention, day: Mention) -> Mention:
    """A clock time given the day (and the clause's direction) of the mention that names it."""
    d = day.spec
    spec = replace(clock.spec, weekday=d.weekday, month=d.month, day=d.day, year=d.year)
    return replace(clock, spec=spec, cue=day.cue, cue_word=day.cue_word, cue_strong=day.cue_strong)


# Between a clock and the day it is said to fall on: "2300 GMT on Saturday night",
# "midnight local time on Friday"; a comma before a month and day: "1530 GMT, Jan. 6".
_ON_DAY = re.compile(r"(?:[^\S\n]+local[^\S\n]+time)?,?[^\S\n]+on[^\S\n]+")
_COMMA_DATE = re.compile(r",[^\S\n]+")


def _clocks_on_days(text: str, found: list[Mention]) -> list[Mention]:
    """A clock time said "on" a day takes that day ("at 2300 GMT on Saturday night"), and
    one followed by a month and day names its own day ("1530 GMT, Jan. 6")."""
    out = list(found)
    for i in range(len(out) - 1):
        clock, day = out[i], out[i + 1]
        if clock.spec.kind is not Kind.CLOCK or clock.spec.hour is None:
            continue
        if _names_day(clock.spec) or day.spec.kind not in (Kind.WEEKDAY, Kind.CALENDAR):
            continue
        on = _names_day(day.spec) and _ON_DAY.fullmatch(text, clock.end, day.start)
        dated = day.spec.month is not None and day.spec.day is not None
        if on or (dated and _COMMA_DATE.fullmatch(text, clock.end, day.start)):
            out[i] = _dated_clock(clock, day)
    return out


def _restated_clocks(text: str, found: list[Mention]) -> list[Mention]:
    """Clock times restated in brackets share the day either of them names.

    "10:35 a.m. (0735 GMT) Friday" and "at 4 in the morning (4 a.m. EDT Thursday)" are
    one moment said twice: the day after the bracket, or inside it, is the day of both.
    """
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.spec.kind is not Kind.CLOCK or second.spec.kind is not Kind.CLOCK:
            continue
        if _names_day(first.spec) or not _OPEN_BRACKET.fullmatch(text, first.end, second.start):
            continue
        day = second if _names_day(second.spec) else None
        after = out[i + 2] if i + 2 < len(out) else None
        if (
            day is None
            and after is not None
            and after.spec.kind in (Kind.WEEKDAY, Kind.CALENDAR)
            and _names_day(after.spec)
            and _CLOSE_BRACKET.fullmatch(text, second.end, after.start)
        ):
            day = after
            out[i + 1] = _dated_clock(second, day)
        if day is not None:
            out[i] = _dated_clock(first, day)
    return out


def detect(text: str) -> tuple[Mention, ...]:
    """Every temporal expression in ``text``, in order, with its tense cue where its value
    depends on one."""
    found: list[Mention] = []
    for entry, match in scan(text):
        if found and found[-1].rule == "coordinated-day" and match.start() < found[-1].end:
            continue
        mention = _mention(text, match.start(), match.end(), entry.rule.name, read(entry, match))
        found.append(mention)
        second = _coordinated_day(text, mention)
        if second is not None:
            found.append(second)
    return tuple(_clocks_on_days(text, _restated_clocks(text, found)))
