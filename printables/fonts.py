"""Font registry: one TrueType font per script/language key, registered with ReportLab once.

Lookup order for a key: the environment (``BOSAI_FONT_<KEY>``, e.g. ``BOSAI_FONT_ZH_HANS``;
``BOSAI_FONT_<KEY>_BOLD`` for the bold face; ``path#index`` picks a face of a ``.ttc``), then the
known Debian or PyPI locations. Only TrueType (glyf) outlines load in ReportLab. CJK fonts are
registered unshaped (DESIGN.md §5: shaping CJK turns ます into 〼); Thai, Myanmar and Devanagari
fonts are shaped. The PyPI Noto Sans Thai and Devanagari fonts are variable: ReportLab embeds the
default (regular) instance, and a bold instance is made once with fontTools into a cache folder.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from printables.errors import FontMissing

_DEB = Path("/usr/share/fonts")


@dataclass(frozen=True)
class FontSpec:
    """Where a key's regular and bold faces live and what installs them."""

    key: str
    regular: tuple[str, ...]  # candidate paths, first existing wins; "pip:<module>" for PyPI fonts
    bold: tuple[str, ...] = ()
    index: int = 0  # face in a .ttc collection
    shaped: bool = False
    install: str = ""


SPECS: dict[str, FontSpec] = {spec.key: spec for spec in (
    FontSpec("ja", (f"{_DEB}/opentype/ipaexfont-gothic/ipaexg.ttf", f"{_DEB}/truetype/ipaexfont-gothic/ipaexg.ttf",
                    f"{_DEB}/truetype/fonts-japanese-gothic.ttf"),
             install="apt-get install fonts-ipaexfont-gothic"),
    FontSpec("ko", (f"{_DEB}/truetype/nanum/NanumGothic.ttf",), (f"{_DEB}/truetype/nanum/NanumGothicBold.ttf",),
             install="apt-get install fonts-nanum"),
    FontSpec("zh_Hans", (f"{_DEB}/truetype/wqy/wqy-microhei.ttc",), index=0,
             install="apt-get install fonts-wqy-microhei"),
    FontSpec("zh_Hant", (f"{_DEB}/truetype/arphic/uming.ttc",), index=2,  # AR PL UMing TW
             install="apt-get install fonts-arphic-uming"),
    FontSpec("latin", (f"{_DEB}/truetype/noto/NotoSans-Regular.ttf",), (f"{_DEB}/truetype/noto/NotoSans-Bold.ttf",),
             install="apt-get install fonts-noto-core"),
    FontSpec("my", (f"{_DEB}/truetype/padauk/Padauk-Regular.ttf",), (f"{_DEB}/truetype/padauk/Padauk-Bold.ttf",),
             shaped=True, install="apt-get install fonts-sil-padauk"),
    FontSpec("th", ("pip:fontpkg_noto_sans_thai",), shaped=True, install="pip install fontpkg-noto-sans-thai"),
    FontSpec("ne", ("pip:fontpkg_noto_sans_devanagari",), shaped=True,
             install="pip install fontpkg-noto-sans-devanagari"),
)}
BOLD_WEIGHT = 700


@dataclass(frozen=True)
class Font:
    """A registered ReportLab font: its name, file and whether text in it must be shaped."""

    name: str
    path: Path
    shaped: bool

    @property
    def ttf(self) -> TTFont:
        return pdfmetrics.getFont(self.name)

    def covers(self, char: str) -> bool:
        return ord(char) in self.ttf.face.charToGlyph


def _env(key: str, bold: bool) -> str | None:
    return os.environ.get(f"BOSAI_FONT_{key.upper()}{'_BOLD' if bold else ''}") or None


def _pip_font(module: str) -> Path | None:
    try:
        mod = __import__(module)
    except ImportError:
        return None
    return next(iter(sorted((Path(mod.ROOT) / "files").glob("*.ttf"))), None)


def _cache_dir() -> Path:
    folder = Path(os.environ.get("BOSAI_FONT_CACHE") or Path(tempfile.gettempdir()) / "bosai-kit-fonts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _static_instance(variable: Path, weight: int) -> Path:
    """A static instance of a variable font at ``weight`` (made once, cached on disk)."""
    out = _cache_dir() / f"{variable.stem.split('[')[0]}-{weight}-{int(variable.stat().st_mtime)}-v2.ttf"
    if not out.exists():
        from fontTools.ttLib import TTFont as FTFont
        from fontTools.varLib.instancer import instantiateVariableFont

        font = instantiateVariableFont(FTFont(variable), {"wght": weight, "wdth": 100})
        family = font["name"].getDebugName(1) or variable.stem
        font["name"].setName(f"{family} {weight}", 4, 3, 1, 0x409)
        font["name"].setName(f"{family.replace(' ', '')}-{weight}", 6, 3, 1, 0x409)
        tmp = out.with_suffix(f".{os.getpid()}.tmp")
        font.save(tmp)
        tmp.replace(out)
    return out


def _locate(spec: FontSpec, bold: bool) -> tuple[Path, int] | None:
    """The file and face index for a key, or None when nothing is installed."""
    override = _env(spec.key, bold)
    if override:
        path, _, index = override.partition("#")
        if not Path(path).is_file():
            raise FontMissing(f"BOSAI_FONT_{spec.key.upper()}{'_BOLD' if bold else ''}={override}: no such file")
        return Path(path), int(index or 0)
    if bold and _env(spec.key, False):
        return None  # an overridden regular face has no known bold: use it for bold too
    for candidate in spec.bold if bold and spec.bold else spec.regular:
        if candidate.startswith("pip:"):
            found = _pip_font(candidate[4:])
            if found:
                return (_static_instance(found, BOLD_WEIGHT) if bold else found), 0
        elif bold and not spec.bold:
            return None  # the family has no bold face
        elif Path(candidate).is_file():
            return Path(candidate), spec.index
    return None


@lru_cache(maxsize=None)
def font(key: str, bold: bool = False) -> Font:
    """The registered font for a registry key ('ja', 'latin', 'th', ...); bold falls back to
    regular where the family has no bold face. Raises ``FontMissing`` naming what to install."""
    spec = SPECS.get(key)
    if spec is None:
        raise FontMissing(f"no font is configured for {key!r}; known keys: {', '.join(SPECS)}")
    found = _locate(spec, bold)
    if found is None:
        if bold:
            return font(key, False)
        raise FontMissing(f"font for {key!r} not found; install it with: {spec.install} "
                          f"(or set BOSAI_FONT_{key.upper()} to a TrueType file)")
    path, index = found
    name = f"bosai-{key}{'-bold' if bold else ''}"
    try:
        ttf = TTFont(name, str(path), subfontIndex=index, shapable=spec.shaped)
    except (TTFError, OSError) as exc:
        raise FontMissing(f"font for {key!r} at {path} cannot be used ({exc}); it must be TrueType "
                          f"(glyf outlines, not CFF); install: {spec.install}") from None
    pdfmetrics.registerFont(ttf)
    return Font(name, path, spec.shaped)
