"""xling.testing: test models built offline, for xling's tests, demo and benchmarks.

Owns: the exact copy models and transformer-base benchmark models as Argos ``.argosmodel``
packages (:mod:`xling.testing.models`) and as OPUS-MT / NLLB-200 / M2M-100 model folders
(:mod:`xling.testing.folder_models`), their CTranslate2 weights built from numpy
(:mod:`xling.testing.ct2_build`) and their SentencePiece tokenizers (:mod:`xling.testing.sp_train`).
Their output is never a translation; every one is named "xling test model".

Leaves to others: reading, validating, installing and running models (``xling.mt``).
"""
