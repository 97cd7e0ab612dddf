"""Parsing JMA earthquake and tsunami telegrams (気象庁防災情報XML) into typed dataclasses.

Handled: 震度速報 (VXSE51), 震源に関する情報 (VXSE52), 震源・震度に関する情報 (VXSE53, including
遠地地震に関する情報), 津波警報・注意報・予報 (VTSE41) and 緊急地震速報（警報） (VXSE43). The XML is read
with defusedxml: no DTD, no entity expansion, no external resource is ever fetched. Anything else
raises ``TelegramError`` naming the file and the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from phrasebook.errors import N_, PhrasebookError, Sentence

# Control/Title → the telegram's JMA type code.
KINDS = {
    "震度速報": "VXSE51",
    "震源に関する情報": "VXSE52",
    "震源・震度に関する情報": "VXSE53",
    "津波警報・注意報・予報a": "VTSE41",
    "緊急地震速報（警報）": "VXSE43",
}
STATUSES = ("通常", "訓練", "試験")
INFO_TYPES = ("発表", "訂正", "取消")
# MaxInt codes, weakest first; names as JMA writes them in telegrams (full-width digits).
INTENSITIES = ("1", "2", "3", "4", "5-", "5+", "6-", "6+", "7")
INTENSITY_NAMES = {"震度１": "1", "震度２": "2", "震度３": "3", "震度４": "4", "震度５弱": "5-",
                   "震度５強": "5+", "震度６弱": "6-", "震度６強": "6+", "震度７": "7"}
# 警報等情報要素／津波警報・注意報・予報 codes → kind; 50/60 are the lifting of a warning/advisory.
TSUNAMI_KINDS = {"52": "major_warning", "53": "major_warning", "51": "warning", "62": "advisory",
                 "71": "forecast", "72": "forecast", "73": "forecast", "00": "none", "50": "none",
                 "60": "none"}
TSUNAMI_SEVERITY = ("none", "forecast", "advisory", "warning", "major_warning")
MAX_BYTES = 5_000_000
_COORD = re.compile(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?/$")


class TelegramError(PhrasebookError, ValueError):
    """A telegram that cannot be used: malformed XML, an unknown kind or a missing element."""

    def __init__(self, source: str, reason: str, **params: Any) -> None:
        self.source, self.sentence = source, Sentence(reason, params)
        self.reason = str(self.sentence)
        super().__init__(f"{source}: {self.reason}")


@dataclass(frozen=True)
class Area:
    """A JMA area: name and code, with its prefecture for intensity areas. ``scheme`` says which
    code list the code is from: ``quake`` (地震情報／細分区域) or ``tsunami`` (津波予報区)."""

    name: str
    code: str
    pref_name: str = ""
    pref_code: str = ""
    scheme: str = "quake"


@dataclass(frozen=True)
class Earthquake:
    origin_time: datetime | None
    epicenter: str  # 震央地名, e.g. 駿河湾
    epicenter_code: str
    detailed_name: str = ""  # 詳細震央地名 of a foreign quake, e.g. チリ中部沿岸
    latitude: float | None = None
    longitude: float | None = None
    depth_km: int | None = None  # 0 is ごく浅い; None unknown
    magnitude: Decimal | None = None  # None: unknown (condition says why)
    magnitude_condition: str = ""


@dataclass(frozen=True)
class TsunamiForecast:
    """One tsunami forecast area (津波予報区) of a VTSE41."""

    area: Area
    kind: str  # one of TSUNAMI_SEVERITY
    kind_name: str  # as JMA wrote it, e.g. 大津波警報：発表
    last_kind: str
    arrival_time: datetime | None = None
    arrival_condition: str = ""  # e.g. 津波到達中と推測, 第１波の到達を確認
    height_m: Decimal | None = None
    height_description: str = ""  # e.g. １ｍ, １０ｍ超, 巨大, 高い
    height_over: bool = False  # 10m超

    @property
    def lifted(self) -> bool:
        """A warning or advisory that this telegram lifts (解除)."""
        rank = TSUNAMI_SEVERITY.index
        return rank(self.last_kind) >= rank("advisory") > rank(self.kind)


@dataclass(frozen=True)
class Telegram:
    """One parsed telegram; ``source`` is the file name or URL it came from."""

    source: str
    type_code: str  # VXSE51, VXSE52, VXSE53, VTSE41, VXSE43
    status: str  # 通常 / 訓練 / 試験
    info_type: str  # 発表 / 訂正 / 取消
    event_id: str
    serial: int | None
    report_time: datetime
    target_time: datetime | None  # what the report is about: for quakes, about when it struck
    title: str  # Head/Title, e.g. 遠地地震に関する情報
    headline: str
    earthquake: Earthquake | None = None
    max_intensity: str | None = None  # a code of INTENSITIES (forecast maximum for VXSE43)
    areas_by_intensity: dict[str, tuple[Area, ...]] = field(default_factory=dict)
    tsunami: tuple[TsunamiForecast, ...] = ()
    comments: tuple[str, ...] = ()  # fixed comments (固定付加文), one text each
    comment_codes: tuple[str, ...] = ()

    @property
    def drill(self) -> bool:
        """訓練 and 試験 telegrams may only ever make drill drafts."""
        return self.status != "通常"

    @property
    def foreign(self) -> bool:
        return self.title == "遠地地震に関する情報"

    @property
    def cancelled(self) -> bool:
        return self.info_type == "取消"

    @property
    def tsunami_outlook(self) -> str:
        """What the comments say about a tsunami: ``none`` (no concern), ``slight`` (slight
        sea-level change, no damage), ``checking`` (being investigated), ``warning`` (warnings in
        force) or ``""`` when they say nothing."""
        text = "".join(self.comments)
        if "津波警報等" in text and "発表中" in text:
            return "warning"
        if "若干の海面変動" in text:
            return "slight"
        if "調査中" in text:
            return "checking"
        if "津波の心配はありません" in text or "津波の影響はありません" in text:
            return "none"
        return ""


def _strip_namespaces(root: Element) -> None:
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
        el.attrib = {k.split("}", 1)[-1]: v for k, v in el.attrib.items()}


def _text(el: Element | None, path: str = "") -> str:
    found = el.find(path) if (el is not None and path) else el
    return (found.text or "").strip() if found is not None else ""


def _time(value: str, source: str, what: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise TelegramError(source, N_("%(element)s is not a date and time: %(value)s"), element=what, value=repr(value)) from None


def _decimal(value: str) -> Decimal | None:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _earthquake(el: Element | None, source: str) -> Earthquake | None:
    if el is None:
        return None
    area = el.find("Hypocenter/Area")
    if area is None:
        return None
    lat = lon = None
    depth: int | None = None
    if match := _COORD.match(_text(area, "Coordinate")):
        lat, lon = float(match[1]), float(match[2])
        if match[3] is not None:
            depth = round(-float(match[3]) / 1000)
            depth = max(depth, 0)
    mag = el.find("Magnitude")
    return Earthquake(
        origin_time=_time(_text(el, "OriginTime"), source, "OriginTime"),
        epicenter=_text(area, "Name"), epicenter_code=_text(area, "Code"),
        detailed_name=_text(area, "DetailedName"), latitude=lat, longitude=lon, depth_km=depth,
        magnitude=_decimal(_text(mag)) if mag is not None else None,
        magnitude_condition=mag.get("condition", "") if mag is not None else "",
    )


def _intensity(code: str, source: str) -> str:
    if code not in INTENSITIES:
        raise TelegramError(source, N_("unknown seismic intensity %(code)s"), code=repr(code))
    return code


def _observed(body: Element, source: str) -> tuple[str | None, dict[str, tuple[Area, ...]]]:
    obs = body.find("Intensity/Observation")
    if obs is None:
        return None, {}
    groups: dict[str, list[Area]] = {}
    for pref in obs.findall("Pref"):
        for area in pref.findall("Area"):
            if not _text(area, "MaxInt"):
                continue  # 震度５弱以上未入電: no intensity yet
            code = _intensity(_text(area, "MaxInt"), source)
            groups.setdefault(code, []).append(Area(_text(area, "Name"), _text(area, "Code"),
                                                    _text(pref, "Name"), _text(pref, "Code")))
    top = _text(obs, "MaxInt")
    return (_intensity(top, source) if top else None), {
        code: tuple(groups[code]) for code in reversed(INTENSITIES) if code in groups}


def _eew(head: Element, body: Element, source: str) -> tuple[str | None, dict[str, tuple[Area, ...]]]:
    """The forecast maximum intensity and the warned areas (細分区域) of an EEW."""
    forecast = body.find("Intensity/Forecast/ForecastInt")
    top = None
    if forecast is not None:
        to, frm = _text(forecast, "To"), _text(forecast, "From")
        top = _intensity(frm if to in ("", "over") else to, source)
    areas: list[Area] = []
    for info in head.findall("Headline/Information"):
        if info.get("type") == "緊急地震速報（細分区域）":
            areas += [Area(_text(a, "Name"), _text(a, "Code")) for a in info.iter("Area")]
    return top, ({top: tuple(areas)} if top and areas else {})


def _tsunami(body: Element, source: str) -> tuple[TsunamiForecast, ...]:
    items = []
    for item in body.findall("Tsunami/Forecast/Item"):
        kind_code = _text(item, "Category/Kind/Code")
        if kind_code not in TSUNAMI_KINDS:
            raise TelegramError(source, N_("unknown tsunami kind code %(code)s"), code=repr(kind_code))
        height = item.find("MaxHeight/TsunamiHeight")
        description = height.get("description", "") if height is not None else ""
        items.append(TsunamiForecast(
            area=Area(_text(item, "Area/Name"), _text(item, "Area/Code"), scheme="tsunami"),
            kind=TSUNAMI_KINDS[kind_code], kind_name=_text(item, "Category/Kind/Name"),
            last_kind=TSUNAMI_KINDS.get(_text(item, "Category/LastKind/Code"), "none"),
            arrival_time=_time(_text(item, "FirstHeight/ArrivalTime"), source, "ArrivalTime"),
            arrival_condition=_text(item, "FirstHeight/Condition"),
            height_m=_decimal(_text(height)) if height is not None else None,
            height_description=description, height_over="超" in description,
        ))
    return tuple(items)


def parse_bytes(data: bytes, source: str = "<telegram>") -> Telegram:
    """Parse one telegram; raises ``TelegramError`` (with ``source``) for anything unusable."""
    if len(data) > MAX_BYTES:
        raise TelegramError(source, N_("larger than %(limit)s bytes"), limit=MAX_BYTES)
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise TelegramError(source, N_("refused XML: %(what)s"), what=type(exc).__name__) from None
    except ParseError as exc:
        raise TelegramError(source, N_("not well-formed XML: %(error)s"), error=str(exc)) from None
    _strip_namespaces(root)
    if root.tag != "Report":
        raise TelegramError(source, N_("not a JMA telegram (root element %(tag)s)"), tag=repr(root.tag))
    control_title = _text(root, "Control/Title")
    if control_title not in KINDS:
        raise TelegramError(source, N_("unknown telegram kind %(kind)s"), kind=repr(control_title))
    head, body = root.find("Head"), root.find("Body")
    if head is None or body is None:
        raise TelegramError(source, N_("missing Head or Body"))
    status, info_type = _text(root, "Control/Status"), _text(head, "InfoType")
    if status not in STATUSES:
        raise TelegramError(source, N_("unknown Status %(status)s"), status=repr(status))
    if info_type not in INFO_TYPES:
        raise TelegramError(source, N_("unknown InfoType %(info_type)s"), info_type=repr(info_type))
    event_id, serial = _text(head, "EventID"), _text(head, "Serial")
    if not event_id:
        raise TelegramError(source, N_("missing EventID"))
    if serial and not serial.isdigit():
        raise TelegramError(source, N_("Serial is not a number: %(serial)s"), serial=repr(serial))
    report_time = _time(_text(head, "ReportDateTime"), source, "ReportDateTime")
    if report_time is None:
        raise TelegramError(source, N_("missing ReportDateTime"))
    type_code = KINDS[control_title]
    if type_code == "VXSE43":
        max_int, groups = _eew(head, body, source)
    else:
        max_int, groups = _observed(body, source)
    comments = body.findall("Comments/ForecastComment") + body.findall("Comments/WarningComment")
    return Telegram(
        source=source, type_code=type_code, status=status, info_type=info_type,
        event_id=event_id, serial=int(serial) if serial else None, report_time=report_time,
        target_time=_time(_text(head, "TargetDateTime"), source, "TargetDateTime"),
        title=_text(head, "Title"), headline=_text(head, "Headline/Text"),
        earthquake=_earthquake(body.find("Earthquake"), source),
        max_intensity=max_int, areas_by_intensity=groups, tsunami=_tsunami(body, source),
        comments=tuple(_text(c, "Text") for c in comments),
        comment_codes=tuple(code for c in comments for code in _text(c, "Code").split()),
    )


def parse_file(path: str | Path) -> Telegram:
    """Parse a telegram file; the error names the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TelegramError(str(path), N_("cannot read: %(error)s"), error=str(exc.strerror or exc)) from None
    return parse_bytes(data, str(path))
