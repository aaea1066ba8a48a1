"""Train the SentencePiece tokenizer of a project-built test model, offline.

The training text is generated here (no download, no file from outside the package): a few
Persian, English, Russian and Arabic sentences, every character of those scripts, digits
(ASCII, Persian, Arabic-Indic), punctuation, the ``⟦ ⟧`` placeholder brackets and a run of
private-use characters. For the transformer-base variant, pseudo-words drawn from those
alphabets with a fixed seed are added so that a 32 000-piece unigram vocabulary can be filled.

Choices, and why:

* ``normalization_rule_name="identity"``: the usual ``nmt_nfkc`` rule turns ZWNJ (U+200C) into a
  space, which would break Persian words such as «می‌گوید».
* ``remove_extra_whitespaces=False``: a copy model must give back the exact text, double spaces
  included.
* ``byte_fallback=True``: a character absent from the vocabulary is split into UTF-8 byte pieces
  ``<0xNN>`` instead of ``<unk>``, so every string round-trips through encode/decode.
* ``required_chars``: all characters listed above are pieces of their own, so they never fall
  back to bytes in ordinary text.

Reference: Kudo & Richardson 2018, "SentencePiece: A simple and language independent subword
tokenizer and detokenizer for Neural Text Processing" (EMNLP demo), and the sentencepiece
training options (``sentencepiece/doc/options.md``).
"""

from __future__ import annotations

import io
import random

from xling.text.keys import LRM, NBSP, RLM, ZWJ, ZWNJ

# Letters and marks of the scripts xling handles.
PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئءةيكۀ"
ARABIC_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"  # harakat, tatweel
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâçôöüïäñßÉ"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
DIGITS = "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"
PUNCTUATION = ".,;:!?'\"()[]{}<>«»“”‘’-–—_/\\@#$%^&*+=|~`…،؛؟٪٫٬⟦⟧•·°"
PRIVATE_USE = "".join(chr(c) for c in range(0xE000, 0xE020))
SPECIAL = ZWNJ + ZWJ + LRM + RLM + NBSP

REQUIRED_CHARS = "".join(
    dict.fromkeys(PERSIAN_LETTERS + ARABIC_MARKS + LATIN + CYRILLIC + DIGITS + PUNCTUATION + PRIVATE_USE + SPECIAL)
)

SEED_SENTENCES = [
    "ولادیمیر پوتین، رئیس‌جمهور روسیه، روز چهارشنبه در مسکو با احمد الشرع دیدار کرد.",
    "او می‌گوید که روابط دو کشور «تاریخی» است و باید حفظ شود.",
    "این دیدار در تاریخ ۲۳ مهر ۱۴۰۴ برگزار شد؛ گفت‌وگوها حدود ۳ ساعت طول کشید.",
    "خبرگزاری‌ها گزارش دادند که پایگاه‌های نظامی روسیه در سوریه موضوع اصلی بود.",
    "date 2025-10-15",
    "The meeting took place in Moscow on Wednesday, 15 October 2025.",
    "President Vladimir Putin met Ahmed al-Sharaa at the Kremlin.",
    "Президент России Владимир Путин встретился с Ахмедом аш-Шараа в Москве.",
    "Переговоры продолжались около трёх часов.",
    "التقى الرئيس الروسي فلاديمير بوتين بأحمد الشرع في موسكو يوم الأربعاء.",
    "⟦T0⟧ و ⟦T1⟧ در متن محافظت می‌شوند.",
    "Numbers: 1, 22, 333, 4.5%, ۱۲٫۵ and ١٢٣.",
]


