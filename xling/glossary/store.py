"""Reading and writing glossary files (YAML, one glossary per file).

Format: a YAML mapping validated by :class:`xling.glossary.model.Glossary` (unknown fields are
refused). Files are read with ruamel.yaml in round-trip mode, so an edit made through
:func:`edit_glossary` keeps comments, key order and entry order of everything it does not touch.

Errors: every problem raises :class:`~xling.errors.GlossaryError` with a one-line message of the
form ``FILE:LINE: what is wrong; how to fix it``. Pydantic error locations (``entries.3.terms.en.0
.status``) are mapped back to the line of the YAML node through ruamel's ``.lc`` line info.

Writes are atomic (:func:`xling.io.atomic_write_text`) and every read-modify-write holds a
:class:`filelock.FileLock` on ``.FILE.lock``, so two concurrent ``xling glossary add`` runs do not
lose an entry. A failed edit (bad input, broken invariant) leaves the file byte for byte unchanged.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from xling.errors import EncodingError, GlossaryError, InputError
from xling.glossary.model import ConceptEntry, CrossReference, Glossary, Term

HOUSE_FILE = "house.yaml"
LOCK_TIMEOUT_SECONDS = 60.0


def default_glossary_path() -> Path:
    """Path of the shipped house glossary: the repository's ``glossaries/house.yaml``.

    In a source checkout (editable install) that file itself is returned. In an installed wheel
    it is ``xling/_glossaries/house.yaml``: in the repository that path is a symbolic link to
    ``../../glossaries/house.yaml`` which the wheel build copies (pyproject package-data
    ``"_glossaries/*.yaml"``), so the data exist once in git. Returns the repository path when
    neither exists, so the error message names it.
    """
    package_dir = Path(__file__).resolve().parent.parent
    repo_root = package_dir.parent
    repo_file = repo_root / "glossaries" / HOUSE_FILE
    if (repo_root / "pyproject.toml").is_file() and repo_file.is_file():
        return repo_file
    packaged = package_dir / "_glossaries" / HOUSE_FILE
    if packaged.is_file():
        return packaged.resolve()
    return repo_file


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    return y


# ----------------------------------------------------------------------------- line lookup


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


def _loc_text(loc: Sequence[Any]) -> str:
    return ".".join(str(p) for p in loc)


class _TooBig(Exception):
    pass


def _plain(node: Any, budget: list[int] | None = None) -> Any:
    """A ruamel tree as plain dicts, lists and scalars.

    ``budget`` (a one-item list) is the number of nodes still allowed: YAML aliases are
    expanded here, so an alias bomb (nested ``*a`` references, like the XML "billion laughs")
    would otherwise grow exponentially; :class:`_TooBig` is raised when it runs out.
    """
    if budget is not None:
        budget[0] -= 1
        if budget[0] < 0:
            raise _TooBig
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, (int, float, bool)) else k: _plain(v, budget) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, budget) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


# ----------------------------------------------------------------------------- document


@dataclass
class GlossaryDocument:
    """A glossary file: its path, the ruamel round-trip tree and the validated model.

    Attributes:
        path: the file (Path).
        tree: the ruamel ``CommentedMap`` the file was parsed into (comments, order, line info).
        glossary: the validated :class:`Glossary`.
        text: the file's text as read (str, LF line ends).
    """

    path: Path
    tree: Any
    glossary: Glossary
    text: str = field(default="", repr=False)

    def line_of(self, loc: Sequence[Any]) -> int | None:
        """1-based line of the node at ``loc`` (see :func:`node_line`)."""
        return node_line(self.tree, loc)

    def where(self, loc: Sequence[Any]) -> str:
        """``FILE:LINE`` (or ``FILE``) for the node at ``loc``."""
        line = self.line_of(loc)
        return f"{self.path}:{line}" if line else str(self.path)


def parse_glossary_text(text: str, name: str | os.PathLike[str] = "<glossary>") -> GlossaryDocument:
    """Parse and validate glossary YAML ``text``; ``name`` is used in error messages.

    Raises:
        GlossaryError: the YAML is broken, the top level is not a mapping, or the data do not
            fit the schema (unknown field, bad status or type, ...). The message gives file and line.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    path = Path(name)
    try:
        tree = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = " ".join(str(exc.problem or exc.context or "bad YAML").split())
        raise GlossaryError(f"{path}{line}: broken YAML: {problem}; fix the syntax at that line") from None
    except YAMLError as exc:
        raise GlossaryError(f"{path}: broken YAML: {' '.join(str(exc).split())}") from None
    if tree is None:
        tree = _yaml().load("{}")
    if not isinstance(tree, dict):
        raise GlossaryError(
            f"{path}:1: a glossary file must be a YAML mapping with 'entries:'; found {'a list' if isinstance(tree, list) else 'a ' + type(tree).__name__}"
        )
    try:
        # a file without aliases has fewer nodes than characters; aliases may repeat a few
        plain = _plain(tree, [10 * len(text) + 1000])
    except (_TooBig, RecursionError):
        raise GlossaryError(
            f"{path}: refused: its YAML aliases (*name) expand to far more data than the file holds "
            "(an alias bomb, or a self-referencing anchor); write the values out instead"
        ) from None
    try:
        glossary = Glossary.model_validate(plain)
    except ValidationError as exc:
        line = node_line(tree, tuple(exc.errors()[0]["loc"]))
        where = f"{path}:{line}" if line else str(path)
        raise GlossaryError(f"{where}: {validation_message(exc)}") from None
    return GlossaryDocument(path=path, tree=tree, glossary=glossary, text=text)


