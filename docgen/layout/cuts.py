"""Two small cuts of Noto Serif CJK SC, made once by the set-up (``python -m docgen.layout.cuts``).

WeasyPrint subsets every face it embeds, keeping glyph ids: the work and the embedded
font grow with the highest glyph id used, not with the glyphs used. In the 65,535-glyph
Noto collection the seed's 13 title characters reach glyph 38,448 and its one rare name
character (飏) glyph 44,177, so those two faces cost ~47 ms of each PDF for 14 glyphs.
A cut holds only the characters its role can need, so the same glyphs get low ids:

* **title** (Bold): GB 2312, the very repertoire of 方正小标宋简体, the face it replaces;
* **rare** (Regular): the GBK characters the four Fandol faces do not all have (name
  characters like 飏). Anything rarer still falls through to the whole Noto face.

``hb-subset`` (HarfBuzz, Debian's libharfbuzz-bin) cuts in well under a second; fontTools
then renames the family so fontconfig cannot mistake a cut for the whole face. Only the
kerning feature is kept: the cuts are drawn horizontally in Simplified Chinese, and the
other features (locl, vert …) would pull in thousands of glyphs for other regions.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

RECIPE = 1          # bump when a cut's character set or options change


@dataclass(frozen=True)
class Cut:
    file_name: str          # the cut, in the cuts folder; fonts.FACES names it
    family: str
    style: str              # "Bold" or "Regular"
    source: str             # file name of the Noto collection
    index: int              # the SC face in the collection
    charset: str            # "gb2312" or "gbk-not-in-fandol"


CUTS = (
    Cut("DocgenTitleSC-Bold.otf", "Docgen Title SC", "Bold", "NotoSerifCJK-Bold.ttc", 2,
        "gb2312"),
    Cut("DocgenRareSC-Regular.otf", "Docgen Rare SC", "Regular", "NotoSerifCJK-Regular.ttc",
        2, "gbk-not-in-fandol"),
)
FANDOL_FACES = ("FandolFang-Regular.otf", "FandolHei-Regular.otf", "FandolKai-Regular.otf",
                "FandolSong-Regular.otf")


def encoded_repertoire(codec: str, leads: range, trails: range) -> set[int]:
    """Every character a double-byte Chinese code page can encode, with ASCII."""
    chars = set(range(0x20, 0x7F))
    for lead in leads:
        for trail in trails:
            try:
                chars.add(ord(bytes((lead, trail)).decode(codec)))
            except UnicodeDecodeError:
                continue
    return chars


def charset(name: str) -> set[int]:
    if name == "gb2312":
        return encoded_repertoire("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    if name == "gbk-not-in-fandol":
        from fontTools.ttLib import TTFont
        from .fonts import find_file
        gbk = encoded_repertoire("gbk", range(0x81, 0xFF), range(0x40, 0xFF))
        missing: set[int] = set()
        for file_name in FANDOL_FACES:
            path = find_file(file_name)
            if path is None:
                raise SystemExit(f"cuts: {file_name} not found; the Fandol step comes first")
            font = TTFont(path, lazy=True)
            missing |= gbk - set(font.getBestCmap())
            font.close()
        return missing
    raise ValueError(name)


def manifest(cut: Cut, source: Path) -> dict[str, object]:
    """What a cut was made from: when any of it changes the cut is made again."""
    st = source.stat()
    return {"recipe": RECIPE, "source": str(source), "size": st.st_size,
            "mtime_ns": st.st_mtime_ns, "index": cut.index, "charset": cut.charset}


def make_cut(cut: Cut, source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        codes = Path(tmp) / "unicodes.txt"
        codes.write_text("\n".join(f"U+{c:04X}" for c in sorted(charset(cut.charset))))
        raw = Path(tmp) / "cut.otf"
        subprocess.run(["hb-subset", f"--font-file={source}", f"--face-index={cut.index}",
                        f"--unicodes-file={codes}", "--layout-features=kern",
                        f"--output-file={raw}"], check=True)
        rename(raw, cut, Path(tmp) / target.name)
        shutil.move(str(Path(tmp) / target.name), target)


def rename(path: Path, cut: Cut, out: Path) -> None:
    """Give the cut its own family: only the name table is rewritten, the rest is copied."""
    from fontTools.ttLib import TTFont
    font = TTFont(path, lazy=True)
    postscript = f"{cut.family.replace(' ', '')}-{cut.style}"
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = cut.family
        elif record.nameID in (2, 17):
            record.string = cut.style
        elif record.nameID == 4:
            record.string = f"{cut.family} {cut.style}"
        elif record.nameID in (3, 6):
            record.string = postscript
    font.save(out)
    font.close()


def ensure_cuts(folder: Path) -> list[str]:
    """Make the cuts that are missing or stale; returns the file names it (re)made."""
    from .fonts import find_file
    if shutil.which("hb-subset") is None:
        raise SystemExit("cuts: hb-subset not found (Debian package libharfbuzz-bin)")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for cut in CUTS:
        source = find_file(cut.source)
        if source is None:
            raise SystemExit(f"cuts: {cut.source} not found (Debian package fonts-noto-cjk)")
        target, stamp = folder / cut.file_name, folder / f"{cut.file_name}.json"
        wanted = manifest(cut, source)
        if target.is_file() and stamp.is_file() and json.loads(stamp.read_text()) == wanted:
            continue
        make_cut(cut, source, target)
        stamp.write_text(json.dumps(wanted, indent=1) + "\n")
        made.append(cut.file_name)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    made = ensure_cuts(parser.parse_args(argv).folder)
    print("made " + ", ".join(made) if made else "ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
