"""An HTML page -> the text syriatl reads, what of it is no story, and what its markup
says of its date, address and site.

trafilatura finds the page's main text and its reader comments; the text read is the
main text (a block a paragraph), then the comments, then every other block of the page
in its order (menus, share buttons, related links, the footer), so that nothing it sets
apart disappears unseen: the comments and the rest are ``Aside`` spans, which the layout
shows as ``comment`` and ``chrome``. htmldate chooses the publication date the markup
gives (``<meta>``, JSON-LD, ``<time>``, the address's date path), with the element that
states it (``markup_date``); the text's own dates are read as for any article. Both
libraries are imported only when a page is read.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from syriatl.decode import Decoded, decode
from syriatl.model import Aside, PageDate, SegmentKind
from syriatl.read.markup_date import page_date

SUFFIXES = (".html", ".htm")
# Elements whose text no reader sees as text.
_UNSEEN = frozenset(
    "script style noscript template svg math head iframe object canvas video audio".split()
)
# Elements that start a new block of text (a line of the text read).
_BLOCKS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol
    option p pre section summary table tbody td tfoot th thead tr ul""".split()
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    """What a page gives: the text read (main text, comments, the rest), the spans of it
    that are no story, the date its markup gives, and its address and site name (None
    when the markup names none)."""

    text: str
    aside: tuple[Aside, ...]
    page_date: PageDate | None
    url: str | None
    site: str | None


def is_page(name: str) -> bool:
    """True for the name of an HTML page (``.html``, ``.htm``)."""
    return name.endswith(SUFFIXES)


def decode_page(data: bytes) -> Decoded:
    """A page's text: as ``decode`` reads any file, except that a page that is not UTF-8
    and declares its charset (``<meta charset=...>``) is read in that charset."""
    decoded = decode(data)
    if decoded.encoding != "cp1252":
        return decoded
    declared = _CHARSET.search(data[:4096])
    if declared is None:
        return decoded
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name
        # A page that can declare its charset in ASCII is in an ASCII-compatible one: a
        # declared UTF-16 or UTF-32 cannot be the bytes' (browsers read them as UTF-8).
        if "<meta".encode(name) != b"<meta":
            return decoded
        return Decoded(data.decode(name), name)
    except (LookupError, UnicodeError):
        return decoded


def read_page(html: str) -> Page | str:
    """The page read from its decoded HTML, or the problem (one line) that stops it:
    markup no parser can read, or a page with no main text."""
    import lxml.etree
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        return f"not an HTML page ({_first_line(error)})"
    # libxml2 stops reading below a nesting depth of its own: what lies deeper is not in
    # the tree, so the page is refused rather than read in part.
    for limit in parser.error_log.filter_types([lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT]):
        return f"nested too deeply to be read whole ({limit.message.split(',')[0]})"
    url, site = _address(tree), _site(tree)
    try:
        main, comments, headed = _extracted(tree)
        dated = page_date(tree, url)
        blocks = list(_page_blocks(tree))
    except Exception as error:  # a parser's failure on one page stops that page only
        return f"cannot read this HTML page ({type(error).__name__}: {_first_line(error)})"
    title = _title(tree)
    if not main:
        words = sum(len(block.split()) for _, block in blocks)
        if not words:
            return "no text found in this HTML page"
        return (
            f"no article text found in this HTML page: trafilatura took all of its {words} "
            "words for menus, links and other page chrome"
        )
    # A main text without its headline opens with the page's title, as a text file would.
    head = [title] if title and not headed and main[0] != title else []
    thread, rest = _sections(blocks, head + main, comments, title)
    text, aside = _assembled(head + main, thread, rest)
    return Page(text, aside, dated, url, site)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or ["unreadable"])[0][:120]


def _extracted(tree: Any) -> tuple[list[str], list[str], bool]:
    """The main text's blocks and the reader comments' blocks, as trafilatura finds them,
    and whether the main text opens with a heading."""
    from copy import deepcopy

    import trafilatura

    doc = trafilatura.bare_extraction(
        deepcopy(tree), include_comments=True, include_tables=True, with_metadata=False
    )
    if doc is None:
        return [], [], False
    body = getattr(doc, "body", None)
    headed = body is not None and len(body) > 0 and body[0].tag == "head"
    return _lines(getattr(doc, "text", None)), _lines(getattr(doc, "comments", None)), headed


def _lines(text: str | None) -> list[str]:
    return [line for raw in (text or "").split("\n") if (line := " ".join(raw.split()))]


