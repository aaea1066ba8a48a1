"""OPUS-MT (Marian) models converted to CTranslate2: one pair, or one source and several targets.

A multi-target OPUS-MT model reads the target language from a token written before the source
sentence, ``>>ara<<`` (Tiedemann & Thottingal 2020, "OPUS-MT — Building open translation
services for the World"; the model READMEs: "a sentence initial language token is required in
the form of >>id<<"). A single-target model gets no token. Each side has its own
SentencePiece model (``source.spm``, ``target.spm``), as the Marian exports do.
"""

from __future__ import annotations

from typing import Any

from xling.mt.folder_engines import FolderEngine


class OpusMTEngine(FolderEngine):
    """An ``opus-mt`` model folder on one pair (see :class:`~xling.mt.folder_engines.FolderEngine`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        token = self.model.tokens.get(self.to_code)
        self.source_prefix = [token] if token else []  # ">>ara<<" for a multi-target model
