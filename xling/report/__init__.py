"""xling.report: the review report, one self-contained HTML page per translated document.

This package owns ``xling report`` and ``xling translate --report``: it reads the ``.jsonl``
record that ``xling translate`` writes (one line per segment) and renders, with Jinja2 and
autoescaping, a page where a reviewer sees each source segment beside its targets, with the
glossary terms marked by status (and their concept entries on click or hover), the repairs
(before → after, with the rule), the QA issues inline, and, given human references, sentence
chrF++ and corpus BLEU / chrF++ / TER with their sacrebleu signatures. A folder of records (a
batch run's output) gets an index page with one line per document.

It computes nothing of its own: QA checks and metrics come from :mod:`xling.score.api`,
term spans from :mod:`xling.glossary` (source matcher, target forms), sentence pairing with
a reference from xling's aligner through the score API.

Modules:

- :mod:`xling.report.records`: reading and checking a ``.jsonl`` record; segment origins (MT,
  TM, post-edit) and test-model names;
- :mod:`xling.report.marks`: a segment's text cut into pieces: plain, term (entry, status),
  repair (before → after, rule);
- :mod:`xling.report.references`: ``--ref LANG=FILE``: scores and the reference under each
  hypothesis;
- :mod:`xling.report.document`: the view of one document (rows, cells, QA summary, scores);
- :mod:`xling.report.corpus`: a folder of records: every page and the index;
- :mod:`xling.report.render`: the Jinja2 environment and the templates in ``templates/``
  (HTML, CSS and JS inline: the page works from ``file://`` and fetches nothing).

Nothing is imported here, so ``import xling.report`` stays instant.
"""