def _assembled(
    main: list[str], comments: list[str], rest: list[str]
) -> tuple[str, tuple[Aside, ...]]:
    """The text read, a block a paragraph, and the spans of its comments and the rest."""
    text = "\n\n".join(main)
    aside = []
    for blocks, kind in ((comments, SegmentKind.COMMENT), (rest, SegmentKind.CHROME)):
        if blocks:
            start = len(text) + 2
            text += "\n\n" + "\n\n".join(blocks)
            aside.append(Aside(start, len(text), kind))
    return text + "\n", tuple(aside)


def _title(tree: Any) -> str | None:
    found = tree.find(".//title")
    words = " ".join((found.text_content() if found is not None else "").split())
    return words or None


def _sections(
    blocks: list[tuple[Any, str]], main: list[str], comments: list[str], title: str | None
) -> tuple[list[str], list[str]]:
    """The page's comment section and the rest of its text, block by block in the page's
    order: every block of the page that is not main text is in one of them, once. The
    comment section is the largest element around trafilatura's comments that holds no
    main text (so that its heading and its name-and-stamp headers come with it); a
    comment of trafilatura's found in no block of the page ends it."""
    left = Counter(main)
    in_main = []
    for _, block in blocks:
        in_main.append(left[block] > 0)
        left[block] -= 1
    section = _comment_section(blocks, in_main, comments)
    unseen = Counter(comments)
    said: list[str] = []
    rest = [title] if title and title not in main else []
    for (element, block), main_block in zip(blocks, in_main, strict=True):
        if main_block:
            continue
        if unseen[block] > 0 or (section is not None and _within(element, section)):
            said.append(block)
            unseen[block] -= 1
        else:
            rest.append(block)
    for comment in comments:  # as trafilatura gives it, when no block of the page does
        if unseen[comment] > 0:
            said.append(comment)
            unseen[comment] -= 1
    return said, rest


def _comment_section(
    blocks: list[tuple[Any, str]], in_main: list[bool], comments: list[str]
) -> Any | None:
    """The largest element around the page's blocks of trafilatura's comments that holds
    no main text, or None when no block of the page is one of them."""
    wanted = set(comments)
    elements = [e for (e, b), m in zip(blocks, in_main, strict=True) if b in wanted and not m]
    if not elements:
        return None
    holding_main = {
        a for (e, _), m in zip(blocks, in_main, strict=True) if m for a in (e, *e.iterancestors())
    }
    common = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        around = {element, *element.iterancestors()}
        common = [a for a in common if a in around]
    section = next((a for a in common if a not in holding_main), None)
    if section is None:
        return None
    while (parent := section.getparent()) is not None and parent not in holding_main:
        section = parent
    return section


def _within(element: Any, section: Any) -> bool:
    return element is section or any(a is section for a in element.iterancestors())


def _page_blocks(tree: Any) -> Iterator[tuple[Any, str]]:
    """The text of the page's body, a line a block, as a reader sees it, each with the
    innermost block element it is in."""
    import lxml.etree

    body = tree.find("body")
    if body is None:
        return
    words: list[str] = []
    opened: list[Any] = []
    walker = lxml.etree.iterwalk(body, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if not tag or tag in _UNSEEN:  # comments and processing instructions too
                walker.skip_subtree()
                continue
            if tag in _BLOCKS or tag == "br":
                yield from _flush(words, opened)
            if tag in _BLOCKS:
                opened.append(element)
            if element.text:
                words.append(element.text)
            continue
        if tag in _BLOCKS:
            yield from _flush(words, opened)
            opened.pop()
        if element.tail and element is not body:
            words.append(element.tail)


def _flush(words: list[str], opened: list[Any]) -> Iterator[tuple[Any, str]]:
    line = " ".join("".join(words).split())
    words.clear()
    if line:
        yield opened[-1], line


def _address(tree: Any) -> str | None:
    """The page's address: its canonical link, else its ``og:url``, when it is a web
    address (``http://``, ``https://``; not a relative path or a ``javascript:`` link)."""
    given = [
        _value(link.get("href"))
        for link in tree.iterfind(".//link[@href]")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    for address in [*given[:1], _property(tree, "og:url")]:
        if address and _WEB.match(address):
            return address
    return None


_WEB = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.IGNORECASE)


def _site(tree: Any) -> str | None:
    """The site's name, as its ``og:site_name`` gives it."""
    return _property(tree, "og:site_name")


def _property(tree: Any, name: str) -> str | None:
    for meta in tree.iterfind(".//meta[@property]"):
        if (meta.get("property") or "").strip().lower() == name:
            return _value(meta.get("content"))
    return None


def _value(raw: str | None) -> str | None:
    value = " ".join((raw or "").split())
    return value if value and value.isprintable() else None
