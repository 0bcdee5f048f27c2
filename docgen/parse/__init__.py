"""Archived minutes back to data: text, PDF, DOCX and web copies → Minutes (issue 5).

    from docgen.parse import parse_file
    minutes, warnings = parse_file("fixtures/suzhou-2020-96.txt")

Pipeline: source → ``Line`` objects (``text``, ``pdf``, ``docx``) → paragraphs (``text``)
→ ``Minutes`` (``structure``, which drives one module per part of a 纪要: ``header``,
``opening``, ``topics``, ``attendance`` with the unit/surname knowledge base of ``units``,
``tail``, then ``identity``).
"""

from .api import cmd_parse, parse_bytes, parse_file, parse_text

__all__ = ["cmd_parse", "parse_bytes", "parse_file", "parse_text"]
