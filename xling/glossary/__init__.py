"""xling.glossary: the termbase and its use in translation.

Owns:

- the termbase model (:mod:`~xling.glossary.model`: concept entries, preferred / admitted /
  deprecated terms, short forms, cross-references; TBX-Basic semantics) and its validation
  (:mod:`~xling.glossary.validate`);
- glossary files: the house glossary's location, loading, atomic saving, locking and edit
  transactions (:mod:`~xling.glossary.store`), the comment-preserving YAML round trip
  (:mod:`~xling.glossary.yamlsync`), maintenance operations (:mod:`~xling.glossary.ops`), TBX and
  CSV/TSV exchange (:mod:`~xling.glossary.tbx`, :mod:`~xling.glossary.csvio`);
- finding terms: source terms in Persian text (:mod:`~xling.glossary.match`, Aho-Corasick),
  target forms in en/ru/ar (:mod:`~xling.glossary.target`), the transliteration key for
  near-misses (:mod:`~xling.glossary.translit`);
- enforcement around MT: protect / restore (:mod:`~xling.glossary.enforce`), repair
  (:mod:`~xling.glossary.repair`), both through one morphology (:mod:`~xling.glossary.morphology`:
  clitics, endings, articles, casing, the house form), and the WMT term check
  (:mod:`~xling.glossary.check`).

Leaves to others: letter folds and script detection (:mod:`xling.text.keys`), per-language data
(:mod:`xling.lang`), file decoding and atomic output groups (:mod:`xling.io`), running the stages
(:mod:`xling.pipeline`), the QA term check's report (:mod:`xling.score`), command-line parsing
(:mod:`xling.cli`; the glossary commands in :mod:`xling.cli.glossary` and
:mod:`xling.cli.glossary_enforce`, their option strings in :mod:`xling.cli.glossary_args`).
"""
