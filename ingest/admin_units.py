"""Provinces and districts of Viet Nam (pre-2025 legacy units and 2025 units), from ``vietnamadminunits``.

The dataset ships with the ``vietnamadminunits`` package as a SQLite file; it is
read ONCE (lazily, cached) into plain dicts and regexes, so the hot paths
(``find_province`` on every header line) never touch SQLite.

* Legacy units: the 63 provinces and ~700 districts in force before the 2025
  reorganisation (Nghị quyết 202/2025/QH15 merged the provinces into 34; the
  district level ended on 01/7/2025). Every sample and most existing plans use them.
* 2025 units: the 34 provinces (``province_names(post_2025=True)``).

Names are "short names" as the dataset gives them: "Sóc Trăng", "Hồ Chí Minh",
"Bà Rịa - Vũng Tàu", "Châu Thành". Lookups accept any case and both tone-mark
placements ("Hoà Bình" / "Hòa Bình", "Thanh Hoá" / "Thanh Hóa").

API:
  province_names(post_2025=False) -> list[str]
  canonical_province(name) -> str | None        "TỈNH SÓC TRĂNG", "Thừa Thiên Huế" -> "Sóc Trăng", "Huế"
  is_province(name) -> bool
  province_type(province) -> "Tỉnh" | "Thành phố" | None
  province_full_name(province) -> "tỉnh Sóc Trăng" | "thành phố Hà Nội" | None
  find_province(text, require_prefix=True) -> str | None
  find_provinces(text, require_prefix=True) -> list[(short, start, end)]
  districts_named(name) -> list[(district, province)]
  is_district_of(district, province) -> bool
  district_type(district, province) -> "Huyện" | "Quận" | "Thị xã" | "Thành phố" | None
  canonical_district(district, province=None) -> str | None
  norm_tones(text) -> text with "Hoà"/"uỷ" written "Hòa"/"ủy" (same length, offsets kept)
  find_district(text, province=None) -> (district, province) | None
  district_names() -> list[str]
"""

from __future__ import annotations

import importlib.util
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest import patterns

# Tone-mark placement: in an open syllable ending in oa/oe/uy the "old style"
# puts the tone on the first vowel ("Hòa", "Thủy"), the "new style" (Quyết định
# 1989/QĐ-BGDĐT, 2018 textbooks) on the second ("Hoà", "Thuỷ"); with a final
# consonant both put it on the second ("hoạch", "Hoàng"). Documents use both; the dataset the
# old one. Mapping pairs have equal length, so offsets in the text are kept.
_TONE_MOVES = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_TABLE = {}
for _new, _old in _TONE_MOVES.items():
    _TONE_TABLE[_new] = _old
    _TONE_TABLE[_new.upper()] = _old.upper()
    _TONE_TABLE[_new.capitalize()] = _old.capitalize()

# Names still used in documents for units the dataset names differently.
# Thừa Thiên Huế became the centrally-run city "Huế" on 01/01/2025 (resolution of
# the National Assembly, 30/11/2024); earlier documents say "Thừa Thiên Huế".
# "TP. HCM"/"Sài Gòn" are the usual short forms of Thành phố Hồ Chí Minh.
_PROVINCE_ALIASES = {
    "Thừa Thiên Huế": "Huế",
    "Thừa Thiên - Huế": "Huế",
    "TP. Hồ Chí Minh": "Hồ Chí Minh",
    "TP Hồ Chí Minh": "Hồ Chí Minh",
    "TP.HCM": "Hồ Chí Minh",
    "TP. HCM": "Hồ Chí Minh",
    "Sài Gòn": "Hồ Chí Minh",
}

