#!/usr/bin/env bash
# Fresh-machine set-up for docgen (Debian 12). Idempotent; a second run only checks.
#   1. apt packages (fonts, PDF tools, LibreOffice) — installed only when one is missing
#   2. Fandol OTFs extracted from Debian's texlive-lang-chinese .deb into .fonts/fandol
#   3. .fonts/fonts.conf: the GB/Windows font names mapped to the free faces
#   4. .venv with docgen installed editable, plus its test, cluster and desk extras
#   5. .fonts/cuts: small cuts of Noto Serif CJK SC for the title and rare characters
# Called by `make setup` (and so by `make test` / `make demo`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

FONTS="$ROOT/.fonts"
FANDOL="$FONTS/fandol"
CUTS="$FONTS/cuts"
CONF="$FONTS/fonts.conf"
VENV="$ROOT/.venv"
STAMP="$VENV/.installed"
PYTHON="${PYTHON:-python3}"

# The Makefile exports FONTCONFIG_FILE pointing at the file this script writes. Until it
# exists fontconfig would see no configuration at all, which would also break the fc-cache
# triggers of font packages installed below. Use the system configuration here.
unset FONTCONFIG_FILE

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# --- 1. apt packages -------------------------------------------------------------------
# Each package and why (README.md says the same):
#   fonts-noto-cjk            Noto Serif/Sans CJK SC: rare characters Fandol lacks, the title face
#   poppler-utils             pdftotext / pdftoppm: reading and rasterising PDFs
#   libharfbuzz-subset0       WeasyPrint subsets fonts with it (35x faster than the fontTools path)
#   libharfbuzz-bin           hb-subset: cuts the title and rare-character faces (step 5)
#   libreoffice-writer-nogui  soffice --headless: checks DOCX output by converting it to PDF
#   fonts-liberation2         Liberation Serif, metric-compatible with Times New Roman
#   fontconfig                fc-cache / fc-match (usually already there)
#   libpango-1.0-0 libpangoft2-1.0-0  WeasyPrint's text layout (usually already there)
#   chromium                  the real browser the desk's tests (docgen edit) drive with Playwright
APT_PACKAGES=(fonts-noto-cjk poppler-utils libharfbuzz-subset0 libharfbuzz-bin libreoffice-writer-nogui
              fonts-liberation2 fontconfig libpango-1.0-0 libpangoft2-1.0-0 chromium)

missing_packages() {
    # Prints the packages of "$@" that dpkg does not have fully installed.
    local installed
    installed="$(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null \
                 | awk '$NF == "installed" { print $1 }' || true)"
    local pkg
    for pkg in "$@"; do
        grep -qxF "$pkg" <<<"$installed" || printf '%s\n' "$pkg"
    done
}

APT_UPDATED=0
apt_update() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        say "apt-get update"
        apt-get update -q
        APT_UPDATED=1
    fi
}

command -v dpkg-query >/dev/null || die "dpkg-query not found: this script expects Debian 12"

mapfile -t MISSING < <(missing_packages "${APT_PACKAGES[@]}")
# python3 -m venv needs ensurepip, which Debian's own python3 keeps in python3-venv.
if [ ! -x "$VENV/bin/python" ]; then
    if ! command -v "$PYTHON" >/dev/null; then
        MISSING+=(python3 python3-venv)
    elif ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
        MISSING+=(python3-venv)
    fi
fi

if [ "${#MISSING[@]}" -gt 0 ]; then
    if ! is_root; then
        {
            echo "setup: missing Debian packages: ${MISSING[*]}"
            echo "setup: install them as root, then run 'make setup' again:"
            echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${MISSING[*]}"
        } >&2
        exit 1
    fi
    apt_update
    say "apt-get install ${MISSING[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${MISSING[@]}"
else
    say "apt packages: ok"
fi

# --- 2. Fandol fonts ---------------------------------------------------------------------
# The only simplified-Chinese 仿宋 in Debian; shipped only inside texlive-lang-chinese.
# The .deb is downloaded and unpacked; TeX itself is never installed.
FANDOL_FILES=(FandolFang-Regular.otf FandolHei-Regular.otf FandolHei-Bold.otf
              FandolKai-Regular.otf FandolSong-Regular.otf FandolSong-Bold.otf)
FANDOL_IN_DEB=usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
FANDOL_DOC_IN_DEB=usr/share/doc/texlive-doc/fonts/fandol

