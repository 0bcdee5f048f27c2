"""DOCX backend: ``oxml`` (WordprocessingML helpers), ``grid`` (the page in twips),
``styles`` (named paragraph styles), ``builder`` (blocks and pages → document)."""

from .builder import render_docx

__all__ = ["render_docx"]
