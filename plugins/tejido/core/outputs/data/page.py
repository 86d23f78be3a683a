"""The data page (`/datos/`, in both languages): every download with its format, size,
number of records, licence and a line of description, for `tejido/data.html`."""

from __future__ import annotations

from dataclasses import dataclass

from tejido.core.catalog.catalog import Catalog
from tejido.core.model.fields import DEFAULT_LANGUAGE
from tejido.core.model.licences import Licence
from tejido.core.outputs.data.build import Download, OpenData
from tejido.core.outputs.data.feeds import feed_url
from tejido.core.outputs.data.settings import DATA_FOLDER
from tejido.core.outputs.urls import Urls
from tejido.core.outputs.views import PageView, Views

DATA_TEMPLATE = "tejido/data.html"


@dataclass(frozen=True)
class DownloadRow:
    href: str
    name: str
    format: str
    size: str
    records: int | None
    description: str


@dataclass(frozen=True)
class DataView:
    intro: str
    licence: Licence
    rows: tuple[DownloadRow, ...]
    feed: str


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _row(v: Views, d: Download) -> DownloadRow:
    # One copy of the files for both languages, under the default language's root.
    href = v.href(v.urls.file(f"{DATA_FOLDER}/{d.path}", DEFAULT_LANGUAGE))
    return DownloadRow(href, d.path, d.format, size_text(d.size), d.records,
                       d.description[v.lang])


def data_page(catalog: Catalog, data: OpenData, lang: str, urls: Urls,
              licence: Licence) -> PageView:
    v = Views(catalog, urls, lang, urls.folder(DATA_FOLDER, lang))
    view = DataView(intro=v.t("data.intro", licence=licence.title), licence=licence,
                    rows=tuple(_row(v, d) for d in data.downloads),
                    feed=v.href(feed_url(urls, lang)))
    return v.page(source=urls.source_file(DATA_FOLDER, lang), title=v.t("data.title"),
                  description=view.intro, kind="data", templates=(DATA_TEMPLATE,),
                  context={"data": view})
