"""From a parsed telegram to draft specs: what should happen to which draft message, and why.

Pure functions: nothing here reads or writes a store. A draft is a list of ``Part`` (template id
and slot values, rendered with ``phrasebook.render``) under an event key
``jma:<EventID>:<earthquake|tsunami|eew>``: one event's earthquake information, tsunami warnings
and early warning are separate messages, each updated by later telegrams of its own kind.

- 取消 withdraws the event's draft; 訓練 and 試験 telegrams give drill drafts only;
- a telegram that touches none of the watched areas is skipped (everything is watched when the
  setting is empty);
- a telegram not newer than what the draft already shows is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Mapping

from phrasebook.errors import N_, Sentence, english
from phrasebook.jma.places import joined, place
from phrasebook.jma.telegram import INTENSITIES, TSUNAMI_SEVERITY, Area, Telegram, TsunamiForecast
from phrasebook.jma import CREDIT_TEMPLATE
from phrasebook.parts import Part, join_sentences
from phrasebook.render import render

ACTIONS = ("draft", "update", "withdraw", "skip")
AREAS_PER_PART = 8  # area names in one sentence
DETAILED_AREAS = 10  # tsunami areas given arrival time and height, most severe first
_ADVICE = {"major_warning": "tsunami.major_warning", "warning": "tsunami.warning",
           "advisory": "tsunami.advisory"}
_PREF_SUFFIX = ("都", "府", "県")


@dataclass(frozen=True)
class DraftSpec:
    """What a telegram means for one draft message."""

    event_key: str
    action: str  # one of ACTIONS
    why: tuple[Sentence, ...]  # clauses of the reason (the web app shows them translated)
    drill: bool
    parts: tuple[Part, ...] = ()
    source: str = ""  # the telegram's file or URL
    telegram: str = ""  # e.g. "VXSE53 震源・震度情報 2008-06-14T09:06:00+09:00 発表 #3"
    report_time: datetime | None = None
    areas: tuple[str, ...] = ()  # codes of the watched areas it concerns

    @property
    def reason(self) -> str:
        return english(self.why)

    @property
    def template_ids(self) -> tuple[str, ...]:
        return tuple(p.template_id for p in self.parts)

    def line(self) -> str:
        """One line for the command line: what would happen and why."""
        drill = " [drill]" if self.drill else ""
        parts = f" {len(self.parts)} parts: {', '.join(dict.fromkeys(self.template_ids))}." if self.parts else ""
        return f"{self.action}{drill} {self.event_key} ({self.telegram}): {self.reason}.{parts} [{self.source}]"


@dataclass(frozen=True)
class Watched:
    """The instance's watched areas: prefecture names or codes (宮城県, 04), JMA area names or
    codes (222), codes optionally marked with their list (``quake:222`` for 地震情報／細分区域,
    ``tsunami:220`` for 津波予報区; a bare code matches either). Empty means everything."""

    items: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, setting: str | Iterable[str] | None) -> "Watched":
        """From ``"宮城県, 222"`` or a list of such strings."""
        if setting is None:
            return cls()
        chunks = [setting] if isinstance(setting, str) else list(setting)
        return cls(frozenset(i.strip() for c in chunks for i in c.replace("、", ",").split(",") if i.strip()))

    def __bool__(self) -> bool:
        return bool(self.items)

    def matches(self, area: Area) -> bool:
        """Whether ``area`` is watched. Intensity areas carry their prefecture; tsunami forecast
        areas and EEW areas are matched by code, or by name starting with a watched prefecture
        (北海道太平洋沿岸中部 for 北海道, 石川県能登 for 石川県)."""
        if not self.items:
            return True
        names = {area.code, f"{area.scheme}:{area.code}", area.name}
        if area.scheme == "quake":
            names |= {area.pref_code, area.pref_name} - {""}
        if names & self.items:
            return True
        return any(area.name.startswith(_pref_stem(item)) for item in self.items if _is_pref_name(item))


def _is_pref_name(item: str) -> bool:
    return item == "北海道" or (item.endswith(_PREF_SUFFIX) and len(item) >= 3)


def _pref_stem(item: str) -> str:
    return item if item == "北海道" else item[:-1]


def event_key(tg: Telegram) -> str:
    family = {"VTSE41": "tsunami", "VXSE43": "eew"}.get(tg.type_code, "earthquake")
    return f"jma:{tg.event_id}:{family}"


def describe(tg: Telegram) -> str:
    serial = f" #{tg.serial}" if tg.serial is not None else ""
    return f"{tg.type_code} {tg.title} {tg.report_time.isoformat()} {tg.info_type}{serial}"


def _chunks(names: list[str]) -> list[list[str]]:
    names = list(dict.fromkeys(names))
    return [names[i:i + AREAS_PER_PART] for i in range(0, len(names), AREAS_PER_PART)]


def _quake_time(tg: Telegram) -> datetime:
    when = (tg.earthquake.origin_time if tg.earthquake else None) or tg.target_time or tg.report_time
    return when.replace(tzinfo=None)  # JMA times are Japan time, as every reader here expects


def _earthquake_parts(tg: Telegram, watched: Watched) -> tuple[list[Part], list[Area]]:
    quake = tg.earthquake
    parts: list[Part] = []
    if tg.foreign and quake:
        parts.append(Part("jma.quake.foreign", {"time": _quake_time(tg),
                                                "epicenter": place(quake.detailed_name or quake.epicenter, abroad=True)}))
    else:
        parts.append(Part("jma.quake.occurred", {"time": _quake_time(tg)}))
        if tg.max_intensity:
            parts.append(Part("jma.quake.max_intensity", {"max_intensity": tg.max_intensity}))
        if quake:
            parts.append(Part("jma.quake.epicenter", {"epicenter": place(quake.epicenter)}))
            if quake.depth_km == 0:  # ごく浅い
                parts.append(Part("jma.quake.depth_shallow"))
            elif quake.depth_km is not None:
                parts.append(Part("jma.quake.depth", {"depth": quake.depth_km}))
    if quake and quake.magnitude is not None:
        parts.append(Part("jma.quake.magnitude", {"magnitude": quake.magnitude}))
    matched: list[Area] = []
    strong = [c for c in tg.areas_by_intensity if INTENSITIES.index(c) >= INTENSITIES.index("3")]
    for code in strong or list(tg.areas_by_intensity)[:1]:
        areas = [a for a in tg.areas_by_intensity[code] if watched.matches(a)]
        matched += areas
        for chunk in _chunks([a.name for a in areas]):
            parts.append(Part("jma.quake.areas", {"intensity": code, "areas": joined(chunk)}))
    outlook = tg.tsunami_outlook
    if outlook == "none":
        parts.append(Part("jma.quake.foreign_no_effect" if tg.foreign else "quake.no_tsunami"))
    elif outlook == "slight":
        parts.append(Part("jma.quake.slight_sea_change"))
    elif outlook == "checking":
        parts.append(Part("jma.quake.foreign_checking"))
    return parts, matched


def _height_part(item: TsunamiForecast) -> Part | None:
    area = place(item.area.name)
    if item.height_m is not None:
        template = "jma.tsunami.height_over" if item.height_over else "jma.tsunami.height"
        return Part(template, {"area": area, "height": item.height_m})
    if item.height_description == "巨大":
        return Part("jma.tsunami.height_huge", {"area": area})
    if item.height_description == "高い":
        return Part("jma.tsunami.height_high", {"area": area})
    return None


def _tsunami_parts(tg: Telegram, watched: Watched) -> tuple[list[Part], list[Area], Sentence | None]:
    items = [i for i in tg.tsunami if watched.matches(i.area)]
    parts: list[Part] = []
    note: Sentence | None = None
    in_force = sorted((i for i in items if i.kind != "none" and not i.lifted),
                      key=lambda i: -TSUNAMI_SEVERITY.index(i.kind))
    for kind in dict.fromkeys(i.kind for i in in_force):
        for chunk in _chunks([i.area.name for i in in_force if i.kind == kind]):
            parts.append(Part("jma.tsunami.issued", {"kind": kind, "areas": joined(chunk)}))
    if in_force and in_force[0].kind in _ADVICE:
        parts.append(Part(_ADVICE[in_force[0].kind]))
    warned = [i for i in in_force if i.kind in _ADVICE]
    for item in warned[:DETAILED_AREAS]:
        if item.arrival_time:
            parts.append(Part("jma.tsunami.arrival", {"area": place(item.area.name),
                                                      "time": item.arrival_time.replace(tzinfo=None).time()}))
        elif "到達" in item.arrival_condition:
            parts.append(Part("jma.tsunami.arriving", {"area": place(item.area.name)}))
        if height := _height_part(item):
            parts.append(height)
    if len(warned) > DETAILED_AREAS:
        note = Sentence(N_("; arrival and height given for the %(shown)s most severe of %(total)s areas"),
                        {"shown": DETAILED_AREAS, "total": len(warned)})
    lifted = [i for i in items if i.lifted]
    for kind in dict.fromkeys(i.last_kind for i in sorted(lifted, key=lambda i: -TSUNAMI_SEVERITY.index(i.last_kind))):
        for chunk in _chunks([i.area.name for i in lifted if i.last_kind == kind]):
            parts.append(Part("jma.tsunami.lifted", {"kind": kind, "areas": joined(chunk)}))
    if lifted and not any(i.kind in _ADVICE for i in tg.tsunami):  # none left anywhere
        parts.append(Part("tsunami.cleared", {"datetime": tg.report_time.replace(tzinfo=None)}))
    if in_force and not warned and in_force[0].kind == "forecast":
        parts.append(Part("jma.tsunami.slight_no_damage"))
    return parts, [i.area for i in items], note


def _eew_parts(tg: Telegram, watched: Watched) -> tuple[list[Part], list[Area]]:
    areas = [a for group in tg.areas_by_intensity.values() for a in group if watched.matches(a)]
    parts = [Part("jma.eew.issued", {"areas": joined(chunk)}) for chunk in _chunks([a.name for a in areas])]
    if tg.earthquake:
        parts.append(Part("jma.quake.epicenter", {"epicenter": place(tg.earthquake.epicenter)}))
    return parts, areas


def _outside(tg: Telegram, watched: Watched, matched: list[Area], drafted: bool) -> Sentence | None:
    """Why ``tg`` concerns none of the watched areas, or None. Earthquakes abroad concern
    everyone; a telegram naming no areas (震源に関する情報) follows a drafted event."""
    if not watched or matched or tg.foreign:
        return None
    if tg.areas_by_intensity or tg.tsunami:
        return Sentence(N_("none of the watched areas is named"))
    return None if drafted else Sentence(N_("it names no areas to match the watched ones"))


def draft_specs(tg: Telegram, watched: Watched | None = None,
                known: Mapping[str, datetime] | None = None) -> list[DraftSpec]:
    """What ``tg`` means for the drafts: one ``DraftSpec`` (a list, so that callers need not
    care if a telegram ever concerns several messages).

    ``known`` maps the event keys that already have a draft to the report time it shows; when
    given, a first telegram makes a draft, a later one an update and an older one is skipped.
    """
    watched = watched or Watched()
    key = event_key(tg)
    base = dict(event_key=key, drill=tg.drill, source=tg.source, telegram=describe(tg),
                report_time=tg.report_time)
    drill = (Sentence(N_(" (%(status)s: drill only)"), {"status": tg.status}),) if tg.drill else ()
    if tg.cancelled:
        if known is not None and key not in known:
            return [DraftSpec(action="skip", why=(Sentence(N_("JMA cancelled (取消) an event that has no draft")),), **base)]
        return [DraftSpec(action="withdraw", why=(Sentence(N_("JMA cancelled (取消) this information")), *drill), **base)]
    if known is not None and key in known and tg.report_time <= known[key] and tg.info_type != "訂正":
        return [DraftSpec(action="skip", why=(Sentence(N_("not newer than the draft's telegram")),), **base)]
    note: Sentence | None = None
    if tg.type_code == "VTSE41":
        parts, areas, note = _tsunami_parts(tg, watched)
    elif tg.type_code == "VXSE43":
        parts, areas = _eew_parts(tg, watched)
        note = Sentence(N_("; early warning, shown as information only"))
    else:
        parts, areas = _earthquake_parts(tg, watched)
    if why := _outside(tg, watched, areas, key in (known or {})):
        return [DraftSpec(action="skip", why=(why,), **base)]
    if not parts:
        return [DraftSpec(action="skip", why=(Sentence(N_("nothing to say")),), **base)]
    parts.append(Part(CREDIT_TEMPLATE))
    action = "update" if known is not None and key in known else "draft"
    what = {"draft": N_("%(info_type)s: new event"), "update": N_("%(info_type)s: later information on the event")}
    why = (Sentence(what[action], {"info_type": tg.info_type}), *drill, *((note,) if note else ()))
    return [DraftSpec(action=action, why=why, parts=tuple(parts),
                      areas=tuple(dict.fromkeys(a.code for a in areas)), **base)]


class Planner:
    """Applies ``draft_specs`` to telegrams in order, remembering which events have drafts (as a
    store would), for ``bosai jma import`` and ``watch`` before drafts are stored."""

    def __init__(self, watched: Watched | None = None) -> None:
        self.watched = watched or Watched()
        self.known: dict[str, datetime] = {}

    def plan(self, tg: Telegram) -> list[DraftSpec]:
        specs = draft_specs(tg, self.watched, self.known)
        for spec in specs:
            if spec.action in ("draft", "update"):
                self.known[spec.event_key] = tg.report_time
            elif spec.action == "withdraw":
                self.known.pop(spec.event_key, None)
        return specs


def render_draft(spec: DraftSpec, lang: str) -> str:
    """The draft's text in ``lang``, one sentence a line."""
    return join_sentences(render(p.template_id, lang, p.values) for p in spec.parts)
