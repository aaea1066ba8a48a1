"""Rendering the report pages with Jinja2 (templates in ``xling/report/templates/``).

The environment autoescapes every expression (``autoescape=True``) and fails on an undefined
name (``StrictUndefined``); the CSS and JS are package files included inline by the
templates, so each page is one self-contained HTML5 file that fetches nothing (its
Content-Security-Policy forbids any fetch) and works from a ``file://`` URL.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import jinja2

    from xling.report.document import DocumentReport


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the report templates (built once)."""
    import jinja2

    from xling import __version__
    from xling.report.document import direction, language_name
    from xling.report.records import ORIGIN_LABELS
    from xling.score.metrics import METRIC_LABEL

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("xling.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        version=__version__,
        language_name=language_name,
        direction=direction,
        origin_labels=ORIGIN_LABELS,
        metric_label=METRIC_LABEL,
    )
    env.filters["score"] = _score
    return env


def _score(value: Any, digits: int = 2) -> str:
    """A score with ``digits`` decimals, or ``–`` for ``None``."""
    return "–" if value is None else f"{value:.{digits}f}"


def render_document(doc: DocumentReport) -> str:
    """The HTML page of one document (str, a complete HTML5 document)."""
    return environment().get_template("document.html.j2").render(doc=doc)


def render_index(title: str, documents: list[dict[str, Any]], languages: list[str], test_models: list[str]) -> str:
    """The HTML index page of a folder of documents.

    Args:
        title: the page title (the folder's name).
        documents: one dict per document: ``href`` (relative link to its page), ``name``,
            ``segments``, ``summary`` (``{lang: LanguageSummary}``), ``test_models``.
        languages: the target languages (columns), in order.
        test_models: every test model used by any document (the banner).
    """
    return (
        environment()
        .get_template("index.html.j2")
        .render(title=title, documents=documents, languages=languages, test_models=test_models)
    )
