"""Arabic segmentation data.

``د.`` (Dr.), ``أ.`` (Prof., أستاذ), ``م.`` (engineer, or AD after a year), ``هـ.`` (hijri year),
``ص.`` (page); a single Arabic letter with a full stop is an initial.
"""

ABBREVIATIONS = frozenset({"د.", "أ.", "أ.د.", "م.", "هـ.", "ه.", "ص.", "ج.", "ق.م.", "ت.", "س.", "ش.م.م."})
WEAK_ABBREVIATIONS = frozenset({"م.", "هـ.", "ه.", "ق.م."})
NUMBER_ABBREVIATIONS = frozenset({"ص.", "ج."})
INITIAL_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
# Words that continue a sentence after a quoted one (``«لماذا؟» و غادر``). Not ``و`` written joined
# to the next word: a new Arabic sentence often starts with it (وقال, وأضاف).
CONTINUATION_WORDS = frozenset({"و", "أو"})
