"""Stage 4, *resolve*: link short forms and aliases to full references; assign ids. Returns nothing rather than guessing.

Knowledge lives in ``ingest/data``: ``symbols.json`` (what a symbol's suffix says
about its issuer), ``issuers.json`` (how bodies are written), ``doc_types.json``
(type names and codes), ``aliases.json`` (plenum resolutions cited by name).

Identity (issue #2): a document is issuer + symbol + year. Central suffixes
(``/QĐ-TTg``, ``-NQ/TW``, ministries) already name the issuer nationally, so their
id has no place; local ones (``UBND``, ``TU``, ``HU``...) add the issuer's
province (and district for district bodies). The same function gives the id of
a document from its own header and from any citation of it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from ingest import admin_units, patterns
from ingest.identity import document_id, fold, normalize_symbol, symbol_key
from ingest.model import Issuer

_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def _load(name: str) -> dict:
    """Return the parsed JSON data file ``ingest/data/<name>``."""
    with open(_DATA / name, encoding="utf-8") as fh:
        return json.load(fh)


# --------------------------------------------------------------------------- document types


@lru_cache(maxsize=1)
def _type_tables() -> tuple[dict[str, str], dict[str, list[dict]]]:
    """Return (folded name -> canonical name, code -> entries)."""
    by_name: dict[str, str] = {}
    by_code: dict[str, list[dict]] = {}
    folded: dict[str, list[dict]] = {}
    for t in _load("doc_types.json")["types"]:
        by_name[ffold(t["name"])] = t["name"]
        for c in t["codes"]:
            by_code.setdefault(c.upper(), []).append(t)
            folded.setdefault(ffold(c).upper(), []).append(t)
    # OCR and keyboard slips drop the stroke of Đ ("QD-TTg"): accept the folded code
    # when it names exactly one type (not "DA", which is both Đề án ĐA and Dự án DA)
    for k, v in folded.items():
        if k not in by_code and len({t["name"] for t in v}) == 1:
            by_code[k] = v
    return by_name, by_code


def doc_type_for_word(word: str | None) -> str | None:
    """Return the canonical type for a type word as written ("NGHỊ QUYẾT" -> "Nghị quyết"), else None.

    "Văn bản"/"Công văn" used as a generic word return None: the symbol's code decides.
    """
    if not word:
        return None
    k = ffold(word)
    if k in ("van ban",):
        return None
    return _type_tables()[0].get(k)


def doc_type_for_code(code: str | None, party: bool = False) -> str | None:
    """Return the canonical type named by a symbol's type code ("KH" -> "Kế hoạch"; Party "TT" -> "Thông tri")."""
    if not code:
        return None
    entries = _type_tables()[1].get(code.upper(), [])
    if not entries:
        return None
    for e in entries:
        if bool(e.get("party")) == party:
            return e["name"]
    return entries[0]["name"]


# --------------------------------------------------------------------------- symbols


@dataclass(frozen=True, slots=True)
class SymbolInfo:
    """The parts of a normalised symbol."""

    number: str
    year: int | None  # "14/2014/QĐ-TTg" -> 2014
    type_code: str | None  # "KH", "QĐ", "CTr"
    issuer_code: str | None  # "UBND", "TTg", "TW"
    party: bool  # Party convention "83-KH/TU"


@lru_cache(maxsize=4096)
def norm_symbol(symbol: str) -> str:
    """Return ``identity.normalize_symbol(symbol)``, cached (symbols repeat many times per document)."""
    return normalize_symbol(symbol)


@lru_cache(maxsize=4096)
def sym_key(symbol: str) -> str:
    """Return ``identity.symbol_key(symbol)``, cached."""
    return symbol_key(symbol)


@lru_cache(maxsize=8192)
def ffold(text: str) -> str:
    """Return ``identity.fold(text)`` with single spaces, cached (short phrases are folded again and again)."""
    return " ".join(fold(text).split())


