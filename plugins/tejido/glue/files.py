"""The catalog plugin's files: what each language's build generates, added to MkDocs' files."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from tejido.core import (
    CATALOG_JSON,
    DATA_ALIASES,
    DATA_FOLDER,
    DEFAULT_LANGUAGE,
    DUE_PATH,
    LANGUAGES,
    SCHEMA_FOLDER,
    Layout,
    Planned,
    PlannedPages,
    PlanSettings,
    attachment_url,
    catalog_json,
    data_page,
    due_feed,
    due_feed_url,
    due_page,
    label,
    open_data_paths,
    page_plan,
    prose_markdown,
    relative,
    schema_files,
)
from tejido.glue import building_language
from tejido.glue.direct import page_file
from tejido.glue.forked import Later
from tejido.glue.state import PluginState


class InPlace(File):
    """A file the last build wrote, put in the site folder again as it was (a hard link):
    MkDocs knows it (links to it are checked) and copies nothing."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


class MadeLater(File):
    """A generated file whose bytes are made when they are first read: MkDocs copies
    files after the pages are made, and meanwhile a child process makes the open data."""

    make: Callable[[], str | bytes] | None = None
    _made: str | bytes | None = None

    @classmethod
    def of(cls, config: MkDocsConfig, path: str, make: Callable[[], str | bytes]) -> MadeLater:
        file = cast(MadeLater, cls.generated(config, path, content=b""))
        file.make = make
        return file

    @property
    def _content(self) -> str | bytes | None:  # what every reader of a File's bytes reads
        if self.make is not None:
            self._made, self.make = self.make(), None
        return self._made

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._made = value


def _made_file(later: Later[Mapping[str, str | bytes]], path: str) -> str | bytes:
    return later.result()[path]