def validation_message(exc: ValidationError) -> str:
    """A one-line description of a pydantic ``ValidationError`` of the termbase model: where in the
    glossary (``entries.3.terms.en.1``), what is wrong, and how many more errors there are."""
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    more = exc.error_count() - 1
    extra = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
    if err["type"] == "extra_forbidden":
        return f"unknown field {loc[-1]!r} at {_loc_text(loc)}; remove it or fix its spelling{extra}"
    where = _loc_text(loc) or exc.title
    return f"{where}: {err['msg']}{extra}"


def load_document(path: str | os.PathLike[str] | None = None) -> GlossaryDocument:
    """Read and validate the glossary file at ``path`` (``None``: the house glossary).

    Raises:
        GlossaryError: no such file, or the file is invalid (file and line in the message).
    """
    from xling.io import read_text

    p = Path(path) if path is not None else default_glossary_path()
    try:
        text = read_text(p)
    except EncodingError as exc:
        first = str(exc).split(";")[0]
        raise GlossaryError(
            f"{first}; glossary files are UTF-8: convert the file (for example iconv -f cp1256 -t utf-8)"
        ) from None
    except InputError as exc:
        raise GlossaryError(f"{exc}; give an existing glossary with --glossary PATH") from None
    return parse_glossary_text(text, p)


def load_glossary(path: str | os.PathLike[str] | None = None) -> Glossary:
    """The validated :class:`Glossary` in the YAML file ``path`` (``None``: the shipped house glossary).

    Args:
        path: a termbase YAML file (see ``glossaries/house.yaml``), or ``None`` for
            :func:`default_glossary_path`.

    Returns:
        The :class:`~xling.glossary.model.Glossary` (concept entries in file order).

    Raises:
        GlossaryError: missing file, broken YAML, unknown field or schema error (file:line: ...).
    """
    return load_document(path).glossary


# ----------------------------------------------------------------------------- writing


