"""One exception family for xling.

Library code raises these; only :mod:`xling.cli` turns them into a one-line message on standard
error and an exit status. Each message should name the file (and line where known) and the fix.
"""

from __future__ import annotations

#: Exit statuses of the ``xling`` command (the README's "Options and exit codes" table).
EXIT_OK = 0
#: bad input: a file that is unreadable or malformed, or a failed check (--fail-under, --strict)
EXIT_INPUT = 1
#: usage error: an unknown option, a missing argument or a bad option value (click's own code)
EXIT_USAGE = 2
#: a translation model is missing or cannot be loaded (kept 2 since the first release)
EXIT_MODEL = 2
#: interrupted by Ctrl-C (SIGINT): 128 + 2, the shell convention
EXIT_INTERRUPTED = 130


class XlingError(Exception):
    """Base class of every error xling reports to a user.

    Attributes:
        exit_code: process exit status the CLI uses for this error (int, default 1).
    """

    exit_code: int = EXIT_INPUT

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(XlingError):
    """A user-supplied file or argument is unreadable or malformed (exit status 1)."""


class UsageError(XlingError):
    """An option value or a combination of options is wrong (exit status 2, as click's usage errors).

    For values only the command can check (``--to ''``, ``--engine foo``, two exclusive options).
    """

    exit_code = EXIT_USAGE


class EncodingError(InputError):
    """An input file is not in the expected text encoding; the message names ``--encoding``."""


class ModelError(XlingError):
    """A translation model is missing, corrupt or cannot be installed (exit status 2)."""

    exit_code = EXIT_MODEL


class ModelFileError(ModelError):
    """A model package file given on the command line is missing or malformed (bad input: exit 1)."""

    exit_code = EXIT_INPUT


class ModelMissingError(ModelError):
    """No installed package (direct or via pivot) covers a requested language pair."""


class GlossaryError(XlingError):
    """A glossary file is invalid, or a glossary edit would break an invariant."""


class AlignmentError(XlingError):
    """Sentence alignment cannot be computed for the given input."""


class ScoreError(XlingError):
    """Scoring input is inconsistent (for example a line-count mismatch without ``--align``)."""
