"""Reference-based metrics through sacrebleu: BLEU, chrF, chrF++ and TER, corpus and segment level.

sacrebleu (Post 2018, "A Call for Clarity in Reporting BLEU Scores") is imported inside
:func:`compute_metrics` only. Each metric reports its sacrebleu signature.

BLEU tokenizer, chosen per target language (recorded in the signature as ``tok:``):

- ``intl`` for ar, fa and ru: it splits off Unicode punctuation (، ؛ ؟ « » —) that ``13a``
  leaves attached to words; one Arabic hypothesis lacking only "،" and "؟" scores 22.96 with
  ``13a`` and 36.41 with ``intl``.
- ``13a`` for en (the WMT default).

The ``flores200``/``flores101`` tokenizers are never used: they download a SentencePiece model,
which fails offline.

chrF (Popović 2015) is given plain, as sacrebleu's ``-m chrf`` default (character 6-grams,
``word_order=0``, key ``chrf_plain``), and as chrF++ (word bigrams added, ``word_order=2``,
Popović 2017; key ``chrf``, the one xling has always reported and gates on). TER is Snover et
al. 2006 as implemented by sacrebleu (lower is better).

BLEU counts n-grams up to 4 tokens (Papineni et al. 2002): a segment shorter than 4 tokens has no
4-gram, so BLEU over short segments says little. :func:`compute_metrics` warns when some are
(:data:`MIN_BLEU_TOKENS`), counting tokens with the BLEU tokenizer.

Each signature is sacrebleu's, byte for byte; :attr:`MetricScore.full_signature` appends xling's
normalization (:func:`xling.score.normalization.normalization_signature`) and is what is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

BLEU_TOKENIZER = {"ar": "intl", "fa": "intl", "ru": "intl", "en": "13a"}
METRICS = ("bleu", "chrf_plain", "chrf", "ter")
HIGHER_IS_BETTER = {"bleu": True, "chrf_plain": True, "chrf": True, "ter": False}
METRIC_LABEL = {"bleu": "BLEU", "chrf_plain": "chrF", "chrf": "chrF++", "ter": "TER"}
MIN_BLEU_TOKENS = 4


def bleu_tokenizer(lang: str) -> str:
    """The sacrebleu BLEU tokenizer name for target language ``lang`` (``13a`` if unknown)."""
    return BLEU_TOKENIZER.get(lang, "13a")


@dataclass
class MetricScore:
    """One metric over one document.

    Attributes:
        name: ``bleu``, ``chrf_plain`` (chrF), ``chrf`` (chrF++) or ``ter``.
        score: corpus-level score (float, 0-100; TER may exceed 100).
        signature: the sacrebleu signature string (e.g. ``nrefs:1|case:mixed|eff:no|tok:intl|...``).
        segments: segment-level scores, one per scored pair (float list).
        full_signature: ``signature`` + ``|`` + xling's normalization (what is printed).
        warnings: remarks on how far the score can be trusted (list of str, one line each).
    """

    name: str
    score: float
    signature: str
    segments: list[float] = field(default_factory=list)
    full_signature: str = ""
    warnings: list[str] = field(default_factory=list)


def compute_metrics(hypotheses: list[str], references: list[str], lang: str) -> dict[str, MetricScore]:
    """Score ``hypotheses`` against ``references`` (same length, already paired and normalized).

    Args:
        hypotheses: hypothesis segments (list of str).
        references: one reference segment per hypothesis (list of str, same length).
        lang: target language code; chooses the BLEU tokenizer (:data:`BLEU_TOKENIZER`).

    Returns:
        ``{name: MetricScore}`` for every name of :data:`METRICS`. Segment-level BLEU uses
        ``effective_order=True`` (sacrebleu's sentence-BLEU recommendation); the corpus-level
        signature is reported. BLEU's ``warnings`` name the segments shorter than
        :data:`MIN_BLEU_TOKENS` tokens.

    Raises:
        ValueError: the two lists differ in length (callers pair segments first).
    """
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    from sacrebleu.metrics import BLEU, CHRF, TER

    from xling.score.normalization import normalization_signature

    tok = bleu_tokenizer(lang)
    bleu = BLEU(tokenize=tok)
    corpus = {"bleu": bleu, "chrf_plain": CHRF(), "chrf": CHRF(word_order=2), "ter": TER()}
    sentence = {
        "bleu": BLEU(tokenize=tok, effective_order=True),
        "chrf_plain": CHRF(),
        "chrf": CHRF(word_order=2),
        "ter": TER(),
    }
    xling_part = normalization_signature(lang)
    out: dict[str, MetricScore] = {}
    for name in METRICS:
        metric = corpus[name]
        result = metric.corpus_score(hypotheses, [references])
        segs = [round(float(sentence[name].sentence_score(h, [r]).score), 4) for h, r in zip(hypotheses, references)]
        signature = str(metric.get_signature())
        out[name] = MetricScore(name, round(float(result.score), 4), signature, segs, f"{signature}|{xling_part}")
    out["bleu"].warnings.extend(short_segment_warning(hypotheses, references, bleu.tokenizer))
    return out


def short_segment_warning(hypotheses: list[str], references: list[str], tokenize: Callable[[str], str]) -> list[str]:
    """A one-line warning when some pairs have a side shorter than :data:`MIN_BLEU_TOKENS` tokens.

    Args:
        hypotheses, references: the scored segments (normalized, paired).
        tokenize: the BLEU tokenizer (``str -> str`` with tokens separated by spaces).

    Returns:
        ``[]`` or one message naming how many of the pairs are short.
    """
    short = sum(
        1
        for h, r in zip(hypotheses, references)
        if min(len(tokenize(h).split()), len(tokenize(r).split())) < MIN_BLEU_TOKENS
    )
    if not short:
        return []
    return [
        f"BLEU: {short} of {len(hypotheses)} scored segments have fewer than {MIN_BLEU_TOKENS} tokens; "
        f"BLEU counts n-grams up to {MIN_BLEU_TOKENS}, so it says little about short segments (read chrF)"
    ]
