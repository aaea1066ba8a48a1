"""QA check ``length-ratio``: a segment much longer or shorter than the document's own norm.

For each unit with a source of at least :data:`MIN_SOURCE_CHARS` characters, x = ln(hypothesis
characters / source characters). The document's ratio is the median of x (Gale & Church 1993
estimate one length ratio per language pair; here it comes from the document itself). A unit is
an outlier when its modified z-score, 0.6745 (x - median) / MAD (Iglewicz & Hoaglin 1993, "How to
Detect and Handle Outliers"), exceeds :data:`Z_THRESHOLD` (3.5) in absolute value. The MAD is
floored at :data:`MIN_MAD` (0.1, i.e. about ±10%) so a very uniform document does not flag small
differences. At least :data:`MIN_UNITS` units are needed. Severity ``warning``.
"""

from __future__ import annotations

import math
import statistics
from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue

MIN_SOURCE_CHARS = 10
MIN_UNITS = 5
Z_THRESHOLD = 3.5
MIN_MAD = 0.1


class LengthRatioCheck(Check):
    """Units far longer or shorter than the document's length ratio. (See the module docstring.)"""

    ids: ClassVar[dict[str, str]] = {"length-ratio": "warning"}
    needs_source = True

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """One issue per outlier unit (``details``: ratio, document_ratio, z)."""
        data = []
        for u in units:
            if u.src_text is None or not u.hyp or len(u.src_text.strip()) < MIN_SOURCE_CHARS or not u.hyp_text.strip():
                continue
            data.append((u, math.log(len(u.hyp_text.strip()) / len(u.src_text.strip()))))
        if len(data) < MIN_UNITS:
            return []
        xs = [x for _, x in data]
        med = statistics.median(xs)
        mad = max(statistics.median(abs(x - med) for x in xs), MIN_MAD)
        out = []
        for u, x in data:
            z = 0.6745 * (x - med) / mad
            if abs(z) > Z_THRESHOLD:
                word = "longer" if z > 0 else "shorter"
                out.append(
                    issue(
                        u,
                        "length-ratio",
                        "warning",
                        f"hypothesis/source length ratio {math.exp(x):.2f} is far {word} than the document's {math.exp(med):.2f} (z={z:.1f})",
                        ratio=round(math.exp(x), 3),
                        document_ratio=round(math.exp(med), 3),
                        z=round(z, 2),
                    )
                )
        return out


CHECK = LengthRatioCheck()
