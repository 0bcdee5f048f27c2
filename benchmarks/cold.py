"""Whole-process figures: each command a fresh process, as a clerk or a script runs it.

Every command is timed from ``exec`` to exit (one untimed warm-up fills the OS file cache),
so the figures include Python's start-up and every import the command makes. The Typst
anchor is a fresh ``python -c`` that imports the ``typst`` package and compiles the same
source (anchors.typst_source) with the same font folders: what a user of Typst from Python
would wait for.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

TYPST_COLD = """
import sys, typst
source, fonts = sys.argv[1], sys.argv[2:]
typst.Compiler(font_paths=fonts, ignore_system_fonts=True).compile(
    input=open(source, 'rb').read(), format='pdf')
"""


def _runner(cmd: list[str]) -> Callable[[], None]:
    def once() -> None:
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise SystemExit(f"benchmark: {' '.join(cmd)} failed (rc {done.returncode}):\n"
                             + done.stderr.decode("utf-8", "replace")[-2000:])
    return once


def cold_commands(docgen: list[str], seed_yaml: Path, seed_txt: Path, our_pdf: Path,
                  tmp: Path, typst_source: str | None,
                  font_dirs: list[Path]) -> dict[str, list[str]]:
    """Name → command line; the Typst one only when its source could be made."""
    out = tmp / "cold"
    cmds = {
        "render_cold_pdf_s": docgen + ["render", str(seed_yaml), "-o", str(out / "pdf"),
                                       "--format", "pdf", "--force"],
        "render_cold_docx_s": docgen + ["render", str(seed_yaml), "-o", str(out / "docx"),
                                        "--format", "docx", "--force"],
        "render_cold_s": docgen + ["render", str(seed_yaml), "-o", str(out / "both"),
                                   "--format", "pdf,docx", "--force"],
        "check_cold_s": docgen + ["check", str(seed_yaml)],
        "parse_cold_s": docgen + ["parse", str(our_pdf)],
        "parse_cold_txt_s": docgen + ["parse", str(seed_txt)],
    }
    if typst_source is not None:
        source = tmp / "seed.typ"
        source.write_text(typst_source, encoding="utf-8")
        cmds["typst_cold_s"] = [sys.executable, "-c", TYPST_COLD, str(source),
                                *map(str, font_dirs)]
    return cmds


def measure_cold_all(cmds: dict[str, list[str]], runs: int, warm, log) -> dict[str, object]:
    """Each command ``runs`` times after one warm-up; ``warm`` is run.warm (seconds)."""
    stats = {}
    for key, cmd in cmds.items():
        log(f"cold: {key}")
        stats[key] = warm(_runner(cmd), runs, warmups=1, scale=1.0)
    return stats
