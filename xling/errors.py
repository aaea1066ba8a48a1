"""One exception family for xling.

Library code raises these; only :mod:`xling.cli` turns them into a one-line message on standard
error and an exit status. Each message should name the file (and line where known) and the fix.
"""

from __future__ import annotations

# Exit statuses of the ``xling`` command (the README's table):
#: success
EXIT_OK = 0
#: bad input file, glossary, alignment or scoring input, unwritable output (XlingError)
EXIT_ERROR = 1
#: usage error: unknown option, bad option value, unknown language code (as click gives them)
EXIT_USAGE = 2
#: a translation model is missing, corrupt or cannot be loaded (kept 2 since the first release)
EXIT_MODEL = 2
#: interrupted by Ctrl-C (SIGINT): 128 + signal number 2, as shells report it
EXIT_INTERRUPTED = 130


class XlingError(Exception):
    """Base class of every error xling reports to a user.

    Attributes:
        exit_code: process exit status the CLI uses for this error (int, default 1).
    """

    exit_code: int = EXIT_ERROR

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(XlingError):
    """An option value is not acceptable (an unknown language code or engine, an empty list):
    exit status :data:`EXIT_USAGE` (2), as click's own usage errors."""

    exit_code = EXIT_USAGE


class Interrupted(XlingError):
    """The run was stopped by Ctrl-C before anything was written (exit status 130)."""

    exit_code = EXIT_INTERRUPTED


class InputError(XlingError):
    """A user-supplied file or argument is unreadable or malformed (exit status 1)."""


class EncodingError(InputError):
    """An input file is not in the expected text encoding; the message names ``--encoding``."""


class ModelError(XlingError):
    """A translation model is missing, corrupt or cannot be installed (exit status 2)."""

    exit_code = EXIT_MODEL


class ModelFileError(ModelError):
    """A model package file given on the command line is missing or malformed: bad input, exit
    status :data:`EXIT_ERROR` (1) as every other bad file, not the missing-model code."""

    exit_code = EXIT_ERROR


class ModelMissingError(ModelError):
    """No installed package (direct or via pivot) covers a requested language pair."""


class GlossaryError(XlingError):
    """A glossary file is invalid, or a glossary edit would break an invariant."""


class AlignmentError(XlingError):
    """Sentence alignment cannot be computed for the given input."""


class ScoreError(XlingError):
    """Scoring input is inconsistent (for example a line-count mismatch without ``--align``)."""
