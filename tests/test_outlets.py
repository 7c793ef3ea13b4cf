"""Who published a page and whose copy it is, read from metadata and the page itself.

Every page, place and outlet here is invented (Gulf Daily, Velmora Times, Karvana ...);
the agencies are the real wire services, named as general knowledge.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from syriatl.chronicle.outlets import canonical, outlet_of, shown
from syriatl.detect import detect
from syriatl.metadata import metadata
from syriatl.model import Article, Metadata, Outlet
from syriatl.patterns import outlets as table
from syriatl.patterns.outlets import BYLINE_SITE_EXAMPLES
from syriatl.pipeline import tell
from syriatl.render import article_data
from syriatl.segment import layout

STORY = "The truce held overnight across the province, officials said on Sunday."
MORE = "Monitors reported only sporadic gunfire near the river crossing."


NO_METADATA = Metadata()


def _outlet(text: str, meta: Metadata = NO_METADATA) -> Outlet:
    article = Article("a", "a.txt", text, meta)
    return outlet_of(article, layout(text, detect(text)))


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


# (page text, expected site, expected origin, expected rule)
CASES = [
    # wire credits and bylines
    (_page("Truce holds in Karvana", "By Reuters", STORY), "Reuters", "Reuters", "byline"),
    (_page("Truce holds", "By VOA News", STORY), "VOA", "VOA", "byline"),
    (_page("Truce holds", "by VOA News May 4, 2019", STORY), "VOA", "VOA", "byline"),
    (
        _page("Truce holds", "By Jane Doe and John Roe, Associated Press", STORY),
        "AP",
        "AP",
        "byline",
    ),
    (_page("Truce holds", "By Bloomberg News", STORY), "Bloomberg", "Bloomberg", "byline"),
    (_page("Truce holds", "Source: AFP", STORY), "AFP", "AFP", "wire-credit"),
    (_page("Truce holds", STORY, MORE, "Source: Xinhua"), "Xinhua", "Xinhua", "wire-credit"),
    (
        _page("Truce holds", STORY, "(Reporting by Jane Doe for Reuters; Editing by John Roe)"),
        "Reuters",
        "Reuters",
        "wire-credit",
    ),
    (_page("Truce holds", f"Xinhua, May 4 -- {STORY}"), "Xinhua", "Xinhua", "wire-credit"),
    (
        _page("Truce holds", "The truce held overnight in Karvana, Reuters reported.", MORE),
        "Reuters",
        "Reuters",
        "wire-credit",
    ),
    # agency datelines, named or not in the table (the structure says it is a credit)
    (
        _page("Truce holds", f"KARVANA, May 4 (Reuters) – {STORY}"),
        "Reuters",
        "Reuters",
        "dateline-credit",
    ),
    (_page("Truce holds", f"KARVANA, Velmora (AP) — {STORY}"), "AP", "AP", "dateline-credit"),
    (_page("Truce holds", f"KARVANA (AFP) - {STORY}"), "AFP", "AFP", "dateline-credit"),
    (
        _page("Truce holds", f"ISTRA, Velmora, May 4 (UPI) -- {STORY}"),
        "UPI",
        "UPI",
        "dateline-credit",
    ),
    (_page("Truce holds", f"NEW ISTRA (AA) - {STORY}"), "Anadolu", "Anadolu", "dateline-credit"),
    (_page("Truce holds", f"DORVAN, May 4. /TASS/. {STORY}"), "TASS", "TASS", "dateline-credit"),
    (
        _page("Truce holds", f"DORVAN, May 4 (Xinhua) -- {STORY}"),
        "Xinhua",
        "Xinhua",
        "dateline-credit",
    ),
    (
        _page("Truce holds", f"KARVANA, 4 May (Velmora News Agency) - {STORY}"),
        "Velmora News Agency",
        "Velmora News Agency",
        "dateline-credit",
    ),
    (
        _page("Truce holds", f"ISTRA, May 4 /Ostvar Press/ {STORY}"),
        "Ostvar Press",
        "Ostvar Press",
        "dateline-credit",
    ),
    # a site named in the title, with or without a wire origin
    (
        _page("Truce holds in Karvana | Gulf Daily", STORY, MORE),
        "Gulf Daily",
        "Gulf Daily",
        "title-site",
    ),
    (
        _page("Truce holds – The Velmora Times", STORY, MORE),
        "The Velmora Times",
        "The Velmora Times",
        "title-site",
    ),
    (_page("Gulf Daily - Truce holds", STORY, MORE), "Gulf Daily", "Gulf Daily", "title-site"),
    (
        _page("Truce holds in Karvana | Gulf Daily", f"KARVANA, May 4 (AFP) — {STORY}"),
        "Gulf Daily",
        "AFP",
        "dateline-credit+title-site",
    ),
    (
        _page("Truce holds | Gulf Daily", "By Reuters", STORY),
        "Gulf Daily",
        "Reuters",
        "byline+title-site",
    ),
    # the page chrome: copyright lines
    (
        _page("Truce holds", STORY, MORE, "© 2019 Gulf Daily"),
        "Gulf Daily",
        "Gulf Daily",
        "copyright",
    ),
    (
        _page("Truce holds", STORY, MORE, "Copyright Velmora Times. All rights reserved."),
        "Velmora Times",
        "Velmora Times",
        "copyright",
    ),
    (
        _page("Truce holds", STORY, MORE, "Copyright © 2019 Anadolu Agency"),
        "Anadolu",
        "Anadolu",
        "copyright",
    ),
    (_page("Truce holds", STORY, MORE, "© AFP 2019"), "AFP", "AFP", "copyright"),
    (
        _page("Truce holds", STORY, MORE, "© 2019 Gulf Daily", "Source: AFP"),
        "Gulf Daily",
        "AFP",
        "wire-credit+copyright",
    ),
    # a URL printed on the page
    (
        _page("Truce holds", STORY, MORE, "www.gulfdaily.com"),
        "gulfdaily.com",
        "gulfdaily.com",
        "url",
    ),
    (
        _page("Truce holds", "https://velmoratimes.net/2019/05/04/truce-holds", STORY, MORE),
        "velmoratimes.net",
        "velmoratimes.net",
        "url",
    ),
    (
        _page("Truce holds", STORY, MORE, "https://news.gulfdaily.com.qa/truce"),
        "gulfdaily.com.qa",
        "gulfdaily.com.qa",
        "url",
    ),
    (
        _page("Truce holds", "https://mirror.example:443/https/www.velmoratimes.net/x", STORY),
        "velmoratimes.net",
        "velmoratimes.net",
        "url",
    ),
    # nothing that names the page's outlet: no guess
    (_page("Truce holds", "By Jane Doe", STORY, MORE), None, None, None),
    (_page("Truce holds", "By Petra Novak", STORY, MORE), None, None, None),
    (
        _page("Truce holds", "An official told Reuters on Monday that the truce held.", MORE),
        None,
        None,
        None,
    ),
    (
        _page("Truce holds", STORY, "The ministry denied it, according to AFP.", MORE),
        None,
        None,
        None,
    ),
    (
        _page("Truce holds", STORY, "An official told AFP the truce held, AFP reported later."),
        None,
        None,
        None,
    ),  # a credit after the lead is the story's source, not its origin
    (
        _page("Truce holds", STORY, "Smoke rises over Karvana. Photo: © AFP 2019", MORE),
        None,
        None,
        None,
    ),
    (
        _page("Truce holds", STORY, MORE, "See the video at https://twitter.com/someone/1"),
        None,
        None,
        None,
    ),
    (_page("Truce holds – for now", STORY, MORE), None, None, None),
    (_page("Rebels Retreat - Army Advances", STORY, MORE), None, None, None),
    (_page("Truce holds", f"KARVANA — {STORY}"), None, None, None),
    (  # a dispatch quoted further down the page is not the page's copy
        _page("Truce holds", STORY, MORE, "A wire story said:", f"ISTRA (AP) — {STORY}"),
        None,
        None,
        None,
    ),
    (
        _page("Truce holds", "The U.S. and the U.N. welcomed the truce, e.g. in Karvana.", MORE),
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "site", "origin", "rule"), CASES)
def test_the_outlet_is_read_from_the_page(
    text: str, site: str | None, origin: str | None, rule: str | None
) -> None:
    found = _outlet(text)
    assert (found.site, found.origin, found.rule) == (site, origin, rule)
    assert (found.evidence is None) == (rule is None)


# (metadata, page text, expected site, origin, rule)
METADATA_CASES = [
    (
        Metadata(outlet="Gulf Daily"),
        _page("Truce holds", STORY),
        "Gulf Daily",
        "Gulf Daily",
        "metadata",
    ),
    (
        Metadata(outlet="Gulf Daily"),
        _page("Truce holds | Velmora Times", STORY),
        "Gulf Daily",
        "Gulf Daily",
        "metadata",
    ),  # metadata wins over the title
    (
        Metadata(outlet="Gulf Daily"),
        _page("Truce holds", f"KARVANA (AFP) - {STORY}"),
        "Gulf Daily",
        "AFP",
        "metadata+dateline-credit",
    ),
    (
        Metadata(outlet="Gulf Daily", origin="Reuters"),
        _page("Truce", f"KARVANA (AFP) - {STORY}"),
        "Gulf Daily",
        "Reuters",
        "metadata",
    ),
    (
        Metadata(url="https://www.gulfdaily.com/2019/05/truce"),
        _page("Truce holds", STORY),
        "gulfdaily.com",
        "gulfdaily.com",
        "url",
    ),
    (
        Metadata(title="Truce holds | Velmora Times"),
        _page("Truce holds", STORY),
        "Velmora Times",
        "Velmora Times",
        "title-site",
    ),
]


@pytest.mark.parametrize(("meta", "text", "site", "origin", "rule"), METADATA_CASES)
def test_metadata_wins_and_the_origin_is_still_read(
    meta: Metadata, text: str, site: str, origin: str, rule: str
) -> None:
    found = _outlet(text, meta)
    assert (found.site, found.origin, found.rule) == (site, origin, rule)


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # an agency named in an embedded post or a reader comment is not the origin
        (_page("Truce holds", STORY, MORE, "Comments (2)", "By Reuters", "Nice."), "comment"),
        (
            _page(
                "Truce holds",
                STORY,
                "By Reuters\n— Velmora Army (@velarmy) May 4, 2019",
                MORE,
            ),
            "embed",
        ),
    ],
)
def test_embeds_and_comments_are_not_credits(text: str, hidden: str) -> None:
    assert _outlet(text).origin is None, hidden


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        (Outlet("Gulf Daily", "AFP"), "Gulf Daily (AFP)"),
        (Outlet("AFP", "AFP"), "AFP"),
        (Outlet("Gulf Daily", "Gulf Daily"), "Gulf Daily"),
        (Outlet(), None),
    ],
)
def test_an_outlet_is_shown_as_site_and_origin(outlet: Outlet, expected: str | None) -> None:
    assert shown(outlet) == expected


def test_evidence_is_one_short_line() -> None:
    long_line = "By " + " ".join(["Jane Doe"] * 3) + ", Associated Press"
    found = _outlet(_page("Truce holds | Gulf Daily", long_line, STORY))
    assert found.evidence is not None and "\n" not in found.evidence
    assert len(found.evidence) <= 2 * 80 + 2


@pytest.mark.parametrize(
    ("fields", "origin"),
    [
        ((("outlet", "Gulf Daily"), ("origin", "AFP")), "AFP"),
        ((("outlet", "Gulf Daily"),), None),
    ],
)
def test_metadata_reads_an_origin_field(
    fields: tuple[tuple[str, str], ...], origin: str | None
) -> None:
    meta = metadata(fields, "front matter")
    assert isinstance(meta, Metadata)
    assert (meta.outlet, meta.origin) == ("Gulf Daily", origin)


# ---- the pattern table: every example matches its own entry --------------------------


@pytest.mark.parametrize(
    ("name", "forms", "example"), table.AGENCIES, ids=[a[0] for a in table.AGENCIES]
)
def test_every_agency_example_credits_its_agency(
    name: str, forms: tuple[str, ...], example: str
) -> None:
    assert all(canonical(form) == name for form in forms)
    found = _outlet(_page("Truce holds", example, STORY, MORE))
    assert found.origin == name


CREDIT_EXAMPLES = [(n, p, e) for n, p, _, examples in table.CREDITS for e in examples]


@pytest.mark.parametrize(("name", "pattern", "example"), CREDIT_EXAMPLES)
def test_every_credit_example_matches_its_own_form(name: str, pattern: str, example: str) -> None:
    assert re.match(pattern, example)
    assert _outlet(_page("Truce holds", example, MORE)).rule == name


WIRE_EXAMPLES = [(n, e) for n, _, _, examples in table.WIRE_FORMS for e in examples]


@pytest.mark.parametrize(("name", "example"), WIRE_EXAMPLES)
def test_every_wire_example_gives_an_origin_by_its_rule(name: str, example: str) -> None:
    found = _outlet(_page("Truce holds", example, MORE))
    assert found.origin is not None and found.rule is not None
    assert found.rule.split("+")[0] in (name, "dateline-credit")


@pytest.mark.parametrize("example", table.COPYRIGHT[2])
def test_every_copyright_example_names_the_page(example: str) -> None:
    found = _outlet(_page("Truce holds", STORY, MORE, example))
    assert found.rule == "copyright" and found.site


@pytest.mark.parametrize(("host", "what"), table.FOREIGN_HOSTS)
def test_no_foreign_host_is_a_site(host: str, what: str) -> None:
    assert _outlet(_page("Truce holds", STORY, MORE, f"https://{host}/x/1")).site is None, what


def test_a_told_article_reports_its_outlet_and_its_sources_carry_site_and_origin() -> None:
    # 4 May 2019 was a Saturday; the dateline's "May 4" with the front matter's year.
    text = _page(
        "Truce holds in Karvana | Gulf Daily",
        "KARVANA, May 4 (AFP) — The truce came into force on Saturday, officials said.",
    )
    article = Article("g", "g.txt", text, Metadata(published=dt.date(2019, 5, 4)))
    told = tell(article, ())
    assert told.report is not None
    assert (told.report.outlet, told.report.provenance.origin) == ("Gulf Daily", "AFP")
    assert told.sources
    assert {(s.outlet, s.origin) for s in told.sources} == {("Gulf Daily", "AFP")}
    row = article_data(told.report)
    assert (row["outlet"], row["origin"], row["outlet_rule"]) == (
        "Gulf Daily",
        "AFP",
        "dateline-credit+title-site",
    )


@pytest.mark.parametrize(("line", "site"), BYLINE_SITE_EXAMPLES)
def test_a_byline_names_its_writers_site(line: str, site: str) -> None:
    text = f"Truce talks go on\n\n{line}\n\nNegotiators met in Karvana for a second day.\n"
    found = outlet_of(Article("a", "a.txt", text), layout(text, detect(text)))
    assert (found.site, found.rule) == (site, "byline-site")


def test_a_byline_naming_an_agency_is_no_site_of_its_own() -> None:
    text = "Truce talks go on\n\nBy Dana Orsk, Reuters\n\nNegotiators met in Karvana.\n"
    found = outlet_of(Article("a", "a.txt", text), layout(text, detect(text)))
    assert found.rule != "byline-site"
