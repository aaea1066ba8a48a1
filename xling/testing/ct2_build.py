"""Build CTranslate2 Transformer models from numpy weights, without torch.

Two builders, both returning a :class:`ctranslate2.specs.TransformerSpec` ready to be saved by
:func:`save_spec` (which goes through :class:`ctranslate2.converters.Converter`, the supported
route: ``validate()``, ``optimize()``, ``save()``):

* :func:`copy_spec`: an exact identity ("copy") model whose weights are set by hand.
* :func:`base_spec`: a transformer-base sized model (6+6 layers, d_model 512, 8 heads,
  FFN 2048) with seeded random weights, for benchmarks; its hypotheses are garbage by design,
  but it emits ``</s>`` right after as many steps as the source has tokens, so output lengths
  are bounded and equal on every code path.

How the copy model works (Vaswani et al. 2017, "Attention is all you need", pre-norm variant as
implemented by CTranslate2; the hand-set copy construction is xling's own):

* Every hidden vector has three groups of dimensions: token code ``[c, -c]``, position code
  ``[p, -p]`` and nothing else. ``c`` is the token id written in ``B`` bits as ±1, ``p`` the
  position written in ``P`` bits as ±1. Pairs ``(x, -x)`` keep the mean of every vector at 0
  and all entries at ±1 or 0, so layer normalisation only rescales, and int8 quantisation
  (CTranslate2's ``compute_type="auto"`` on CPU, which argostranslate uses) is exact.
* Encoder: one layer whose attention and feed-forward weights are zero (the residual path
  passes the embedding through) and no final layer norm, so the memory at source position
  ``s`` is ``[c_s, -c_s, p_s, -p_s]``. ``add_source_eos`` appends ``</s>``, so ``</s>`` is the
  token at position ``n`` of an ``n``-token segment.
* Decoder: token embeddings are zero; only the position code enters. At step ``t`` (the
  decoder has seen ``<s>`` plus ``t`` tokens; CTranslate2 gives that input position ``t``)
  the cross-attention queries and keys read only the position dimensions, with a large scale,
  so the step attends to source position ``t`` (softmax weight 1 - e^-40 or closer); values
  and the output projection read only the token dimensions, so ``[c_t, -c_t]`` is added to
  the residual stream. The final projection row of token ``v`` is ``alpha * [code_v,
  -code_v]``: the logit of the source token exceeds every other logit by at least ``4 *
  alpha`` (one bit of Hamming distance).
* With a target prefix of one token (``target_prefix``), the decoder position table is shifted
  by one (row ``t`` holds the code of ``t - 1``), so the step after the forced prefix token
  copies source position 0.

Limits: positions are ``P = 11`` bits, so the position tables have 2048 rows
(:data:`COPY_MAX_POSITIONS`): a segment may have at most 2047 tokens (:data:`MAX_SEGMENT_TOKENS`)
plus ``</s>``, and ``max_decoding_length`` may be at most 2048. Beyond that CTranslate2 raises
``RuntimeError: No position encodings are defined for positions >= 2048``. Note that CTranslate2's
``translate_batch`` truncates sources to ``max_input_length=1024`` tokens and stops at
``max_decoding_length=256`` tokens unless the caller changes them (argostranslate 1.11 keeps
both defaults); pass ``max_input_length=0`` and a larger ``max_decoding_length`` for long
segments.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

POSITION_BITS = 11
COPY_MAX_POSITIONS = 1 << POSITION_BITS  # rows of the position tables (positions 0..2047)
MAX_SEGMENT_TOKENS = COPY_MAX_POSITIONS - 1  # longest source segment, without </s>

# Attention logit margin between the matching source position and the nearest other one,
# and between the copied token's logit and the nearest other token's logit.
_MARGIN = 40.0


def _bits(values: np.ndarray, nbits: int) -> np.ndarray:
    """Return ``values`` (shape [n]) written in ``nbits`` bits as ±1 floats, shape [n, nbits]."""
    bits = (values[:, None] >> np.arange(nbits)[None, :]) & 1
    return (bits * 2 - 1).astype(np.float32)


def _pair(code: np.ndarray) -> np.ndarray:
    """``[code, -code]`` along the last axis (keeps every row's mean at 0)."""
    return np.concatenate([code, -code], axis=-1)


def _import_ctranslate2_specs() -> None:
    """Import ``ctranslate2.specs`` and its converter base class without importing torch.

    ``ctranslate2.specs.model_spec`` tries ``import torch`` and falls back to numpy when that
    fails; importing torch costs seconds and hundreds of MB, and the builders here only use
    numpy. So, unless torch is already loaded, the import is made to fail for that one step.
    """
    import sys

    if "ctranslate2.specs.model_spec" in sys.modules or "torch" in sys.modules:
        import ctranslate2.converters.converter

        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import ctranslate2.converters.converter
        import ctranslate2.specs.transformer_spec  # noqa: F401
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def _spec_classes():
    _import_ctranslate2_specs()
    from ctranslate2.specs import transformer_spec

    return transformer_spec


def copy_spec(vocabulary: list[str], *, prefix_shift: int = 0):
    """Build the exact identity ("copy") Transformer spec for ``vocabulary``.

    Args:
        vocabulary: the target (= source) pieces in id order; the SentencePiece pieces. Must
            contain ``<unk>``, ``<s>`` and ``</s>``.
        prefix_shift: forced target-prefix tokens after ``<s>`` minus language tokens before the
            source (-1, 0 or 1); the decoder copies source position ``t - prefix_shift`` at step
            ``t``. Argos ``target_prefix``: 1; NLLB/M2M-100 (a source and a target language
            token): 0; multi-target OPUS-MT (``>>ara<<`` before the source): -1.

    Returns:
        A validated-ready ``TransformerSpec`` (1 encoder + 1 decoder layer, 1 head,
        ``d_model = 2 * (B + 11)`` with ``B = ceil(log2(len(vocabulary)))``), vocabularies
        registered and config ``add_source_eos=True``.

    Raises:
        ValueError: ``prefix_shift`` is not -1, 0 or 1, or a special token is missing.
    """
    if prefix_shift not in (-1, 0, 1):
        raise ValueError(f"prefix_shift must be -1, 0 or 1, not {prefix_shift}")
    for special in ("<unk>", "<s>", "</s>"):
        if special not in vocabulary:
            raise ValueError(f"vocabulary lacks {special}")
    ts = _spec_classes()
    V = len(vocabulary)
    B = max(1, math.ceil(math.log2(V)))
    P = POSITION_BITS
    d = 2 * (B + P)
    tok = slice(0, 2 * B)
    pos = slice(2 * B, d)

    spec = ts.TransformerSpec.from_config((1, 1), 1, pre_norm=True, no_final_norm=True)
    enc, dec = spec.encoder, spec.decoder
    enc.scale_embeddings = False
    dec.scale_embeddings = False

    token_codes = _pair(_bits(np.arange(V), B))  # [V, 2B]
    position_codes = _pair(_bits(np.arange(COPY_MAX_POSITIONS), P))  # [N, 2P]

    emb = np.zeros((V, d), np.float32)
    emb[:, tok] = token_codes
    enc.embeddings[0].weight = emb
    enc_pos = np.zeros((COPY_MAX_POSITIONS, d), np.float32)
    enc_pos[:, pos] = position_codes
    enc.position_encodings.encodings = enc_pos

    # Decoder input: position only. Row t holds the code of source position t - prefix_shift.
    dec.embeddings.weight = np.zeros((V, d), np.float32)
    dec_pos = np.zeros((COPY_MAX_POSITIONS, d), np.float32)
    dec_pos[:, pos] = np.roll(position_codes, prefix_shift, axis=0)
    dec.position_encodings.encodings = dec_pos

    _zero_attention(enc.layer[0].self_attention, d)
    _zero_ffn(enc.layer[0].ffn, d)
    layer = dec.layer[0]
    _zero_attention(layer.self_attention, d)
    _zero_ffn(layer.ffn, d)
    _copy_cross_attention(layer.attention, d, tok, pos, B)

    # Output projection: logit_v = alpha * <[code_v, -code_v], [c, -c]> = alpha * 2 * (B - 2h).
    alpha = _MARGIN / 4
    proj = np.zeros((V, d), np.float32)
    proj[:, tok] = token_codes * alpha
    dec.projection.weight = proj
    dec.projection.bias = np.zeros((V,), np.float32)

    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def _zero_attention(att, d: int) -> None:
    """A self-attention block whose weights are all zero (the residual path passes through)."""
    _layer_norm(att.layer_norm, d)
    att.linear[0].weight = np.zeros((3 * d, d), np.float32)
    att.linear[0].bias = np.zeros((3 * d,), np.float32)
    att.linear[1].weight = np.zeros((d, d), np.float32)
    att.linear[1].bias = np.zeros((d,), np.float32)


def _zero_ffn(ffn, d: int) -> None:
    """A feed-forward block whose weights are all zero."""
    _layer_norm(ffn.layer_norm, d)
    ffn.linear_0.weight = np.zeros((d, d), np.float32)
    ffn.linear_0.bias = np.zeros((d,), np.float32)
    ffn.linear_1.weight = np.zeros((d, d), np.float32)
    ffn.linear_1.bias = np.zeros((d,), np.float32)


def _copy_cross_attention(att, d: int, tok: slice, pos: slice, B: int) -> None:
    """The copy model's cross-attention: position dims match, token dims are carried (see the module docstring)."""
    P = POSITION_BITS
    # Cross-attention. Decoder input at the layer norm is [0, p, -p]: mean 0, variance 2P/d,
    # so the layer norm multiplies it by r = sqrt(d / 2P). Query·key of equal positions is
    # r * S * 2P, and each differing bit costs r * S * 4; CTranslate2 divides by sqrt(d).
    _layer_norm(att.layer_norm, d)
    r = math.sqrt(d / (2 * P))
    scale = _MARGIN * math.sqrt(d) / (4 * r)
    wq = np.zeros((d, d), np.float32)
    wq[pos, pos] = np.eye(2 * P, dtype=np.float32) * scale
    att.linear[0].weight = wq
    att.linear[0].bias = np.zeros((d,), np.float32)
    wkv = np.zeros((2 * d, d), np.float32)
    wkv[:d][pos, pos] = np.eye(2 * P, dtype=np.float32)  # keys: position dims
    wkv[d:][tok, tok] = np.eye(2 * B, dtype=np.float32)  # values: token dims
    att.linear[1].weight = wkv
    att.linear[1].bias = np.zeros((2 * d,), np.float32)
    wo = np.zeros((d, d), np.float32)
    wo[tok, tok] = np.eye(2 * B, dtype=np.float32)
    att.linear[2].weight = wo
    att.linear[2].bias = np.zeros((d,), np.float32)


def _layer_norm(ln, d: int) -> None:
    ln.gamma = np.ones((d,), np.float32)
    ln.beta = np.zeros((d,), np.float32)


def base_spec(
    vocabulary: list[str],
    *,
    seed: int = 1234,
    layers: int = 6,
    d_model: int = 512,
    heads: int = 8,
    ffn: int = 2048,
    prefix_shift: int = 0,
):
    """Build a transformer-base sized spec with seeded random weights and a length clock.

    All weights are random (``numpy.random.default_rng(seed)``, scaled like Xavier
    initialisation) except a reserved block of ``2 * 11 + 1`` model dimensions that random
    weights neither read nor write: position codes (as in :func:`copy_spec`) and an end flag
    set on the ``</s>`` embedding. Head 0 of the first decoder layer's cross-attention matches
    decoder step ``t`` to source position ``t - prefix_shift`` through the position codes and
    carries the end flag to the output, where it raises the ``</s>`` logit above all others.
    So hypotheses have as many tokens as the source (plus ``</s>``): garbage tokens, bounded
    and equal lengths on every code path, which makes throughput comparisons fair.

    Args:
        vocabulary: pieces in id order (for example 32 000 SentencePiece pieces).
        seed: random seed.
        layers, d_model, heads, ffn: sizes (defaults: transformer-base, Vaswani et al. 2017).
        prefix_shift: forced target-prefix tokens minus source language tokens (-1, 0 or 1),
            as in :func:`copy_spec`.

    Returns:
        A ``TransformerSpec`` with vocabularies registered and ``add_source_eos=True``.
    """
    ts = _spec_classes()
    rng = np.random.default_rng(seed)
    V = len(vocabulary)
    d = d_model
    # Reserved dims (2P position code dims and the end flag) live in the last head's slice so
    # head (heads-1) of the cross-attention can use them; random weights touch only the content dims.
    res0 = d - (2 * POSITION_BITS + 1)
    pos = slice(res0, res0 + 2 * POSITION_BITS)
    flag = res0 + 2 * POSITION_BITS
    eos = vocabulary.index("</s>")
    weights = _RandomWeights(rng, d, res0)

    spec = ts.TransformerSpec.from_config((layers, layers), heads, pre_norm=True, no_final_norm=True)
    enc, dec = spec.encoder, spec.decoder
    enc.scale_embeddings = False
    dec.scale_embeddings = False
    position_codes = _pair(_bits(np.arange(COPY_MAX_POSITIONS), POSITION_BITS))
    for side, codes in ((enc, position_codes), (dec, np.roll(position_codes, prefix_shift, axis=0))):
        emb = np.zeros((V, d), np.float32)
        emb[:, :res0] = rng.standard_normal((V, res0), dtype=np.float32)
        table = _sinusoids(COPY_MAX_POSITIONS, d, res0)
        table[:, pos] = codes
        if side is enc:
            emb[eos, flag] = 1.0
            enc.embeddings[0].weight = emb
        else:
            dec.embeddings.weight = emb
        side.position_encodings.encodings = table

    for lay in enc.layer:
        weights.attention(lay.self_attention, True)
        weights.ffn(lay.ffn, ffn)
    for lay in dec.layer:
        weights.attention(lay.self_attention, True)
        weights.attention(lay.attention, False)
        weights.ffn(lay.ffn, ffn)
    _length_clock(dec.layer[0].attention, d, heads, pos, flag)

    _end_flag_projection(dec.projection, rng, V, d, res0, eos, flag)

    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


class _RandomWeights:
    """Seeded Xavier-scaled random weights that read and write only the first ``res0`` (content) dims."""

    def __init__(self, rng: np.random.Generator, d: int, res0: int) -> None:
        self.rng, self.d, self.res0 = rng, d, res0

    def rand(self, rows: int, cols: int) -> np.ndarray:
        w = np.zeros((rows, cols), np.float32)
        nr = self.res0 if rows == self.d else rows
        nc = self.res0 if cols == self.d else cols
        w[:nr, :nc] = self.rng.standard_normal((nr, nc), dtype=np.float32) * math.sqrt(2.0 / (nr + nc))
        return w

    def attention(self, att, self_attention: bool) -> None:
        d = self.d
        _layer_norm(att.layer_norm, d)
        if self_attention:
            att.linear[0].weight = np.concatenate([self.rand(d, d) for _ in range(3)])
            att.linear[0].bias = np.zeros((3 * d,), np.float32)
            out = 1
        else:
            att.linear[0].weight = self.rand(d, d)
            att.linear[0].bias = np.zeros((d,), np.float32)
            att.linear[1].weight = np.concatenate([self.rand(d, d), self.rand(d, d)])
            att.linear[1].bias = np.zeros((2 * d,), np.float32)
            out = 2
        att.linear[out].weight = self.rand(d, d)
        att.linear[out].bias = np.zeros((d,), np.float32)

    def ffn(self, f, inner: int) -> None:
        _layer_norm(f.layer_norm, self.d)
        f.linear_0.weight = self.rand(inner, self.d)
        f.linear_0.bias = np.zeros((inner,), np.float32)
        f.linear_1.weight = self.rand(self.d, inner)
        f.linear_1.bias = np.zeros((self.d,), np.float32)


def _sinusoids(n: int, d: int, res0: int) -> np.ndarray:
    """Sinusoidal position encodings (Vaswani et al. 2017) over the first ``res0`` dims, shape [n, d]."""
    half = res0 // 2
    inv = 1.0 / (10000 ** (np.arange(half) / half))
    ang = np.arange(n)[:, None] * inv[None, :]
    out = np.zeros((n, d), np.float32)
    out[:, :half] = np.sin(ang)
    out[:, half : 2 * half] = np.cos(ang)
    return out


def _end_flag_projection(projection, rng: np.random.Generator, V: int, d: int, res0: int, eos: int, flag: int) -> None:
    """Random output projection over the content dims; ``</s>`` reads only the end flag, so it wins
    exactly when the length clock raises the flag."""
    proj = np.zeros((V, d), np.float32)
    proj[:, :res0] = rng.standard_normal((V, res0), dtype=np.float32) / math.sqrt(res0)
    proj[eos, :] = 0.0
    proj[eos, flag] = 1000.0
    projection.weight = proj
    bias = np.zeros((V,), np.float32)
    bias[eos] = -100.0
    projection.bias = bias


def _length_clock(att, d: int, heads: int, pos: slice, flag: int) -> None:
    """The last head of ``att`` (first decoder layer's cross-attention) matches step t to source
    position t - shift through the position dims and carries the end flag to the output."""
    head_dim = d // heads
    h = slice((heads - 1) * head_dim, heads * head_dim)
    hq = np.arange(h.start, h.start + 2 * POSITION_BITS)  # query/key slots inside that head
    wq = att.linear[0].weight
    wq[h, :] = 0.0
    # The layer norm rescales x by 1/std(x); std is about 1 here (unit-variance content),
    # so a scale of 60 per bit-pair keeps the margin well above 20 even for std up to 3.
    wq[hq, np.arange(pos.start, pos.stop)] = 60.0 * math.sqrt(head_dim) / 4
    wkv = att.linear[1].weight
    wkv[h, :] = 0.0
    wkv[hq, np.arange(pos.start, pos.stop)] = 1.0
    wkv[d + h.start : d + h.stop, :] = 0.0
    wkv[d + h.start, flag] = 1.0  # value slot 0 of the head carries the end flag
    wo = att.linear[2].weight
    wo[:, h] = 0.0
    wo[flag, h.start] = 1.0


def save_spec(spec, output_dir: Path, *, quantization: str | None = None) -> Path:
    """Save ``spec`` as a CTranslate2 model folder (``model.bin``, ``config.json``, vocabulary).

    Uses a :class:`ctranslate2.converters.Converter` subclass whose ``_load()`` returns the
    spec, which is CTranslate2's supported way to validate, optimise and write a model.

    Args:
        spec: a ``TransformerSpec`` with every variable set.
        output_dir: folder to create; it must not exist.
        quantization: CTranslate2 weight type to store (``None`` keeps float32; ``"int8"``,
            ``"float16"`` ...).

    Returns:
        ``output_dir``.
    """
    _import_ctranslate2_specs()
    from ctranslate2.converters.converter import Converter

    class _SpecConverter(Converter):
        def _load(self):
            return spec

    _SpecConverter().convert(str(output_dir), quantization=quantization)
    return Path(output_dir)
