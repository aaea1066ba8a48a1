"""Text preparation: Persian normalization (letters, ZWNJ, digits) and sentence segmentation.

Owns the algorithms that prepare plain text before MT, alignment and scoring, and the one home of
character classes and comparison keys. Modules (each imports its heavy library, hazm or spaCy,
only when first used):

- :mod:`xling.text.keys`: special code points (ZWNJ and the other zero-width marks), character
  classes, :func:`~xling.text.keys.script_of`, and every comparison key (``fold``, the glossary
  matcher's key, the aligner's cognate folds, the number-word key);
- :mod:`xling.text.normalize`: ``normalize(text, lang, *, digits="keep", zwnj=True)`` and
  ``normalize_with_edits`` (MT-safe: Latin, numbers, dates, URLs, tanwin, hamza untouched);
- :mod:`xling.text.zwnj`: ZWNJ restoration driven by hazm's lexicon;
- :mod:`xling.text.digits`: ``to_ascii_digits`` (۰-۹, ٠-٩, ٫, ٬ → ASCII);
- :mod:`xling.text.orthography`: ``unify_letters(text, lang, *, keep_protected=False)``;
- :mod:`xling.text.protect`: ``protected_spans(text)``, the URLs and e-mail addresses that
  normalization leaves byte-identical;
- :mod:`xling.text.segment`: ``segment_text(text, lang, *, join_lines=False) -> list[Sentence]``
  for fa, en, ru, ar (a line break ends a segment unless ``join_lines``).

Leaves to others: per-language data (abbreviations, affixes, cue words: :mod:`xling.lang`);
reading files and decoding bytes (:mod:`xling.io`); the ``xling normalize`` / ``xling segment``
commands (:mod:`xling.cli.text`); term matching, alignment and scoring, which only call the keys.
"""
