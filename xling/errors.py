"""One exception family for xling.

Library code raises these; only :mod:`xling.cli` turns them into a one-line message on standard
error and an exit status. Each message should name the file (and line where known) and the fix.
"""

from __future__ import annotations


class XlingError(Exception):
    """Base class of every error xling reports to a user.

    Attributes:
        exit_code: process exit status the CLI uses for this error (int, default 1).
    """

    exit_code: int = 1

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(XlingError):
    """A user-supplied file or argument is unreadable or malformed (exit status 1)."""


class EncodingError(InputError):
    """An input file is not in the expected text encoding; the message names ``--encoding``."""


class ModelError(XlingError):
    """A translation model is missing, corrupt or cannot be installed (exit status 2)."""

    exit_code = 2


class ModelMissingError(ModelError):
    """No installed package (direct or via pivot) covers a requested language pair."""


class GlossaryError(XlingError):
    """A glossary file is invalid, or a glossary edit would break an invariant."""


class AlignmentError(XlingError):
    """Sentence alignment cannot be computed for the given input."""


class ScoreError(XlingError):
    """Scoring input is inconsistent (for example a line-count mismatch without ``--align``)."""
