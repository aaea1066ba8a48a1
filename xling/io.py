"""Reading user text files and writing outputs safely.

Reading: UTF-8 by default, with a UTF-8 BOM removed and CRLF/CR line ends turned into LF. A file
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
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from xling.errors import EncodingError, InputError

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
        InputError: ``encoding`` is not a known codec.
    """
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(
                f"{name}: unknown encoding {encoding!r}; give a Python codec name such as utf-8 or cp1256"
            ) from None
    enc = encoding or "utf-8"
    if utf8_first and encoding is not None:
        try:
            return _normalize_newlines(
                data[len(codecs.BOM_UTF8) :].decode("utf-8")
                if data.startswith(codecs.BOM_UTF8)
                else data.decode("utf-8")
            )
        except UnicodeDecodeError:
            pass
    if enc.replace("_", "-").lower() in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = guess_encoding(data)
        if guess and codecs.lookup(guess).name == codecs.lookup(enc).name:
            hint = f"the file is damaged {guess} (a cut or corrupt character); repair or re-export it, or rerun with --encoding NAME if it is another encoding"
        elif guess:
            hint = f"it looks like {guess}; rerun with --encoding {guess}"
        else:
            hint = "rerun with --encoding NAME (for example cp1256 for legacy Persian files)"
        raise EncodingError(f"{name}:{line}: not valid {enc} text (byte 0x{data[exc.start]:02x}); {hint}") from None
    return _normalize_newlines(text)


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
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder; give a text file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror}") from None


def read_lines(path: str | os.PathLike[str], *, encoding: str | None = None, utf8_first: bool = False) -> list[str]:
    """Read a one-segment-a-line file: a list of lines without their LF (a final LF adds no line).

    ``encoding`` and ``utf8_first`` as in :func:`decode_text`.
    """
    text = read_text(path, encoding=encoding, utf8_first=utf8_first)
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
        os.chmod(tmp, _mode_for(dest))
        if binary:
            with os.fdopen(fd, "wb") as fh:
                yield fh
        else:
            with os.fdopen(fd, "w", encoding=encoding, newline="\n") as fh:
                yield fh

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            for tmp, _ in self._pending:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            return
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
