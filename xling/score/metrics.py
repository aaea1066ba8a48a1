"""Reference-based metrics through sacrebleu: BLEU, chrF++ and TER, corpus and segment level.

sacrebleu (Post 2018, "A Call for Clarity in Reporting BLEU Scores") is imported inside
:func:`compute_metrics` only. Each metric reports its sacrebleu signature.

BLEU tokenizer, chosen per target language (recorded in the signature as ``tok:``):

- ``intl`` for ar, fa and ru: it splits off Unicode punctuation (، ؛ ؟ « » —) that ``13a``
  leaves attached to words; one Arabic hypothesis lacking only "،" and "؟" scores 22.96 with
  ``13a`` and 36.41 with ``intl``.
- ``13a`` for en (the WMT default).

The ``flores200``/``flores101`` tokenizers are never used: they download a SentencePiece model,
which fails offline.

chrF++ is chrF (Popović 2015) with word bigrams (``word_order=2``, Popović 2017). TER is
Snover et al. 2006 as implemented by sacrebleu (lower is better).
"""

from __future__ import annotations

from dataclasses import dataclass, field

BLEU_TOKENIZER = {"ar": "intl", "fa": "intl", "ru": "intl", "en": "13a"}
METRICS = ("bleu", "chrf", "ter")
HIGHER_IS_BETTER = {"bleu": True, "chrf": True, "ter": False}
METRIC_LABEL = {"bleu": "BLEU", "chrf": "chrF++", "ter": "TER"}


def bleu_tokenizer(lang: str) -> str:
    """The sacrebleu BLEU tokenizer name for target language ``lang`` (``13a`` if unknown)."""
    return BLEU_TOKENIZER.get(lang, "13a")


@dataclass
class MetricScore:
    """One metric over one document.

    Attributes:
        name: ``bleu``, ``chrf`` (chrF++) or ``ter``.
        score: corpus-level score (float, 0-100; TER may exceed 100).
        signature: the sacrebleu signature string (e.g. ``nrefs:1|case:mixed|eff:no|tok:intl|...``).
        segments: segment-level scores, one per scored pair (float list).
    """

    name: str
    score: float
    signature: str
    segments: list[float] = field(default_factory=list)


def compute_metrics(hypotheses: list[str], references: list[str], lang: str) -> dict[str, MetricScore]:
    """Score ``hypotheses`` against ``references`` (same length, already paired and normalized).

    Args:
        hypotheses: hypothesis segments (list of str).
        references: one reference segment per hypothesis (list of str, same length).
        lang: target language code; chooses the BLEU tokenizer (:data:`BLEU_TOKENIZER`).

    Returns:
        ``{"bleu": MetricScore, "chrf": MetricScore, "ter": MetricScore}``. Segment-level BLEU uses
        ``effective_order=True`` (sacrebleu's sentence-BLEU recommendation); the corpus-level
        signature is reported.

    Raises:
        ValueError: the two lists differ in length (callers pair segments first).
    """
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    from sacrebleu.metrics import BLEU, CHRF, TER

    tok = bleu_tokenizer(lang)
    corpus = {"bleu": BLEU(tokenize=tok), "chrf": CHRF(word_order=2), "ter": TER()}
    sentence = {"bleu": BLEU(tokenize=tok, effective_order=True), "chrf": CHRF(word_order=2), "ter": TER()}
    out: dict[str, MetricScore] = {}
    for name in METRICS:
        metric = corpus[name]
        result = metric.corpus_score(hypotheses, [references])
        segs = [round(float(sentence[name].sentence_score(h, [r]).score), 4) for h, r in zip(hypotheses, references)]
        out[name] = MetricScore(name, round(float(result.score), 4), str(metric.get_signature()), segs)
    return out
