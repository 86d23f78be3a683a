"""Generate a synthetic catalog of N organizations (plus networks and practices).

Field sizes follow the sample content: two-language summaries and
descriptions of a few sentences, 2–4 themes, 1–3 regions, a few SDGs.
The generator is seeded, so the same N gives the same files.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def _vocabulary(english: bool) -> list[str]:
    """Words of the sample catalog, most frequent first: realistic length and spread."""
    counts: dict[str, int] = {}
    for folder in ("directory", "practices", "content/guides"):
        for path in sorted((REPO / folder).rglob("*.md" if english else "*.*")):
            if path.suffix not in (".md", ".yml") or path.name.endswith(".en.md") != english:
                continue
            for word in re.findall(r"[^\W\d_]{3,}", path.read_text(encoding="utf-8").lower()):
                counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))


WORDS_ES = _vocabulary(english=False)
WORDS_EN = _vocabulary(english=True)
_ZIPF: dict[int, list[float]] = {}
TYPES = ["cso", "collective", "academic", "local-authority", "foundation", "international"]


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    """Zipf-like: frequent words often, rare words rarely, as in real text."""
    if id(words) not in _ZIPF:
        total, cumulative = 0.0, []
        for rank in range(len(words)):
            total += 1 / (rank + 1)
            cumulative.append(total)
        _ZIPF[id(words)] = cumulative
    return " ".join(rng.choices(words, cum_weights=_ZIPF[id(words)], k=n)).capitalize() + "."


def _terms(file: str) -> list[str]:
    return [str(t["id"]) for t in yaml.safe_load((REPO / "taxonomies" / file).read_text())]


def make_catalog(target: Path, organizations: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "taxonomies", target / "taxonomies")
    shutil.copytree(REPO / "content", target / "content", ignore=shutil.ignore_patterns("guides"))
    (target / "content" / "guides").mkdir()
    orgs = target / "directory" / "organizations"
    nets = target / "directory" / "networks"
    practices = target / "practices"
    for folder in (orgs, nets, practices):
        folder.mkdir(parents=True)
    themes, regions, pops = _terms("themes.yml"), _terms("regions.yml"), _terms("populations.yml")
    ids = [f"org-{i:05d}" for i in range(organizations)]
    for ident in ids:
        entry = {
            "name": f"{_sentence(rng, WORDS_ES, 3)[:-1]} {ident[4:]}",
            "type": rng.choice(TYPES),
            "founded": rng.randint(1980, 2024),
            "summary": {"es": _sentence(rng, WORDS_ES, 18), "en": _sentence(rng, WORDS_EN, 18)},
            "description": {
                "es": " ".join(_sentence(rng, WORDS_ES, 14) for _ in range(6)),
                "en": " ".join(_sentence(rng, WORDS_EN, 14) for _ in range(6)),
            },
            "themes": rng.sample(themes, rng.randint(2, 4)),
            "sdgs": rng.sample(range(1, 18), rng.randint(1, 3)),
            "populations": rng.sample(pops, rng.randint(1, 2)),
            "regions": rng.sample(regions, rng.randint(1, 3)),
            "website": f"https://{ident}.example.org",
            "contact": {"email": f"info@{ident}.example.org"},
            "last_verified": "2026-06-01",
        }
        (orgs / f"{ident}.yml").write_text(yaml.safe_dump(entry, allow_unicode=True))
    for n in range(max(1, organizations // 50)):
        members = rng.sample(ids, min(len(ids), 12))
        network = {
            "name": f"Red {n}",
            "summary": {"es": _sentence(rng, WORDS_ES, 15), "en": _sentence(rng, WORDS_EN, 15)},
            "themes": rng.sample(themes, 2), "regions": rng.sample(regions, 2),
            "convenor": f"organization:{members[0]}",
            "members": [{"organization": f"organization:{m}", "since": rng.randint(2000, 2025)}
                        for m in members],
        }
        (nets / f"red-{n:04d}.yml").write_text(yaml.safe_dump(network, allow_unicode=True))
    for n in range(max(1, organizations // 10)):
        front = {
            "title": {"es": f"Práctica {n}", "en": f"Practice {n}"},
            "summary": {"es": _sentence(rng, WORDS_ES, 15), "en": _sentence(rng, WORDS_EN, 15)},
            "organizations": [f"organization:{o}" for o in rng.sample(ids, min(len(ids), 2))],
            "themes": rng.sample(themes, 2), "regions": rng.sample(regions, 1),
            "years": {"start": 2018, "end": 2021},
            "results": [{"figure": str(rng.randint(5, 500)),
                         "label": {"es": "personas", "en": "people"}}],
        }
        body = "\n\n".join(_sentence(rng, WORDS_ES, 30) for _ in range(4))
        text = f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n## Historia\n\n{body}\n"
        (practices / f"practica-{n:05d}.md").write_text(text)
    return target
