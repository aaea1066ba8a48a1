"""French (fr) data. French is a language of the Text+Berg alignment documents; the aligner reads
only its script (its cognate key, :func:`xling.text.keys.latin_key`, removes accents for every
Latin-script language). Add segmentation or number data here when an algorithm needs it."""

from xling.lang.base import LanguageData

DATA = LanguageData(
    code="fr",
    name="French",
    script="latin",
    group_separator=" ",
    caption_labels=("photo", "photos", "légende", "note de la rédaction", "source"),
)