def persian_lexicon() -> list[tuple[str, int]]:
    """Persian words with corpus frequencies from hazm's lexicon (``hazm/data/words.dat``).

    Read as a data file, without importing hazm. Returns ``[]`` when hazm is not installed.
    Source: hazm (Sobhe), https://github.com/roshan-research/hazm.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "words.dat"
    if not path.is_file():
        return []
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) > 0:
            words.append((parts[0], int(parts[1])))
    return words


def training_lines(*, pseudo_words: int = 0, lexicon_lines: int = 0, seed: int = 0) -> list[str]:
    """Return the training text as a list of lines (no line breaks inside a line).

    Args:
        pseudo_words: how many extra pseudo-words (random letter strings from the alphabets
            above, seeded) to add, about 12 per line; 0 for the small copy tokenizer.
        lexicon_lines: how many lines of 12 Persian words drawn from hazm's lexicon
            (:func:`persian_lexicon`, weighted by the square root of corpus frequency), so that
            real Persian text is cut into word-like pieces as by a real model's tokenizer.
        seed: random seed for the pseudo-words and lexicon lines.

    Returns:
        Lines of text, deterministic for a given ``(pseudo_words, lexicon_lines, seed)`` and
        hazm version.
    """
    lines = list(SEED_SENTENCES) * 3
    # Every required character, alone and in a line, so character_coverage keeps it.
    lines.append(" ".join(REQUIRED_CHARS))
    lines.append(REQUIRED_CHARS)
    alphabets = [PERSIAN_LETTERS[:32], LATIN[:26], CYRILLIC[:33], PERSIAN_LETTERS]
    rng = random.Random(seed)
    line: list[str] = []
    for _ in range(pseudo_words):
        alphabet = alphabets[rng.randrange(len(alphabets))]
        n = rng.randint(2, 9)
        word = "".join(alphabet[int(rng.paretovariate(1.2)) % len(alphabet)] for _ in range(n))
        if alphabet is PERSIAN_LETTERS and rng.random() < 0.1:
            word = word[: n // 2] + ZWNJ + word[n // 2 :]
        line.append(word)
        if len(line) >= 12:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    lexicon = persian_lexicon() if lexicon_lines else []
    if lexicon:
        words = [w for w, _ in lexicon]
        cum, total = [], 0.0
        for _, f in lexicon:
            total += f**0.5
            cum.append(total)
        for _ in range(lexicon_lines):
            lines.append(" ".join(rng.choices(words, cum_weights=cum, k=12)))
    return lines


def train_sentencepiece(
    vocab_size: int,
    *,
    pseudo_words: int = 0,
    lexicon_lines: int = 0,
    seed: int = 0,
    user_symbols: tuple[str, ...] = (),
) -> bytes:
    """Train a unigram SentencePiece model in memory and return its serialized bytes.

    Args:
        vocab_size: requested vocabulary size (pieces, including ``<unk>``, ``<s>``, ``</s>``
            and the 256 byte-fallback pieces). Trained with ``hard_vocab_limit=False``, so the
            result may be smaller when the text has too few distinct pieces; check
            :func:`piece_list` for the actual size.
        pseudo_words: extra seeded pseudo-words for large vocabularies (see
            :func:`training_lines`).
        lexicon_lines: lines of Persian lexicon words (see :func:`training_lines`).
        seed: seed for the pseudo-words and lexicon lines.
        user_symbols: pieces that must exist whole (for example a target prefix ``__en__``).

    Returns:
        The ``sentencepiece.model`` file content (bytes).
    """
    import sentencepiece as spm

    text = "\n".join(training_lines(pseudo_words=pseudo_words, lexicon_lines=lexicon_lines, seed=seed)) + "\n"
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(text.splitlines()),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        byte_fallback=True,
        character_coverage=1.0,
        required_chars=REQUIRED_CHARS,
        hard_vocab_limit=False,
        user_defined_symbols=list(user_symbols),
        max_sentence_length=1 << 16,
        num_threads=2,
        minloglevel=2,
    )
    return model.getvalue()


def piece_list(model_bytes: bytes) -> list[str]:
    """Return the pieces of a serialized SentencePiece model, in id order."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=model_bytes)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
