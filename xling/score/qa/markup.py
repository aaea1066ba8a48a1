"""QA checks ``tag-missing``, ``tag-extra`` and ``tag-order``: inline markup that MT lost, added
or reordered.

Markup is what a CAT tool protects as an inline code (the XLIFF 1.2/2.x inline elements, the
placeables of translate-toolkit's pofilter ``xmltags``/``printf``/``variables`` tests):

- XML/HTML tags: ``<b>``, ``</b>``, ``<br/>``, ``<a href="...">`` (a name right after ``<``, so
  ``x < y`` is not a tag);
- brace placeholders: ``{1}``, ``{name}``, ``{0:.2f}``;
- printf conversions: ``%s``, ``%d``, ``%1$s``, ``%(name)s``, ``%.2f`` (``25% share`` is not
  one: a space is not read as printf's flag).

Tags are compared by their text (an ``<a>`` tag's attributes included). A tag of the source that
the hypothesis lacks is ``tag-missing`` (error), one the hypothesis adds is ``tag-extra`` (error);
the same tags in another order is ``tag-order`` (warning: word order may move a tag on purpose,
a reviewer decides).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import ClassVar

from xling.score.qa.base import Check, Context, Issue, Unit, issue

MARKUP = re.compile(
    r"</?[A-Za-z][\w:.-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>"
    r"|\{\w+(?::[^{}]*)?\}"
    r"|%(?:\d+\$|\(\w+\))?[-+#0]*\d*(?:\.\d+)?[sdifuxXeEgGcr]"
)


def markup(text: str) -> list[str]:
    """The inline markup of ``text`` in order (list of str)."""
    return MARKUP.findall(text)


class MarkupCheck(Check):
    """Inline markup lost, added or reordered (see the module docstring)."""

    ids: ClassVar[dict[str, str]] = {"tag-missing": "error", "tag-extra": "error", "tag-order": "warning"}
    needs_source = True

    def run(self, units: list[Unit], ctx: Context) -> list[Issue]:
        """Per unit: one issue per kind found (``details.tags``; for ``tag-order`` both orders)."""
        out = []
        for u in units:
            if u.src_text is None or not u.src or not u.hyp:
                continue
            src, hyp = markup(u.src_text), markup(u.hyp_text)
            if src == hyp:
                continue
            missing = list((Counter(src) - Counter(hyp)).elements())
            extra = list((Counter(hyp) - Counter(src)).elements())
            if missing:
                out.append(issue(u, "tag-missing", "error", "markup lost: " + " ".join(missing), tags=missing))
            if extra:
                out.append(issue(u, "tag-extra", "error", "markup added: " + " ".join(extra), tags=extra))
            if not missing and not extra:
                message = "markup in another order: " + " ".join(hyp) + " (source: " + " ".join(src) + ")"
                out.append(issue(u, "tag-order", "warning", message, source=src, hypothesis=hyp))
        return out


CHECK = MarkupCheck()
