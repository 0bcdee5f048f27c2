"""Where the set-up put things: the repo, its private fonts and its fontconfig file.

``scripts/setup.sh`` (run by ``make setup``) extracts the Fandol fonts into
``.fonts/fandol`` and writes ``.fonts/fonts.conf``, which maps the names a DOCX
carries (仿宋_GB2312, 黑体, Times New Roman …) to the free faces. Nothing is installed
system-wide, so code that draws text must be told where these live; this module is the
one place that knows. Environment variables override the paths for installs outside a
source checkout (``DOCGEN_FONT_DIR``, ``DOCGEN_FONTCONFIG``, ``DOCGEN_CACHE_DIR``).
"""

from __future__ import annotations

import os
from pathlib import Path

#: The source checkout (docgen is installed editable by the set-up).
REPO_ROOT: Path = Path(__file__).resolve().parent.parent

#: Fonts the set-up added for docgen alone (Fandol in ``fandol/``, fontconfig cache in ``cache/``).
FONT_DIR: Path = Path(os.environ.get("DOCGEN_FONT_DIR") or REPO_ROOT / ".fonts").absolute()


def cache_dir() -> Path:
    """Where derived data is kept between processes (``diskcache``): beside fontconfig's
    cache of the same fonts, unless ``DOCGEN_CACHE_DIR`` names another folder."""
    override = os.environ.get("DOCGEN_CACHE_DIR")
    return Path(override).absolute() if override else FONT_DIR / "cache"


def fontconfig_file() -> Path:
    """The fontconfig file written by the set-up (``DOCGEN_FONTCONFIG`` overrides it).

    Always absolute: fontconfig looks a relative ``FONTCONFIG_FILE`` up in /etc/fonts,
    not in the current directory. The file may not exist yet: callers that need it
    check, and say to run ``make setup``.
    """
    override = os.environ.get("DOCGEN_FONTCONFIG")
    return Path(override).absolute() if override else FONT_DIR / "fonts.conf"


def ensure_fontconfig_env() -> Path | None:
    """Point fontconfig at docgen's file, unless the caller already chose one.

    Fontconfig reads ``FONTCONFIG_FILE`` once, when it first initialises, so call this
    before importing WeasyPrint (Pango) or starting LibreOffice. An existing value is
    kept (``make`` exports the same file; a user may want their own). Nothing is set
    when the file is missing, because fontconfig given a missing file finds no fonts at
    all. Returns the file in effect, or None.
    """
    current = os.environ.get("FONTCONFIG_FILE")
    if current:
        return Path(current)
    path = fontconfig_file()
    if not path.is_file():
        return None
    os.environ["FONTCONFIG_FILE"] = str(path)
    return path
