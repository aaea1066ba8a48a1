"""Persian segmentation data.

Dates are written with the calendar after the year: ``۱۴۰۳ ه.ش.`` (solar hijri), ``ه.ق.``
(lunar hijri), ``ق.م.`` (BC), ``م.`` (AD). A single Persian letter with a full stop is an
initial (``ع. رضایی``).
"""

ABBREVIATIONS = frozenset({"ه.ش.", "ه.ق.", "ق.م.", "ه‍.ش.", "ه‍.ق.", "ص.", "ج.", "ر.ک.", "ر.ک", "م.", "ش.", "ق.", "ه."})
WEAK_ABBREVIATIONS = frozenset({"ه.ش.", "ه.ق.", "ق.م.", "م."})
NUMBER_ABBREVIATIONS = frozenset({"ص.", "ج."})
INITIAL_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآ"
# Words that cannot open a sentence: after a quoted sentence (``«چرا؟» و رفت``) they continue it.
CONTINUATION_WORDS = frozenset({"و", "که", "را", "یا"})
