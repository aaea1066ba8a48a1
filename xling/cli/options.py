"""The shared option vocabulary of the ``xling`` commands: one definition per option meaning.

A command declares an option by using one of these ``Annotated`` types as a parameter type, so
the name, short name, help and default of (say) the glossary option are written once::

    from xling.cli.options import GlossaryPath, NoGlossary, glossary_from_options

    def cmd(glossary: GlossaryPath = None, no_glossary: NoGlossary = False) -> None:
        g = glossary_from_options(glossary, no_glossary)   # a Glossary, or None

Where the help or the default differs by command, the command calls the factory
(``to_option("Language of TRANSLATION.", one=True)``) inside ``Annotated``: the names stay here.

The older names of an option (``--src-lang``, ``--tgt-lang``, ``--lang``, ``--source``) are kept as
*hidden aliases*: they are declared with the option, so they still parse, and :data:`HIDDEN_ALIASES`
lists them so that :func:`xling.cli.main.polish_help` leaves them out of ``--help``. The README's
"Options and exit codes" section is the table of these names.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary

#: Old option names, by the shared name they now alias: they parse, and ``--help`` does not show them.
#: (A command declares only the aliases it had: ``--lang`` is the source language of ``segment``
#: and ``normalize``, the target language of ``score``, ``align`` and the ``glossary`` commands.)
HIDDEN_ALIASES: dict[str, tuple[str, ...]] = {
    "--from": ("--src-lang", "--lang", "-l"),
    "--to": ("--tgt-lang", "--lang", "-l"),
    "--src": ("--source",),
}

_FROM_HELP = "Source language code (fa, en, ru, ar, ...)."
_TO_HELP = "Target language code(s), comma-separated (en,ru,ar)."


def from_option(help: str = _FROM_HELP, *, text_lang: bool = False, required: bool = False) -> Any:
    """The ``--from LANG`` option: the source language (hidden alias ``--src-lang``).

    ``text_lang=True`` adds the hidden ``--lang``/``-l`` of the one-language commands (``segment``,
    ``normalize``: the language of the input text). ``required=True`` gives the old-style form
    (``code: str = from_option(..., required=True)``); the default form is for an ``Annotated`` parameter.
    """
    decls = ("--from", "--src-lang", *(("--lang", "-l") if text_lang else ()))
    if required:
        return typer.Option(..., *decls, metavar="LANG", help=help)
    return typer.Option(*decls, metavar="LANG", help=help)


def to_option(help: str = _TO_HELP, *, one: bool = False, required: bool = False) -> Any:
    """The ``--to LANGS`` option: the target language(s) (hidden aliases ``--tgt-lang``, ``--lang``, ``-l``).

    ``one=True``: the command takes one target language (metavar ``LANG``). ``required=True`` gives
    the old-style form (``lang: str = to_option(..., required=True)``); the default form is for an
    ``Annotated`` parameter.
    """
    decls = ("--to", *HIDDEN_ALIASES["--to"])
    metavar = "LANG" if one or required else "LANGS"
    if required:
        return typer.Option(..., *decls, metavar=metavar, help=help)
    return typer.Option(*decls, metavar=metavar, help=help)


def src_option(help: str = "Source file, one segment a line.", *, required: bool = False) -> Any:
    """The ``--src FILE`` / ``-s`` option: the source text a translation was made from (hidden alias
    ``--source``), for an ``Annotated`` parameter; ``required=True`` gives the old-style form
    (``source: str = src_option(..., required=True)``)."""
    decls = ("--src", "-s", *HIDDEN_ALIASES["--src"])
    if required:
        return typer.Option(..., *decls, metavar="FILE", help=help)
    return typer.Option(*decls, metavar="FILE", help=help, show_default=False)


def out_dir_option(help: str = "Output folder.", *, required: bool = False) -> Any:
    """The ``--out-dir DIR`` option: the output folder, for an ``Annotated`` parameter;
    ``required=True`` gives the old-style form (``out_dir: str = out_dir_option(..., required=True)``)."""
    if required:
        return typer.Option(..., "--out-dir", metavar="DIR", help=help)
    return typer.Option("--out-dir", metavar="DIR", help=help)


def out_option(help: str = "Write here (atomically) instead of standard output.") -> Any:
    """The ``-o FILE`` / ``--out`` option: one output file, for an ``Annotated`` parameter."""
    return typer.Option("--out", "-o", metavar="FILE", help=help, show_default=False)


def encoding_option(
    help: str = "Encoding of input files that are not UTF-8 (a Python codec name, e.g. cp1256).",
) -> Any:
    """The ``--encoding CODEC`` option, for an ``Annotated`` parameter."""
    return typer.Option("--encoding", metavar="CODEC", help=help, show_default=False)


def format_option(help: str, *default: Any, **kwargs: Any) -> Any:
    """The ``--format`` / ``-f`` option (its choices come from the parameter's enum type), for an
    ``Annotated`` parameter, or with a ``default`` (positional) in the old-style form
    (``fmt: Kind = format_option("...", Kind.a)``); ``kwargs`` go to ``typer.Option`` (``case_sensitive=False``)."""
    return typer.Option(*default, "--format", "-f", help=help, **kwargs)


def glossary_option(
    help: str = "Glossary YAML file (default: the house glossary: your edited copy, $XLING_GLOSSARY or $XDG_DATA_HOME/xling/glossaries/house.yaml, once it exists, else the shipped one).",
) -> Any:
    """The ``--glossary FILE`` / ``-g`` option, for an ``Annotated`` parameter."""
    return typer.Option("--glossary", "-g", metavar="FILE", help=help, show_default=False)


def tm_option(help: str) -> Any:
    """The ``--tm FILE`` option: a translation memory (SQLite), for an ``Annotated`` parameter."""
    return typer.Option("--tm", metavar="FILE", help=help, show_default=False)


#: ``--from LANG``: the source language (old name ``--src-lang``)
FromLang = Annotated[str, from_option()]
#: ``--from LANG`` where the command can guess it (from a file name) when not given
FromLangOrNone = Annotated[str | None, from_option(_FROM_HELP[:-1] + " (default: from the file name).")]
#: ``--from LANG`` of a one-language command (old names ``--lang``, ``-l``): the language of the text
TextLang = Annotated[str, from_option("Language of the text: fa, en, ru or ar.", text_lang=True)]
#: ``--to LANGS``: the target language(s) (old names ``--tgt-lang``, ``--lang``, ``-l``)
ToLangs = Annotated[str, to_option()]
#: ``--to LANG``: one target language
ToLang = Annotated[str, to_option("Target language code.", one=True)]
#: ``--to LANGS`` where the command can guess it (from file names) when not given
ToLangsOrNone = Annotated[str | None, to_option(_TO_HELP[:-1] + " (default: from the file names).")]
#: ``--src FILE`` / ``-s`` (old name ``--source``): the source text a translation was made from
SrcFile = Annotated[str | None, src_option()]
#: ``--src FILE`` where the command needs it
SrcFileRequired = Annotated[str, src_option()]
#: ``-o FILE`` / ``--out``: one output file, written atomically (default: standard output)
OutFile = Annotated[Path | None, out_option()]
#: ``--out-dir DIR``: the output folder
OutDir = Annotated[str, out_dir_option()]
#: ``--encoding CODEC``: the encoding of input files that are not UTF-8
Encoding = Annotated[str | None, encoding_option()]
#: ``-q`` / ``--quiet``: no progress output (the summary and errors still print)
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress output (the summary and errors still print).")]

#: ``--glossary FILE`` / ``-g``: a termbase YAML file; ``None`` is the house glossary
GlossaryPath = Annotated[Path | None, glossary_option()]

#: ``--no-glossary``: run without a termbase
NoGlossary = Annotated[bool, typer.Option("--no-glossary", help="Use no glossary (termbase).")]


def glossary_from_options(glossary: Path | None, no_glossary: bool = False) -> Glossary | None:
    """The termbase a command runs with, from its ``--glossary``/``--no-glossary`` pair.

    Returns:
        the loaded :class:`~xling.glossary.model.Glossary` (``glossary`` ``None``: the house
        glossary), or ``None`` with ``--no-glossary``.

    Raises:
        InputError: both options given. GlossaryError: the file is missing or invalid.
    """
    from xling.glossary.store import resolve_glossary

    return resolve_glossary(glossary, no_glossary=no_glossary)


#: ``--tm PATH``: the translation memory (an SQLite file; see :mod:`xling.tm`)
TmPath = Annotated[
    Path | None,
    tm_option(
        "Translation memory (SQLite; default $XDG_DATA_HOME/xling/tm.sqlite, i.e. ~/.local/share/xling/tm.sqlite)."
    ),
]

#: ``--min-score N``: the lowest TM fuzzy-match score kept, 0-100
MinScore = Annotated[
    float,
    typer.Option("--min-score", min=0, max=100, help="Lowest TM fuzzy-match score kept, 0-100 (CAT tools' usual 75)."),
]

#: ``translate --tm PATH``: reuse a translation memory (no TM without it)
UseTm = Annotated[
    str | None,
    tm_option(
        "Reuse this translation memory (see xling tm): exact matches in every target skip MT, fuzzy ones are offered."
    ),
]

#: ``--xliff``: also write one XLIFF file per target language
XliffFlag = Annotated[
    bool, typer.Option("--xliff", help="Also write DIR/<stem>.<lang>.xlf for post-editing in a CAT tool.")
]

#: ``--xliff-version``: 2.1 or 1.2
XliffVersion = Annotated[
    str, typer.Option("--xliff-version", help="XLIFF version: 2.1 (default) or 1.2 (OmegaT, Trados and older tools).")
]
