"""A search index built at build time, split so a query loads only what it needs.

Each language gets its own index.  Words are lowercased and stripped of accents
(`educacion` finds `educación`) and grouped by their Snowball stem
(`organización` finds `organizaciones`).  The browser never stems: the index
maps every word *form* seen in the catalog to its stem's postings, so a typed
word is looked up as it is, and as the prefix of longer forms.

Files (under `search/` in each language's folder), all JavaScript calls to
`tejidoSearch.receive(name, data)` so they load from `file://` as well:
- `s-XX.js`: the forms starting with XX, their stems and postings (doc, weight);
- `d-N.js`: display data of docs N*CHUNK .. N*CHUNK+CHUNK-1 (title, kind, url, summary,
  freshness state);
- `meta.js`: the shard names, the chunk size, the number of docs, and the combining
  marks `fold` drops (`text.combining_marks`), so the browser folds a query as we do.
A first query loads meta, one shard per word and the chunks of the shown results.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import snowballstemmer  # type: ignore[import-untyped]

from tejido.core.i18n.text import combining_marks, fold
from tejido.core.yaml_data import read_data

SEARCH_FOLDER = "search/"
CHUNK = 64
"""Docs per display chunk: small, so a page of results costs a few kilobytes."""
MAX_BODY = 4000
"""Characters of long text indexed per doc: enough to find it, bounded in size."""
WORD = re.compile(r"[a-z0-9]+")
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
"""The permanent link after a heading (its sign, "¶", is no word of the page)."""
JOINERS = "'\u2019\u2018\u02bc\u02bb`\u00b4\ua78c\u2010\u2011\u00ad\u200b\u200c\u200d\u2060\ufeff-"
"""Apostrophes, hyphens, the saltillo and zero-width characters: inside a word ('Ko’tantik',
a name pasted from the web) they join its parts.  The browser (tejido-search.js) keeps the
same list."""
COMPOUND = re.compile(f"[a-z0-9]+(?:[{re.escape(JOINERS)}]+[a-z0-9]+)+")
"""A word written with joiners, in folded text: indexed as each part and as the whole."""
STEMMERS = {"es": "spanish", "en": "english"}
WEIGHTS = {"title": 10, "labels": 3, "summary": 2, "body": 1}
MAX_WEIGHT = 15


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page in one language."""

    title: str
    kind: str
    url: str
    summary: str
    labels: str = ""
    """Kind, taxonomy labels (themes, regions with their parents), acronym."""
    body: str = ""
    summary_lang: str = ""
    """The language the summary is in when it is not the index's (an untranslated entry)."""
    fresh: str = ""
    """'fresh', 'due' or 'unverified' for entries (a badge in results); '' for pages."""


@cache
def stop_words(lang: str) -> frozenset[str]:
    data = read_data(Path(__file__).parents[2] / "data" / "stopwords.yml")
    return frozenset(str(data[lang]).split())


@dataclass
class _Stems:
    """Word -> its (form, stem) pairs without stop words, cached per language (the same
    words recur constantly)."""

    lang: str
    stemmer: object = None
    known: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    joining: dict[str, bool] = field(default_factory=dict)
    """Character -> whether folding it gives a joiner (only then can a text hold a
    compound)."""

    def __post_init__(self) -> None:
        self.stemmer = snowballstemmer.stemmer(STEMMERS[self.lang])

    def words(self, text: str) -> set[tuple[str, str]]:
        """The (form, stem) pairs of a text; forms split exactly as the browser splits a
        query (folded, then runs of a-z0-9), so every indexed form can be typed."""
        lowered = text.lower()
        found: set[tuple[str, str]] = set()
        known = self.known
        for raw in set(re.findall(r"[^\W_]+", lowered)):
            pairs = known.get(raw)
            if pairs is None:
                pairs = known[raw] = self._pairs(raw)
            found.update(pairs)
        # Folding the whole text costs more than the rest: done only if it can matter.
        if self._may_join(lowered):
            for compound in COMPOUND.findall(fold(lowered)):
                whole = "".join(WORD.findall(compound))
                found.add((whole, whole))  # 'kotantik' for 'Ko’tantik': a query of the whole
        return found

    def _may_join(self, lowered: str) -> bool:
        """Whether the folded text holds a joiner.  `fold` decomposes each character on
        its own and no joiner is a combining mark, so the characters tell."""
        joining = self.joining
        for char in set(lowered):
            joins = joining.get(char)
            if joins is None:
                folded = fold(char)
                joins = joining[char] = any(joiner in folded for joiner in JOINERS)
            if joins:
                return True
        return False

    def _pairs(self, raw: str) -> tuple[tuple[str, str], ...]:
        stop = stop_words(self.lang)
        forms = WORD.findall(fold(raw))
        if len(forms) != 1:  # 'ñuuꞌ' or 'łódź': keep the typeable pieces, unstemmed
            return tuple((form, form) for form in forms if form not in stop)
        if forms[0] in stop:
            return ()
        stem = fold(self.stemmer.stemWord(raw))  # type: ignore[attr-defined]
        return ((forms[0], stem if WORD.fullmatch(stem) else forms[0]),)