def _dump_model(obj: Any) -> Any:
    """A model value as plain YAML data, leaving out fields that hold their default."""
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json", exclude_defaults=True)
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, list):
        return [_dump_model(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _dump_model(v) for k, v in obj.items()}
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


def _sync_model(node: Any, model: BaseModel) -> Any:
    """Update round-trip mapping ``node`` in place to hold ``model``; return the node to use.

    Keys whose value is unchanged keep their comments and style; a key explicitly written with
    its default value stays; keys no longer present are removed.
    """
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(node, CommentedMap):
        return _to_tree(_dump_model(model))
    fields = type(model).model_fields
    for key in list(node.keys()):
        if key not in fields:
            del node[key]
    for name, info in fields.items():
        value = getattr(model, name)
        default = info.get_default(call_default_factory=True)
        if value == default:
            if name in node and _plain(node[name]) != _dump_model(value):
                del node[name]
            continue
        if name in node:
            node[name] = _sync_value(node[name], value)
        else:  # insert in model field order, after the fields that precede it
            order = list(fields)
            pos = sum(1 for k in node.keys() if k in fields and order.index(k) < order.index(name))
            node.insert(pos, name, _to_tree(_dump_model(value)))
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
        return _to_tree(_dump_model(models))
    cls = type(models[0])
    wanted = [_item_key(m) for m in models]
    existing = [_node_key(n, cls) for n in seq]
    # an item whose key changed in place (renamed entry, edited term text) keeps its node and comments
    for i in range(min(len(seq), len(models))):
        if existing[i] not in wanted and wanted[i] not in existing:
            seq[i] = _sync_model(seq[i], models[i])
    # remove nodes whose key is gone (from the end, so indexes stay valid)
    for i in range(len(seq) - 1, -1, -1):
        if _node_key(seq[i], cls) not in wanted:
            _keep_trailing_comment(seq, i)
            del seq[i]
    for i, m in enumerate(models):
        key = wanted[i]
        if i < len(seq) and _node_key(seq[i], cls) == key:
            seq[i] = _sync_model(seq[i], m)
            continue
        j = next((k for k in range(i + 1, len(seq)) if _node_key(seq[k], cls) == key), None)
        if j is not None:  # moved: take the node out and put it here
            node = seq.pop(j)
            seq.insert(i, _sync_model(node, m))
        else:
            seq.insert(i, _to_tree(_dump_model(m)))
    while len(seq) > len(models):
        del seq[len(seq) - 1]
    return seq


def _sync_value(node: Any, value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap

    if isinstance(value, BaseModel):
        return _sync_model(node, value)
    if isinstance(value, list) and value and isinstance(value[0], BaseModel):
        return _sync_list(node, value)
    if isinstance(value, dict) and isinstance(node, CommentedMap):
        for key in list(node.keys()):
            if key not in value:
                del node[key]
        for k, v in value.items():
            node[k] = _sync_value(node[k], v) if k in node else _to_tree(_dump_model(v))
        return node
    plain = _dump_model(value)
    if _plain(node) == plain:
        return node
    return _to_tree(plain)


def render_glossary(glossary: Glossary, tree: Any = None) -> str:
    """YAML text of ``glossary``; with ``tree`` (a loaded round-trip tree) comments and order survive."""
    from ruamel.yaml.comments import CommentedMap

    if tree is None:
        tree = CommentedMap()
    tree = _sync_model(tree, glossary)
    buf = io.StringIO()
    _yaml().dump(tree, buf)
    return buf.getvalue()


def save_glossary(glossary: Glossary, path: str | os.PathLike[str], *, tree: Any = None) -> None:
    """Write ``glossary`` to ``path`` atomically (temporary file + rename).

    Args:
        glossary: the termbase to write.
        path: destination YAML file (its folder must exist).
        tree: the round-trip tree the glossary was loaded from, to keep comments and order.

    Raises:
        InputError: the folder does not exist or is not writable.
    """
    from xling.io import atomic_write_text

    path = _real(path)  # a symbolic link stays a link: the file it points to gets the new text
    text = render_glossary(glossary, tree)
    # never write something we could not read back
    parse_glossary_text(text, path)
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    atomic_write_text(path, text)
    # the temporary file was created 0600; give the glossary its old (or the usual) permissions
    try:
        os.chmod(path, mode)
    except OSError:
        pass


def _real(path: str | os.PathLike[str]) -> Path:
    """``path``, or the file it points to when it is a symbolic link."""
    p = Path(path)
    return Path(os.path.realpath(p)) if p.is_symlink() else p


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of glossary ``path``: a hidden ``.NAME.lock`` beside it."""
    p = Path(path)
    return p.parent / f".{p.name}.lock"


def lock_for(path: str | os.PathLike[str]):
    """The :class:`filelock.FileLock` guarding read-modify-write of glossary ``path`` (see :func:`lock_path`)."""
    from filelock import FileLock

    return FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT_SECONDS)


def entry_yaml(entry: ConceptEntry) -> str:
    """One concept entry as a YAML list item (the form it has in a glossary file)."""
    buf = io.StringIO()
    _yaml().dump([_dump_model(entry)], buf)
    return buf.getvalue()


@contextmanager
def edit_glossary(path: str | os.PathLike[str] | None = None, *, check=None) -> Iterator[Glossary]:
    """Lock, load, let the caller change the glossary, then write it back atomically.

    Usage::

        with edit_glossary(path) as g:
            g.entries.append(entry)

    Args:
        path: the glossary file (``None``: the house glossary).
        check: optional callable ``check(before: Glossary, after: Glossary) -> None`` that raises
            :class:`GlossaryError` to refuse the edit (nothing is written then).

    Raises:
        GlossaryError: the file is invalid, the lock cannot be taken within
            ``LOCK_TIMEOUT_SECONDS`` seconds, or ``check`` refused the edit. The file is unchanged.
    """
    from filelock import Timeout

    p = _real(path) if path is not None else default_glossary_path()
    lock = lock_for(p)
    try:
        lock.acquire()
    except Timeout:
        raise GlossaryError(
            f"{p}: another xling process holds {lock_path(p)}; retry, or remove the lock file if no xling runs"
        ) from None
    except OSError as exc:
        raise GlossaryError(f"{p}: cannot lock {lock_path(p)}: {exc.strerror}; check folder permissions") from None
    try:
        doc = load_document(p)
        work = doc.glossary.model_copy(deep=True)
        try:
            yield work
            work = Glossary.model_validate(work.model_dump())  # re-check the whole edited model
        except ValidationError as exc:
            raise GlossaryError(f"{p}: edit refused, the glossary is unchanged: {validation_message(exc)}") from None
        if check is not None:
            check(doc.glossary, work)
        save_glossary(work, p, tree=doc.tree)
    finally:
        lock.release()
