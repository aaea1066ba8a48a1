"""German (de) data. German is a language of the Text+Berg alignment documents; the aligner reads
only its script (its cognate key, :func:`xling.text.keys.latin_key`, folds ß and accents for every
Latin-script language). Add segmentation or number data here when an algorithm needs it."""

from xling.lang.base import LanguageData

DATA = LanguageData(
    code="de",
    name="German",
    script="latin",
    group_separator=".",
    caption_labels=("foto", "fotos", "bild", "bildlegende", "anmerkung der redaktion", "quelle"),
)
