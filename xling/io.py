"""Reading user text files and writing outputs safely.

Reading: UTF-8 by default, with a UTF-8 BOM removed and CRLF/CR line ends turned into LF. Binary
data (NUL bytes, many control characters) is refused before any decoding. A file
that is not valid UTF-8 raises :class:`~xling.errors.EncodingError` naming the file, the line of
the first bad byte, the encoding that `charset-normalizer` guesses, and the ``--encoding`` option.

Writing: every output goes to a temporary file in the destination folder and is moved into
place with :func:`os.replace`, so a reader never sees a half-written file and an existing file
is never lost. :class:`AtomicOutputs` extends this to a group of files: nothing is replaced
until every file of the group has been written.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from xling.errors import EXIT_USAGE, EncodingError, InputError

STDIN = "-"


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, *, name: str = "<input>", encoding: str | None = None, utf8_first: bool = False) -> str:
    """Decode ``data`` (bytes) to ``str`` with LF line ends and no BOM.

    Args:
        data: raw file content.
        name: file name used in error messages.
        encoding: a Python codec name; ``None`` means UTF-8 (a UTF-8 BOM is accepted).
        utf8_first: data that is valid UTF-8 is decoded as UTF-8 whatever ``encoding`` says;
            ``encoding`` then applies only to the other files. For commands that read several
            files with one ``--encoding`` (a legacy cp1256 hypothesis and a UTF-8 reference):
            UTF-8 text is never valid cp1256-only text, while cp1256 would silently turn UTF-8
            Persian, Arabic or Russian into mojibake.

    Returns:
        The text, with CRLF and lone CR turned into LF.

    Raises:
        EncodingError: the bytes are not valid in ``encoding`` (or UTF-8); the message names
            the line of the first undecodable byte, the guessed encoding and ``--encoding``.
        InputError: ``encoding`` is not a known text codec (exit status 2: a bad option value), or the data looks binary
            (:func:`refuse_binary`, checked on the bytes before decoding and on the text after).
    """
    if encoding is not None:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            info = None
        if info is None or not getattr(info, "_is_text_encoding", True):
            raise InputError(  # a bad --encoding value: a usage error (exit 2), as the README's table says
                f"{name}: unknown encoding {encoding!r}; give a Python codec name such as utf-8 or cp1256",
                exit_code=EXIT_USAGE,
            ) from None
    enc = encoding or "utf-8"
    wide = codecs.lookup(enc).name.startswith(("utf-16", "utf-32"))
    if not wide and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        refuse_binary(data, name=name)
    text = _decode(data, name=name, enc=enc, utf8_first=utf8_first and encoding is not None)
    refuse_binary(text, name=name)
    return _normalize_newlines(text)


def _decode(data: bytes, *, name: str, enc: str, utf8_first: bool) -> str:
    if utf8_first:
        try:
            return (
                data[len(codecs.BOM_UTF8) :].decode("utf-8")
                if data.startswith(codecs.BOM_UTF8)
                else data.decode("utf-8")
            )
        except UnicodeDecodeError:
            pass
    if enc.replace("_", "-").lower() in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = guess_encoding(data)
        if guess and _same_codec(guess, enc):
            hint = f"the file is damaged {guess} (a cut or corrupt character); repair or re-export it, or rerun with --encoding NAME if it is another encoding"
        elif guess:
            hint = f"it looks like {guess}; rerun with --encoding {guess}"
        else:
            hint = "rerun with --encoding NAME (for example cp1256 for legacy Persian files)"
        raise EncodingError(f"{name}:{line}: not valid {enc} text (byte 0x{data[exc.start]:02x}); {hint}") from None
    except UnicodeError as exc:  # codecs such as idna raise the base class
        raise EncodingError(f"{name}: not valid {enc} text ({exc}); rerun with --encoding NAME") from None


def _same_codec(a: str, b: str) -> bool:
    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return False


#: Share of control characters (C0 except tab, LF, VT, FF, CR and ESC of terminal colours; and
#: DEL) above which input is binary.
BINARY_CONTROL_SHARE = 0.05
_CONTROL = frozenset([*range(0, 9), *range(14, 27), *range(28, 32), 127])
_CONTROL_CHARS = frozenset(map(chr, _CONTROL))


def refuse_binary(data: bytes | str, *, name: str = "<input>", sample: int = 1 << 16) -> None:
    """Refuse input that looks binary: a NUL anywhere, or more than :data:`BINARY_CONTROL_SHARE`
    control characters in the first ``sample`` bytes (or characters).

    A heuristic in the spirit of GNU grep's binary-file test and git's ``buffer_is_binary``
    (a NUL byte in the first block); linear time, so a large file is refused in milliseconds.

    Raises:
        InputError: ``NAME: looks like a binary file (...), not text; give a text file``.
    """
    nul = data.find(b"\0") if isinstance(data, bytes) else data.find("\0")
    hint = "give a text file"
    if nul >= 0:
        where = f"a NUL {'byte' if isinstance(data, bytes) else 'character'} at offset {nul}"
        head = data[:4096]
        if isinstance(head, bytes) and head.count(b"\0") * 3 >= len(head):  # every other byte: UTF-16?
            hint = "give a text file (if it is UTF-16 text, rerun with --encoding utf-16)"
    else:
        head = data[:sample]
        controls = sum(1 for c in head if c in (_CONTROL if isinstance(head, bytes) else _CONTROL_CHARS))
        if not head or controls <= BINARY_CONTROL_SHARE * len(head):
            return
        where = f"{controls} control characters in its first {len(head)}"
    raise InputError(f"{name}: looks like a binary file ({where}), not text; {hint}")


def guess_encoding(data: bytes) -> str | None:
    """Guess the encoding of ``data`` with charset-normalizer; ``None`` when it has no guess.

    Windows-1256 (the legacy Arabic/Persian code page) is reported as ``cp1256``. Bytes that
    decode in cp1256 to ASCII and Arabic-script text only are taken to be cp1256 without asking
    charset-normalizer, which guesses a CJK code page (big5) for a few such words.
    """
    from charset_normalizer import from_bytes

    if _looks_like_cp1256(data[: 1 << 20]):
        return "cp1256"

    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        return None
    return best.encoding


# What cp1256 text is made of, besides ASCII: the Arabic block, ZWNJ/ZWJ, LRM/RLM, guillemets, NBSP.
_CP1256_TEXT_EXTRA = frozenset("\u200c\u200d\u200e\u200f\u00ab\u00bb\u00a0")


def _looks_like_cp1256(data: bytes) -> bool:
    """True when ``data`` has non-ASCII bytes and decodes in cp1256 to ASCII plus Arabic script only."""
    if data.isascii():
        return False
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return False
    return all(c < "\x80" or "\u0600" <= c <= "\u06ff" or c in _CP1256_TEXT_EXTRA for c in text)


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None, utf8_first: bool = False) -> str:
    """Read a text file (or standard input when ``path`` is ``"-"``) as described in :func:`decode_text`.

    Raises:
        InputError: the file does not exist or cannot be read.
        EncodingError: the file is not valid text in the expected encoding.
    """
    p = str(path)
    if p == STDIN:
        data = sys.stdin.buffer.read()
        return decode_text(data, name="<stdin>", encoding=encoding, utf8_first=utf8_first)
    return decode_text(read_bytes(p), name=p, encoding=encoding, utf8_first=utf8_first)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, with the one-line errors of every xling reader.

    Raises:
        InputError: the file does not exist, is a folder, or cannot be read.
    """
    p = str(path)
    try:
        return Path(p).read_bytes()
    except FileNotFoundError:
        if Path(p).is_symlink():
            raise InputError(
                f"{p}: a symbolic link to {os.readlink(p)}, which does not exist; fix or remove the link"
            ) from None
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder; give a text file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror}") from None


