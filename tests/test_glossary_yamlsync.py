"""xling.glossary.yamlsync: the comment-preserving round trip, without files or locks."""

from __future__ import annotations

import pytest

from xling.glossary.model import Glossary
from xling.glossary.yamlsync import ExpansionLimit, item_yaml, node_line, render, round_trip_yaml, sync_model, to_plain

TEXT = """\
# top comment
name: t
entries:
  # ---- people
  - id: a
    type: person
    terms:
      fa:
        - text: الف
      en:
        - text: Alpha  # house form
  # ---- places
  - id: b
    type: place
    terms:
      fa:
        - text: ب
      en:
        - text: Beta
  # ---- other
  - id: c
    terms:
      fa:
        - text: پ
      en:
        - text: Gamma
"""


def _load(text: str = TEXT):
    tree = round_trip_yaml().load(text)
    return tree, Glossary.model_validate(to_plain(tree))


def test_unchanged_model_renders_byte_identical():
    tree, g = _load()
    assert render(g, tree) == TEXT


def test_changed_value_keeps_every_other_comment():
    tree, g = _load()
    g.get("b").terms["en"][0].note = "the second letter"
    out = render(g, tree)
    assert "# top comment" in out and "# house form" in out and "# ---- places" in out
    assert "note: the second letter" in out
    assert Glossary.model_validate(to_plain(round_trip_yaml().load(out))) == g


def test_deleting_an_entry_keeps_the_section_header_that_follows_it():
    tree, g = _load()
    g.entries = [g.get("a"), g.get("c")]
    out = render(g, tree)
    assert "id: b" not in out and "# ---- other\n  - id: c" in out


def test_moved_entry_keeps_its_comment():
    tree, g = _load()
    g.entries = [g.get("b"), g.get("a"), g.get("c")]
    out = render(g, tree)
    assert out.index("id: b") < out.index("id: a")
    assert "Alpha  # house form" in out


def test_new_model_without_a_tree_renders_block_style():
    _, g = _load()
    out = render(g)
    assert out.startswith("name: t\n") and "  - id: a\n" in out
    assert sync_model(None, g) is not None


def test_node_line_and_item_yaml():
    tree, g = _load()
    assert node_line(tree, ("entries", 1, "id")) == 13
    assert node_line(tree, ("entries", 9)) == 3  # a missing index: the deepest node reached
    assert item_yaml(g.get("a")).startswith("  - id: a\n    type: person\n")


def test_to_plain_budget_stops_an_alias_bomb():
    bomb = (
        "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n"
    )
    tree = round_trip_yaml().load(bomb)
    with pytest.raises(ExpansionLimit):
        to_plain(tree, [100])
    assert len(to_plain(tree)["c"]) == 8
