"""Comment-preserving YAML for glossary files: ruamel.yaml round-trip trees kept in step with models.

A glossary file is parsed with ruamel.yaml in round-trip mode (``YAML(typ="rt")``), which keeps
comments, key order, quoting and line numbers on ``CommentedMap`` / ``CommentedSeq`` nodes. An
edit is made on the pydantic model (:class:`xling.glossary.model.Glossary`), and
:func:`sync_model` then updates the *old* tree in place to hold the new model: nodes whose value
did not change keep their comments and style, list items are matched by their key (an entry by
``id``, a term by ``text``, a cross-reference by ``(type, target)``), so moving, renaming or
deleting one item leaves the comments of the others where they were. :func:`render` dumps the
tree. Nothing here reads or writes files or takes locks (:mod:`xling.glossary.store` does).

Also here: :func:`node_line` (the line of a node, to point error messages at the file) and
:func:`to_plain` (a tree as plain data, with a node budget against YAML alias bombs).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from enum import Enum
from typing import Any

from pydantic import BaseModel

from xling.glossary.model import ConceptEntry, CrossReference, Term


class ExpansionLimit(Exception):
    """Raised by :func:`to_plain` when the node budget runs out (an alias bomb)."""


def round_trip_yaml() -> Any:
    """A ruamel ``YAML(typ="rt")`` set up for glossary files: quotes kept, no line wrapping,
    2-space mappings, 4-space sequences with the dash at offset 2, UTF-8 text written as is."""
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    return y


def node_line(root: Any, loc: Sequence[Any]) -> int | None:
    """1-based line of the deepest node of ``root`` reached by path ``loc``, or ``None``.

    Args:
        root: a ruamel round-trip tree (CommentedMap / CommentedSeq).
        loc: keys and indexes, as in a pydantic error ``loc`` (``("entries", 3, "terms", "en")``).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = root
    line = None
    if hasattr(root, "lc") and root.lc.line is not None:
        line = root.lc.line + 1
    for key in loc:
        try:
            if isinstance(node, CommentedMap) and key in node:
                line = node.lc.key(key)[0] + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
                line = node.lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        except (KeyError, TypeError, AttributeError):
            break
    return line


def to_plain(node: Any, budget: list[int] | None = None) -> Any:
    """A ruamel tree as plain dicts, lists and scalars.

    ``budget`` (a one-item list) is the number of nodes still allowed: YAML aliases are
    expanded here, so an alias bomb (nested ``*a`` references, like the XML "billion laughs")
    would otherwise grow exponentially; :class:`ExpansionLimit` is raised when it runs out.
    """
    if budget is not None:
        budget[0] -= 1
        if budget[0] < 0:
            raise ExpansionLimit
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, (int, float, bool)) else k: to_plain(v, budget) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v, budget) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def dump_model(obj: Any) -> Any:
    """A model value as plain YAML data, leaving out fields that hold their default."""
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json", exclude_defaults=True)
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, list):
        return [dump_model(v) for v in obj]
    if isinstance(obj, dict):
        return {k: dump_model(v) for k, v in obj.items()}
    return obj


