"""Material's navigation rendered once per folder for Tejido's pages, and reused.

Rendering `partials/nav.html` and `partials/tabs.html` was most of the time Jinja
spent on a page (14 million attribute look-ups at 10,000 entries).  For a page that
is not in the navigation (every page Tejido generates) nothing in them depends on
the page but the relative addresses of the links, and those are the same for every
page of one folder's sub-folders (`organizaciones/a/index.html`,
`organizaciones/b/index.html`) unless a link of the navigation leads inside one of
those sub-folders.  Tejido's `partials/nav.html` and `partials/tabs.html` therefore
hand Material's template to `SharedFragments`, which renders it for the first page of
a folder and gives the same text to the others.  Any other page, and any page whose
folder a link of the navigation enters, gets Material's template rendered as usual.
A site owner's own `partials/nav.html` (in `custom_dir`) comes first and is rendered
for every page, as before.

Tejido's `base.html` shares Material's `config` block the same way: its JSON (the
features, the words of the language, the search worker) depends on a page only
through `base_url`, which is the same for the pages of one folder.  It was 3 % of a
build at 1,000 organizations.  So do its `styles` and `scripts` blocks (the style
sheets and scripts, by address), and Tejido's `partials/top.html` ("back to top") and
`partials/footer.html` (the page's previous and next page, which a page outside the
navigation does not have, and the footer's links, the same in one language).
`partials/toc.html` is shared by folder and by the page's outline: most entry pages of
a kind have the same headings.  Together they were 4 % of a build at 10,000.
`fast_build: false` renders every part for every page.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from mkdocs.structure.nav import Navigation


def _folder(url: str) -> str:
    """The folder addresses are relative to, as `mkdocs.utils.get_relative_url` sees it."""
    dirname, _, basename = url.rpartition("/")
    return dirname if "." in basename else url.rstrip("/")


def _targets(items: Iterable[Any]) -> Iterable[str]:
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url
        yield from _targets(getattr(item, "children", None) or ())


def entered_folders(nav: Navigation, homepage: object = None) -> set[str] | None:
    """Every folder some link of the navigation leads into; None when a link is not a
    plain relative address (then nothing is shared)."""
    return folders_of([*_targets(nav.items), *([homepage] if isinstance(homepage, str) else [])])


def folders_of(urls: Iterable[str]) -> set[str] | None:
    """Every folder these links lead into; None when one is not a plain relative address."""
    folders: set[str] = set()
    for url in urls:
        if "://" in url or url.startswith(("/", "#", "..", "mailto:")):
            if "://" in url or url.startswith("mailto:"):
                continue  # absolute: the same text on every page
            return None
        parts = url.strip("/").split("/")
        folders.update("/".join(parts[:n]) for n in range(1, len(parts) + 1))
    return folders


def _outline(items: Iterable[Any]) -> list[object]:
    """What Material's table of contents shows of each item, nested."""
    return [(item.level, item.title, item.url, getattr(item, "typeset", None),
             _outline(item.children)) for item in items]


class SharedFragments:
    """A Jinja global: `tejido_shared(name, render)` renders `render()` once per key."""

    def __init__(self, ours: Callable[[], Container[str]]) -> None:
        self.ours = ours
        """Source paths of the pages that are not in the navigation (Tejido's)."""
        self.entered: dict[int, set[str] | None] = {}
        self.made: dict[tuple[str, int, str, int, str], str] = {}
        self.entered_by: dict[tuple[str, ...], set[str] | None] = {}

    def key(self, page: Any, nav: Any, config: Any) -> tuple[int, str, int, str] | None:
        """The navigation, the folder above the page's, its depth, and its own folder;
        None when the page's fragments must be its own."""
        file = getattr(page, "file", None)
        if not isinstance(nav, Navigation) or file is None or file.src_uri not in self.ours():
            return None
        if id(nav) not in self.entered:  # once per navigation (per build of a language)
            homepage = getattr(getattr(config, "extra", None), "get", lambda _: None)("homepage")
            self.entered = {id(nav): entered_folders(nav, homepage)}
            self.made = {}
        entered = self.entered[id(nav)]
        if entered is None:
            return None
        folder = _folder(str(page.url))
        if folder in entered:
            return None
        parent = folder.rpartition("/")[0]
        return id(nav), parent, folder.count("/") + 1 if folder else 0, folder

    def _outside(self, links: tuple[str, ...], key: tuple[int, str, int, str]) -> bool:
        """Whether the page's folder is none that `links` lead into."""
        if not links:
            return True
        if links not in self.entered_by:
            self.entered_by[links] = folders_of(links)
        entered = self.entered_by[links]
        return entered is not None and key[3] not in entered

    @pass_context
    def __call__(self, context: Context, name: str, render: Callable[[], str],
                 outline: Iterable[Any] | None = None, links: Iterable[str] = ()) -> str:
        """`outline`: a table of contents the fragment shows, which is then part of the
        key; `links`: addresses it links to besides the navigation's (a page inside the
        folder one leads into gets the fragment rendered for it)."""
        key = self.key(context.get("page"), context.get("nav"), context.get("config"))
        if key is None or not self._outside(tuple(links), key):
            return render()
        full = (name, *key[:3], "" if outline is None else repr(_outline(outline)))
        made = self.made.get(full)
        if made is None:
            made = self.made[full] = render()
        return made