# Provinces whose full name is "Thành phố X" (centrally-run cities).
_CITY_PROVINCES_LEGACY = {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


def norm_tones(text: str) -> str:
    """Return ``text`` with oa/oe/uy tone marks moved to the dataset's placement (same length)."""
    if len(text) <= 256:
        return _norm_tones_short(text)  # names and mention windows recur: cached (whole texts are not kept)
    return _norm_tones(text)


@lru_cache(maxsize=32768)
def _norm_tones_short(text: str) -> str:
    """Return ``norm_tones`` of a short text (cached)."""
    return _norm_tones(text)


def _norm_tones(text: str) -> str:
    """Return ``text`` with the oa/oe/uy tone marks moved (uncached)."""
    return patterns.OPEN_SYLLABLE_TONE.sub(lambda m: _TONE_TABLE.get(m.group(), m.group()), text)


def _key(name: str) -> str:
    """Return the lookup key of a unit name: tone-normalised, case-folded, single-spaced, hyphens unified."""
    s = norm_tones(name).lower().replace("–", "-").replace("—", "-")
    s = s.replace(" - ", "-").replace("- ", "-").replace(" -", "-")
    return " ".join(s.split())


@dataclass(frozen=True, slots=True)
class _Units:
    """The loaded dataset: plain dicts built once."""

    legacy: tuple[str, ...]  # 63 short names
    post_2025: tuple[str, ...]  # 34 short names
    province_full: dict[str, str]  # short -> "Tỉnh Sóc Trăng"
    province_by_key: dict[str, str]  # _key(any spelling) -> short
    districts_by_key: dict[str, tuple[tuple[str, str, str], ...]]  # _key(district) -> ((district, province, type), ...)


def _dataset_path() -> Path:
    """Return the path of the SQLite dataset bundled with ``vietnamadminunits``."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or spec.origin is None:  # pragma: no cover - dependency is required
        raise RuntimeError("vietnamadminunits is not installed")
    return Path(spec.origin).parent / "data" / "dataset.db"


@lru_cache(maxsize=1)
def _units() -> _Units:
    """Return the dataset, read once from the package's SQLite file."""
    con = sqlite3.connect(f"file:{_dataset_path()}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT DISTINCT provinceShort, province, districtShort, districtType FROM admin_units_legacy"
        ).fetchall()
        new_rows = con.execute("SELECT DISTINCT provinceShort, province FROM admin_units").fetchall()
    finally:
        con.close()
    legacy: list[str] = []
    full: dict[str, str] = {}
    by_key: dict[str, str] = {}
    districts: dict[str, list[tuple[str, str, str]]] = {}
    for pshort, pfull, dshort, dtype in rows:
        if pshort not in full:
            legacy.append(pshort)
            full[pshort] = pfull
        m = patterns.DATASET_DISTRICT_TYPE.match(dshort)
        if m is not None:
            # "Long Mỹ (Thị xã)": the huyện and the thị xã of one province share the name "Long Mỹ";
            # the unit word written before it ("thị xã Long Mỹ") tells them apart
            dshort = m["name"]
        districts.setdefault(_key(dshort), []).append((dshort, pshort, dtype))
    post: list[str] = []
    for pshort, pfull in new_rows:
        post.append(pshort)
        full.setdefault(pshort, pfull)
    for short in list(full):
        by_key[_key(short)] = short
        by_key[_key(full[short])] = short
    for alias, short in _PROVINCE_ALIASES.items():
        by_key[_key(alias)] = short
    return _Units(
        legacy=tuple(legacy),
        post_2025=tuple(post),
        province_full=full,
        province_by_key=by_key,
        districts_by_key={k: tuple(v) for k, v in districts.items()},
    )


def _spellings(name: str) -> list[str]:
    """Return the written variants of a unit name that a regex should accept."""
    out = {name}
    if " - " in name:
        out.update({name.replace(" - ", "-"), name.replace(" - ", " – "), name.replace(" - ", "–")})
    return sorted(out)


@lru_cache(maxsize=1)
def _province_regexes():
    """Return (prefixed, bare) compiled patterns over every province spelling (built once)."""
    u = _units()
    names: list[str] = []
    for short in set(u.legacy) | set(u.post_2025):
        names.extend(_spellings(short))
    names.extend(_PROVINCE_ALIASES)
    prefixed = patterns.name_alternation(names, prefix=patterns.PROVINCE_PREFIX_SCAN, left_boundary=False)
    bare = patterns.name_alternation(names)
    return prefixed, bare


@lru_cache(maxsize=1)
def _district_regex():
    """Return (prefixed, self-named) compiled patterns of every district name (built once).

    The first needs a district-level prefix ("huyện Châu Thành"); the second matches alone the
    names that hold their unit word ("Quận 3": Ho Chi Minh City's numbered districts, whose
    name is "Quận" + a number, so "QUẬN 3" in a header or "Quận 3" in a text is the district).
    """
    names = [d for vals in _units().districts_by_key.values() for d, _, _ in vals[:1]]
    return (patterns.name_alternation(names, prefix=patterns.DISTRICT_PREFIX),
            patterns.name_alternation([n for n in names if is_self_named_district(n)]))


def is_self_named_district(name: str | None) -> bool:
    """Return True if the district's own name starts with its unit word ("Quận 3"; not "Châu Thành")."""
    k = _key(name or "")
    return k.startswith(_UNIT_KEYS) and k in _units().districts_by_key


#: District unit words as ``_key`` spells them (Luật Tổ chức chính quyền địa phương 2015, Điều 2).
_UNIT_KEYS = ("huyện ", "quận ", "thị xã ", "thành phố ")


def district_full_name(district: str | None, province: str | None = None, unit: str | None = None) -> str | None:
    """Return the district's name with its unit word ("huyện Châu Thành", "thị xã Ninh Hòa"), or None.

    ``unit`` when the text gave it, else the dataset's type (in ``province`` if given), else
    "huyện". A name that holds its unit word is returned as it is ("Quận 3", not "quận Quận 3").
    """
    if not district:
        return None
    if is_self_named_district(district):
        return district
    return f"{(unit or district_type(district, province) or 'huyện').lower()} {district}"


# --------------------------------------------------------------------------- provinces


def province_names(post_2025: bool = False) -> list[str]:
    """Return the short names of the 63 pre-2025 provinces, or the 34 from 2025 when ``post_2025``."""
    u = _units()
    return list(u.post_2025 if post_2025 else u.legacy)


def canonical_province(name: str | None) -> str | None:
    """Return the short province name for any spelling ("TỈNH SÓC TRĂNG", "Thừa Thiên Huế"), else None."""
    if not name:
        return None
    k = _key(name)
    u = _units()
    hit = u.province_by_key.get(k)
    if hit:
        return hit
    for pre in ("tỉnh ", "thành phố ", "tp. ", "tp ", "tp."):
        if k.startswith(pre):
            return u.province_by_key.get(k[len(pre) :].strip())
    return None


def is_province(name: str | None) -> bool:
    """Return True if ``name`` names a province or centrally-run city (legacy or 2025)."""
    return canonical_province(name) is not None


def province_type(province: str | None) -> str | None:
    """Return "Tỉnh" or "Thành phố" for a province short name, else None."""
    short = canonical_province(province)
    if short is None:
        return None
    full = _units().province_full.get(short, "")
    return "Thành phố" if full.startswith("Thành phố") else "Tỉnh"


def province_full_name(province: str | None) -> str | None:
    """Return "tỉnh Sóc Trăng" / "thành phố Hà Nội" (lower-case unit word, as inside a sentence), else None."""
    short = canonical_province(province)
    if short is None:
        return None
    return f"{province_type(short).lower()} {short}"


def find_provinces(text: str, require_prefix: bool = True) -> list[tuple[str, int, int]]:
    """Return every province named in ``text`` as (short name, start, end) of the name, in order.

    With ``require_prefix`` (default) only "tỉnh X" / "thành phố X" / "TP. X"
    count, so a district or person sharing a province's name is not taken.
    """
    if not text:
        return []
    prefixed, bare = _province_regexes()
    rx = prefixed if require_prefix else bare
    out = []
    for m in rx.finditer(norm_tones(text)):
        short = canonical_province(m.group("name"))
        if short:
            out.append((short, m.start("name"), m.end("name")))
    return out


def find_province(text: str, require_prefix: bool = True) -> str | None:
    """Return the short name of the first province named in ``text``, else None."""
    found = find_provinces(text, require_prefix)
    return found[0][0] if found else None


# --------------------------------------------------------------------------- districts


def district_names() -> list[str]:
    """Return the distinct short names of the pre-2025 districts (quận, huyện, thị xã, thành phố thuộc tỉnh)."""
    return sorted({d for vals in _units().districts_by_key.values() for d, _, _ in vals})


def districts_named(name: str | None) -> list[tuple[str, str]]:
    """Return every (district, province) pair whose district is called ``name`` ("Châu Thành" -> 10 pairs)."""
    if not name:
        return []
    k = _key(name)
    for pre in _UNIT_KEYS:
        if k.startswith(pre) and k not in _units().districts_by_key:
            k = k[len(pre) :]
            break
    return list(dict.fromkeys((d, p) for d, p, _ in _units().districts_by_key.get(k, ())))


def is_district_of(district: str | None, province: str | None) -> bool:
    """Return True if a district called ``district`` exists in ``province`` (pre-2025 units)."""
    p = canonical_province(province)
    return p is not None and any(pp == p for _, pp in districts_named(district))


def district_type(district: str | None, province: str | None = None) -> str | None:
    """Return "Huyện", "Quận", "Thị xã" or "Thành phố" for the district (in ``province`` if given), else None.

    Without a province the type is returned only when every district of that name has the same type.
    """
    if not district:
        return None
    p = canonical_province(province) if province else None
    k = _key(district)
    vals = _units().districts_by_key.get(k, ())
    types = {t for _, pp, t in vals if p is None or pp == p}
    return types.pop() if len(types) == 1 else None


def canonical_district(district: str | None, province: str | None = None) -> str | None:
    """Return the dataset spelling of a district name (in ``province`` if given), else None."""
    pairs = districts_named(district)
    p = canonical_province(province) if province else None
    for d, pp in pairs:
        if p is None or pp == p:
            return d
    return None


def find_district(text: str, province: str | None = None) -> tuple[str, str | None] | None:
    """Return (district, province) for the first "huyện/quận/thị xã X" in ``text``.

    The province is ``province`` if that district exists there, or the only
    province having such a district, or None when the name is ambiguous
    (Châu Thành is in ten provinces: the caller must find the province elsewhere).
    """
    if not text:
        return None
    p = canonical_province(province) if province else None
    prefixed, self_named = _district_regex()
    low = norm_tones(text)
    found = sorted([*prefixed.finditer(low), *self_named.finditer(low)], key=lambda m: m.start())
    for m in found:
        pairs = districts_named(m.group("name"))
        if not pairs:
            continue
        name = pairs[0][0]
        if p is not None:
            if any(pp == p for _, pp in pairs):
                return name, p
            continue
        provs = {pp for _, pp in pairs}
        return name, (provs.pop() if len(provs) == 1 else None)
    return None


# --------------------------------------------------------------------------- communes (2025 units)


@lru_cache(maxsize=1)
def _communes_2025() -> dict[str, tuple[str, ...]]:
    """Return ``_key(commune short name)`` -> the provinces having a commune-level unit of that name, 2025 list.

    From 1/7/2025 there is no district level (Nghị quyết 202/2025/QH15 on the province
    mergers; Luật Tổ chức chính quyền địa phương 2025): a commune belongs to a province directly.
    Read on first use only, so documents without a commune issuer never load it.
    """
    con = sqlite3.connect(f"file:{_dataset_path()}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT DISTINCT wardShort, provinceShort FROM admin_units").fetchall()
    finally:
        con.close()
    out: dict[str, set[str]] = {}
    for ward, prov in rows:
        if ward:
            out.setdefault(_key(ward), set()).add(prov)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def commune_provinces(name: str | None) -> tuple[str, ...]:
    """Return the (2025) provinces having a xã/phường/đặc khu called ``name`` ("Phú Riềng" -> ("Đồng Nai",)), else ()."""
    if not name:
        return ()
    return _communes_2025().get(_key(name), ())
