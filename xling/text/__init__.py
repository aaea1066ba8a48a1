"""Text preparation: Persian normalization (letters, ZWNJ, digits) and sentence segmentation.

Modules (each imports its heavy library, hazm or spaCy, only when first used):

- :mod:`xling.text.normalize`: ``normalize(text, lang, *, digits="keep", zwnj=True)`` and
  ``normalize_with_edits`` (MT-safe: Latin, numbers, dates, URLs, tanwin, hamza untouched);
- :mod:`xling.text.zwnj`: ZWNJ restoration driven by hazm's lexicon; :mod:`xling.text.zwnj_metrics`
  scores it against a gold text;
- :mod:`xling.text.digits`: ``to_ascii_digits`` (۰-۹, ٠-٩, ٫, ٬ → ASCII);
- :mod:`xling.text.orthography`: ``unify_letters(text, lang, *, keep_protected=False)`` and the
  comparison key ``fold``;
- :mod:`xling.text.protect`: ``protected_spans(text)``, the URLs and e-mail addresses that
  normalization leaves byte-identical;
- :mod:`xling.text.segment`: ``segment_text(text, lang, *, join_lines=False) -> list[Sentence]``
  for fa, en, ru, ar (a line break ends a segment unless ``join_lines``), with per-language
  abbreviation data in :mod:`xling.text.lang`.
"""
