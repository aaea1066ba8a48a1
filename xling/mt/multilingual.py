"""Many-to-many models converted to CTranslate2: NLLB-200 and M2M-100, any pair among their languages.

The source sentence is written ``[src_lang] + pieces + </s>`` (CTranslate2 adds ``</s>``) and
the target language token is forced as the target prefix, then removed from the output. This
is CTranslate2's documented use of both converted models (CTranslate2 "Transformers" guide,
sections NLLB and M2M-100) and the Hugging Face ``NllbTokenizer`` (non-legacy) / ``M2M100Tokenizer``
layout. Tokens: ``pes_Arab`` for NLLB, ``__fa__`` for M2M-100 (:mod:`xling.mt.langtokens`).
"""

from __future__ import annotations

from typing import Any

from xling.mt.folder_engines import FolderEngine


class MultilingualEngine(FolderEngine):
    """An ``nllb`` or ``m2m100`` model folder on one pair (see :class:`~xling.mt.folder_engines.FolderEngine`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.target_prefix = [self.model.tokens[self.to_code]]
        self.source_prefix = [self.model.tokens[self.from_code]]
