"""Body checks: the type size and face of the running text (三号仿宋)."""

from __future__ import annotations

from collections import Counter

from ..gbt9704 import GRID, SIZE_PT, TOLERANCE
from . import rules
from .docxdoc import DocxSettings, ParaProps
from .faces import FANG, LATIN, face_kind, plain_name
from .findings import Report
from .pdfdoc import PdfMeasure


def _size_name(size: float) -> str:
    for name, pt in SIZE_PT.items():
        if abs(pt - size) <= TOLERANCE.size_pt:
            return f"{name}（{size:g} pt）"
    return f"{size:.1f} pt"


def check_body(m: PdfMeasure, report: Report, source: str) -> None:
    size = m.body_size
    report.measured["body_size_pt"] = size
    if abs(size - GRID.body_size_pt) > TOLERANCE.size_pt:
        first = m.body[0] if m.body else None
        report.add(rules.BODY_SIZE, _size_name(size), _size_name(GRID.body_size_pt),
                   f"第{first.page}页起的正文" if first else "正文",
                   "把正文字号改为三号（16 磅）", source)
    faces: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for pl in m.body:
        for span in pl.spans:
            hanzi = sum(1 for ch in span.text if "\u4e00" <= ch <= "\u9fff")
            kind = face_kind(span.font)
            if hanzi and kind != LATIN:
                faces[kind] += hanzi
                names.setdefault(kind, Counter())[plain_name(span.font)] += hanzi
    if not faces:
        return
    kind = faces.most_common(1)[0][0]
    font = names[kind].most_common(1)[0][0]
    report.measured["body_face"] = f"{kind}（{font}）"
    if kind != FANG:
        report.add(rules.BODY_FACE, f"{kind}（{font}）", "仿宋（如 仿宋_GB2312）", "正文",
                   "把正文字体改为仿宋（仿宋_GB2312 或 仿宋），标题层次除外", source)


def check_docx_body(s: DocxSettings, report: Report) -> tuple[str | None, float | None, list[ParaProps]]:
    """The body's face and size from the runs' resolved properties; returns them and the
    paragraphs set in them (for the grid)."""
    counts = s.body_runs()
    if not counts:
        return None, None, []
    sizes: Counter[float | None] = Counter()
    for (_, size), n in counts.items():
        sizes[size] += n
    size = sizes.most_common(1)[0][0]
    faces = Counter({font: n for (font, sz), n in counts.items() if sz == size})
    font = faces.most_common(1)[0][0]
    body = [p for p in s.paragraphs if any(r.font == font and r.size == size for r in p.runs)]
    report.measured["body_size_pt"] = size
    report.measured["body_face"] = f"{face_kind(font or '')}（{font}）"
    where = f"第{body[0].index}段起的正文（样式“{body[0].style or '默认'}”）" if body else "正文"
    if size is None or abs(size - GRID.body_size_pt) > TOLERANCE.size_pt:
        report.add(rules.BODY_SIZE, _size_name(size) if size else "未设置（Word 默认 10.5 磅）",
                   _size_name(GRID.body_size_pt), where, "把正文样式的字号改为三号（16 磅）", "docx")
    if face_kind(font or "") != FANG:
        report.add(rules.BODY_FACE, f"{face_kind(font or '')}（{font or '未设置中文字体'}）",
                   "仿宋（如 仿宋_GB2312）", where,
                   "把正文样式的“中文字体”改为仿宋_GB2312 或 仿宋", "docx")
    return font, size, body
