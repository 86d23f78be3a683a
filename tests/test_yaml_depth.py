"""The depth bound that lets most files skip libyaml's event pass must never be below
the depth libyaml reaches, for any text, valid or not (the composer recurses in C)."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from tejido.core.sources.yaml_lines import MAX_DEPTH, deepest_possible

ROOT = Path(__file__).resolve().parents[1]
PIECES = ["- ", "? ", ": ", "a: ", "a:", "'q': ", "[", "]", "{", "}", ", ", "&x ", "!!str ",
          "*x", "a", "b c", "|", ">", "#c", "--- ", "...", "\t", "\ufeff", "ñ: "]
BREAKS = ["\n", "\r\n", "\r", "\x85", "\u2028"]


def _reached(text: str) -> int:
    """The deepest nesting libyaml's events reach before the end or the first error."""
    loader = yaml.CSafeLoader(text)
    depth = deepest = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return deepest


def _random_text(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 12)):
        indent = " " * rng.choice([0, 0, 1, 2, 2, 3, 4, 6, 8])
        lines.append(indent + "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8))))
    return "".join(line + rng.choice(BREAKS) for line in lines)


def _nested_text(rng: random.Random) -> str:
    """Mostly valid YAML that nests: indentation grows, compact indicators open lines."""
    lines, indent = [], 0
    for _ in range(rng.randint(2, 16)):
        indent = max(0, indent + rng.choice([-2, 0, 1, 2, 2, 4]))
        lead = "".join(rng.choice(["- ", "? ", ": "]) for _ in range(rng.choice([0, 0, 1, 2, 3])))
        lines.append(" " * indent + lead + rng.choice(
            ["k:", "k:", "- a", "k: [a, {b: [c: d]}]", "a", "k: &x", "!!str a", "[a, [b]]:",
             "k: |", "'k': v"]))
    return "".join(line + rng.choice(BREAKS) for line in lines)


def test_the_bound_holds_for_random_texts() -> None:
    rng = random.Random(13)
    deep = 0
    for number in range(40_000):
        text = (_random_text if number % 2 else _nested_text)(rng)
        reached = _reached(text)
        deep += reached >= 3
        assert deepest_possible(text) >= reached, repr(text)
    assert deep > 1_000  # the texts do nest, often


def test_the_bound_holds_for_compact_and_flow_nesting() -> None:
    texts = ["- " * 30 + "a\n", "? " * 30 + "a\n", "[" * 30 + "]" * 30 + "\n",
             "".join(f"{'  ' * i}k{i}:\n" for i in range(30)) + "  " * 30 + "x: 1\n",
             "".join(f"{'  ' * i}k:\n{'  ' * i}- " for i in range(15)) + "x\n",
             "[a: [b: [c: [d: e]]]]\n", "{a: {b: {c: [d, {e: f}]}}}\n"]
    for text in texts:
        assert deepest_possible(text) >= _reached(text), text


def test_the_sample_entries_skip_the_event_pass() -> None:
    files = [path for folder in ("directory", "practices", "content")
             for path in (ROOT / folder).rglob("*") if path.suffix in (".yml", ".yaml", ".md")]
    assert len(files) > 20
    for path in files:
        assert deepest_possible(path.read_text(encoding="utf-8")) <= MAX_DEPTH, path
