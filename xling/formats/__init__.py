"""xling.formats: the interchange files CAT tools read and write, with lxml.

Owns: TMX 1.4b writing and reading (:mod:`xling.formats.tmx`), XLIFF 2.1 and 1.2 writing and
reading (:mod:`xling.formats.xliff`), the CAT round trip between a translate record and XLIFF
(:mod:`xling.formats.roundtrip`: ``xling translate --xliff``, ``xling xliff import``), and the
one hardened XML parse of these readers (:mod:`xling.formats.xmlparse`).

Leaves to others: TBX (:mod:`xling.glossary.tbx`), the translation memory itself
(:mod:`xling.tm`), alignment (:mod:`xling.align`, which renders its TMX through this package)
and the ``.jsonl`` record's layout (:mod:`xling.pipeline`).
"""
