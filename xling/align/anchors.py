"""Anchors that survive translation: numbers, shared words, glossary concepts, punctuation.

Lengths alone (Gale & Church 1993) confuse neighbouring beads of similar length. Lexical anchors
break those ties, in the spirit of Moore (2002, *Fast and accurate sentence alignment of
bilingual corpora*) and of Melamed's / Simard, Foster & Isabelle's (1992) cognates, but without
any trained lexicon:

- **numbers**, compared after mapping ۰-۹ and ٠-٩ to 0-9 (:func:`xling.text.digits.to_ascii_digits`)
  and dropping group/decimal separators;
- **shared words**: words written in a script both languages use, compared on a folded 4-character
  prefix (lowercase, accents removed, ß→ss; for Arabic script: ي/ی, ك/ک/گ, پ→ب, چ→ج, ژ→ز, ة→ه,
  hamza seats unified, and the clitics و ف ب ل and the article ال stripped). This catches de-fr
  cognates (``Nordostwand``/``nordest``), names, and the many words Persian shares with Arabic.
  Latin-script tokens are compared for every pair (``IRNA``, ``date``);
- **glossary concepts**: a source term and any term of the same concept entry in the target
  language (:class:`xling.glossary.model.Glossary`), key ``G:<entry id>``;
- **punctuation structure**: counts of question marks, colons, quotes, parentheses, exclamation
  marks and semicolons per sentence.

Words hyphenated across a line break in scanned text (``Erleb- nisse``) are joined first
(:func:`dehyphenate`). Caption, note and page-header lines, found by a caption label
(``Photo:``, ``Editor's note:``) or by their shape, are marked as noise (:func:`noise_lines`).

Only keys that occur in *both* documents are kept (a key that cannot match anywhere is no
evidence), and each key is weighted ``1/sqrt(max(df_src, df_tgt))`` (df = number of sentences it
occurs in) so that a frequent word counts less than a rare name or number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from xling.align.lengths import char_length
from xling.lang import find as find_language
from xling.lang import get as get_language
from xling.lang import script_of_language
from xling.text import keys as text_keys
from xling.text.digits import to_ascii_digits

if TYPE_CHECKING:  # pragma: no cover
    from xling.glossary.model import Glossary


_AR = get_language("ar")  # the Arabic clitics and article stripped from Arabic-script words

PUNCT_CLASSES = ("?؟", ":", '"«»“”„', "()[]", "!", ";؛")
_PUNCT_INDEX = {ch: k for k, chars in enumerate(PUNCT_CLASSES) for ch in chars}

_NUMBER = re.compile(r"\d+(?:[.,٫٬']\d+)*")
_WORD = re.compile(r"[^\W\d_]+")
WEIGHT_POWER = 0.5  # key weight = df ** -WEIGHT_POWER (df: sentences holding the key, larger side)
NUMBER_WEIGHT = 1.0  # numbers count this many times a word key
PREFIX = 4  # characters of a word compared as a cognate key (Simard et al. 1992 used 4)


def script_of(word: str) -> str:
    """The script of the first letter of ``word`` (:func:`xling.text.keys.script_of`)."""
    return text_keys.script_of(word[0])


def word_keys(word: str, script: str) -> list[str]:
    """Cognate keys of one word (list of str, possibly empty). See the module docstring."""
    if script == "latin":
        w = text_keys.latin_key(word)
        return ["L:" + w[:PREFIX]] if len(w) >= PREFIX else []
    if script == "arabic":
        w = text_keys.arabic_skeleton(word)
        forms = {w}
        if len(w) > 3 and w[0] in _AR.cognate_proclitics:
            forms.add(w[1:])
        for f in list(forms):
            if f.startswith(_AR.article) and len(f) > 4:
                forms.add(f[len(_AR.article) :])
        return ["A:" + f[:PREFIX] for f in forms if len(f) >= 3]
    if script == "cyrillic":
        w = word.lower().replace("ё", "е")
        return ["C:" + w[:PREFIX]] if len(w) >= PREFIX else []
    return []


def number_keys(text: str) -> list[str]:
    """Number keys of a sentence: ASCII digits without separators and leading zeros."""
    out = []
    for m in _NUMBER.finditer(to_ascii_digits(text)):
        d = re.sub(r"\D", "", m.group()).lstrip("0") or "0"
        out.append("N:" + d)
    return out


def punctuation_counts(sentences: list[str]) -> np.ndarray:
    """Counts of each :data:`PUNCT_CLASSES` class per sentence: int32 array ``(n, 6)``."""
    out = np.zeros((len(sentences), len(PUNCT_CLASSES)), dtype=np.int32)
    for i, s in enumerate(sentences):
        for ch in s:
            k = _PUNCT_INDEX.get(ch)
            if k is not None:
                out[i, k] += 1
    return out


#: Weakness of a segment boundary by the segment's last character: 1 after a semicolon (Latin
#: or Arabic), 0 otherwise. Segmenters (the Text+Berg one included) split at ``;``, but
#: translators often join such clauses: on the de-fr development gold, 52 % (de) and 43 % (fr)
#: of boundaries after ``;`` fall inside a bead, against 6-11 % after ``.``. Colons (17-22 %)
#: are left out: in lists and tables of contents they mark real units, and counting them cost
#: strict F1 on one development document.
WEAK_BOUNDARY = {";": 1.0, "؛": 1.0}
#: Weakness of a boundary inside a broken sentence: the segment ends in a letter, a comma or a
#: hyphen and the next one opens with a lower-case letter (a sentence cut by a line or page
#: break, or around an interleaved caption, in scanned text). On the development gold 3 of 9
#: such boundaries fall inside a bead, against 8 % after a full stop.
BROKEN_WEAKNESS = 1.0


def boundary_weakness(sentences: list[str]) -> np.ndarray:
    """Weakness of the boundary after each sentence (float64 array ``(n,)``).

    :data:`WEAK_BOUNDARY` by the last character (trailing spaces and closing quotes/brackets
    skipped), or :data:`BROKEN_WEAKNESS` where the sentence is broken off (see there).
    """
    out = np.zeros(len(sentences), dtype=np.float64)
    for i, s in enumerate(sentences):
        t = s.rstrip().rstrip("\"'»”)]} ")
        if not t:
            continue
        out[i] = WEAK_BOUNDARY.get(t[-1], 0.0)
        nxt = sentences[i + 1].lstrip() if i + 1 < len(sentences) else ""
        if (t[-1].isalpha() or t[-1] in ",-") and nxt[:1].islower():
            out[i] = max(out[i], BROKEN_WEAKNESS)
    return out


class _GlossaryIndex:
    """Finds concept entries of a glossary in sentences of one language (simple folded search)."""

    def __init__(self, glossary: Glossary, lang: str):
        pats: dict[str, list[str]] = {}
        for entry in glossary.entries:
            for term in entry.terms.get(lang, []):
                for form in [term.text, *term.short_forms]:
                    f = text_keys.anchor_text_key(form)
                    if f:
                        pats.setdefault(f, []).append(entry.id)
        self.terms = pats
        alts = sorted(pats, key=len, reverse=True)
        self.regex = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, alts)) + r")(?!\w)") if alts else None

    def find(self, text: str) -> set[str]:
        if self.regex is None:
            return set()
        found: set[str] = set()
        for m in self.regex.finditer(text_keys.anchor_text_key(text)):
            found.update(self.terms[m.group(1)])
        return found


def sentence_keys(text: str, scripts: set[str], gloss: _GlossaryIndex | None = None) -> set[str]:
    """All anchor keys of one sentence (set of str): numbers, words in ``scripts``, concepts."""
    keys = set(number_keys(text))
    text = dehyphenate(text)
    for m in _WORD.finditer(text):
        sc = script_of(m.group())
        if sc in scripts:
            keys.update(word_keys(m.group(), sc))
    if gloss is not None:
        keys.update("G:" + c for c in gloss.find(text))
    return keys


@dataclass
class SideFeatures:
    """Per-sentence features of one side of a bitext.

    Attributes:
        lengths: characters per sentence (float64 array ``(n,)``, see :func:`char_length`).
        punct: punctuation class counts (int32 array ``(n, 6)``).
        keys: anchor key ids per sentence (list of int64 arrays; ids index ``weights``).
        weak: weakness of the boundary after each sentence (float64 array ``(n,)``, see
            :func:`boundary_weakness`); None for all 0.
        noise: 1.0 for a caption or note line (float64 array ``(n,)``, :func:`noise_lines`;
            block counts after :meth:`coarsen`); None for all 0.
    """

    lengths: np.ndarray
    punct: np.ndarray
    keys: list[np.ndarray] = field(default_factory=list)
    weak: np.ndarray | None = None
    noise: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.lengths)

    def weak_or_zeros(self) -> np.ndarray:
        """:attr:`weak`, or zeros when it was not computed."""
        return self.weak if self.weak is not None else np.zeros(len(self))

    def coarsen(self, k: int) -> SideFeatures:
        """Merge every ``k`` consecutive sentences into one block (for coarse-to-fine search)."""
        n = len(self)
        starts = np.arange(0, n, k)
        lengths = np.add.reduceat(self.lengths, starts) if n else self.lengths
        punct = np.add.reduceat(self.punct, starts, axis=0) if n else self.punct
        keys = [np.unique(np.concatenate(self.keys[s : s + k])) for s in starts]
        weak = None
        if self.weak is not None and n:
            weak = self.weak[np.minimum(starts + k, n) - 1]
        noise = np.add.reduceat(self.noise, starts) if self.noise is not None and n else None
        return SideFeatures(lengths, punct, keys, weak, noise)


def build_features(
    src: list[str], tgt: list[str], *, src_lang: str, tgt_lang: str, glossary: Glossary | None = None
) -> tuple[SideFeatures, SideFeatures, np.ndarray]:
    """Features of both sides and the weight of each anchor key.

    Args:
        src, tgt: sentences (lists of str; empty strings allowed).
        src_lang, tgt_lang: ISO 639-1 codes (choose the scripts compared, and glossary languages).
        glossary: optional termbase; ``None`` skips concept anchors.

    Returns:
        ``(src_features, tgt_features, weights)``; ``weights`` is a float64 array indexed by key id.
        Only keys present on both sides get an id.
    """
    shared = {script_of_language(src_lang)} & {script_of_language(tgt_lang)} | {"latin"}
    g_src = g_tgt = None
    if glossary is not None and glossary.entries:
        g_src = _GlossaryIndex(glossary, src_lang)
        g_tgt = _GlossaryIndex(glossary, tgt_lang)
    ks = [sentence_keys(s, shared, g_src) for s in src]
    kt = [sentence_keys(t, shared, g_tgt) for t in tgt]
    df_s: dict[str, int] = {}
    df_t: dict[str, int] = {}
    for sets, df in ((ks, df_s), (kt, df_t)):
        for s in sets:
            for key in s:
                df[key] = df.get(key, 0) + 1
    common = sorted(set(df_s) & set(df_t))
    ids = {key: n for n, key in enumerate(common)}
    weights = np.array(
        [max(df_s[k], df_t[k]) ** -WEIGHT_POWER * (NUMBER_WEIGHT if k.startswith("N:") else 1.0) for k in common],
        dtype=np.float64,
    )

    def side(sents: list[str], sets: list[set[str]], lang: str) -> SideFeatures:
        keys = [np.array(sorted(ids[k] for k in s if k in ids), dtype=np.int64) for s in sets]
        lengths = np.array([char_length(s) for s in sents], dtype=np.float64)
        return SideFeatures(
            lengths, punctuation_counts(sents), keys, boundary_weakness(sents), noise_lines(sents, lang)
        )

    return side(src, ks, src_lang), side(tgt, kt, tgt_lang), weights


def noise_lines(sentences: list[str], lang: str) -> np.ndarray:
    """1.0 for each caption, note or page-header line, else 0.0 (float64 ``(n,)``).

    Such lines are interleaved with the running text of scanned books and news pages and usually
    have no counterpart in the other document, so the aligner makes a 0-1/1-0 bead of them
    cheaper (:attr:`~xling.align.params.AlignParams.noise_skip_discount`) and keeps them out of
    merged beads (:attr:`~xling.align.params.AlignParams.noise_merge_penalty`). A line is noise
    when it is

    - a caption or note: it opens with a caption label of ``lang`` followed by a colon and text
      (:attr:`xling.lang.base.LanguageData.caption_labels`: ``Photo``, ``Editor's note``,
      ``Foto``, ``عکس`` ...; a bare ``Photo :`` heads a list in tables of contents and is not
      marked);
    - a page header or a numbered figure caption, by its shape (:func:`page_header_lines`,
      :func:`figure_caption_lines`).
    """
    out = np.maximum(page_header_lines(sentences), figure_caption_lines(sentences))
    data = find_language(lang)
    if data is None or not data.caption_labels:
        return out
    labels = "|".join(re.escape(x) for x in sorted(data.caption_labels, key=len, reverse=True))
    label = re.compile(rf"^\W*(?:{labels})\s*[:：]\s*\w", re.IGNORECASE)
    for i, s in enumerate(sentences):
        if label.match(s):
            out[i] = 1.0
    return out


#: A page number at the start or the end of a line (1-4 digits, standing alone).
_PAGE_NUMBER = re.compile(r"^\s*(\d{1,4})\s+(.*?)\s*$|^\s*(.*?)\s+(\d{1,4})\s*$|^\s*(\d{1,4})\s*$")
#: Most words a running header has (title and page number).
HEADER_MAX_WORDS = 8


def _header_title(line: str) -> str | None:
    """The running title of a page-header-shaped line (``""`` for a bare page number), or None.

    Shape: at most :data:`HEADER_MAX_WORDS` words, a page number at its start or end, and no
    sentence-final punctuation (a header is not a sentence). The title is folded to lower case
    and stripped of digits, so that ``132 LES ALPES`` and ``Les Alpes 133`` give one title.
    """
    t = to_ascii_digits(line).strip()
    if not t or len(t.split()) > HEADER_MAX_WORDS or t[-1] in ".!?;:,؟؛…" or t.endswith(("-", "—")):
        return None
    m = _PAGE_NUMBER.match(t)
    if m is None:
        return None
    title = m.group(2) if m.group(1) else m.group(3) if m.group(4) else ""
    title = re.sub(r"[\d\W_]+", " ", title or "").strip().lower()
    return title


def _page_number(line: str) -> int | None:
    """The page number of a header-shaped line (:func:`_header_title`)."""
    m = _PAGE_NUMBER.match(to_ascii_digits(line).strip())
    return int(next(g for g in (m.group(1), m.group(4), m.group(5)) if g)) if m else None


def page_header_lines(sentences: list[str]) -> np.ndarray:
    """1.0 for each line shaped as a running page header, else 0.0 (float64 ``(n,)``).

    A scanned book repeats its running title with the page number on every page (``270 DIE
    ALPEN``, ``Les Alpes 103``, a bare ``231``); OCR keeps these lines in the text. A line is a
    page header when it has a header's shape (:func:`_header_title`) and one of: it is a bare
    page number; its title recurs on another header-shaped line of the same document; another
    header-shaped line continues its page numbering (a number 1 to :data:`PAGE_STEP` higher
    further on, or lower before it; left and right pages often carry different titles). That
    evidence is what tells a header from a short line that merely holds a number (``Es ist 11
    Uhr .`` ends in a full stop; a date such as ``9. September 1988`` occurs once).
    """
    titles = [_header_title(s) for s in sentences]
    count: dict[str, int] = {}
    for t in titles:
        if t:
            count[t] = count.get(t, 0) + 1
    shaped = [(i, _page_number(sentences[i])) for i, t in enumerate(titles) if t is not None]
    out = np.zeros(len(sentences), dtype=np.float64)
    for i, num in shaped:
        t = titles[i]
        paged = any(0 < (n2 - num) * (1 if j > i else -1) <= PAGE_STEP for j, n2 in shaped if j != i and n2 and num)
        if t == "" or count.get(t or "", 0) >= 2 or paged:
            out[i] = 1.0
    return out


#: Largest step between the page numbers of two page headers (pages without a header between).
PAGE_STEP = 3

#: A figure caption: a figure number (after an optional abbreviation such as ``Abb.``/``Fig.``),
#: then a capitalised word.
_FIGURE = re.compile(r"^\s*(?:[^\W\d_]{2,5}\.\s*)?\d{1,2}\s+[^\W\d_]")
#: Most words a figure caption has.
CAPTION_MAX_WORDS = 15


def figure_caption_lines(sentences: list[str]) -> np.ndarray:
    """1.0 for each line shaped as a numbered figure caption, else 0.0 (float64 ``(n,)``).

    Shape: a figure number (``3``, ``Abb. 3``, ``Fig. 3``) then a capitalised word, at most
    :data:`CAPTION_MAX_WORDS` words, and no sentence-final punctuation (``1 Die Route im oberen
    Teil der Wand``). A numbered footnote (``1 Petit club montagnard genevois .``) ends in a full
    stop and is left alone.
    """
    out = np.zeros(len(sentences), dtype=np.float64)
    for i, s in enumerate(sentences):
        t = to_ascii_digits(s).strip()
        m = _FIGURE.match(t)
        if m and t[m.end() - 1].isupper() and len(t.split()) <= CAPTION_MAX_WORDS and t[-1] not in ".!?;:,؟؛…-":
            out[i] = 1.0
    return out


_LINE_HYPHEN = re.compile(r"([^\W\d_])- ([^\W\d_])")


def dehyphenate(text: str) -> str:
    """Join words hyphenated across a line break in scanned text (``Erleb- nisse`` → ``Erlebnisse``).

    A letter, ``-``, one space and a lower-case letter: the tokenised form such a break takes in
    OCR output (Text+Berg). A capital after the space (``Nord- Südwand``) is left alone; a
    suspended compound (``Nord- und Südwand``) is joined too, which changes no cognate prefix.
    """
    return _LINE_HYPHEN.sub(lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), text)


def sentence_words(text: str) -> set[str]:
    """Folded word types of a sentence (lowercase, accents/harakat removed, 2+ letters)."""
    out = set()
    text = dehyphenate(text)
    for m in _WORD.finditer(text):
        w = m.group()
        sc = script_of(w)
        if sc == "latin":
            w = text_keys.latin_key(w)
        elif sc == "arabic":
            w = text_keys.arabic_skeleton(w)
        else:
            w = w.lower()
        if len(w) >= 2:
            out.add(w)
    return out


def learn_lexicon(
    src_words: list[set[str]],
    tgt_words: list[set[str]],
    beads: list[tuple[int, int, int, int]],
    *,
    min_pairs: int = 2,
    min_dice: float = 0.5,
    max_share: float = 0.05,
    max_beads: int = 4000,
) -> list[tuple[str, str]]:
    """Word pairs that co-occur across aligned beads: a lexicon learnt from the document itself.

    After Moore (2002): a first, length-and-cognate alignment gives beads; word types that keep
    occurring in the same beads (Dice coefficient over beads >= ``min_dice``, together in at
    least ``min_pairs`` beads) are taken as translations, each source word with its best target
    word. Words in more than ``max_share`` of the sentences (function words) are ignored; at most
    ``max_beads`` beads (evenly spaced) are read, so the cost stays bounded on huge documents.

    Args:
        src_words, tgt_words: word types per sentence (see :func:`sentence_words`).
        beads: ``(s0, s1, t0, t1)`` spans of beads with both sides.

    Returns:
        list of ``(source word, target word)``.
    """
    if not beads:
        return []
    step = max(1, len(beads) // max_beads)
    beads = beads[::step]
    df_s: dict[str, int] = {}
    df_t: dict[str, int] = {}
    for ws in src_words:
        for w in ws:
            df_s[w] = df_s.get(w, 0) + 1
    for ws in tgt_words:
        for w in ws:
            df_t[w] = df_t.get(w, 0) + 1
    cap_s = max(2, max_share * len(src_words))
    cap_t = max(2, max_share * len(tgt_words))
    cs: dict[str, int] = {}
    ct: dict[str, int] = {}
    joint: dict[tuple[str, str], int] = {}
    for s0, s1, t0, t1 in beads:
        a = {w for i in range(s0, s1) for w in src_words[i] if 2 <= df_s[w] <= cap_s}
        b = {w for j in range(t0, t1) for w in tgt_words[j] if 2 <= df_t[w] <= cap_t}
        for w in a:
            cs[w] = cs.get(w, 0) + 1
        for w in b:
            ct[w] = ct.get(w, 0) + 1
        for x in sorted(a):  # sorted: ties between target words break the same way in every run
            for y in sorted(b):
                joint[(x, y)] = joint.get((x, y), 0) + 1
    best: dict[str, tuple[float, str]] = {}
    for (x, y), n in joint.items():
        if n < min_pairs or x == y:
            continue
        dice = 2.0 * n / (cs[x] + ct[y])
        if dice >= min_dice and dice > best.get(x, (0.0, ""))[0]:
            best[x] = (dice, y)
    return sorted((x, y) for x, (_, y) in best.items())


def add_lexicon_keys(
    S: SideFeatures,
    T: SideFeatures,
    weights: np.ndarray,
    src_words: list[set[str]],
    tgt_words: list[set[str]],
    lexicon: list[tuple[str, str]],
) -> tuple[SideFeatures, SideFeatures, np.ndarray]:
    """Features with one extra anchor key per lexicon pair (weighted like the other keys)."""
    if not lexicon:
        return S, T, weights
    by_src: dict[str, list[int]] = {}
    by_tgt: dict[str, list[int]] = {}
    for n, (x, y) in enumerate(lexicon):
        by_src.setdefault(x, []).append(n)
        by_tgt.setdefault(y, []).append(n)
    base = len(weights)
    ks = [[base + n for w in ws for n in by_src.get(w, ())] for ws in src_words]
    kt = [[base + n for w in ws for n in by_tgt.get(w, ())] for ws in tgt_words]
    df_s = np.zeros(len(lexicon))
    df_t = np.zeros(len(lexicon))
    for keys, df in ((ks, df_s), (kt, df_t)):
        for k in keys:
            for key_id in set(k):
                df[key_id - base] += 1
    extra = np.maximum(np.maximum(df_s, df_t), 1.0) ** -WEIGHT_POWER
    S2 = SideFeatures(
        S.lengths, S.punct, [np.union1d(a, np.array(b, dtype=np.int64)) for a, b in zip(S.keys, ks)], S.weak, S.noise
    )
    T2 = SideFeatures(
        T.lengths, T.punct, [np.union1d(a, np.array(b, dtype=np.int64)) for a, b in zip(T.keys, kt)], T.weak, T.noise
    )
    return S2, T2, np.concatenate([weights, extra])
