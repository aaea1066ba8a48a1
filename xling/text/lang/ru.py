"""Russian segmentation data."""

ABBREVIATIONS = frozenset(
    """
    т. е. д. п. н. к. г. гг. в. вв. см. ср. др. пр. им. ул. пер. просп. пл. обл. р-н. р. руб. коп. тыс. млн. млрд.
    проф. акад. доц. канд. докт. чл.-корр. ген. полк. подполк. ген.-л. ген.-м. мл. ст. св. тов. гр. г-н. г-жа.
    янв. февр. мар. апр. авг. сент. окт. нояб. дек. стр. с. рис. табл. гл. ч. ок. прим. ред. изд. напр. мин. сек.
    """.split()
)
# Abbreviations that may also end a sentence: kept only when a lower-case word or a digit follows.
WEAK_ABBREVIATIONS = frozenset(
    {"г.", "гг.", "в.", "вв.", "др.", "пр.", "руб.", "коп.", "тыс.", "млн.", "млрд.", "с.", "ч.", "мин.", "сек."}
)
NUMBER_ABBREVIATIONS = frozenset({"с.", "стр.", "рис.", "табл.", "гл.", "ч.", "п.", "№"})
INITIAL_LETTERS = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"
# Prepositions that open a date phrase (``В 2025 г.``, ``С 1 января 2025 г.``): such a phrase before a
# weak abbreviation and a capital letter is not a sentence of its own (see segment._date_phrase).
DATE_PREPOSITIONS = frozenset(
    {"в", "во", "с", "со", "к", "ко", "до", "после", "на", "от", "по", "за", "около", "между", "через", "из", "у"}
)
