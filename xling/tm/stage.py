"""The translation memory in the main job (``xling translate --tm PATH``).

:meth:`TMStages.stages` returns the pipeline's stages with two changes
(:data:`xling.pipeline.STAGES`; see "Plugging in" there):

- ``tm`` (new, before ``translate``): looks up every segment's normalized, unprotected text in
  each target language (:meth:`xling.tm.store.TranslationMemory.fuzzy`, exact matches included).
- ``translate``: a segment with an exact match in **every** target language is taken from the
  TM and sent to no model; the pipeline's translate stage runs on the rest, in one batch. (A
  segment matched in only some targets goes to MT for all of them, so pivots and the glossary's
  placeholders stay consistent; its exact matches are offered as alternatives.)

Reused segments lose their glossary placeholders (there is nothing to restore), so the repair
stage's restore and fallback skip them, but its house-form repair and its term check run on
their targets as on MT output: glossary enforcement still checks TM targets, and a change it
makes is recorded.

Each segment's ``.jsonl`` record gets ``origin`` (``{lang: "tm-exact" | "mt"}``) and, when a
lookup found something, ``tm_matches`` (``{lang: [Match.to_json(), ...]}``, the matches other than
the reused target, best first); reused segments get a ``tm`` change naming the unit ids. The
usage count of every reused unit goes up by one. MT output is not stored in the TM (only what a
translator confirms is: ``xling xliff import --tm``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from xling.document import Segment

if TYPE_CHECKING:  # pragma: no cover
    from xling.pipeline import Stage, StageContext
    from xling.tm.store import Match, TranslationMemory

#: Fuzzy matches kept per segment and language.
MATCHES_KEPT = 3


class TMStages:
    """TM lookup and reuse for one run (see the module docstring).

    Args:
        tm: an open translation memory.
        min_score: lowest fuzzy-match score kept (0-100; CAT tools' usual threshold is 75).

    Attributes:
        matches: segment id → target → matches found (best first), filled by the ``tm`` stage.
        reused: ids of the segments taken from the TM, filled by the ``translate`` stage.
    """

    def __init__(self, tm: TranslationMemory, *, min_score: float = 75.0) -> None:
        self.tm = tm
        self.min_score = min_score
        self.matches: dict[int, dict[str, list[Match]]] = {}
        self.reused: list[int] = []

    def stages(self, base: Sequence[tuple[str, Stage]] | None = None) -> list[tuple[str, Stage]]:
        """``base`` (default :data:`xling.pipeline.STAGES`) with ``tm`` before a TM-aware ``translate``."""
        from xling.pipeline import STAGES

        out: list[tuple[str, Stage]] = []
        for name, stage in base if base is not None else STAGES:
            if name == "translate":
                out += [("tm", self.lookup), ("translate", self._translate_with(stage))]
            else:
                out.append((name, stage))
        return out

    def lookup(self, segments: list[Segment], ctx: StageContext) -> list[Segment]:
        """The ``tm`` stage: exact and fuzzy matches of each segment in each target language."""
        src = ctx.config.from_code
        for seg in segments:
            text = seg.protected.original if seg.protected is not None else seg.text
            found = {
                lang: self.tm.fuzzy(text, src, lang, min_score=self.min_score, limit=MATCHES_KEPT)
                for lang in ctx.config.targets
            }
            self.matches[seg.id] = {lang: ms for lang, ms in found.items() if ms}
        return segments

    def _translate_with(self, translate: Stage) -> Stage:
        def stage(segments: list[Segment], ctx: StageContext) -> list[Segment]:
            return self.translate(segments, ctx, translate)

        return stage

    def translate(self, segments: list[Segment], ctx: StageContext, translate: Stage) -> list[Segment]:
        """Targets from the TM where every language has an exact match; ``translate`` on the rest."""
        targets = ctx.config.targets
        reuse: dict[int, dict[str, Match]] = {}
        for seg in segments:
            exact = {lang: ms[0] for lang, ms in self.matches.get(seg.id, {}).items() if ms and ms[0].exact}
            if len(exact) == len(targets):
                reuse[seg.id] = exact
        rest = [seg for seg in segments if seg.id not in reuse]
        if rest:
            translate(rest, ctx)
        for seg in segments:
            used = reuse.get(seg.id, {})
            for lang, m in used.items():
                seg.targets[lang] = m.target
            if used:
                if seg.protected is not None:  # nothing to restore in a TM target
                    seg.text, seg.protected = seg.protected.original, None
                seg.record("tm", exact={lang: m.unit_id for lang, m in used.items()})
            seg.fields.update(self._fields(seg, used, targets))
        self.reused = sorted(reuse)
        self.tm.record_use(m.unit_id for used in reuse.values() for m in used.values())
        return segments

    def _fields(self, seg: Segment, used: dict[str, Match], targets: Sequence[str]) -> dict[str, Any]:
        fields: dict[str, Any] = {"origin": {lang: "tm-exact" if lang in used else "mt" for lang in targets}}
        offered = {
            lang: [m.to_json() for m in ms if not (lang in used and m.unit_id == used[lang].unit_id)]
            for lang, ms in self.matches.get(seg.id, {}).items()
        }
        offered = {lang: ms for lang, ms in offered.items() if ms}
        if offered:
            fields["tm_matches"] = offered
        return fields
