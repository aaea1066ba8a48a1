"""xling.score: quality scoring of a translation.

One module per concern, in the manner of sacrebleu:

- :mod:`xling.score.normalization`: the normalization applied to hypothesis and reference alike;
- :mod:`xling.score.metrics`: BLEU, chrF++ and TER through sacrebleu, corpus and segment level;
- :mod:`xling.score.pairing`: pairing hypothesis with reference (or source) segments, 1:1 or by
  sentence alignment (beads);
- :mod:`xling.score.qa`: reference-free QA checks, one module per check, each with a stable id;
- :mod:`xling.score.thresholds`: ``--fail-under`` specifications;
- :mod:`xling.score.report`: the report objects, their JSON form (``schema.json``) and the table;
- :mod:`xling.score.api`: the Python entry points (``score_files``, ``run_checks``).

Nothing is imported here, so ``import xling.score`` stays instant.
"""
