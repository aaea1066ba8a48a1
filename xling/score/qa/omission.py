"""QA check ``segment-omitted``: a bead that merges source segments whose hypothesis translates
only some of them.

The sentence aligner may pair two source sentences with one hypothesis sentence (a 2-1 bead) when
the translation merged them, but also when it dropped one (MT often drops a sentence after an
emoji or a heading). ``segment-missing`` sees only 1-0 beads, so the drop hides inside the bead.
Length tells them apart, as in Gale & Church (1993): with the document's ratio ``r`` (median
hypothesis/source characters over its 1-1 units, or the whole document's ratio with fewer than
:data:`MIN_UNITS`), a bead's hypothesis of ``L`` characters is expected to have about ``r`` times
the length of its source segments. It is flagged when ``L`` is nearer (on a log scale) to what
the bead without one of its source segments predicts than to what the whole bead predicts, and
within a factor :data:`MATCH_FACTOR` (1.5) of the former; that segment is named as the one left
out. That is the equal-prior decision between "all translated" and "one left out" when the
hypothesis/source length ratio is log-normal with one spread (length ratios are, roughly: Gale &
Church 1993 model their differences as normal). Before, ``L`` also had to be below 60 % of the
whole bead's prediction, which missed a short sentence dropped inside a bead (``L`` 77 % of it
but 123 % of the bead without that sentence). Severity ``warning``.
"""

from __future__ import annotations

import math
import statistics
from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue

MIN_UNITS = 3
MIN_SOURCE_CHARS = 10
MATCH_FACTOR = 1.5


def document_ratio(units: list[Unit]) -> float | None:
    """Hypothesis/source length ratio of the document (characters), or ``None`` without data."""
    one_one = [
        len(u.hyp_text.strip()) / len(u.src_text.strip())
        for u in units
        if len(u.src) == 1 and len(u.hyp) == 1 and u.src_text and len(u.src_text.strip()) >= MIN_SOURCE_CHARS
    ]
    if len(one_one) >= MIN_UNITS:
        return statistics.median(one_one)
    src = sum(len(u.src_text.strip()) for u in units if u.src_text and u.hyp)
    hyp = sum(len(u.hyp_text.strip()) for u in units if u.src_text and u.hyp)
    return hyp / src if src and hyp else None


def omitted_part(hyp_len: int, parts: list[int], ratio: float) -> int | None:
    """Index of the source part the hypothesis leaves out, or ``None`` (see the module docstring)."""
    total = sum(parts)
    if not total or hyp_len <= 0:
        return None
    whole = abs(math.log(hyp_len / (ratio * total)))
    fits = []
    for k, p in enumerate(parts):
        expected = ratio * (total - p)
        if expected and 1 / MATCH_FACTOR <= hyp_len / expected <= MATCH_FACTOR:
            miss = abs(math.log(hyp_len / expected))
            if miss < whole:
                fits.append((miss, k))
    return min(fits)[1] if fits else None


class OmissionCheck(Check):
    """A source segment of a merged bead left untranslated (see the module docstring)."""

    ids: ClassVar[dict[str, str]] = {"segment-omitted": "warning"}
    needs_source = True

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """One issue per merged bead with a segment left out (``details``: its id, line and text)."""
        ratio = document_ratio(units)
        out: list[Issue] = []
        for u in units:
            if ratio is None or len(u.src) < 2 or not u.hyp or len(u.src_parts) != len(u.src):
                continue
            k = omitted_part(len(u.hyp_text.strip()), [len(p.strip()) for p in u.src_parts], ratio)
            if k is None:
                continue
            line = u.src_lines[k] if len(u.src_lines) == len(u.src) else u.src[k] + 1
            text = u.src_parts[k].strip()
            message = f"source segment on line {line} seems to have no translation in this bead: {text[:60]}"
            out.append(issue(u, "segment-omitted", "warning", message, segment=u.src[k], source_line=line, source=text))
        return out


CHECK = OmissionCheck()
