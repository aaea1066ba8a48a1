"""Human references in the report: ``--ref LANG=FILE``.

Scores come from :func:`xling.score.api.score_segments` (sacrebleu BLEU, chrF++ and TER after
the scoring normalization, with their signatures); nothing is measured here. A reference is
one sentence a line in its own segmentation: blank lines (paragraph breaks) are left out, and
when the remaining line count differs from the document's segment count the score API pairs
them with xling's sentence aligner (beads), as ``xling score --align`` does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from xling.errors import InputError


@dataclass
class RefLine:
    """The reference shown under one hypothesis segment.

    Attributes:
        text: the reference sentence(s) paired with the segment (joined with a space).
        lines: their 1-based line numbers in the reference file.
        chrf, bleu, ter: sentence scores of the pair (bead) the segment is in, or ``None``.
        segments: the hypothesis segment ids of that pair (several for a merged bead).
        note: a remark for the reviewer (e.g. the bead spans other segments), or ``None``.
    """

    text: str
    lines: list[int]
    chrf: float | None = None
    bleu: float | None = None
    ter: float | None = None
    segments: list[int] = field(default_factory=list)
    note: str | None = None


@dataclass
class ReferenceScores:
    """One language's reference and its scores.

    Attributes:
        lang: language code; path: the reference file.
        aligned: whether the aligner paired the sentences (segmentations differ).
        metrics: ``{"bleu"|"chrf"|"ter": xling.score.metrics.MetricScore}`` (corpus level).
        by_segment: segment id → the :class:`RefLine` list shown under it.
    """

    lang: str
    path: str
    aligned: bool
    metrics: dict[str, Any]
    by_segment: dict[int, list[RefLine]]


def parse_ref_specs(specs: list[str], languages: list[str]) -> dict[str, str]:
    """``["en=ref.en.txt", ...]`` → ``{"en": "ref.en.txt"}``.

    Raises:
        InputError: a spec without ``=``, a language the document has no target in, a language
            given twice, or a missing file (checked before any work).
    """
    out: dict[str, str] = {}
    for spec in specs:
        lang, sep, path = spec.partition("=")
        lang = lang.strip().lower()
        if not sep or not lang or not path:
            raise InputError(f"--ref {spec!r}: give LANG=FILE, e.g. --ref en=reference.en.txt")
        if lang not in languages:
            raise InputError(f"--ref {spec!r}: the document has no {lang} target (it has {', '.join(languages)})")
        if lang in out:
            raise InputError(f"--ref {spec!r}: a second reference for {lang}; give one file per language")
        if not os.path.isfile(path):
            raise InputError(f"--ref {spec!r}: {path}: no such file")
        out[lang] = path
    return out


def score_reference(records: list[dict[str, Any]], lang: str, path: str) -> ReferenceScores:
    """Score the ``lang`` targets of ``records`` against the reference file ``path``.

    Returns:
        :class:`ReferenceScores`; each pair's reference is shown under its first hypothesis
        segment, a reference sentence with no hypothesis under the segment before it.

    Raises:
        InputError, EncodingError: the reference cannot be read, or its letters are mostly in
            another script than ``lang``'s (a Russian file given as ``--ref en=``).
        ScoreError: nothing to score (an empty document or reference).
    """
    from xling.io import read_lines
    from xling.lang import refuse_other_script
    from xling.score.api import score_segments

    numbered = [(n, line) for n, line in enumerate(read_lines(path, utf8_first=True), 1) if line.strip()]
    refs = [line for _, line in numbered]
    refuse_other_script(
        "\n".join(refs),
        lang,
        name=str(path),
        claim=f"the {lang} reference (--ref {lang}=)",
        fix="give it for its own language ({lang})",
    )
    hyps = [rec["targets"].get(lang, "") for rec in records]
    aligned = len(refs) != len(hyps)
    pairs, metrics = score_segments(
        hyps, refs, lang=lang, align=aligned, hyp_name=f"the {lang} targets", ref_name=str(path)
    )
    by_segment: dict[int, list[RefLine]] = {}
    last = 0
    for n, pair in enumerate(pairs):
        lines = [numbered[i][0] for i in pair.other]
        scores = {k: metrics[k].segments[n] for k in ("chrf", "bleu", "ter")}
        if not pair.hyp:
            lone = "reference sentence with no hypothesis segment"
            by_segment.setdefault(last, []).append(RefLine(pair.other_text, lines, note=lone))
            continue
        first, *rest = pair.hyp
        last = pair.hyp[-1]
        note: str | None = None
        if rest:
            note = f"scored together with segment{'s' if len(rest) > 1 else ''} " + ", ".join(map(str, rest))
        if not pair.other:
            note = "no reference sentence paired with this segment"
        by_segment.setdefault(first, []).append(
            RefLine(pair.other_text, lines, **scores, segments=list(pair.hyp), note=note)
        )
        for i in rest:
            by_segment.setdefault(i, []).append(
                RefLine("", [], segments=list(pair.hyp), note=f"scored with segment {first} (one bead)")
            )
    return ReferenceScores(lang, str(path), aligned, metrics, by_segment)
