"""Reading and writing glossary files (YAML, one glossary per file).

Owns: where the house glossary lives (:func:`default_glossary_path`), parsing and validating a
file into a :class:`GlossaryDocument`, atomic saving, the per-file lock and the edit transaction
(:func:`edit_glossary`). The comment-preserving round trip (an edit keeps the comments, key order
and entry order of everything it does not touch) is :mod:`xling.glossary.yamlsync`.

Format: a YAML mapping validated by :class:`xling.glossary.model.Glossary` (unknown fields are
refused).

Errors: every problem raises :class:`~xling.errors.GlossaryError` with a one-line message of the
form ``FILE:LINE: what is wrong; how to fix it``. Pydantic error locations (``entries.3.terms.en.0
.status``) are mapped back to the line of the YAML node through ruamel's ``.lc`` line info.

Writes are atomic (:func:`xling.io.atomic_write_text`) and every read-modify-write holds a
:class:`filelock.FileLock` (``flock``) on the glossary file itself, so two concurrent ``xling
glossary add`` runs do not lose an entry and no lock file is left behind. Edits without a path go
to the user's house glossary (:func:`editable_house_path`), never into the installed package. A failed edit (bad input, broken invariant) leaves the file byte for byte unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from xling.errors import EncodingError, GlossaryError, InputError, UsageError
from xling.glossary.model import ConceptEntry, Glossary
from xling.glossary.yamlsync import ExpansionLimit, item_yaml, node_line, render, round_trip_yaml, to_plain

HOUSE_FILE = "house.yaml"
LOCK_TIMEOUT_SECONDS = 60.0


def shipped_glossary_path() -> Path:
    """Path of the house glossary that ships with xling: the repository's ``glossaries/house.yaml``.

    In a source checkout (editable install) that file itself is returned. In an installed wheel
    it is ``xling/_glossaries/house.yaml``: in the repository that path is a symbolic link to
    ``../../glossaries/house.yaml`` which the wheel build copies (pyproject package-data
    ``"_glossaries/*.yaml"``), so the data exist once in git. Returns the repository path when
    neither exists, so the error message names it. xling never writes this file.
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


def user_glossary_path() -> Path:
    """Where the user's (editable) house glossary lives: ``$XLING_GLOSSARY`` when set, else
    ``$XDG_DATA_HOME/xling/glossaries/house.yaml`` (``XDG_DATA_HOME`` defaults to
    ``~/.local/share``, XDG Base Directory Specification 0.8). The file need not exist."""
    env = os.environ.get("XLING_GLOSSARY")
    if env:
        return Path(env).expanduser()
    from xling.paths import data_home

    return data_home() / "xling" / "glossaries" / HOUSE_FILE


def default_glossary_path() -> Path:
    """The house glossary every command reads when no ``--glossary`` is given: the user's copy
    (:func:`user_glossary_path`) once it exists, else the shipped one (:func:`shipped_glossary_path`)."""
    user = user_glossary_path()
    return user if user.is_file() else shipped_glossary_path()