class FilesMixin(PluginState):
    """`on_files`: entry sources dropped, generated pages and files added, planned."""

    # Before i18n (-100): guide sources are entries, not pages; remove them.
    @event_priority(100)
    def _drop_entry_sources(self, files: Files, config: MkDocsConfig) -> Files:
        docs = Path(config.docs_dir).resolve()
        guides = (self.root / Layout(self.root).folders["guide"]).resolve()
        if guides.is_relative_to(docs):
            prefix = guides.relative_to(docs).as_posix() + "/"
            for file in [f for f in files if f.src_uri.startswith(prefix)]:
                files.remove(file)
        return files

    # After i18n (-100): it crashes on generated files added before it.
    @event_priority(-110)
    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        lang = building_language(config)
        self.plan_pages(lang)
        # A page's prose is made with its view: under `mkdocs build` when the page is made
        # (in a worker, see glue/direct.py), in the preview when it is asked for.
        made_later = self.lazy or self.direct
        for source in self.pages:
            content = "" if made_later else prose_markdown(self.pages[source])
            files.append(page_file(config, source, content, self.direct))
        if self.lazy:
            for path in self.deferred:
                files.append(File.generated(config, path, content=""))
        else:  # the catalog's JSON and the due feed reused, if made from the same
            made = {path: make for path, make in self.deferred.items() if path not in self.own}
            self._add_group(files, config, f"files:{lang}", self.files_inputs(lang), list(made),
                            lambda: {path: make() for path, make in made.items()})
            for path in self.own:
                files.append(File.generated(config, path, content=self.deferred[path]()))
        self._add_assets(files, config, lang)
        self._add_open_data(files, config, lang)
        if lang == DEFAULT_LANGUAGE:
            self._add_attachments(files, config)
            for name, text in schema_files(self.catalog.taxonomies).items():
                files.append(File.generated(config, f"{SCHEMA_FOLDER}/{name}", content=text))
        return files

    def _data_alias(self, lang: str, alias: str) -> str:
        """/en/data/ leads to the data page, /en/datos/ (see DATA_ALIASES)."""
        assert self.renderer is not None
        here = self.urls.folder(alias, lang)
        target = relative(here, self.urls.folder(DATA_FOLDER, lang))
        html = self.renderer.fragment("tejido/redirect.html", lang, target=target,
                                      title=label(lang, "data.title"))
        return html + "\n"

    def _plan_settings(self) -> PlanSettings:
        return PlanSettings(self.root, self._published(), self.config.listing_page_size,
                            bool(self.config.report), self.config.report_max_age_days,
                            site_url=self.site.site_url)

    def plan_pages(self, lang: str) -> None:
        """What this language's build generates from the catalog, nothing made yet; the
        preview calls it again when only the content of entries changed."""
        assert self.catalog is not None
        self.snippets, self.page_docs, self.hand_urls = {}, [], []
        settings = self._plan_settings()
        key = (lang, self.urls, settings)
        if self.pages.fits(self.catalog, key):
            self.pages.rebind(self.catalog)
        else:
            self.pages = PlannedPages(
                [*page_plan(self.catalog, lang, self.urls, settings), *self._own_plan(lang)],
                self.catalog, key)
        catalog, urls, licence_id = self.catalog, self.urls, self.config.data_licence
        self.deferred = {urls.file(CATALOG_JSON, lang):
                         lambda: catalog_json(catalog, lang, urls, licence_id)}
        if self.config.report:
            site_url, correction = self.site_url, self.correction_url
            self.deferred[due_feed_url(urls, lang)] = lambda: due_feed(
                catalog, lang, urls, site_url, correction)
        alias = DATA_ALIASES.get(lang)
        self.own = set()
        if alias is not None:  # from a template: not one of the files `files_inputs` digests
            self.deferred[urls.folder(alias, lang)] = partial(self._data_alias, lang, alias)
            self.own.add(urls.folder(alias, lang))

    def _own_plan(self, lang: str) -> list[Planned]:
        """Pages made from what the plugin holds besides the catalog: the data page (from
        the open data built once) and the maintainers' due list (from its settings)."""
        urls, site = self.urls, self.site
        plan = [Planned(urls.source_file(DATA_FOLDER, lang),
                        lambda c, _: data_page(c, self._data(), lang, urls, site.licence,
                                                  self._published()))]
        if self.config.report:
            site_url, correction = self.site_url, self.correction_url
            plan.append(Planned(urls.source_file(DUE_PATH, lang), lambda c, _: due_page(
                c, lang, urls, site_url, correction)))
        return plan

    def lazy_content(self, file: File) -> str | bytes | None:
        """The text of a generated file in lazy mode (the preview), made now; None when
        the file is not one of ours.  Open data files too: the preview keeps MkDocs' files
        after an edit, so what they were given at `on_files` would be stale."""
        if file.src_uri in self.pages:
            return prose_markdown(self.pages[file.src_uri])
        make = self.deferred.get(file.src_uri)
        if make is not None:
            return make()
        if file.src_uri in self.data_paths:  # the open data is made when first asked for
            return self._data().files.get(file.src_uri)
        return None

    def _add_open_data(self, files: Files, config: MkDocsConfig, lang: str) -> None:
        """The data folder once (in the default language's build), each feed in its own.
        The preview only lists the paths: it makes the files when one is asked for
        (`lazy_content`), as making them all was most of its start at 10,000 entries."""
        assert self.catalog is not None
        english = [other for other in LANGUAGES if other != DEFAULT_LANGUAGE]

        def mine(path: str) -> bool:
            return lang == next((o for o in english if path.startswith(self.urls.prefix(o))),
                                DEFAULT_LANGUAGE)
        paths = open_data_paths(self.catalog, self.urls)
        self.data_paths = frozenset(paths)
        if self.lazy:
            for path in filter(mine, paths):
                files.append(File.generated(config, path, content=b""))
            return
        group, key = f"data:{lang}", self.data_inputs()
        if self._reused_group(files, config, group, key):
            return
        own = [path for path in paths if mine(path)]
        if self.direct:  # made meanwhile; MkDocs reads the files after the pages
            self.start_data()
        for path in own:
            made = partial(self._data_file, path)
            files.append(MadeLater.of(config, path, made) if self.direct
                         else File.generated(config, path, content=made()))
        self._written_group(group, key, own)

    def _data_file(self, path: str) -> bytes:
        return self._data().files[path]

    def _add_group(self, files: Files, config: MkDocsConfig, group: str, key: str,
                   paths: list[str], make: Callable[[], Mapping[str, str | bytes]]) -> None:
        """Files made together from what `key` digests: the last build's, put in place,
        when it had the same key; else made (under `mkdocs build` in a child process
        while the pages are, as the open data: MkDocs reads them after the pages), and
        recorded for the next build."""
        if self._reused_group(files, config, group, key):
            return
        if self.direct:
            later = Later(make)
            self.files_later.append(later)
            for path in paths:
                files.append(MadeLater.of(config, path, partial(_made_file, later, path)))
        else:
            for path, content in make().items():
                files.append(File.generated(config, path, content=content))
        self._written_group(group, key, paths)

    def _reused_group(self, files: Files, config: MkDocsConfig, group: str, key: str) -> bool:
        if not (self.direct and self.page_cache.reuse_group(group, key, Path(config.site_dir))):
            return False
        for path in self.page_cache.group_files(group):
            files.append(InPlace.generated(config, path, content=b""))
        return True

    def _written_group(self, group: str, key: str, paths: list[str]) -> None:
        if key and self.direct:
            self.written_groups[group] = (key, paths)

    def _record_groups(self, config: MkDocsConfig) -> None:
        """`on_post_build`: the groups of files this language's build wrote, which the
        next build reuses if what they are made from is the same."""
        lang = building_language(config)
        for group in [name for name in self.written_groups if name.endswith(f":{lang}")]:
            key, paths = self.written_groups.pop(group)
            self.page_cache.record_group(group, key, Path(config.site_dir), paths)

    def _add_assets(self, files: Files, config: MkDocsConfig, lang: str) -> None:
        """Images and files an entry's text links to, beside its page in this language."""
        assert self.catalog is not None
        for entry in self.catalog.entries.values():
            if not entry.assets:
                continue
            folder = self.urls.entry(entry.ref, lang).removesuffix("index.html")
            for target, path in entry.assets:
                files.append(File.generated(config, folder + target,
                                            abs_src_path=str(self.root / path)))

    def _add_attachments(self, files: Files, config: MkDocsConfig) -> None:
        assert self.catalog is not None
        for guide in self.catalog.of_kind("guide"):
            for item in guide.values.get("files", ()):
                url = attachment_url(self.urls, guide, item["path"])
                files.append(File.generated(config, url,
                                            abs_src_path=str(self.root / item["path"])))
