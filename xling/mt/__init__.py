"""xling.mt: machine translation behind one batch-first interface.

Owns: the :class:`~xling.mt.engine.Engine` protocol; the CTranslate2 engines on one batched
``translate_batch`` path (:mod:`xling.mt.ct2`: Argos packages in :mod:`xling.mt.argos`, converted
OPUS-MT / NLLB-200 / M2M-100 folders in :mod:`xling.mt.folder_engines`, :mod:`xling.mt.opusmt`,
:mod:`xling.mt.multilingual`); installed models and their validation (:mod:`xling.mt.packages`
for ``.argosmodel`` files, :mod:`xling.mt.folder` for model folders, language-token schemes in
:mod:`xling.mt.langtokens`); choosing each leg's engine and model (:mod:`xling.mt.routes` for the
``xling.toml`` routes config, :mod:`xling.mt.plan` for the plan) and running the legs with a
shared pivot (:mod:`xling.mt.pivot`).

Leaves to others: segmentation and normalization of the text sent (``xling.text``), glossary
protection and repair around MT (``xling.glossary``), the stages, the ``.jsonl`` record and
output files (``xling.pipeline``), command-line parsing (``xling.cli``) and test-model building
(``xling.testing``). Importing it loads no model, imports no heavy library and creates no folder.
"""
