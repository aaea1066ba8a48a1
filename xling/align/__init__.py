"""xling.align: sentence alignment of a source document with its translations.

Owns: beads and their file format (:mod:`~xling.align.beads`), the alignment evidence (Gale &
Church length model in :mod:`~xling.align.lengths`; numbers, cognates, glossary concepts,
punctuation and a learnt lexicon in :mod:`~xling.align.anchors`), the bead cost terms
(:mod:`~xling.align.costs`), the DP and its coarse-to-fine search (:mod:`~xling.align.dp`), the
global parameters (:mod:`~xling.align.params`), the entry point
:func:`xling.align.search.align_sentences`, multi-target units (:mod:`~xling.align.multi`),
rendering (:mod:`~xling.align.output`) and strict/lax P/R/F1 (:mod:`~xling.align.evaluate`).

Leaves to others: sentence segmentation (:mod:`xling.text.segment`), digit and orthography
data (:mod:`xling.text`, :mod:`xling.lang`), termbases (:mod:`xling.glossary`), machine
translation for the optional MT score (:mod:`xling.mt`), TMX writing (:mod:`xling.formats`),
file I/O (:mod:`xling.io`) and the command line (:mod:`xling.cli.align`).
"""