def editable_house_path() -> Path:
    """The house glossary an edit without ``--glossary`` writes: :func:`user_glossary_path`.

    On the first edit the shipped house glossary is copied there (its folders created), so the
    shipped file is never written and the copy is what every command reads from then on.

    Raises:
        GlossaryError: the copy cannot be made (the message names the path and ``XLING_GLOSSARY``).
    """
    user = user_glossary_path()
    if user.is_file():
        return user
    from xling.io import atomic_write_text, read_text

    shipped = shipped_glossary_path()
    try:
        user.parent.mkdir(parents=True, exist_ok=True)
        if not user.exists():
            atomic_write_text(user, read_text(shipped))
    except (OSError, InputError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise GlossaryError(
            f"{user}: cannot create the user house glossary ({why}); set XLING_GLOSSARY to a writable "
            "file, or give --glossary PATH"
        ) from None
    return user


def _loc_text(loc: Sequence[Any]) -> str:
    return ".".join(str(p) for p in loc)


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
        tree = round_trip_yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = " ".join(str(exc.problem or exc.context or "bad YAML").split())
        raise GlossaryError(f"{path}{line}: broken YAML: {problem}; fix the syntax at that line") from None
    except YAMLError as exc:
        raise GlossaryError(f"{path}: broken YAML: {' '.join(str(exc).split())}") from None
    if tree is None:
        tree = round_trip_yaml().load("{}")
    if not isinstance(tree, dict):
        raise GlossaryError(
            f"{path}:1: a glossary file must be a YAML mapping with 'entries:'; found {'a list' if isinstance(tree, list) else 'a ' + type(tree).__name__}"
        )
    try:
        # a file without aliases has fewer nodes than characters; aliases may repeat a few
        plain = to_plain(tree, [10 * len(text) + 1000])
    except (ExpansionLimit, RecursionError):
        raise GlossaryError(
            f"{path}: refused: its YAML aliases (*name) expand to far more data than the file holds "
            "(an alias bomb, or a self-referencing anchor); write the values out instead"
        ) from None
    try:
        glossary = Glossary.model_validate(plain)
    except ValidationError as exc:
        line_no = node_line(tree, tuple(exc.errors()[0]["loc"]))
        where = f"{path}:{line_no}" if line_no else str(path)
        raise GlossaryError(f"{where}: {validation_message(exc)}") from None
    return GlossaryDocument(path=path, tree=tree, glossary=glossary, text=text)


def validation_message(exc: ValidationError) -> str:
    """A one-line description of a pydantic ``ValidationError`` of the termbase model: for every
    error, where in the glossary (``entries.3.terms.en.1``) and what is wrong, joined by ``"; "``."""
    return "; ".join(_error_text(err, exc.title) for err in exc.errors())


def _error_text(err: Any, title: str) -> str:
    loc = tuple(err["loc"])
    if err["type"] == "extra_forbidden":
        return f"unknown field {loc[-1]!r} at {_loc_text(loc)}; remove it or fix its spelling"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{_loc_text(loc) or title}: {msg}"


def load_document(path: str | os.PathLike[str] | None = None) -> GlossaryDocument:
    """Read and validate the glossary file at ``path`` (``None``: the house glossary).

    Raises:
        GlossaryError: no such file, or the file is invalid (file and line in the message).
    """
    from xling.io import read_text

    p = Path(path) if path is not None else default_glossary_path()
    if p.is_dir():
        raise GlossaryError(f"{p}: is a folder; give a glossary YAML file with --glossary PATH")
    _refuse_exchange_file(p)
    try:
        text = read_text(p)
    except EncodingError as exc:
        first = str(exc).split(";")[0]
        raise GlossaryError(
            f"{first}; glossary files are UTF-8: convert the file (for example iconv -f cp1256 -t utf-8)"
        ) from None
    except InputError as exc:
        raise GlossaryError(f"{exc}; give an existing glossary with --glossary PATH") from None
    if not text.strip():  # e.g. emptied by `xling glossary list -g F > F`: never read as 0 entries
        raise GlossaryError(
            f"{p}: the glossary file is empty; restore it from a backup or your version control, "
            "or remove it (an import creates a new one)"
        )
    return parse_glossary_text(text, p)


_EXCHANGE_SUFFIXES = {".tbx": "TBX", ".xml": "TBX", ".csv": "CSV", ".tsv": "TSV", ".tab": "TSV"}


def _refuse_exchange_file(p: Path) -> None:
    """A TBX, CSV or TSV file given where a glossary YAML belongs: say how to import it.

    Told by the extension, or by an XML start (``<?xml``, ``<martif``, ``<tbx``) whatever the name.
    """
    kind = _EXCHANGE_SUFFIXES.get(p.suffix.lower())
    if kind is None:
        try:
            with open(p, "rb") as fh:
                head = fh.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
        except OSError:
            return
        if head.startswith((b"<?xml", b"<martif", b"<tbx")):
            kind = "TBX"
    if kind is not None and p.is_file():
        raise GlossaryError(
            f"{p}: this is a {kind} file, and --glossary takes xling's glossary YAML; convert it once with "
            f"'xling glossary import {p} -g NEW.yaml' and give --glossary NEW.yaml"
        )


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


def resolve_glossary(
    glossary: Glossary | str | os.PathLike[str] | None = None, *, no_glossary: bool = False
) -> Glossary | None:
    """The one reading of a ``--glossary PATH`` / ``--no-glossary`` pair: the termbase to use, or ``None``.

    Args:
        glossary: a :class:`Glossary` (returned as is), a YAML path, or ``None`` for the house
            glossary (:func:`default_glossary_path`).
        no_glossary: run without a termbase.

    Returns:
        the :class:`Glossary`, or ``None`` when ``no_glossary``.

    Raises:
        UsageError: a path and ``no_glossary`` both given.
        GlossaryError: see :func:`load_glossary`.
    """
    if no_glossary:
        if glossary is not None:
            raise UsageError("give --glossary PATH or --no-glossary, not both")
        return None
    if isinstance(glossary, Glossary):
        return glossary
    return load_glossary(glossary)


# ----------------------------------------------------------------------------- writing


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
    text = render(glossary, tree)
    # never write something we could not read back
    parse_glossary_text(text, path)
    atomic_write_text(path, text)  # keeps the old file's permissions


def create_glossary(glossary: Glossary, path: str | os.PathLike[str]) -> bool:
    """Write ``glossary`` to the new file ``path``, atomically and only if no file is there.

    The text goes to a temporary file in the same folder, which is then hard-linked to ``path``
    (``link`` fails when ``path`` exists, so two processes cannot both create it) and removed.

    Returns:
        True when the file was created, False when ``path`` already existed (nothing written).

    Raises:
        InputError: the folder does not exist or is not writable.
    """
    import tempfile

    p = Path(path)
    text = render(glossary)
    parse_glossary_text(text, p)  # never write something we could not read back
    try:
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"{p}: cannot write in {p.parent}: {exc.strerror}; check that the folder exists") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.link(tmp, p)
    except FileExistsError:
        return False
    finally:
        os.unlink(tmp)
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _real(path: str | os.PathLike[str]) -> Path:
    """``path``, or the file it points to when it is a symbolic link."""
    p = Path(path)
    return Path(os.path.realpath(p)) if p.is_symlink() else p


