"""QA checks on segments themselves.

- ``segment-missing`` (error): a source segment with no hypothesis (a 1-0 bead).
- ``segment-empty`` (error): a hypothesis that is empty or only spaces while its source is not.
  Without a source this check cannot tell an empty segment from a paragraph break (``xling
  translate`` writes a blank line between paragraphs), so only lines of spaces are flagged
  (warning), never empty lines.
- ``segment-extra`` (warning): a hypothesis segment with no source segment (a 0-1 bead, or a
  line whose source line is empty).
"""

from __future__ import annotations

from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue


class SegmentsCheck(Check):
    """Missing, empty and extra segments. (See the module docstring.)"""

    ids: ClassVar[dict[str, str]] = {"segment-missing": "error", "segment-empty": "error", "segment-extra": "warning"}

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """Issues for missing, empty and extra segments."""
        out = []
        for u in units:
            hyp_blank = not u.hyp_text.strip()
            if u.src_text is None:
                if hyp_blank and u.hyp_text:
                    out.append(issue(u, "segment-empty", "warning", "hypothesis segment holds only spaces"))
                continue
            src_blank = not u.src_text.strip()
            if not u.hyp and not src_blank:
                out.append(
                    issue(u, "segment-missing", "error", "source segment has no hypothesis", source=u.src_text[:80])
                )
            elif hyp_blank and not src_blank:
                out.append(issue(u, "segment-empty", "error", "hypothesis segment is empty", source=u.src_text[:80]))
            elif src_blank and not hyp_blank:
                out.append(
                    issue(
                        u,
                        "segment-extra",
                        "warning",
                        "hypothesis segment has no source segment",
                        hypothesis=u.hyp_text[:80],
                    )
                )
        return out


CHECK = SegmentsCheck()
