"""xling.tm: the translation memory (TM), an embedded SQLite database of translation units.

Owns: the database schema and its migrations (:mod:`xling.tm.schema`), storing and counting
units and the exact and fuzzy match lookup (:mod:`xling.tm.store`), and moving units between
the TM and interchange files (TMX, XLIFF: :mod:`xling.tm.exchange`).

Leaves to others: reading and writing the files themselves (:mod:`xling.formats`), the text
comparison key (:func:`xling.text.keys.fold`), and where a TM is used in the main job
(:mod:`xling.pipeline`).
"""
