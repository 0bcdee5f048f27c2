"""Font roles of GB/T 9704 resolved to the open faces the set-up installs.

The typesetter needs real advance widths, and the PDF must embed exactly the faces
that were measured, so one table says which file serves each role. A role whose
face is missing is an error with the fix, never a silent fallback to a wrong face.
"""

from __future__ import annotations

import marshal
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import diskcache
from ..errors import DocgenError

SYSTEM_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]

# role → (file name, index in a collection, fontconfig family, CSS weight).
# WeasyPrint finds the faces through fontconfig (the set-up's fonts.conf adds the Fandol
# folder): declaring them with @font-face made it copy ~60 MB of font files per render.
FACES: dict[str, tuple[str, int, str, int]] = {
    "fangsong": ("FandolFang-Regular.otf", 0, "FandolFang", 400),
    "hei": ("FandolHei-Regular.otf", 0, "FandolHei", 400),
    "kai": ("FandolKai-Regular.otf", 0, "FandolKai", 400),
    "song": ("FandolSong-Regular.otf", 0, "FandolSong", 400),
    "xiaobiaosong": ("DocgenTitleSC-Bold.otf", 0, "Docgen Title SC", 700),   # cuts.py
    "latin": ("LiberationSerif-Regular.ttf", 0, "Liberation Serif", 400),
    "rare": ("DocgenRareSC-Regular.otf", 0, "Docgen Rare SC", 400),            # cuts.py
    "fallback": ("NotoSerifCJK-Regular.ttc", 2, "Noto Serif CJK SC", 400),
}
# Where a character missing from its role's face is drawn from, tried in this order.
FALLBACKS = ("rare", "fallback")
ROLE_NAMES = {"fangsong": "仿宋", "hei": "黑体", "kai": "楷体", "song": "宋体",
              "xiaobiaosong": "小标宋（Noto Serif CJK SC Bold 的 GB 2312 字集）",
              "latin": "西文（Times New Roman 替代）",
              "rare": "生僻字（Noto Serif CJK SC 的 GBK 补字）",
              "fallback": "生僻字补充（Noto Serif CJK SC）"}
FIX = ("运行 make setup（会安装 Fandol 字体、fonts-noto-cjk 和 fonts-liberation2，"
       "并从 Noto 字体裁出标题字和生僻字两个小字体）")


def font_dirs() -> list[Path]:
    from ..environment import FONT_DIR
    return [FONT_DIR] + SYSTEM_DIRS


@lru_cache(maxsize=None)
def find_file(file_name: str) -> Path | None:
    for root in font_dirs():
        if root.is_dir():
            for found in root.rglob(file_name):
                return found
    return None


@dataclass
class Face:
    """One font file: its path, and advance widths in em from its cmap and hmtx."""

    role: str
    path: Path
    index: int
    family: str
    weight: int = 400
    ascent: float = 0.88      # em, as Pango places the line (hhea)
    descent: float = 0.12
    _advances: dict[int, int] = field(default_factory=dict, repr=False)   # font units
    _units: float = 1000.0
    _em: dict[str, float | None] = field(default_factory=dict, repr=False)   # ch → em, as asked

    def load(self) -> "Face":
        """Read the metrics: from the metrics cache, or from the font with fontTools
        (~0.1 s for a Noto CJK face, ~0.35 s for all seven roles) and then cache them."""
        metrics = _read_metrics(self.path, self.index)
        if metrics is None:
            metrics = _font_metrics(self.path, self.index)
            _write_metrics(self.path, self.index, metrics)
        units, ascent, descent, advances = metrics
        self._units = float(units)
        self.ascent = ascent / self._units
        self.descent = abs(descent) / self._units
        # kept in font units, converted on first lookup: converting 45,000 advances of a
        # Noto face up front cost more than every lookup of a document; a document asks
        # for the same few hundred characters ~15,000 times, so each is kept once converted
        self._advances = advances
        self._em.clear()
        return self

    def has(self, ch: str) -> bool:
        return self.advance(ch) is not None

    def advance(self, ch: str) -> float | None:
        """Advance in em, or None when the face has no glyph."""
        try:
            return self._em[ch]
        except KeyError:
            units = self._advances.get(ord(ch))
            em = self._em[ch] = None if units is None else units / self._units
            return em


@lru_cache(maxsize=None)
def face(role: str) -> Face:
    file_name, index, family, weight = FACES[role]
    path = find_file(file_name)
    if path is None:
        raise DocgenError.one(f"找不到{ROLE_NAMES[role]}字体文件 {file_name}", hint=FIX)
    return Face(role, path, index, family, weight).load()


# -- metrics cache -------------------------------------------------------------------------
# Every process needs the advance widths of all seven faces: fontTools takes ~0.35 s to
# read them, marshal a few ms to read them back (``diskcache``). An entry is named for the
# font file's size and mtime and the Python version (marshal's format).

Metrics = tuple[int, int, int, dict[int, int]]   # units per em, ascent, descent, advances


_PY = f"py{sys.version_info[0]}{sys.version_info[1]}"


def _metrics_name(path: Path, index: int) -> str | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{path.name}.{index}.{st.st_size}.{st.st_mtime_ns}.{_PY}"


def _font_metrics(path: Path, index: int) -> Metrics:
    from fontTools.ttLib import TTFont
    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        hmtx = font["hmtx"]
        advances = {code: hmtx[glyph][0] for code, glyph in font.getBestCmap().items()}
        return font["head"].unitsPerEm, font["hhea"].ascent, font["hhea"].descent, advances
    finally:
        font.close()


def _read_metrics(path: Path, index: int) -> Metrics | None:
    name = _metrics_name(path, index)
    data = diskcache.read("metrics", name) if name else None
    try:
        return marshal.loads(data) if data is not None else None
    except (EOFError, ValueError, TypeError):
        return None


def _write_metrics(path: Path, index: int, metrics: Metrics) -> None:
    name = _metrics_name(path, index)
    if name is not None:
        diskcache.write("metrics", name, marshal.dumps(metrics),
                        replaces=f"{path.name}.{index}.*.*.{_PY}")   # the font before it changed


def drawing_role(ch: str, role: str) -> str:
    """The role whose face draws ``ch``: the role's own, else the first fallback that has
    it (a district's 鄠 in a 小标宋 cut to GB 2312), else the role's, which draws .notdef."""
    if face(role).has(ch):
        return role
    return next((fallback for fallback in FALLBACKS if face(fallback).has(ch)), role)


def face_runs(text: str, role: str) -> list[tuple[str, str]]:
    """``text`` as (role, characters) runs, each drawn by one face (``drawing_role``)."""
    runs: list[tuple[str, str]] = []
    for ch in text:
        drawn = drawing_role(ch, role)
        if runs and runs[-1][0] == drawn:
            runs[-1] = (drawn, runs[-1][1] + ch)
        else:
            runs.append((drawn, ch))
    return runs


def all_faces() -> dict[str, Face]:
    return {role: face(role) for role in FACES}


def clear_cache() -> None:
    find_file.cache_clear()
    face.cache_clear()


def env_summary() -> list[tuple[str, str, str]]:
    """(role, Chinese name, file or problem) for `docgen doctor`."""
    rows = []
    for role in FACES:
        try:
            rows.append((role, ROLE_NAMES[role], str(face(role).path)))
        except DocgenError as exc:
            rows.append((role, ROLE_NAMES[role], f"缺失：{exc}"))
    return rows


