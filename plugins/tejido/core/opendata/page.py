"""The data page (`/datos/`, in both languages): every download with its format, size,
number of records, licence and a line of description."""

from __future__ import annotations

from .. import html
from ..catalog import Catalog
from ..fields import DEFAULT_LANGUAGE
from ..urls import Urls
from ..writer import PageText, Writer
from .build import Download, OpenData
from .feeds import feed_url
from .settings import DATA_FOLDER, Licence


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _row(w: Writer, d: Download, licence: Licence) -> str:
    # One copy of the files for both languages, under the default language's root.
    url = w.href(w.urls.file(f"{DATA_FOLDER}/{d.path}", DEFAULT_LANGUAGE))
    records = "" if d.records is None else str(d.records)
    return (f'<tr><td><a href="{html.text(url)}" download>{html.text(d.path)}</a></td>'
            f"<td>{html.text(d.format)}</td>"
            f'<td class="tj-num">{html.text(size_text(d.size))}</td>'
            f'<td class="tj-num">{records}</td>'
            f'<td><a href="{html.text(licence.url)}">{html.text(licence.id)}</a></td>'
            f"<td>{html.text(d.description[w.lang])}</td></tr>")


def data_page(catalog: Catalog, data: OpenData, lang: str, urls: Urls,
              licence: Licence) -> PageText:
    here = urls.folder(DATA_FOLDER, lang)
    w = Writer(catalog, urls, lang, here)
    head = "".join(f"<th>{html.text(w.t('data.' + key))}</th>"
                   for key in ("file", "format", "size", "records", "licence", "what"))
    rows = "\n".join(_row(w, d, licence) for d in data.downloads)
    feed = w.href(feed_url(urls, lang))
    intro = html.text(w.t("data.intro", licence=licence.title))
    markup = (f'<h1 class="tj-title">{html.text(w.t("data.title"))}</h1><p>{intro}</p>'
              f'<div class="md-typeset__table tj-data"><table><thead><tr>{head}</tr>'
              f"</thead><tbody>\n{rows}\n</tbody></table></div>"
              f'<p><a href="{html.text(feed)}" type="application/atom+xml">'
              f"{html.text(w.t('feed.link'))}</a></p>")
    return PageText(
        source=urls.source_file(DATA_FOLDER, lang), url=here, lang=lang,
        title=w.t("data.title"), description=w.t("data.intro", licence=licence.title),
        markdown=w.raw(markup), kind="data", alternates=w.alternates(),
        fragments=tuple(w.fragments),
    )
