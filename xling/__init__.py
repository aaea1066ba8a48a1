"""xling: offline translation and cross-lingual alignment for Persian news into en, ru and ar.

Importing xling does no work: no folder is created, no model is loaded, and the heavy
libraries (ctranslate2, spacy, hazm, torch, stanza) are imported inside the functions that
need them. The Python API mirrors the CLI; see the README.
"""

__version__ = "0.1.0"
