"""Arabic segmentation data.

``د.`` (Dr.), ``أ.`` (Prof., أستاذ), ``م.`` (engineer, or AD after a year), ``هـ.`` (hijri year),
``ص.`` (page); a single Arabic letter with a full stop is an initial.
"""

ABBREVIATIONS = frozenset({"د.", "أ.", "أ.د.", "م.", "هـ.", "ه.", "ص.", "ج.", "ق.م.", "ت.", "س.", "ش.م.م."})
WEAK_ABBREVIATIONS = frozenset({"م.", "هـ.", "ه.", "ق.م."})
NUMBER_ABBREVIATIONS = frozenset({"ص.", "ج."})
INITIAL_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
