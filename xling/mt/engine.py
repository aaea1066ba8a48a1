"""The small interface every machine-translation engine implements.

An engine translates one language pair (``from_code`` → ``to_code``) over a list of segments
in one call, so it can batch them. Argos/CTranslate2 packages (:mod:`xling.mt.argos`), a pivot
chain of two engines (:mod:`xling.mt.pivot`) and, later, other CTranslate2 models (OPUS-MT,
NLLB-200) all fit behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

#: Called with the number of segments finished since the last call (for progress bars).
ProgressCallback = Callable[[int], None]


@runtime_checkable
class Engine(Protocol):
    """One translation direction.

    Attributes:
        from_code: ISO 639 code of the source language.
        to_code: ISO 639 code of the target language.
    """

    from_code: str
    to_code: str

    def translate_batch(
        self,
        texts: list[str],
        *,
        beam_size: int | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> list[str]:
        """Translate ``texts`` (one segment each) and return one output string per input, in order.

        Args:
            texts: segments in the source language; an empty string gives an empty output.
            beam_size: beam width; ``None`` means the engine's default.
            on_progress: called with counts of finished segments, summing to ``len(texts)``.

        Raises:
            ModelError: the model cannot be run.
        """
        ...

    def models(self) -> list[dict[str, Any]]:
        """The models this engine runs, in order, as JSON-ready dicts (``pair``, ``name``, ``version``, ``test_model``)."""
        ...
