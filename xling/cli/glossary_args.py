"""The string forms of the ``xling glossary add/edit`` term options, parsed into library values.

The CLI never prompts, so term-level changes are written as small strings:

* ``LANG=TEXT`` (``--term``, ``--remove-term``): a term; the first term of a language is
  preferred, later ones admitted unless a status is given.
* ``LANG:TEXT=STATUS`` (``--status``): set the status of a term, adding the term if needed
  (``en:Julani=deprecated``).
* ``LANG:TEXT=SHORT`` (``--short``): add a short form to a term (``en:Ahmed al-Sharaa=al-Sharaa``).
* ``LANG:TEXT=USE`` (``--use``): the replacement of a deprecated term (``en:Sergey=Sergei``).
* ``LANG:TEXT=NOTE`` (``--term-note``): a note on a term.
* ``[TYPE:]ID`` (``--related``): a cross-reference; TYPE is ``also-known-as`` (alias ``aka``) or
  ``see-also`` (alias ``see``, the default).

Each parser returns the value :mod:`xling.glossary.ops` works with and raises
:class:`~xling.errors.GlossaryError` (a one-line message naming the option and an example).
"""

from __future__ import annotations

from collections.abc import Iterable

from xling.errors import GlossaryError
from xling.glossary.model import CrossReference, RelationType, TermStatus
from xling.glossary.ops import TermChanges

_RELATION_ALIASES = {
    "aka": RelationType.ALSO_KNOWN_AS,
    "also-known-as": RelationType.ALSO_KNOWN_AS,
    "see": RelationType.SEE_ALSO,
    "see-also": RelationType.SEE_ALSO,
}


def parse_term(spec: str, option: str = "--term") -> tuple[str, str]:
    """``"fa=احمد الشرع"`` → ``("fa", "احمد الشرع")``.

    Raises:
        GlossaryError: no ``=`` or an empty side.
    """
    lang, sep, text = spec.partition("=")
    lang, text = lang.strip(), text.strip()
    if not sep or not lang or not text:
        raise GlossaryError(f"{option} {spec!r}: expected LANG=TEXT, for example {option} en='Ahmed al-Sharaa'")
    return lang, text


def parse_lang_term_value(spec: str, option: str) -> tuple[str, str, str]:
    """``"en:Julani=deprecated"`` → ``("en", "Julani", "deprecated")`` (the value follows the last ``=``).

    Raises:
        GlossaryError: the spec is not ``LANG:TEXT=VALUE``.
    """
    lang, sep1, rest = spec.partition(":")
    text, sep2, value = rest.rpartition("=")
    lang, text, value = lang.strip(), text.strip(), value.strip()
    if not sep1 or not sep2 or not lang or not text or not value:
        raise GlossaryError(f"{option} {spec!r}: expected LANG:TEXT=VALUE, for example {option} en:Julani=deprecated")
    return lang, text, value


def parse_status(value: str, option: str = "--status") -> TermStatus:
    """``"deprecated"`` → :attr:`TermStatus.DEPRECATED` (also accepts TBX's ``deprecatedTerm-admn-sts``).

    Raises:
        GlossaryError: not preferred, admitted or deprecated; the message names ``option``.
    """
    v = value.strip().removesuffix("Term-admn-sts")
    try:
        return TermStatus(v)
    except ValueError:
        raise GlossaryError(f"{option}: unknown status {value!r}; use preferred, admitted or deprecated") from None


def parse_related(spec: str) -> CrossReference:
    """``"aka:abu-mohammad-al-jolani"`` → ``CrossReference(also-known-as, ...)``; a bare id is see-also.

    Raises:
        GlossaryError: an unknown TYPE or an empty ID (expected ``[TYPE:]ID``).
    """
    kind, sep, target = spec.partition(":")
    if not sep:
        kind, target = "see-also", spec
    kind, target = kind.strip(), target.strip()
    if kind not in _RELATION_ALIASES or not target:
        raise GlossaryError(f"--related {spec!r}: expected [TYPE:]ID with TYPE aka, also-known-as, see or see-also")
    return CrossReference(type=_RELATION_ALIASES[kind], target=target)


def term_changes(
    *,
    terms: Iterable[str] = (),
    statuses: Iterable[str] = (),
    shorts: Iterable[str] = (),
    uses: Iterable[str] = (),
    removes: Iterable[str] = (),
    notes: Iterable[str] = (),
) -> TermChanges:
    """A :class:`~xling.glossary.ops.TermChanges` from the raw option strings (forms above).

    Raises:
        GlossaryError: a malformed spec (the message names its option).
    """
    return TermChanges(
        add=[parse_term(s) for s in terms],
        status=[(lg, t, parse_status(v)) for lg, t, v in (parse_lang_term_value(s, "--status") for s in statuses)],
        short=[parse_lang_term_value(s, "--short") for s in shorts],
        use=[parse_lang_term_value(s, "--use") for s in uses],
        remove=[parse_term(s, "--remove-term") for s in removes],
        note=[parse_lang_term_value(s, "--term-note") for s in notes],
    )