@dataclass(frozen=True)
class SearchFiles:
    files: dict[str, str]
    """Path below the language's `search/` folder -> file text."""


def page_doc(title: str, url: str, rendered: str) -> SearchDoc:
    """A hand-written page, from its rendered HTML."""
    text = re.sub(r"<[^>]+>", " ", HEADERLINK.sub("", rendered))
    text = html.unescape(re.sub(r"\s+", " ", text)).strip()
    return SearchDoc(title=title, kind="page", url=url, summary=text[:200], body=text)


def _js(name: str, data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"tejidoSearch.receive({json.dumps(name)},{text});\n"


def build_index(docs: Iterable[SearchDoc], lang: str,
                kind_labels: dict[str, str] | None = None,
                interface: dict[str, str] | None = None,
                fresh_labels: dict[str, str] | None = None) -> SearchFiles:
    """The index files; `interface` holds words the browser shows ("not yet translated"),
    `fresh_labels` the words of the freshness badges."""
    stems = _Stems(lang)
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    forms: dict[str, str] = {}
    display: list[list[str]] = []
    for number, doc in enumerate(docs):
        row = [doc.title, doc.kind, doc.url, doc.summary[:200], doc.fresh]
        display.append([*row, doc.summary_lang] if doc.summary_lang else row)
        texts = {"title": doc.title, "labels": doc.labels, "summary": doc.summary,
                 "body": doc.body[:MAX_BODY]}
        for part, text in texts.items():
            weight = WEIGHTS[part]
            # Sorted: a set's order changes from one process to the next, and so would
            # the index files (builds must give the same bytes for the same content).
            for form, stem in sorted(stems.words(text)):
                if form not in forms:
                    forms[form] = stem
                weights = postings[stem]
                total = weights.get(number, 0) + weight
                weights[number] = total if total < MAX_WEIGHT else MAX_WEIGHT
    files: dict[str, str] = {}
    shards: dict[str, dict[str, dict[str, object]]] = defaultdict(
        lambda: {"forms": {}, "stems": {}})
    encoded: dict[str, list[int]] = {}
    for form, stem in forms.items():
        shard = shards[form[:2]]
        shard["forms"][form] = stem
        if stem not in encoded:
            encoded[stem] = _encode(postings[stem])
        shard["stems"][stem] = encoded[stem]
    for key, shard in sorted(shards.items()):
        files[f"s-{key}.js"] = _js(f"s-{key}", shard)
    for start in range(0, len(display), CHUNK):
        files[f"d-{start // CHUNK}.js"] = _js(f"d-{start // CHUNK}", display[start:start + CHUNK])
    meta = {"shards": sorted(shards), "chunk": CHUNK, "count": len(display), "lang": lang,
            "stop": sorted(stop_words(lang)), "kinds": kind_labels or {},
            "fold": combining_marks(), "joiners": [ord(ch) for ch in JOINERS],
            "fresh": fresh_labels or {}, "texts": interface or {}}
    files["meta.js"] = _js("meta", meta)
    return SearchFiles(files)


def _encode(weights: dict[int, int]) -> list[int]:
    """Doc ids as gaps (small numbers compress well), each followed by its weight."""
    encoded: list[int] = []
    previous = 0
    for doc in sorted(weights):
        encoded += [doc - previous, weights[doc]]
        previous = doc
    return encoded
