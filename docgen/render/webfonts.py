"""The faces the typesetter measured, served to a browser so that its pages look as the PDF.

Both browser views — ``docgen preview`` and the desk — show the positioned HTML, which
names the typesetter's families; a browser on a clerk's PC may have none of them, so the
app serves exactly the files the typesetter resolved (nothing else on disk is reachable)
under /fonts/ROLE.EXT, and the page's @font-face rules point there.
"""

from __future__ import annotations

import io
import json
import threading
from dataclasses import dataclass
from pathlib import Path

@dataclass(frozen=True)
class FontFile:
    role: str
    url: str                 # /fonts/<role>.<ext>
    path: Path
    index: int               # face index inside a .ttc collection
    family: str
    weight: int
    local_names: tuple[str, ...]
    mime: str


def _names(path: Path, index: int) -> tuple[tuple[str, ...], bool]:
    """(full name and PostScript name, whether the face has CFF outlines)."""
    from fontTools.ttLib import TTFont
    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        names = tuple(dict.fromkeys(n for n in (font["name"].getDebugName(4),
                                                font["name"].getDebugName(6)) if n))
        return names, "CFF " in font
    finally:
        font.close()


def font_files() -> dict[str, FontFile]:
    """URL → font file, for every role whose face resolves (missing ones are left out)."""
    from ..layout.fonts import FACES, face
    out: dict[str, FontFile] = {}
    for role in FACES:
        try:
            f = face(role)
            names, cff = _names(f.path, f.index)
        except Exception:  # noqa: BLE001 - a missing font is reported by the render itself
            continue
        ext = "otf" if cff else "ttf"
        url = f"/fonts/{role}.{ext}"
        out[url] = FontFile(role, url, f.path, f.index, f.family, f.weight, names,
                            f"font/{ext}")
    return out


def font_face_css(fonts: dict[str, FontFile]) -> str:
    rules = []
    for f in fonts.values():
        local = "".join(f"local({json.dumps(n, ensure_ascii=False)}), " for n in f.local_names)
        rules.append(f'@font-face {{ font-family: {json.dumps(f.family, ensure_ascii=False)}; '
                     f'font-weight: {f.weight}; font-style: normal; font-display: block; '
                     f'src: {local}url("{f.url}") format("{"opentype" if f.mime == "font/otf" else "truetype"}"); }}')
    return "\n".join(rules)


class FontBytes:
    """Faces inside a collection are cut out once (about 0.7 s for Noto CJK) and kept."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: dict[str, bytes] = {}

    def get(self, f: FontFile) -> bytes:
        with self._lock:
            if f.url not in self._data:
                from fontTools.ttLib import TTCollection
                collection = TTCollection(str(f.path), lazy=True)
                buffer = io.BytesIO()
                collection[f.index].save(buffer, reorderTables=False)
                collection.close()
                self._data[f.url] = buffer.getvalue()
            return self._data[f.url]