@lru_cache(maxsize=4096)
def symbol_info(symbol: str | None) -> SymbolInfo | None:
    """Return the parts of ``symbol`` ("83-KH/TU" -> number 83, type KH, issuer TU, party), else None."""
    if not symbol:
        return None
    m = patterns.SYMBOL_PARTS.match(norm_symbol(symbol))
    if not m:
        return None
    if m.group("pcode"):
        return SymbolInfo(m.group("num"), None, m.group("pcode"), m.group("piss"), True)
    year = int(m.group("year")) if m.group("year") else None
    parts = [p for p in m.group("rest").split("-") if p]
    if len(parts) == 1:  # "80/2015/QH13": year and issuer only
        return SymbolInfo(m.group("num"), year, None, parts[0], False)
    if doc_type_for_code(parts[0]) is not None or parts[0].upper() in _type_tables()[1]:
        return SymbolInfo(m.group("num"), year, parts[0], parts[1], False)
    # "1234/UBND-VX": a công văn, issuer first then the drafting unit
    return SymbolInfo(m.group("num"), year, None, parts[0], False)


@lru_cache(maxsize=1024)
def suffix_entry(code: str | None) -> dict | None:
    """Return the ``symbols.json`` entry of an issuer code ("UBND", "TTg", "QH13" -> QH), else None."""
    if not code:
        return None
    table = _load("symbols.json")["suffixes"]
    if code in table:
        return table[code]
    up = code.upper()
    for k, v in table.items():
        if k.upper() == up:
            return v
    stripped = patterns.TERM_SUFFIX.sub("", code)  # "QH13", "UBTVQH15": the number is the term
    if stripped != code:
        e = table.get(stripped)
        if e and e.get("prefix_match"):
            return e
    f = ffold(code).upper()  # "HDND", "BGDDT": the stroke of Đ lost
    hits = [v for k, v in table.items() if ffold(k).upper() == f]
    return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=1)
def _implementing_types() -> frozenset[str]:
    """Return the types by which a body implements another document (``doc_types.json``, "implementing")."""
    return frozenset(t["name"] for t in _load("doc_types.json")["types"] if t.get("implementing"))


def is_implementing_type(doc_type: str | None) -> bool:
    """Return True for a plan-like type ("Kế hoạch", "Chương trình hành động", "Đề án"), by which a body implements another document."""
    return doc_type in _implementing_types()


def law_issuer(doc_type: str | None) -> Issuer | None:
    """Return the issuer of a legal type cited by name ("Luật" -> Quốc hội, "Pháp lệnh" -> Ủy ban Thường vụ Quốc hội)."""
    for t in _load("doc_types.json")["types"]:
        if t["name"] == doc_type and t.get("issuer"):
            _, spell = _central_index()
            e = spell.get(ffold(t["issuer"]))
            return _central_issuer(e) if e else Issuer(name=t["issuer"], level="central")
    return None


def symbol_doc_type(symbol: str | None) -> str | None:
    """Return the document type the symbol's code names ("124/KH-UBND" -> "Kế hoạch"), else None."""
    info = symbol_info(symbol)
    if info is None:
        return None
    if info.type_code is None:
        e = suffix_entry(info.issuer_code)
        if e and e.get("kind") in ("qh",):  # "80/2015/QH13" is a law of the National Assembly
            return "Luật"
        if info.year is None:
            # "1234/UBND-VX": Nghị định 30/2020/NĐ-CP Phụ lục I, công văn symbols are issuer-unit, no type code
            return "Công văn"
        return None
    return doc_type_for_code(info.type_code, info.party)


def is_central_symbol(symbol: str | None) -> bool | None:
    """Return True for central suffixes (TW, TTg, CP, ministries), False for local ones, None if unknown."""
    info = symbol_info(symbol)
    e = suffix_entry(info.issuer_code) if info else None
    if e is None:
        return None
    return e["scope"] == "central"


# --------------------------------------------------------------------------- issuers


