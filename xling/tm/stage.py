"""The translation memory in the main job (``xling translate --tm PATH``).

:meth:`TMStages.stages` returns the pipeline's stages with two changes
(:data:`xling.pipeline.STAGES`; see "Plugging in" there):

- ``tm`` (new, before ``translate``): looks up every segment's normalized, unprotected text in
  each target language (:meth:`xling.tm.store.TranslationMemory.fuzzy`, exact matches included).
- ``translate``: a segment with an exact match in **every** target language is taken from the
  TM and sent to no model; the pipeline's translate stage runs on the rest, in one batch. (A
  segment matched in only some targets goes to MT for all of them, so pivots and the glossary's
  placeholders stay consistent; its exact matches are offered as alternatives.)

**Joined segments** (what CAT tools call joining segments, or a multi-segment match): a TM
unit's source may be several sentences that the document has as consecutive segments (an
aligned 2-1 bead: ``xling align`` writes one unit for "S8 S9" and none for S8 or S9 alone).
Where up to :data:`MAX_JOIN` consecutive segments of one paragraph, their texts joined by a
space, have an exact match in every target language, they are reused together: the first
segment (the *head*) carries the TM target and its ``text`` becomes the joined text; each
following one gets :attr:`~xling.document.Segment.joined_into` = the head's id, an empty target
and an empty ``text``, so every text output writes the head's line with the whole translation
and the joined sources on one line (:func:`xling.pipeline.paragraph_layout`). Among the ways to
cover a paragraph, :func:`plan_joins` takes the one with most segments reused, then fewest joins
(so a segment with its own exact match keeps it). A one-segment unit still matches a
one-segment source as before.

Reused segments lose their glossary placeholders (there is nothing to restore), so the repair
stage's restore and fallback skip them, but its house-form repair and its term check run on
their targets as on MT output: glossary enforcement still checks TM targets, and a change it
makes is recorded.

Each segment's ``.jsonl`` record gets ``origin`` (``{lang: "tm-exact" | "tm-joined" | "joined" |
"mt"}``: ``tm-joined`` for a head, ``joined`` for the segments joined into it) and, when a lookup
found something, ``tm_matches`` (``{lang: [Match.to_json(), ...]}``, the matches other than the
reused target, best first); reused segments get a ``tm`` change naming the unit ids (a head's
also names the joined segment ids, ``joined``); a joined segment's record has ``joined_into``. The
usage count of every reused unit goes up by one. MT output is not stored in the TM (only what a
translator confirms is: ``xling xliff import --tm``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from xling.document import Segment

if TYPE_CHECKING:  # pragma: no cover
    from xling.pipeline import Stage, StageContext
    from xling.tm.store import Match, TranslationMemory

#: Fuzzy matches kept per segment and language.
MATCHES_KEPT = 3
#: Most consecutive segments joined to find one TM unit (the alignment's beads are at most 2-1 or
#: 3-1; CAT tools join freely, and every span costs one indexed lookup per target language).
MAX_JOIN = 4


def plan_joins(n: int, covered: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """The spans to reuse from the TM in a run of ``n`` consecutive segments (one paragraph).

    Args:
        n: the number of segments.
        covered: ``covered(i, j)`` is True when segments ``i..j-1`` (``j - i`` of them, at most
            :data:`MAX_JOIN`), joined, have an exact match in every target language.

    Returns:
        Disjoint ``(i, j)`` spans in order: the cover with the most segments reused, then the
        fewest spans of two or more segments (a dynamic programme over the positions).
    """
    # best[i]: (segments reused, -joins, spans) for segments i..n-1
    best: list[tuple[int, int, list[tuple[int, int]]]] = [(0, 0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        reused, joins, spans = best[i + 1]
        options = [(reused + 1, joins, [(i, i + 1), *spans]) if covered(i, i + 1) else best[i + 1]]
        for j in range(i + 2, min(i + MAX_JOIN, n) + 1):
            if covered(i, j):
                reused, joins, spans = best[j]
                options.append((reused + j - i, joins - 1, [(i, j), *spans]))
        best[i] = max(options, key=lambda o: (o[0], o[1]))
    return best[0][2]


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
            text = _text(seg)
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
        """Targets from the TM where every language has an exact match, of a segment alone or of
        consecutive segments joined (module docstring); ``translate`` on the rest."""
        targets = ctx.config.targets
        reuse: dict[int, tuple[list[Segment], dict[str, Match]]] = {}
        for paragraph in _paragraphs(segments):
            reuse.update(self._reuse(paragraph, ctx))
        done = {seg.id for span, _ in reuse.values() for seg in span}
        rest = [seg for seg in segments if seg.id not in done]
        if rest:
            translate(rest, ctx)
        for seg in segments:
            span, used = reuse.get(seg.id, ([seg], {}))
            for lang, m in used.items():
                seg.targets[lang] = m.target
            if used:
                _take(span, used)
            if seg.joined_into is None:
                seg.fields.update(self._fields(seg, used, targets, joined=len(span) > 1))
            else:
                seg.fields.update(self._fields(seg, {}, targets), origin={lang: "joined" for lang in targets})
        self.reused = sorted(done)
        self.tm.record_use(m.unit_id for _, used in reuse.values() for m in used.values())
        return segments

    def _reuse(self, paragraph: list[Segment], ctx: StageContext) -> dict[int, tuple[list[Segment], dict[str, Match]]]:
        """Head segment id → (the segments reused together, target → exact match), for one paragraph."""
        src, targets = ctx.config.from_code, ctx.config.targets
        found: dict[tuple[int, int], dict[str, Match]] = {}

        def covered(i: int, j: int) -> bool:
            if j - i == 1:
                ms = self.matches.get(paragraph[i].id, {})
                exact = {lang: m[0] for lang, m in ms.items() if m and m[0].exact}
            elif all((k, k + 1) in found for k in range(i, j)):
                return False  # each has its own match: joining them gains nothing
            else:
                text = " ".join(_text(seg) for seg in paragraph[i:j])
                exact = {}
                for lang in targets:
                    m = self.tm.exact(text, src, lang)
                    if m is None:
                        break
                    exact[lang] = m
            if len(exact) == len(targets):
                found[(i, j)] = exact
            return len(exact) == len(targets)

        return {paragraph[i].id: (paragraph[i:j], found[(i, j)]) for i, j in plan_joins(len(paragraph), covered)}

    def _fields(
        self, seg: Segment, used: dict[str, Match], targets: Sequence[str], *, joined: bool = False
    ) -> dict[str, Any]:
        kind = "tm-joined" if joined else "tm-exact"
        fields: dict[str, Any] = {"origin": {lang: kind if lang in used else "mt" for lang in targets}}
        offered = {
            lang: [m.to_json() for m in ms if not (lang in used and m.unit_id == used[lang].unit_id)]
            for lang, ms in self.matches.get(seg.id, {}).items()
        }
        offered = {lang: ms for lang, ms in offered.items() if ms}
        if offered:
            fields["tm_matches"] = offered
        return fields


def _text(seg: Segment) -> str:
    """The segment's normalized text without glossary placeholders (what the TM is searched with)."""
    return seg.protected.original if seg.protected is not None else seg.text


def _paragraphs(segments: list[Segment]) -> list[list[Segment]]:
    """``segments`` cut where the paragraph number changes."""
    out: list[list[Segment]] = []
    for seg in segments:
        if not out or out[-1][-1].paragraph != seg.paragraph:
            out.append([])
        out[-1].append(seg)
    return out


def _take(span: list[Segment], used: dict[str, Match]) -> None:
    """Mark ``span`` (one segment, or a head and the segments joined into it) as reused from ``used``."""
    head = span[0]
    if len(span) > 1:
        head.text = " ".join(_text(seg) for seg in span)
    elif head.protected is not None:
        head.text = head.protected.original
    head.protected = None  # nothing to restore in a TM target
    details: dict[str, Any] = {"exact": {lang: m.unit_id for lang, m in used.items()}}
    if len(span) > 1:
        details["joined"] = [seg.id for seg in span]
    head.record("tm", **details)
    for seg in span[1:]:
        seg.text, seg.protected, seg.joined_into = "", None, head.id
        seg.targets.update({lang: "" for lang in used})
        seg.record("tm", joined_into=head.id)
