"""A sitemap per language, with every page and its hreflang alternates.

Sitemaps need absolute addresses, so one is written only when the site's
address (`site_url`) is known."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from tejido.core.outputs.html import text


@dataclass(frozen=True)
class SitemapPage:
    url: str
    """Relative to the site root."""
    alternates: Mapping[str, str]
    """Language -> the same page in it, relative to the site root."""


def sitemap(pages: Iterable[SitemapPage], site_url: str) -> str:
    base = site_url.rstrip("/") + "/"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in sorted(pages, key=lambda p: p.url):
        lines.append(f"  <url><loc>{text(base + page.url)}</loc>")
        lines += [f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} '
                  f"href={quoteattr(base + url)}/>"
                  for lang, url in sorted(page.alternates.items())]
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