def lock_for(path: str | os.PathLike[str]):
    """The :class:`filelock.FileLock` guarding read-modify-write of the glossary file ``path``.

    The lock is an ``flock`` on the glossary file itself, so no lock file is ever created or left
    behind. An edit replaces the file (a new inode); a process that was waiting gets the lock on
    the replaced inode, which filelock sees as unlinked and takes again on the new file.
    """
    from filelock import FileLock

    return FileLock(str(path), timeout=LOCK_TIMEOUT_SECONDS, preserve_lock_file=True)


def render_glossary(glossary: Glossary, tree: Any = None) -> str:
    """YAML text of ``glossary``; with ``tree`` (a loaded round-trip tree) comments and order survive
    (:func:`xling.glossary.yamlsync.render`)."""
    return render(glossary, tree)


def entry_yaml(entry: ConceptEntry) -> str:
    """One concept entry as a YAML list item (the form it has in a glossary file)."""
    return item_yaml(entry)


@contextmanager
def edit_glossary(path: str | os.PathLike[str] | None = None, *, check=None) -> Iterator[Glossary]:
    """Lock, load, let the caller change the glossary, then write it back atomically.

    Usage::

        with edit_glossary(path) as g:
            g.entries.append(entry)

    Args:
        path: the glossary file (``None``: the user's house glossary, :func:`editable_house_path`).
        check: optional callable ``check(before: Glossary, after: Glossary) -> None`` that raises
            :class:`GlossaryError` to refuse the edit (nothing is written then).

    Raises:
        GlossaryError: the file is invalid, the lock cannot be taken within
            ``LOCK_TIMEOUT_SECONDS`` seconds, or ``check`` refused the edit. The file is unchanged.
    """
    from filelock import Timeout

    p = _real(path) if path is not None else editable_house_path()
    if not p.is_file():
        load_document(p)  # raises the one-line "no such file" (or folder) message; locking would create it
    lock = lock_for(p)
    try:
        lock.acquire()
    except Timeout:
        raise GlossaryError(
            f"{p}: another xling process has been editing it for {LOCK_TIMEOUT_SECONDS:.0f} s; retry when it is done"
        ) from None
    except OSError as exc:
        raise GlossaryError(f"{p}: cannot lock it for editing: {exc.strerror}; check its permissions") from None
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
