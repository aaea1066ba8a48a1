"""xling.score: quality scoring of a translation, with and without a reference.

Owns:

- the scoring normalization (:mod:`xling.score.normalization`), applied to hypothesis and
  reference alike and recorded in every report;
- the reference-based metrics through sacrebleu: BLEU, chrF, chrF++ and TER, corpus and
  segment level, with their signatures (:mod:`xling.score.metrics`);
- pairing hypothesis with reference (or source) segments, 1:1 or by beads
  (:mod:`xling.score.pairing`);
- the reference-free QA checks, one module per check behind one interface, each with stable ids
  (:mod:`xling.score.qa`);
- ``--fail-under``/``--fail-over`` thresholds (:mod:`xling.score.thresholds`);
- the report objects, their JSON form (``schema.json``) and the table
  (:mod:`xling.score.report`); the Python entry points (:mod:`xling.score.api`).

Leaves to others: the sentence aligner that makes the beads (:mod:`xling.align`), the term
matching and the WMT term success rate (:mod:`xling.glossary.check`, which the term check
calls), letter and digit folding (:mod:`xling.text`), number words and other language data (the
language-data package), the metrics themselves (sacrebleu), and option parsing (``xling.cli``).

Nothing is imported here, so ``import xling.score`` stays instant.
"""
