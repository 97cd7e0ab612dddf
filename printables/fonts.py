"""Font registry: one TrueType font per script/language key, registered with ReportLab once,
and the fallback chain that finds a font for any character (``fallback``).

Lookup order for a key: the environment (``BOSAI_FONT_<KEY>``, e.g. ``BOSAI_FONT_ZH_HANS``;
``BOSAI_FONT_<KEY>_BOLD`` for the bold face; ``path#index`` picks a face of a ``.ttc``), then the
known Debian or PyPI locations. Only TrueType (glyf) outlines load in ReportLab. CJK fonts are
registered unshaped (DESIGN.md §5: shaping CJK turns ます into 〼); Thai, Myanmar and Devanagari
fonts are shaped. The PyPI Noto Sans Thai and Devanagari fonts are variable: ReportLab embeds the
default (regular) instance, and a bold instance is made once with fontTools into a cache folder.

Beyond the 16 language variants, ``SCRIPT_FONTS`` names a font for each script people living in
Japan write (Bengali, Sinhala, Arabic and Urdu, Amharic, Khmer, Lao, Mongolian, Tamil, ...), the
rare kanji of names (CJK Extension B and beyond: IPAmj Mincho, else Hanazono) and symbols and
emoji (Symbola, monochrome: colour emoji fonts cannot be embedded). These load only when a text
needs them; a missing one is skipped, and a character no installed font has is left to the
layout's placeholder.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import icu
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from printables import rlcompat
from printables.errors import FontMissing

_DEB = Path("/usr/share/fonts")
_NOTO = f"{_DEB}/truetype/noto/NotoSans"


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
    *(FontSpec(key, (f"{_NOTO}{family}-Regular.ttf",), (f"{_NOTO}{family}-Bold.ttf",), shaped=True,
               install="apt-get install fonts-noto-core")
      for key, family in (("bn", "Bengali"), ("si", "Sinhala"), ("ar", "Arabic"), ("am", "Ethiopic"),
                          ("km", "Khmer"), ("lo", "Lao"), ("ta", "Tamil"), ("te", "Telugu"),
                          ("kn", "Kannada"), ("ml", "Malayalam"), ("gu", "Gujarati"), ("pa", "Gurmukhi"),
                          ("he", "Hebrew"), ("hy", "Armenian"), ("ka", "Georgian"))),
    FontSpec("mn", (f"{_NOTO}Mongolian-Regular.ttf",), shaped=True, install="apt-get install fonts-noto-core"),
    FontSpec("bo", (f"{_DEB}/truetype/noto/NotoSerifTibetan-Regular.ttf",),
             (f"{_DEB}/truetype/noto/NotoSerifTibetan-Bold.ttf",), shaped=True,
             install="apt-get install fonts-noto-core"),
    FontSpec("han_ext", (f"{_DEB}/truetype/ipamj/ipamjm.ttf", f"{_DEB}/truetype/hanazono/HanaMinB.ttf"),
             install="apt-get install fonts-ipamj-mincho fonts-hanazono"),
    FontSpec("symbols", (f"{_DEB}/truetype/ancient-scripts/Symbola_hint.ttf",
                         f"{_DEB}/truetype/noto/NotoSansSymbols2-Regular.ttf"),
             install="apt-get install fonts-symbola"),
)}
# ICU script code -> the registry key of the font that draws it, tried first for a character the
# text's own font lacks. Documented as a table in README ("Fonts").
SCRIPT_FONTS: dict[str, str] = {
    "Latn": "latin", "Grek": "latin", "Cyrl": "latin", "Hira": "ja", "Kana": "ja", "Hani": "ja",
    "Hang": "ko", "Bopo": "zh_Hant", "Thai": "th", "Mymr": "my", "Deva": "ne",
    "Beng": "bn", "Sinh": "si", "Arab": "ar", "Ethi": "am", "Khmr": "km", "Laoo": "lo", "Mong": "mn",
    "Taml": "ta", "Telu": "te", "Knda": "kn", "Mlym": "ml", "Gujr": "gu", "Guru": "pa", "Hebr": "he",
    "Armn": "hy", "Geor": "ka", "Tibt": "bo",
}
# then, for punctuation, symbols and anything else, these in order (then every other key):
FALLBACK_ORDER = ("ja", "latin", "zh_Hans", "zh_Hant", "ko", "th", "my", "ne", "han_ext", "symbols")
BOLD_WEIGHT = 700


@dataclass(frozen=True)
class Font:
    """A registered ReportLab font: its name, file and whether text in it must be shaped."""

    name: str
    path: Path
    shaped: bool
    cmap: dict[int, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def ttf(self) -> TTFont:
        return pdfmetrics.getFont(self.name)

    def covers(self, char: str) -> bool:
        return ord(char) in self.cmap

    @property
    def ascent(self) -> float:
        """Ascent at 1 pt."""
        return rlcompat.vertical_metrics(self.name)[0]

    @property
    def descent(self) -> float:
        """Descent (positive) at 1 pt."""
        return rlcompat.vertical_metrics(self.name)[1]


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
    return Font(name, path, spec.shaped, rlcompat.charmap(name))


def _installed(key: str, bold: bool) -> Font | None:
    try:
        return font(key, bold)
    except FontMissing:
        return None


@lru_cache(maxsize=4096)
def fallback(char: str, bold: bool = False) -> Font | None:
    """The font to draw ``char`` when the text's own font lacks it: the font of its script
    (``SCRIPT_FONTS``), else the first of ``FALLBACK_ORDER``, then of all the others, that has it;
    None when no installed font has it. Fonts that are not installed are skipped."""
    script = icu.Script.getScript(char).getShortName()
    keys = ([SCRIPT_FONTS[script]] if script in SCRIPT_FONTS else []) + list(FALLBACK_ORDER) + list(SPECS)
    for key in dict.fromkeys(keys):
        candidate = _installed(key, bold)
        if candidate is not None and candidate.covers(char):
            return candidate
    return None
