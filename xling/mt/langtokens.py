"""Language-token schemes of multilingual CTranslate2 models: ISO 639-1 code → the model's token.

A scheme is how a model names languages in its vocabulary:

* ``nllb``: FLORES-200 codes, ISO 639-3 + ISO 15924 script (``fa`` → ``pes_Arab``, ``ar`` →
  ``arb_Arab``, ``ru`` → ``rus_Cyrl``, ``en`` → ``eng_Latn``). Source: NLLB Team 2022, "No
  Language Left Behind", and the FLORES-200 language list (``facebook/flores`` README).
* ``m2m100``: the ISO 639-1 code between double underscores (``__fa__``). Source: Fan et al.
  2020, "Beyond English-Centric Multilingual Machine Translation"; fairseq's M2M-100 README.
* ``opus-mt``: ISO 639-3 between ``>>`` and ``<<`` (``>>ara<<``), written before the source
  sentence of multi-target OPUS-MT models. Source: Tiedemann & Thottingal 2020, "OPUS-MT";
  the Tatoeba-Challenge model READMEs (Persian is ``pes``, Iranian Persian).
* ``none``: no language tokens (a single-pair model).

A model folder may override any token in its ``xling-model.json`` (``language_tokens``); these
tables are the defaults. They cover the languages xling's pipeline and tests use; a model for
another language names its tokens itself.
"""

from __future__ import annotations

SCHEMES = ("nllb", "m2m100", "opus-mt", "none")

NLLB_CODES = {
    "fa": "pes_Arab",
    "ar": "arb_Arab",
    "ru": "rus_Cyrl",
    "en": "eng_Latn",
    "de": "deu_Latn",
    "fr": "fra_Latn",
}

#: ISO 639-1 → ISO 639-3 (as the OPUS-MT ``>>xxx<<`` tokens use them).
OPUS_CODES = {"fa": "pes", "ar": "ara", "ru": "rus", "en": "eng", "de": "deu", "fr": "fra"}


def language_token(scheme: str, code: str) -> str | None:
    """The default token of language ``code`` (ISO 639-1) in ``scheme``, or None when unknown.

    ``m2m100`` tokens are made from any code (``__xx__``); ``none`` has no tokens (None).

    Raises:
        ValueError: ``scheme`` is not one of :data:`SCHEMES`.
    """
    if scheme == "nllb":
        return NLLB_CODES.get(code)
    if scheme == "m2m100":
        return f"__{code}__"
    if scheme == "opus-mt":
        iso3 = OPUS_CODES.get(code)
        return f">>{iso3}<<" if iso3 else None
    if scheme == "none":
        return None
    raise ValueError(f"unknown language-token scheme {scheme!r}")
