"""Line-breaking rules on small, known inputs (28 cells, body type)."""

from __future__ import annotations

from docgen.layout.blocks import Block, Span
from docgen.layout.breaker import CLOSING, OPENING, break_lines

HAN = "国"


def lines_of(text: str, first: float = 0, left: float = 0, width: float = 28) -> list[str]:
    return [line.text for line in break_lines(Block("t", (Span(text),), first=first, left=left), width)]


def test_plain_text_fills_28_cells():
    out = lines_of(HAN * 60)
    assert [len(x) for x in out] == [28, 28, 4]


def test_first_line_indent_takes_two_cells():
    out = lines_of(HAN * 30, first=2)
    assert [len(x) for x in out] == [26, 4]


def test_closing_mark_hangs_as_29th_cell():
    out = lines_of(HAN * 28 + "，" + HAN * 3)
    assert out[0] == HAN * 28 + "，"
    assert out[1] == HAN * 3


def test_run_of_two_closing_marks_hangs_together():
    out = lines_of(HAN * 28 + "》。" + HAN * 3)
    assert out[0].endswith("》。") and out[1] == HAN * 3


def test_run_of_three_closing_marks_never_starts_a_line():
    out = lines_of(HAN * 28 + "”）。" + HAN * 3)
    assert all(line[0] not in CLOSING for line in out)
    assert "".join(out) == HAN * 28 + "”）。" + HAN * 3


def test_line_of_only_punctuation_is_never_produced():
    out = lines_of(HAN * 27 + "“" + "”。" * 3)
    assert all(any(ch not in CLOSING | OPENING for ch in line) for line in out)


def test_two_cell_dash_and_ellipsis_never_split():
    for mark in ("——", "……"):
        for at in range(24, 29):
            out = lines_of(HAN * at + mark + HAN * 10)
            assert "".join(out) == HAN * at + mark + HAN * 10
            for a, b in zip(out, out[1:]):
                assert not (a.endswith(mark[0]) and b.startswith(mark[0])), (mark, at, out)


def test_a_mark_inside_a_number_does_not_hang():
    """"2.5%" is one word: the "." may not hang at the line end and leave "5%" below."""
    for at in range(25, 29):
        out = lines_of(HAN * at + "2.5%" + HAN * 10)
        joined = [line for line in out if "2.5%" in line]
        assert joined, (at, out)


def test_opening_mark_never_ends_a_line():
    out = lines_of(HAN * 27 + "《" + HAN * 5 + "》")
    assert out[0] == HAN * 27
    assert out[1].startswith("《")


def test_digits_are_half_cells_and_never_split():
    text = HAN * 20 + "2020" + HAN * 10
    out = lines_of(text)
    assert "2020" in out[0] or "2020" in out[1]
    assert not any(line.endswith("20") and not line.endswith("2020") for line in out)


def test_latin_word_moves_whole_to_next_line():
    out = lines_of(HAN * 26 + "GB/T9704" + HAN)
    assert out[0] == HAN * 26
    assert out[1].startswith("GB/T9704")


def test_a_long_url_breaks_after_a_slash_or_dot_and_keeps_its_width():
    url = "https://www.suzhou.gov.cn/szsrmzf/index.shtml"
    out = lines_of(HAN * 20 + url + "。" + HAN * 5)
    assert out[0] == HAN * 20 + "https://www."            # as much of it as the line holds
    assert "".join(out) == HAN * 20 + url + "。" + HAN * 5
    lines = break_lines(Block("t", (Span(HAN * 20 + url),)), 28)
    slash = next(g for g in lines[0].glyphs if g.ch == "/")
    assert slash.width < 0.5                    # a URL's "/" at the Latin face's own width


def test_no_latin_gap_beside_a_dash():
    from docgen.layout.breaker import shape
    text = "执行GB/T 9704—2012标准"
    glyphs = shape(Block("t", (Span(text),)))
    dash = text.index("—")
    assert glyphs[dash].gap == 0 and glyphs[dash + 1].gap == 0    # "9704—2012": none at the dash
    assert glyphs[text.index("G")].gap > 0 and glyphs[text.index("标")].gap > 0   # Han–Latin


def test_wide_marks_and_units_take_their_own_width():
    """"%" is 0.83 em in the Latin face and ℃ is not in it: in half a cell each they were
    drawn over the next character ("5%。", "18℃，")."""
    from docgen.layout.breaker import shape
    glyphs = {g.ch: g for g in shape(Block("t", (Span("增长5%，气温18℃，"),)))}
    assert glyphs["%"].width > 0.8 and glyphs["℃"].width > 0.9
    assert glyphs["℃"].role != "latin" and glyphs["℃"].gap == 0
    assert glyphs["5"].width == 0.5                      # figures keep their half cell


def test_a_range_dash_stays_with_its_figures():
    for at in range(20, 28):
        out = lines_of(HAN * at + "（2023—2035年）" + HAN * 10)
        assert not any(line.startswith("—") or line.endswith("—") for line in out), (at, out)


def test_a_line_may_end_after_the_comma_between_a_units_names():
    """"市商务局程刚、曹芳": when "程刚、" fills the line exactly, the line ends there, as it
    does when the "、" hangs; before, the whole entry went over and left three cells empty."""
    spans = (Span("国" * 18), Span("\u3000"), Span("市商务局"), Span("程刚", keep=True),
             Span("、曹芳", keep=True))                  # as layout.blocks builds a unit entry
    lines = break_lines(Block("attending", spans, first=0, left=0), 26)
    assert lines[0].text.endswith("程刚、") and lines[1].text == "曹芳"


def test_names_are_not_split_but_units_may_be():
    spans = (Span("列席：", "hei"), Span("市中级法院"), Span("石水根", keep=True), Span("\u3000"),
             Span("市检察院"), Span("李勇", keep=True))
    lines = break_lines(Block("attending", spans, first=2, left=5), 28 - 10)
    texts = [line.text for line in lines]
    assert all("石水" not in t or "石水根" in t for t in texts)
    assert "".join(texts).replace("\u3000", "") == "列席：市中级法院石水根市检察院李勇"


def test_separator_at_line_start_is_dropped():
    spans = (Span("甲" * 26), Span("\u3000"), Span("乙乙乙", keep=True))
    lines = break_lines(Block("t", spans, first=0, left=0), 27)
    assert lines[1].text == "乙乙乙"


def test_very_long_word_breaks_where_it_overflows():
    out = lines_of("x" * 80)
    assert "".join(out) == "x" * 80 and len(out) == 2


def test_the_large_fallback_face_is_read_only_when_a_character_needs_it():
    from docgen.layout import fonts
    from docgen.layout.breaker import shape
    fonts.clear_cache()
    try:
        shape(Block("item", (Span("会议原则同意《实施方案》，1+27。飏"),)))
        before = fonts.face.cache_info().currsize
        assert shape(Block("item", (Span("飏"),)))[0].role == "rare"
        glyphs = shape(Block("item", (Span("㐁"),)))          # in Noto only
        assert glyphs[0].role == "fallback"
        assert fonts.face.cache_info().currsize == before + 1
        assert glyphs[0].width == fonts.face("fallback").advance("㐁")
    finally:
        fonts.clear_cache()
