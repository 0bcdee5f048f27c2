"""Two small cuts of Noto Serif CJK SC, made once by the set-up (``python -m docgen.layout.cuts``).

WeasyPrint subsets every face it embeds, keeping glyph ids: the work and the embedded
font grow with the highest glyph id used, not with the glyphs used. In the 65,535-glyph
Noto collection the seed's 13 title characters reach glyph 38,448 and its one rare name
character (飏) glyph 44,177, so those two faces cost ~47 ms of each PDF for 14 glyphs.
A cut holds only the characters its role can need, so the same glyphs get low ids:

* **title** (Bold): GB 2312, the very repertoire of 方正小标宋简体, the face it replaces;
* **rare** (Regular): the GBK characters the four Fandol faces do not all have (name
  characters like 飏). Anything rarer still falls through to the whole Noto face.

``hb-subset`` (HarfBuzz, Debian's libharfbuzz-bin) cuts in well under a second, without
the layout tables: the cuts draw Han characters horizontally, which take no substitution
or kerning, and locl or vert would pull in thousands of glyphs for other regions.

fontTools then does two things (~10 s per cut, once):

* it numbers the CIDs afresh. Noto's CFF is CID-keyed with each CID equal to its glyph id;
  hb-subset renumbers the glyphs but keeps the old CIDs (苏: glyph 5,333, CID 33,635). A PDF
  names CFF glyphs by CID, so Acrobat and MuPDF found nothing and drew no 纪要标志 (poppler
  guessed right). After the cut, CID = glyph id again;
* it renames the family, so that fontconfig cannot mistake a cut for the whole face.
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

RECIPE = 2          # bump when a cut's character set or options change


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
                        f"--unicodes-file={codes}", "--drop-tables+=GSUB,GPOS,BASE",
                        f"--output-file={raw}"], check=True)
        finish(raw, cut, Path(tmp) / target.name)
        shutil.move(str(Path(tmp) / target.name), target)


def finish(path: Path, cut: Cut, out: Path) -> None:
    """CIDs equal to glyph ids, and the cut's own family name."""
    from fontTools.ttLib import TTFont
    font = TTFont(path)
    identity_cids(font)
    rename(font, cut)
    font.save(out)
    font.close()


def identity_cids(font) -> None:
    """Rename glyph i to cid<i> in every table that names glyphs (the cut has no GSUB/GPOS)."""
    order = font.getGlyphOrder()
    new = [order[0]] + [f"cid{i:05d}" for i in range(1, len(order))]
    renamed = dict(zip(order, new))
    for table in font["cmap"].tables:
        if table.format == 14:           # variation sequences: (code, glyph or None) pairs
            table.uvsDict = {uvs: [(code, renamed[name] if name else None) for code, name in pairs]
                             for uvs, pairs in table.uvsDict.items()}
        else:
            table.cmap = {code: renamed[name] for code, name in table.cmap.items()}
    for tag in ("hmtx", "vmtx"):
        if tag in font:
            font[tag].metrics = {renamed[n]: m for n, m in font[tag].metrics.items()}
    if "VORG" in font:
        vorg = font["VORG"]
        vorg.VOriginRecords = {renamed[n]: y for n, y in vorg.VOriginRecords.items()}
    cff = font["CFF "].cff
    top = cff[cff.fontNames[0]]
    indices = dict(top.CharStrings.charStrings)      # read before the charset changes
    top.charset = new
    top.CharStrings.charStrings = {renamed[n]: i for n, i in indices.items()}
    font.setGlyphOrder(new)


def rename(font, cut: Cut) -> None:
    """Give the cut its own family."""
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