fandol_complete() {
    local f
    for f in "${FANDOL_FILES[@]}"; do
        [ -s "$FANDOL/$f" ] || return 1
    done
}

FONTS_CHANGED=0
if fandol_complete; then
    say "Fandol fonts: ok"
else
    mkdir -p "$FONTS"
    TMP="$(mktemp -d)"
    trap 'rm -rf "$TMP"' EXIT
    if [ -d "/$FANDOL_IN_DEB" ] && [ -s "/$FANDOL_IN_DEB/FandolFang-Regular.otf" ]; then
        say "Fandol fonts: copying from the installed texlive-lang-chinese"
        SRC="/"
    else
        say "Fandol fonts: apt-get download texlive-lang-chinese (49 MB, fonts only are kept)"
        APT_DL=(apt-get download -q texlive-lang-chinese)
        # root: download in place instead of through the _apt sandbox user (avoids a warning)
        is_root && APT_DL=(apt-get -o APT::Sandbox::User=root download -q texlive-lang-chinese)
        if ! (cd "$TMP" && "${APT_DL[@]}" >/dev/null); then
            # No or stale package lists (e.g. a fresh container): refresh once and retry.
            is_root || die "apt-get download texlive-lang-chinese failed; as root run: apt-get update, then make setup"
            apt_update
            (cd "$TMP" && "${APT_DL[@]}" >/dev/null) || die "apt-get download texlive-lang-chinese failed"
        fi
        DEB="$(ls "$TMP"/texlive-lang-chinese_*.deb)"
        mkdir -p "$TMP/x"
        # Like `dpkg -x`, but unpacks only the Fandol files instead of all 98 MB.
        dpkg-deb --fsys-tarfile "$DEB" \
            | tar -x -C "$TMP/x" --wildcards "./$FANDOL_IN_DEB/Fandol*" "./$FANDOL_DOC_IN_DEB/*"
        SRC="$TMP/x"
    fi
    PART="$FONTS/fandol.partial"
    rm -rf "$PART"
    mkdir -p "$PART"
    cp "$SRC/$FANDOL_IN_DEB"/Fandol{Fang,Hei,Kai,Song}-*.otf "$PART/"
    # Licence (GPL with font exception) and README travel with the fonts.
    if [ -f "$SRC/$FANDOL_DOC_IN_DEB/README" ]; then
        cp "$SRC/$FANDOL_DOC_IN_DEB/README" "$PART/README"
    fi
    if [ -f "$SRC/$FANDOL_DOC_IN_DEB/COPYING.gz" ]; then
        gzip -dc "$SRC/$FANDOL_DOC_IN_DEB/COPYING.gz" >"$PART/COPYING"
    elif [ -f "$SRC/$FANDOL_DOC_IN_DEB/COPYING" ]; then
        cp "$SRC/$FANDOL_DOC_IN_DEB/COPYING" "$PART/COPYING"
    fi
    rm -rf "$FANDOL"
    mv "$PART" "$FANDOL"
    fandol_complete || die "Fandol fonts incomplete in $FANDOL"
    FONTS_CHANGED=1
    say "Fandol fonts: installed in ${FANDOL#"$ROOT"/}"
fi

# --- 3. fontconfig file ------------------------------------------------------------------
# DOCX files name Windows/GB fonts (仿宋_GB2312, 黑体, Times New Roman …); LibreOffice and
# WeasyPrint resolve them through fontconfig, so map each to the free face that replaces it.
alias_xml() {
    # alias_xml NAME FACE... → one <alias> preferring the faces in order
    local name="$1"; shift
    local face prefer=""
    for face in "$@"; do prefer+="<family>$face</family>"; done
    printf '  <alias binding="same"><family>%s</family><prefer>%s</prefer></alias>\n' "$name" "$prefer"
}

