"""Corpus runs: ``xling batch translate|align|score`` over a folder or a manifest of documents.

Owns: finding a run's documents (:mod:`xling.batch.manifest`), the resume record
``OUT/batch.jsonl`` (:mod:`xling.batch.record`), running documents together through one session
so that each model loads once per worker and segments of many documents share one engine
batch (:mod:`xling.batch.run`), and the executors that spread that work over local processes or
a Ray cluster (:mod:`xling.batch.executors`).

Leaves to others: the stages themselves (:mod:`xling.pipeline`: a batch document's outputs are
exactly ``xling translate``'s), alignment (:mod:`xling.align`), scoring (:mod:`xling.score`),
and Ray itself (an optional extra, imported only by the Ray executor).
"""
