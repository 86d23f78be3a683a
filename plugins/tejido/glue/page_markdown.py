"""`Page.render` for Tejido's generated pages: one Markdown converter for all of them,
and no converter at all for plain prose (`core/outputs/plain_prose.py`)."""

from __future__ import annotations

import logging

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

from tejido.core import plain_extensions, plain_html


class PageMarkdown:
    """Renders generated pages' Markdown as `Page.render` does, quicker."""

    def __init__(self) -> None:
        self.converter: markdown.Markdown | None = None
        self.plain: bool | None = None
        """Whether the site's extensions leave plain paragraphs alone (asked once)."""

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """One converter for all the pages, reset between them: MkDocs makes a new one per
        page, which was a tenth of a generated page's time.  The same steps: MkDocs' own
        per-page processors (raw HTML anchors, heading anchors, link checks, the title)
        are registered anew for each page.  Plain prose has no heading, anchor, link or
        title for them to find."""
        assert page.markdown is not None
        if self.plain is None:
            self.plain = plain_extensions(config.markdown_extensions)
        html = plain_html(page.markdown) if self.plain else None
        if html is not None:
            page.content, page.toc, page._title_from_render = html, get_toc([]), None
            page.present_anchor_ids = set()
            if _checks_links():
                page.links_to_anchors = {}
            return
        if self.converter is None:
            self.converter = markdown.Markdown(extensions=config.markdown_extensions,
                                               extension_configs=config.mdx_configs or {})
        converter = self.converter
        converter.reset()
        raw_html, anchors = _RawHTMLPreprocessor(), _ExtractAnchorsTreeprocessor(
            page.file, files, config)
        links, title = _RelativePathTreeprocessor(page.file, files, config), \
            _ExtractTitleTreeprocessor()
        for processor in (raw_html, anchors, links, title):
            processor._register(converter)
        page.content = converter.convert(page.markdown)
        page.toc = get_toc(getattr(converter, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if _checks_links():
            page.links_to_anchors = links.links_to_anchors


def _checks_links() -> bool:
    """As `Page.render`: the links to anchors are kept unless MkDocs logs at debug level."""
    return logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG
