"""The directory's PDFs as the site offers them: a list by region and by theme.

The home, the directory page and the data page show the same list
(`tejido/partials/directory_pdfs.html`), in the reader's language: the whole
directory (both languages, the reader's first) while there is one, then each
region and each theme with its files, their size and page count.
"""

from __future__ import annotations

from dataclasses import dataclass

from tejido.core.i18n.text import sort_key
from tejido.core.outputs.pdf.directory import part_scope
from tejido.core.outputs.pdf.parts import ALL, REGION, THEME
from tejido.core.outputs.pdf.published import DIRECTORY, Published, PublishedPdf
from tejido.core.outputs.views import DownloadView, LinkView, Local, Views


@dataclass(frozen=True)
class PartGroupView:
    """One region or theme: one file, or several when it was cut."""

    title: str
    files: tuple[DownloadView, ...]


@dataclass(frozen=True)
class DirectoryPdfsView:
    whole: tuple[DownloadView, ...]
    regions: tuple[PartGroupView, ...]
    themes: tuple[PartGroupView, ...]
    files: int
    """How many files the lists hold, in the reader's language."""

    def __bool__(self) -> bool:
        return bool(self.whole or self.regions or self.themes)


def _download(v: Views, pdf: PublishedPdf, text: str) -> DownloadView:
    return v.download(LinkView(v.href(pdf.url), Local(text, pdf.lang, pdf.lang != v.lang),
                               pdf.lang), "PDF", pdf.lang, pdf.size_kb, pdf.pages)


def _groups(v: Views, pdfs: list[PublishedPdf], kind: str) -> tuple[PartGroupView, ...]:
    tops: dict[str, list[PublishedPdf]] = {}
    for pdf in pdfs:
        if pdf.part is not None and pdf.part.kind == kind:
            tops.setdefault(pdf.part.top, []).append(pdf)
    taxonomy = v.catalog.taxonomies["regions" if kind == REGION else "themes"]
    groups = [PartGroupView(taxonomy.terms[top].label(v.lang),
                            tuple(_download(v, pdf, part_scope(v.catalog, pdf.part, v.lang))
                                  for pdf in found if pdf.part is not None))
              for top, found in tops.items()]
    if kind == REGION:  # themes keep the taxonomy's order, as on the home page
        groups.sort(key=lambda group: sort_key(group.title, v.lang))
    return tuple(groups)


def directory_pdfs(v: Views, published: Published) -> DirectoryPdfsView:
    """What the reader can download of the directory (empty when PDFs are off)."""
    pdfs = published.of(DIRECTORY)
    whole = sorted((pdf for pdf in pdfs if pdf.part is None or pdf.part.kind == ALL),
                   key=lambda pdf: pdf.lang != v.lang)
    mine = [pdf for pdf in pdfs if pdf.lang == v.lang and pdf.part is not None]
    regions, themes = _groups(v, mine, REGION), _groups(v, mine, THEME)
    return DirectoryPdfsView(
        whole=tuple(_download(v, pdf, pdf.title) for pdf in whole),
        regions=regions, themes=themes,
        files=sum(len(group.files) for group in (*regions, *themes)))