def _to_tree(data: Any) -> Any:
    """Plain data → ruamel Commented* nodes (so new nodes get block style)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(data, dict):
        m = CommentedMap()
        for k, v in data.items():
            m[k] = _to_tree(v)
        return m
    if isinstance(data, list):
        s = CommentedSeq()
        for v in data:
            s.append(_to_tree(v))
        if data and all(isinstance(v, str) for v in data):
            s.fa.set_flow_style()
        return s
    return data


def _item_key(model: BaseModel) -> Any:
    if isinstance(model, ConceptEntry):
        return model.id
    if isinstance(model, Term):
        return model.text
    if isinstance(model, CrossReference):
        return (model.type.value, model.target)
    return None


def _node_key(node: Any, cls: type) -> Any:
    if not isinstance(node, dict):
        return None
    try:
        if cls is ConceptEntry:
            return str(node.get("id"))
        if cls is Term:
            return str(node.get("text"))
        if cls is CrossReference:
            return (str(node.get("type", "see-also")), str(node.get("target")))
    except Exception:
        return None
    return None


def sync_model(node: Any, model: BaseModel) -> Any:
    """Update round-trip mapping ``node`` in place to hold ``model``; return the node to use.

    Keys whose value is unchanged keep their comments and style; a key explicitly written with
    its default value stays; keys no longer present are removed.
    """
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(node, CommentedMap):
        return _to_tree(dump_model(model))
    fields = type(model).model_fields
    for key in list(node.keys()):
        if key not in fields:
            del node[key]
    for name, info in fields.items():
        value = getattr(model, name)
        default = info.get_default(call_default_factory=True)
        if value == default:
            if name in node and to_plain(node[name]) != dump_model(value):
                del node[name]
            continue
        if name in node:
            node[name] = _sync_value(node[name], value)
        else:  # insert in model field order, after the fields that precede it
            order = list(fields)
            pos = sum(1 for k in node.keys() if k in fields and order.index(k) < order.index(name))
            node.insert(pos, name, _to_tree(dump_model(value)))
    return node


def _comment_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where ruamel keeps the comment that follows the last line of ``node``: (container, key, index)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and len(node):
        key = list(node.keys())[-1]
        child = node[key]
        if isinstance(child, (CommentedMap, CommentedSeq)) and len(child) and not child.fa.flow_style():
            return _comment_slot(child)
        return node, key, 2
    if isinstance(node, CommentedSeq) and len(node):
        idx = len(node) - 1
        child = node[idx]
        if isinstance(child, (CommentedMap, CommentedSeq)) and len(child) and not child.fa.flow_style():
            return _comment_slot(child)
        return node, idx, 0
    return None


def _keep_trailing_comment(seq: Any, i: int) -> None:
    """Before ``seq[i]`` is deleted, hand the comment lines that follow it (a section header such as
    ``# ---- titles``) to the item before it, so deleting an entry does not delete them."""
    if i == 0:
        return
    src, dst = _comment_slot(seq[i]), _comment_slot(seq[i - 1])
    if src is None or dst is None:
        return
    container, key, pos = src
    entry = container.ca.items.get(key)
    if not entry or len(entry) <= pos or entry[pos] is None:
        return
    token = entry[pos]
    if "#" not in getattr(token, "value", ""):
        return  # only blank lines: nothing worth keeping
    dcontainer, dkey, dpos = dst
    slot = dcontainer.ca.items.setdefault(dkey, [None, None, None, None])
    while len(slot) <= dpos:
        slot.append(None)
    if slot[dpos] is None or "#" not in getattr(slot[dpos], "value", ""):
        slot[dpos] = token
    else:
        slot[dpos].value = slot[dpos].value + token.value.lstrip("\n")


def _sync_list(seq: Any, models: list[BaseModel]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    if not isinstance(seq, CommentedSeq) or not models:
        return _to_tree(dump_model(models))
    cls = type(models[0])
    wanted = [_item_key(m) for m in models]
    existing = [_node_key(n, cls) for n in seq]
    # an item whose key changed in place (renamed entry, edited term text) keeps its node and comments
    for i in range(min(len(seq), len(models))):
        if existing[i] not in wanted and wanted[i] not in existing:
            seq[i] = sync_model(seq[i], models[i])
    # remove nodes whose key is gone (from the end, so indexes stay valid)
    for i in range(len(seq) - 1, -1, -1):
        if _node_key(seq[i], cls) not in wanted:
            _keep_trailing_comment(seq, i)
            del seq[i]
    for i, m in enumerate(models):
        key = wanted[i]
        if i < len(seq) and _node_key(seq[i], cls) == key:
            seq[i] = sync_model(seq[i], m)
            continue
        j = next((k for k in range(i + 1, len(seq)) if _node_key(seq[k], cls) == key), None)
        if j is not None:  # moved: take the node out and put it here
            node = seq.pop(j)
            seq.insert(i, sync_model(node, m))
        else:
            seq.insert(i, _to_tree(dump_model(m)))
    while len(seq) > len(models):
        del seq[len(seq) - 1]
    return seq


def _sync_value(node: Any, value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap

    if isinstance(value, BaseModel):
        return sync_model(node, value)
    if isinstance(value, list) and value and isinstance(value[0], BaseModel):
        return _sync_list(node, value)
    if isinstance(value, dict) and isinstance(node, CommentedMap):
        for key in list(node.keys()):
            if key not in value:
                del node[key]
        for k, v in value.items():
            node[k] = _sync_value(node[k], v) if k in node else _to_tree(dump_model(v))
        return node
    plain = dump_model(value)
    if to_plain(node) == plain:
        return node
    return _to_tree(plain)


def render(model: BaseModel, tree: Any = None) -> str:
    """YAML text of ``model`` (a glossary); with ``tree`` (the round-trip tree it was loaded from)
    the comments and order of everything unchanged survive (see :func:`sync_model`)."""
    from ruamel.yaml.comments import CommentedMap

    if tree is None:
        tree = CommentedMap()
    tree = sync_model(tree, model)
    buf = io.StringIO()
    round_trip_yaml().dump(tree, buf)
    return buf.getvalue()


def item_yaml(model: BaseModel) -> str:
    """One model (a concept entry) as a YAML list item, the form it has in a glossary file."""
    buf = io.StringIO()
    round_trip_yaml().dump([dump_model(model)], buf)
    return buf.getvalue()
