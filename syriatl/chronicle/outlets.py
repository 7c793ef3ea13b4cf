"""Who published an article and whose copy it is.

STUB: the interface the rest of the pipeline relies on.
"""

from __future__ import annotations

from syriatl.model import Article, Layout, Outlet


def outlet_of(article: Article, layout: Layout) -> Outlet:
    """The article's site and origin: metadata wins; otherwise what the page says."""
    site = article.meta.outlet
    return Outlet(site, site, "metadata" if site else None, f"outlet: {site}" if site else None)
