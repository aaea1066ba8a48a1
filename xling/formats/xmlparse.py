"""The one hardened XML parse of xling's interchange readers (XLIFF, TMX)."""

from __future__ import annotations

from typing import Any

from xling.errors import InputError


def parse_xml(data: bytes, name: str, fix: str) -> Any:
    """Parse ``data`` with lxml, with no entity expansion, no DTD loading and no network.

    Args:
        data: the file's bytes.
        name: the file name, for messages.
        fix: what to tell the user after the error, e.g. ``"fix or re-export the TMX"``.

    Returns:
        The root element (``lxml.etree._Element``).

    Raises:
        InputError: ``NAME:LINE: not well-formed XML: WHAT; FIX``.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else exc.lineno
        what = " ".join(str(exc.msg).split())  # libxml2 messages can hold a line break
        raise InputError(f"{name}:{line}: not well-formed XML: {what}; {fix}") from None