@lru_cache(maxsize=1)
def _central_index() -> tuple[re.Pattern, dict[str, dict]]:
    """Return (pattern over every central spelling, folded spelling -> entry)."""
    spell: dict[str, dict] = {}
    for e in _load("issuers.json")["central"]:
        for s in e["spellings"]:
            spell[ffold(s)] = e
    names = [s for e in _load("issuers.json")["central"] for s in e["spellings"]]
    return patterns.name_alternation(names), spell


@lru_cache(maxsize=1)
def local_organisations() -> tuple[re.Pattern, dict[str, str]]:
    """Return (pattern of the provincial mass organisations' names, folded name -> official spelling).

    From ``issuers.json``, "local_organisations" ("Hội Nông dân", "Liên đoàn Lao động", ...).
    """
    names = _load("issuers.json")["local_organisations"]["names"]
    return patterns.name_alternation(names), {ffold(n): n for n in names}


def _central_issuer(entry: dict) -> Issuer:
    """Return the Issuer of a central ``issuers.json`` entry."""
    return Issuer(name=entry["name"], level=entry["level"], kind=entry["kind"])


def _local_kind(body: str) -> str:
    """Return the local issuer kind of a body phrase ("Ban Thường vụ Tỉnh ủy" -> "tinh_uy")."""
    f = ffold(body)
    if "mat tran" in f or "mttq" in f:
        return "mttq"  # "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ", "UBMTTQ"
    if f.endswith(" doan") or f.startswith(("ban chap hanh doan", "bch doan")):
        return "doan"  # "Ban Chấp hành Đoàn", "Tỉnh đoàn", "Ban Thường vụ Huyện đoàn"
    if "uy ban nhan dan" in f or f == "ubnd":
        return "ubnd"
    if "hoi dong nhan dan" in f or f == "hdnd":
        return "hdnd"
    if "huyen uy" in f or "dang bo huyen" in f or "quan uy" in f:
        return "huyen_uy"
    if "thanh uy" in f or "dang bo thanh pho" in f:
        return "thanh_uy"
    return "tinh_uy"


_LOCAL_NAMES = {"ubnd": "Ủy ban nhân dân", "hdnd": "Hội đồng nhân dân", "tinh_uy": "Tỉnh ủy",
                "thanh_uy": "Thành ủy", "huyen_uy": "Huyện ủy", "dang_uy": "Đảng ủy",
                # every level has an "Ủy ban Mặt trận Tổ quốc Việt Nam <unit> <name>" (Luật Mặt trận
                # Tổ quốc Việt Nam 2015, Điều 8), named like the people's committees
                "mttq": "Ủy ban Mặt trận Tổ quốc Việt Nam",
                # ... and a Youth Union committee ("Ban Chấp hành Đoàn tỉnh Bến Tre": Điều lệ Đoàn
                # TNCS Hồ Chí Minh, chương III), whatever short form the text uses ("Tỉnh đoàn")
                "doan": "Ban Chấp hành Đoàn"}


#: The unit a Youth Union committee's short name names: "Tỉnh đoàn" (tỉnh), "Thành đoàn" (a city:
#: centrally run or under a province, as the name read next decides), "Huyện đoàn", "Quận đoàn", "Thị đoàn".
_DOAN_UNITS = {"tinh": "tỉnh", "thanh": "thành phố", "huyen": "huyện", "quan": "quận", "thi": "thị xã"}
_DOAN_UNITS_ENDINGS = tuple(f"{k} doan" for k in _DOAN_UNITS)


