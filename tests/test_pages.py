"""Pagination rules on small, known documents (22 lines a page, 28 cells a line)."""

from __future__ import annotations

import pytest

from docgen.gbt9704 import GRID
from docgen.layout.blocks import Block, Document, Span
from docgen.layout.pages import paginate

HAN = "国"


def doc_with(*blocks: Block) -> Document:
    return Document("某市人民政府常务会议纪要", None, None, None, body=list(blocks))


def para(lines: int) -> Block:
    return Block("para", (Span(HAN * (GRID.chars * lines - 2)),))


def heading(text: str = "二、审议某项办法") -> Block:
    return Block("topic", (Span(text, "hei"),), keep_with_next=True)


@pytest.mark.parametrize("filled", [GRID.lines - 1, GRID.lines - 2])
def test_a_heading_never_ends_a_page(filled):
    """With one free line the heading goes over with its text; with two it stays."""
    layout = paginate(doc_with(para(filled), heading(), para(3)), header_lines=0)
    first, second = layout.pages[0], layout.pages[1]
    on_first = [pl.line.block.kind for pl in first.lines]
    assert on_first[-1] != "topic"
    if filled == GRID.lines - 1:
        assert second.lines[0].line.block.kind == "topic" and second.lines[0].slot == 0
    else:
        assert on_first[-2:] == ["topic", "para"]


def test_a_heading_at_the_very_end_stays_where_it_is():
    layout = paginate(doc_with(para(GRID.lines - 1), heading()), header_lines=0)
    assert layout.pages[0].lines[-1].line.block.kind == "topic"


def test_a_two_line_heading_goes_over_whole():
    long = heading("二、" + "审议" * 20)                     # 42 characters: two lines
    layout = paginate(doc_with(para(GRID.lines - 2), long, para(2)), header_lines=0)
    kinds = [[pl.line.block.kind for pl in page.lines] for page in layout.pages]
    assert "topic" not in kinds[0] and kinds[1][:2] == ["topic", "topic"]
