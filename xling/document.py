"""The record that flows through xling's stages.

A document is a list of :class:`Segment` objects. Every stage (segment, normalize, protect,
translate, repair) takes segments and returns them with its results in typed fields
(``text``, ``protected``, ``targets``) and its own entry appended to :attr:`Segment.changes`,
so the ``.jsonl`` output explains every output character. No stage reads ``changes`` back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.enforce import Protected


@dataclass
class Segment:
    """One sentence-level segment of a source document.

    Attributes:
        id: 0-based position in the document (int).
        paragraph: 0-based paragraph number (int); paragraphs are separated by blank lines.
        source: the segment exactly as it stands in the input (str).
        text: the normalized text sent onward to MT (str); equals ``source`` until a stage changes it.
        changes: what each stage did, as JSON-ready dicts with at least a ``"stage"`` key.
        targets: target language code → target text (after repair).
        protected: the glossary protect stage's result (placeholders and the unprotected
            text), read by the repair stage; None when no term was protected. The ``protect``
            change record is its JSON copy for the ``.jsonl``.
        fields: more JSON-ready keys of the segment's ``.jsonl`` record, set by optional stages
            (the TM's ``origin`` and ``tm_matches``, :mod:`xling.tm.stage`); empty by default.
        joined_into: the id of the segment before it in the same paragraph that carries its
            translation (a TM unit whose source is several consecutive segments,
            :mod:`xling.tm.stage`); its own target is empty and every text output writes it on
            that segment's line. None (the default): the segment has its own line.
    """

    id: int
    paragraph: int
    source: str
    text: str
    changes: list[dict[str, Any]] = field(default_factory=list)
    targets: dict[str, str] = field(default_factory=dict)
    protected: Protected | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    joined_into: int | None = None

    def record(self, stage: str, **details: Any) -> None:
        """Append a change record ``{"stage": stage, **details}``."""
        self.changes.append({"stage": stage, **details})