def make_local_issuer(kind: str, province: str | None, district: str | None = None,
                      district_unit: str | None = None, commune: str | None = None,
                      commune_unit: str | None = None) -> Issuer:
    """Return the canonical local Issuer: "Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân huyện Châu Thành", "Tỉnh ủy Điện Biên".

    ``kind`` is one of ubnd, hdnd, tinh_uy, thanh_uy, huyen_uy, dang_uy, mttq. Party committees
    are named "<Tỉnh ủy> <Province>" (Hướng dẫn 36-HD/VPTW); State bodies
    "<Ủy ban nhân dân> <unit> <Name>" (Nghị định 30/2020/NĐ-CP Phụ lục I).
    """
    province = admin_units.canonical_province(province) or province
    if kind in ("tinh_uy", "thanh_uy"):
        if province and admin_units.province_type(province) == "Thành phố":
            kind = "thanh_uy"
        base = _LOCAL_NAMES[kind]
        return Issuer(name=f"{base} {province}" if province else base, level="province",
                      province=province, kind=kind)
    if kind == "huyen_uy":
        # a district-level Party committee is named after its unit (Hướng dẫn 36-HD/VPTW): "Quận ủy",
        # "Thị ủy", "Thành ủy" of a city under a province ("Thành ủy Hội An"), else "Huyện ủy"; the
        # unit as the text gave it, else the district's type in the dataset ("Quận ủy Quận 10")
        unit = district_unit or (admin_units.district_type(district, province) or "").lower() if district else None
        base = {"quận": "Quận ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}.get(unit or "", "Huyện ủy")
        return Issuer(name=f"{base} {district}" if district else base, level="district",
                      province=province, district=district, kind=kind)
    base = _LOCAL_NAMES.get(kind, "Ủy ban nhân dân")
    if commune:
        unit = " ".join((commune_unit or "xã").split()).lower()
        # a numbered ward's name holds its unit word: "Ủy ban nhân dân Phường 5", not "phường Phường 5"
        full = commune if commune.lower().startswith(unit + " ") else f"{unit} {commune}"
        return Issuer(name=f"{base} {full}", level="commune",
                      province=province, district=district, kind=kind)
    if district:
        return Issuer(name=f"{base} {admin_units.district_full_name(district, province, district_unit)}",
                      level="district", province=province, district=district, kind=kind)
    if province:
        unit = (admin_units.province_type(province) or "Tỉnh").lower()
        return Issuer(name=f"{base} {unit} {province}", level="province", province=province, kind=kind)
    return Issuer(name=base, level="unknown", kind=kind)


def _read_place(text: str, pos: int, unit: str | None) -> tuple[str | None, str | None, str | None, int]:
    """Return (province, district, commune, end) named at ``pos`` after a unit word (or none)."""
    window = text[pos : pos + 80]
    u = ffold(unit or "")
    if u in ("", "tinh", "thanh pho", "tp", "tp."):
        m = _province_at(window)
        # "thành phố Hà Nội" is a province; "thành phố Bắc Ninh" the provincial city (a district)
        if m and (u in ("", "tinh") or admin_units.province_type(m[0]) == "Thành phố"):
            return m[0], None, None, pos + m[1]
    if u in ("", "huyen", "quan", "thi xa", "thanh pho", "tp", "tp."):
        m = _district_at(window) or _numbered_district_at(unit, window)
        if m:
            return None, m[0], None, pos + m[1]
    if u in ("xa", "phuong", "thi tran", "dac khu"):
        words: list[str] = []
        ends: list[int] = []
        end = pos
        for cm in patterns.CAP_WORD.finditer(window):
            if cm.start() != end - pos or len(words) >= 3 or not cm.group("w")[0].isupper():
                break
            words.append(cm.group("w"))
            end = pos + cm.end()
            ends.append(end)
        # "XÃ CỜ ĐỎ" / "BAN THƯỜNG TRỰC" read as one line: the commune's name stops where the known
        # name does, not at the next body's first word ("Cờ Đỏ", not "Cờ Đỏ Ban")
        while len(words) > 1 and not admin_units.commune_provinces(" ".join(words)) \
                and admin_units.commune_provinces(" ".join(words[:-1])):
            words.pop()
            ends.pop()
            end = ends[-1]
        if words:
            name = " ".join(words)
            if name.isupper():  # header block "XÃ TÂN PHÚ"
                name = " ".join(w.capitalize() for w in words)
            return None, None, name, end
        nm = patterns.DISTRICT_NUMBER.match(window)
        if nm is not None and unit:
            # a numbered ward: its name holds the unit word ("PHƯỜNG 5" -> "Phường 5")
            return None, None, f"{' '.join(unit.split()).capitalize()} {nm['num']}", pos + nm.end()
    return None, None, None, pos


@lru_cache(maxsize=1)
def _bare_unit_regexes() -> tuple[re.Pattern, re.Pattern]:
    """Return (province, district) patterns matching a bare name at the start of a window."""
    prov = admin_units.province_names() + admin_units.province_names(post_2025=True)
    prov += ["Thừa Thiên Huế", "Bà Rịa-Vũng Tàu"]
    return (patterns.name_alternation(prov, prefix=r"[ \t\n]+"),
            patterns.name_alternation(admin_units.district_names(), prefix=r"[ \t\n]+"))


def _province_at(window: str) -> tuple[str, int] | None:
    """Return (short province, end offset) if ``window`` starts with whitespace + a province name."""
    m = _bare_unit_regexes()[0].match(admin_units.norm_tones(window))
    if not m:
        return None
    short = admin_units.canonical_province(m.group("name"))
    return (short, m.end()) if short else None


def _district_at(window: str) -> tuple[str, int] | None:
    """Return (district, end offset) if ``window`` starts with whitespace + a district name."""
    m = _bare_unit_regexes()[1].match(admin_units.norm_tones(window))
    if not m:
        return None
    d = admin_units.districts_named(m.group("name"))
    return (d[0][0], m.end()) if d else None


def _numbered_district_at(unit: str | None, window: str) -> tuple[str, int] | None:
    """Return (district, end offset) if ``unit`` and the number starting ``window`` name a district.

    "QUẬN" + " 3": the district is called "Quận 3" (its unit word is part of its name).
    """
    m = patterns.DISTRICT_NUMBER.match(window) if unit else None
    if m is None:
        return None
    d = admin_units.districts_named(f"{unit} {m['num']}")
    return (d[0][0], m.end()) if d else None


def match_issuer(text: str, pos: int, context: Issuer | None = None) -> tuple[Issuer, int] | None:
    """Return (Issuer, end offset) for the issuer phrase starting at ``pos`` in ``text``, else None.

    Accepts central bodies ("Thủ tướng Chính phủ", "Ban Bí thư Trung ương Đảng")
    and local ones with their place ("Ủy ban nhân dân tỉnh Sóc Trăng",
    "UBND huyện Châu Thành", "Tỉnh ủy Bắc Ninh"). A local body without a place
    ("của UBND tỉnh", "của Tỉnh ủy", "Ban chấp hành Đảng bộ tỉnh") is the citing
    document's own one (``context``), or None when there is no context.
    """
    hit = _match_window(text[pos : pos + 120], *(
        (True, context.province, context.district, context.level) if context is not None else (False, None, None, None)))
    if hit is None:
        return None
    iss, end = hit
    return Issuer(*_ISSUER_FIELDS(iss)), pos + end  # a copy: callers own their Issuer


#: Every field of an Issuer, in order: ``Issuer(*_ISSUER_FIELDS(i))`` copies ``i`` 3x faster than
#: ``dataclasses.replace`` (which inspects the fields on each call).
_ISSUER_FIELDS = attrgetter(*(f.name for f in fields(Issuer)))


@lru_cache(maxsize=16384)
def _match_window(raw: str, has_ctx: bool, ctx_province: str | None, ctx_district: str | None,
                  ctx_level: str | None) -> tuple[Issuer, int] | None:
    """Return (Issuer, end offset in ``raw``) for the issuer phrase at the start of ``raw``, else None.

    ``match_issuer`` reads at most 120 characters and only the context's province, district
    and level, so the answer is cached on those: plans cite the same issuers again and again.
    """
    context = Issuer(name="", level=ctx_level, province=ctx_province, district=ctx_district) if has_ctx else None
    window = admin_units.norm_tones(raw)
    m = patterns.LOCAL_BODY.match(window)
    if m:
        kind = _local_kind(m.group("body"))
        end = m.end()
        unit = None
        um = patterns.UNIT_WORD.match(window, end)
        fbody = ffold(m.group("body"))
        body_has_unit = fbody.endswith((" tinh", " huyen", " thanh pho"))
        if body_has_unit:
            unit = fbody.rsplit(" ", 1)[-1]
            unit = {"tinh": "tỉnh", "huyen": "huyện", "pho": "thành phố"}[unit]
        elif kind == "doan" and fbody.endswith(_DOAN_UNITS_ENDINGS):  # "Tỉnh đoàn Bến Tre", "Huyện đoàn Châu Thành"
            unit = _DOAN_UNITS[fbody.rsplit(" ", 2)[-2]]
        elif um:
            unit = um.group("unit").lower()
            end = um.end()
        prov, dist, comm, pend = _read_place(window, end, unit)
        ctx_prov = context.province if context else None
        ctx_dist = context.district if context else None
        if pend > end:
            end = pend
        city_prov = _province_of(dist, ctx_prov) if kind == "thanh_uy" and prov is None and dist is not None else None
        if city_prov is not None and (admin_units.district_type(dist, city_prov) or "").lower() == "thành phố":
            # "Thành ủy Hội An": the named city is a city under a province, so its Party committee
            # is district-level (a thành phố thuộc tỉnh is of the cấp huyện: Luật Tổ chức chính quyền
            # địa phương 2015, Điều 2); the name beats the /TU suffix for the scope. A city
            # name shared by two provinces and no context: no guess (the branch below decides)
            return make_local_issuer("huyen_uy", city_prov, dist, district_unit="thành phố"), end
        if kind in ("tinh_uy", "thanh_uy"):
            prov = prov or ctx_prov
            if prov is None:
                return None
            return make_local_issuer(kind, prov), end
        if kind == "huyen_uy":
            dist = dist or ctx_dist
            if dist is None:
                return None
            return make_local_issuer(kind, _province_of(dist, ctx_prov), dist), end
        if prov:
            return make_local_issuer(kind, prov), end
        if dist:
            ulow = ffold(unit or "")
            # the unit written decides between same-named units ("thành phố Cao Lãnh" and "huyện
            # Cao Lãnh" of Đồng Tháp); without it the dataset's type is used
            dunit = {"huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thanh pho": "thành phố",
                     "tp": "thành phố", "tp.": "thành phố"}.get(ulow)
            return make_local_issuer(kind, _province_of(dist, ctx_prov), dist, district_unit=dunit), end
        if comm:
            return make_local_issuer(kind, ctx_prov, ctx_dist, commune=comm, commune_unit=unit), end
        # bare "UBND tỉnh" / "UBND huyện" / "UBND": the citing document's own unit
        if context is None or context.province is None:
            return None
        ulow = ffold(unit or "")
        if ulow in ("huyen", "quan", "thi xa") and context.district:
            return make_local_issuer(kind, context.province, context.district), end
        if ulow in ("thanh pho", "tp", "tp.") and admin_units.province_type(context.province) != "Thành phố":
            return None  # "UBND thành phố" in a province's text: a city of the province, name unknown
        if ulow in ("tinh", "thanh pho", "tp", "tp.") or not ulow and context.level == "province":
            return make_local_issuer(kind, context.province), end
        if not ulow and context.level == "district":
            return make_local_issuer(kind, context.province, context.district), end
        return None
    rx, spell = _central_index()
    cm = rx.match(window)
    if cm:
        e = spell.get(ffold(cm.group("name")))
        if e:
            return _central_issuer(e), cm.end()
    return None


def _province_of(district: str, context_province: str | None) -> str | None:
    """Return the province of ``district``: the context's if the district exists there, or the only one."""
    if context_province and admin_units.is_district_of(district, context_province):
        return admin_units.canonical_province(context_province)
    provs = {p for _, p in admin_units.districts_named(district)}
    return provs.pop() if len(provs) == 1 else None


def issuer_from_suffix(symbol: str | None, context: Issuer | None = None) -> Issuer | None:
    """Return the issuer a symbol's suffix names: "/QĐ-TTg" -> Thủ tướng Chính phủ; local suffixes take ``context``'s place.

    A local suffix with no context place returns an Issuer with no province
    (level as the suffix says), never a guessed province.
    """
    info = symbol_info(symbol)
    e = suffix_entry(info.issuer_code) if info else None
    if e is None:
        return None
    if e["scope"] == "central":
        return Issuer(name=e["issuer"], level=e["level"], kind=e["kind"])
    prov = context.province if context else None
    kind = e["kind"]
    if kind in ("ubnd", "hdnd", "mttq"):
        if context is not None and context.kind == kind and context.level in ("district", "commune"):
            # a district's own "/KH-UBND" symbol is its own committee's
            return make_local_issuer(kind, prov, context.district)
        return make_local_issuer(kind, prov)
    if kind in ("tinh_uy", "thanh_uy"):
        return make_local_issuer(kind, prov)
    if kind == "huyen_uy":
        return make_local_issuer(kind, prov, context.district if context else None)
    name = e["issuer"] + (f" {admin_units.province_full_name(prov) if kind == 'so' else prov}" if prov else "")
    return Issuer(name=name, level=e["level"], province=prov, kind=kind)


# --------------------------------------------------------------------------- ids


def doc_id(symbol: str | None, year: int | None, issuer: Issuer | None) -> str | None:
    """Return the graph id of a document from its symbol, year and issuer (None without a symbol).

    Central scope (by suffix, or by a central/ministry issuer) -> no place;
    local -> the issuer's province, plus the district for district-level issuers.
    """
    if not symbol:
        return None
    info = symbol_info(symbol)
    if year is None and info is not None:
        year = info.year
    central = is_central_symbol(symbol)
    if central is None:
        central = issuer is None or issuer.level in ("central", "ministry", "unknown")
    if central or issuer is None:
        return _cached_id(symbol, year, None, None)
    district = issuer.district if issuer.level in ("district", "commune") else None
    if issuer.level == "commune":
        # identity.document_id has no commune part: the commune goes with the district
        # ("...--nghe-an--nghi-loc-tan-phu") so a commune's 12/KH-UBND never takes its district's id
        commune = patterns.COMMUNE_UNIT.split(issuer.name, maxsplit=1)[-1]
        district = f"{district or ''} {commune}".strip()
    return _cached_id(symbol, year, issuer.province, district)


@lru_cache(maxsize=4096)
def _cached_id(symbol: str, year: int | None, province: str | None, district: str | None) -> str:
    """Return ``identity.document_id`` for these parts, cached."""
    return document_id(symbol, year, province, district)


def same_symbol(a: str | None, b: str | None) -> bool:
    """Return True if two symbols are the same ignoring case, accents and spacing."""
    return bool(a and b) and symbol_key(a) == symbol_key(b)


# --------------------------------------------------------------------------- aliases


def plenum_candidates(plenum_num: str | None, plenum_word: str | None, term: str) -> list[dict]:
    """Return the known resolutions of a Central Committee plenum (number or ordinal word, term)."""
    n: int | None = None
    if plenum_num:
        n = int(plenum_num)
    elif plenum_word:
        n = _load("aliases.json")["number_words"]["words"].get(" ".join(plenum_word.lower().split()))
    if n is None:
        return []
    return [e for e in _load("aliases.json")["plenum_resolutions"] if e["plenum"] == n and e["term"] == term.upper()]


def pick_alias(candidates: list[dict], following: str, document: str) -> dict | None:
    """Return the single candidate whose subject keywords follow the mention (or, failing that,
    the only one whose keywords occur in the document); None when nothing decides."""
    if len(candidates) == 1:
        return candidates[0]
    f_follow = admin_units.norm_tones(following).lower()
    hits = [c for c in candidates if any(k.lower() in f_follow for k in c["keywords"])]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        hits = [c for c in candidates if any(_document_has(document, k.lower()) for k in c["keywords"])]
        if len(hits) == 1:
            return hits[0]
    return None


@lru_cache(maxsize=2)
def _lower_document(document: str) -> str:
    """Return the lower-cased, tone-normalised text of a whole document, cached for the alias look-ups of one parse."""
    return admin_units.norm_tones(document).lower()


@lru_cache(maxsize=256)
def _document_has(document: str, keyword: str) -> bool:
    """Return True if the (lower-cased, tone-normalised) document contains ``keyword``; cached per document."""
    return keyword in _lower_document(document)


def alias_issuer(entry: dict) -> Issuer:
    """Return the Issuer of an alias entry (a central body from ``issuers.json``)."""
    _, spell = _central_index()
    e = spell.get(ffold(entry["issuer"]))
    return _central_issuer(e) if e else Issuer(name=entry["issuer"], level="central")


# --------------------------------------------------------------------------- capacities


@lru_cache(maxsize=1)
def _capacity_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Return (folded title -> canonical, folded body -> canonical) from issuers.json."""
    c = _load("issuers.json")["capacities"]
    return ({ffold(t): t for t in c["titles"]},
            {ffold(b): b for b in c["bodies"]})


@lru_cache(maxsize=1)
def _ranks() -> tuple[str, ...]:
    """Return the folded military and police ranks a signer may write before the name (issuers.json), longest first."""
    return tuple(sorted((ffold(r) for r in _load("issuers.json")["capacities"].get("ranks", [])), key=len, reverse=True))


def without_rank(name: str) -> str:
    """Return a signer's name without the rank written before it ("Đại tá Trần Văn Dũng" -> "Trần Văn Dũng")."""
    k = ffold(name)
    for r in _ranks():
        if k.startswith(r + " ") and len(name.split()) > len(r.split()) + 1:
            return " ".join(name.split()[len(r.split()):])
    return name


@lru_cache(maxsize=1)
def _title_qualifiers() -> dict[str, str]:
    """Return folded qualifier -> spelling of the words that may follow a title ("thường trực", "phụ trách")."""
    return {ffold(q): q for q in _load("issuers.json")["capacities"].get("title_qualifiers", [])}


def qualified_title(text: str) -> tuple[str, str] | None:
    """Return (canonical title, qualifier) for a title followed by a qualifier ("PHÓ BÍ THƯ THƯỜNG TRỰC"
    -> ("Phó Bí thư", "thường trực")), else None."""
    k = ffold(text)
    titles = _capacity_tables()[0]
    for q_key, q in _title_qualifiers().items():
        if k.endswith(" " + q_key) and k[: -len(q_key) - 1] in titles:
            return titles[k[: -len(q_key) - 1]], q
    return None


def canonical_title(text: str) -> str:
    """Return a signer title in its canonical case ("PHÓ CHỦ TỊCH" -> "Phó Chủ tịch",
    "PHÓ BÍ THƯ THƯỜNG TRỰC" -> "Phó Bí thư thường trực"); unknown ones sentence-cased."""
    k = ffold(text)
    hit = _capacity_tables()[0].get(k)
    if hit:
        return hit
    qt = qualified_title(text)
    if qt:
        return f"{qt[0]} {qt[1]}"
    s = " ".join(text.split())
    return s[:1].upper() + s[1:].lower() if s.isupper() else s


def canonical_body(text: str) -> str:
    """Return a body named under TM./KT. in canonical case ("ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân")."""
    k = ffold(text)
    hit = _capacity_tables()[1].get(k) or _capacity_tables()[0].get(k)
    if hit:
        return hit
    s = " ".join(text.split())
    return s[:1].upper() + s[1:].lower() if s.isupper() else s
