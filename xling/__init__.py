"""xling: offline translation and cross-lingual alignment for Persian news into en, ru and ar.

Importing xling does no work: no folder is created, no model is loaded, and the heavy
libraries (ctranslate2, spacy, hazm, torch, stanza) are imported inside the functions that
need them. The Python API mirrors the CLI; see the README. The main job (:mod:`xling.pipeline`)::

    import xling
    doc = xling.translate_document(text, from_code="fa", targets=["en", "ru", "ar"])
    doc.segments[0].targets["en"]
    config = xling.TranslateConfig("fa", ("en",), glossary="default")
    result = xling.translate_file("doc.fa.txt", "out", config)   # what `xling translate` writes
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

#: Names served lazily from :mod:`xling.pipeline` (PEP 562), so ``import xling`` stays instant.
_PIPELINE_API = ("translate_document", "translate_file", "TranslateConfig", "Session", "TranslatedDocument")

__all__ = ["__version__", *_PIPELINE_API]


def __getattr__(name: str) -> Any:
    if name in _PIPELINE_API:
        from xling import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'xling' has no attribute {name!r}")