def read_lines(path: str | os.PathLike[str], *, encoding: str | None = None, utf8_first: bool = False) -> list[str]:
    """Read a one-segment-a-line file: a list of lines without their LF (a final LF adds no line).

    ``encoding`` and ``utf8_first`` as in :func:`decode_text`.
    """
    return text_lines(read_text(path, encoding=encoding, utf8_first=utf8_first))


def text_lines(text: str) -> list[str]:
    """The lines of a one-segment-a-line text, as :func:`read_lines` (a final LF adds no line)."""
    if not text:
        return []
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n")


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when paths ``a`` and ``b`` name one file (same resolved path, or hard/symbolic links
    to one existing file). ``"-"`` (standard input/output) is never a file."""
    if STDIN in (str(a), str(b)):
        return False
    pa, pb = Path(a), Path(b)
    try:
        return pa.resolve() == pb.resolve() or (pa.exists() and pb.exists() and pa.samefile(pb))
    except OSError:
        return False


def refuse_overwrite(
    out: str | os.PathLike[str], inputs: Iterable[tuple[str, str | os.PathLike[str] | None]], *, option: str = "--out"
) -> None:
    """Raise :class:`InputError` when output file ``out`` is one of the ``inputs`` (which writing it would destroy).

    Args:
        out: the output file about to be written.
        inputs: ``(what, path)`` pairs: what each input is called in messages (``"SOURCE"``,
            ``"--glossary"``) and its path (``None`` and ``"-"`` are skipped).
        option: the option that named ``out``, for the message.

    Raises:
        InputError: ``{option} OUT: that is the WHAT file (PATH), which the output would overwrite; give another file name``.
    """
    for what, path in inputs:
        if path is not None and same_file(out, path):
            raise InputError(
                f"{option} {out}: that is the {what} file ({path}), which the output would overwrite; give another file name"
            )


def refuse_stdout_is_input(inputs: Iterable[str | os.PathLike[str] | None]) -> None:
    """Raise :class:`InputError` when standard output is redirected into one of the ``inputs``.

    ``xling segment F > F`` lets the shell empty F before xling starts, and ``>> F`` appends the
    output to the text being read; like cat(1), refuse both (``"-"`` and ``None`` are skipped).

    Raises:
        InputError: ``F: standard output is this input file (...); redirect the output to another file``.
    """
    try:
        out = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no real file descriptor (captured output)
        return
    if not stat.S_ISREG(out.st_mode):  # a terminal, pipe or /dev/null
        return
    for path in inputs:
        if path is None or str(path) == STDIN:
            continue
        try:
            st = os.stat(path)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            raise InputError(
                f"{path}: standard output is this input file (`> {path}` empties it first, `>>` appends to it); "
                "redirect the output to another file"
            )


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically: a temporary file in the same folder, then :func:`os.replace`.

    The folder must exist. On any error the temporary file is removed and ``path`` is untouched.
    """
    with AtomicOutputs() as out:
        with out.open(path, encoding=encoding) as fh:
            fh.write(text)