render_conf() {
    cat <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Generated by scripts/setup.sh; do not edit (it is rewritten when it differs). -->
<fontconfig>
  <!-- First, so that fc-cache writes the cache of the Fandol dir here, not in /var/cache. -->
  <cachedir>$FONTS/cache</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$FANDOL</dir>
  <dir>$CUTS</dir>

  <!-- 仿宋: body text. FandolFang lacks a few name characters (飏): Noto Serif CJK SC. -->
EOF
    local n
    for n in 仿宋_GB2312 仿宋 FangSong FangSong_GB2312; do
        alias_xml "$n" FandolFang "Noto Serif CJK SC"
    done
    echo "  <!-- 楷体, 黑体, 宋体 -->"
    for n in 楷体_GB2312 楷体 KaiTi KaiTi_GB2312; do
        alias_xml "$n" FandolKai "Noto Serif CJK SC"
    done
    for n in 黑体 SimHei; do
        alias_xml "$n" FandolHei "Noto Sans CJK SC"
    done
    for n in 宋体 SimSun; do
        alias_xml "$n" FandolSong "Noto Serif CJK SC"
    done
    cat <<'EOF'
  <!-- 方正小标宋简体 (title) has no free equivalent: Noto Serif CJK SC, always Bold
       (the Black weight would need fonts-noto-cjk-extra, +214 MB). -->
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <match target="pattern">
    <test name="family"><string>方正小标宋简体</string></test>
    <edit name="weight" mode="assign"><const>bold</const></edit>
  </match>
  <!-- Latin letters and digits: metric-compatible with Times New Roman. -->
  <alias binding="same"><family>Times New Roman</family><prefer><family>Liberation Serif</family></prefer></alias>

  <!-- Fandol *-Bold.otf declare usWeightClass 400, so fontconfig saw Regular and Bold as
       the same weight and picked FandolHei-Bold / FandolSong-Bold for normal text. -->
  <match target="scan">
    <test name="family" compare="contains"><string>Fandol</string></test>
    <test name="style"><string>Bold</string></test>
    <edit name="weight" mode="assign"><const>bold</const></edit>
  </match>
</fontconfig>
EOF
}

mkdir -p "$FONTS/cache"
NEW_CONF="$(render_conf)"
if [ -f "$CONF" ] && [ "$(cat "$CONF")" = "$NEW_CONF" ]; then
    say "fontconfig: ok (${CONF#"$ROOT"/})"
else
    printf '%s\n' "$NEW_CONF" >"$CONF.tmp"
    mv "$CONF.tmp" "$CONF"
    FONTS_CHANGED=1
    say "fontconfig: wrote ${CONF#"$ROOT"/}"
fi


# --- 4. Python venv ----------------------------------------------------------------------
pip_quiet() {
    # pip in the venv, without the warnings this machine's pip config prints for every
    # package (extra local indexes that do not exist); pip's exit status is kept.
    "$VENV/bin/python" -m pip "$@" 2>&1 | { grep -v "^WARNING: Location '.*' is ignored" || true; }
}

if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c '' 2>/dev/null; then
    say "venv: $VENV is broken (its Python moved?), recreating"
    rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
    say "venv: creating .venv with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$VENV"
    pip_quiet install -q -U pip
fi

if [ -f "$STAMP" ] && [ "$STAMP" -nt pyproject.toml ]; then
    say "python packages: ok"
else
    say "python packages: pip install -e '.[test,cluster,desk]' (the tests run a real Dask cluster and the desk)"
    pip_quiet install -q -e '.[test,cluster,desk]'
    touch "$STAMP"
fi

# docgen's own bytecode: an editable install leaves it to the first import, and a shell
# with PYTHONDONTWRITEBYTECODE (set on some machines) never writes it, so every command
# compiled docgen's ~80 modules again (~0.1 s of a ~0.4 s `docgen check`). Only stale or
# missing files are compiled; an edited module is compiled again on import as usual.
"$VENV/bin/python" -m compileall -q docgen >/dev/null || die "compiling docgen's bytecode failed"

# --- 5. Noto cuts ------------------------------------------------------------------------
# WeasyPrint's subsetting costs grow with the highest glyph id used; docgen/layout/cuts.py
# says why the title and rare-character faces are cut from the 65,535-glyph collection.
CUTS_MADE="$("$VENV/bin/python" -m docgen.layout.cuts "$CUTS")" || die "cutting the Noto faces failed"
if [ "$CUTS_MADE" = "ok" ]; then
    say "Noto cuts: ok (${CUTS#"$ROOT"/})"
else
    say "Noto cuts: $CUTS_MADE"
    FONTS_CHANGED=1
fi

if [ "$FONTS_CHANGED" -eq 1 ] || ! compgen -G "$FONTS/cache/*.cache-*" >/dev/null; then
    say "fontconfig: fc-cache"
    FONTCONFIG_FILE="$CONF" fc-cache "$FANDOL" "$CUTS"
fi

say "done"