def _mode_for(dest: Path) -> int:
    """Permission bits for a new version of ``dest``: the old file's, else 0o666 less the umask."""
    try:
        return dest.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


#: Temporary files of every open :class:`AtomicOutputs` group, for :func:`remove_temporaries`.
_LIVE_TEMPORARIES: set[str] = set()


def remove_temporaries() -> None:
    """Remove the temporary files of the groups being written (a second Ctrl-C exits at once,
    from a signal handler: it calls this first, so no ``.NAME.*.tmp`` file is left behind)."""
    for tmp in list(_LIVE_TEMPORARIES):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _LIVE_TEMPORARIES.discard(tmp)


class AtomicOutputs:
    """Write a group of files so that either all appear (replacing older ones) or none changes.

    Use as a context manager::

        with AtomicOutputs() as out:
            with out.open(dir / "a.txt") as fh: fh.write(...)
            with out.open(dir / "b.jsonl") as fh: fh.write(...)
        # all files are moved into place here; on an exception none is.

    Temporary files live in each destination's folder (so :func:`os.replace` is atomic per file).
    """

    def __init__(self) -> None:
        self._pending: list[tuple[str, Path]] = []
        self._discard: list[Path] = []

    def discard(self, path: str | os.PathLike[str]) -> None:
        """Remove ``path`` when the group commits, after every new file is in place (a stale
        output of an earlier run); nothing is removed when the group fails."""
        self._discard.append(Path(path))

    def __enter__(self) -> AtomicOutputs:
        return self

    @contextmanager
    def open(self, path: str | os.PathLike[str], *, encoding: str = "utf-8", binary: bool = False) -> Iterator[IO]:
        """Open a temporary file that will become ``path`` when the group commits.

        Args:
            path: the destination file; its folder must exist.
            encoding: text encoding (text mode only); text is written with LF line ends.
            binary: open in ``"wb"`` mode instead (e.g. for :class:`zipfile.ZipFile`).

        Raises:
            InputError: ``path`` is a folder, or its folder cannot be written.
        """
        dest = Path(path)
        if dest.is_dir():
            raise InputError(f"{dest}: is a folder; give a file name to write to")
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent or ".")
        except OSError as exc:
            raise InputError(f"{dest}: cannot write: {exc.strerror}") from None
        self._pending.append((tmp, dest))
        _LIVE_TEMPORARIES.add(tmp)
        os.chmod(tmp, _mode_for(dest))
        if binary:
            with os.fdopen(fd, "wb") as fh:
                yield fh
        else:
            with os.fdopen(fd, "w", encoding=encoding, newline="\n") as fh:
                yield fh

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self._commit()
        finally:
            for tmp, _ in self._pending:
                _LIVE_TEMPORARIES.discard(tmp)
                if exc_type is not None:
                    try:
                        os.unlink(tmp)
                    except OSError:
                        pass

    def _commit(self) -> None:
        for n, (tmp, dest) in enumerate(self._pending):
            try:
                os.replace(tmp, dest)
            except OSError as err:
                for left, _ in self._pending[n:]:
                    try:
                        os.unlink(left)
                    except OSError:
                        pass
                raise InputError(f"{dest}: cannot write: {err.strerror}") from None
        for old in self._discard:
            try:
                os.unlink(old)
            except FileNotFoundError:
                pass
            except OSError as err:
                raise InputError(f"{old}: cannot remove this stale output of an earlier run: {err.strerror}") from None
