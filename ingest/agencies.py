"""Agency recognition and canonicalisation, scoped by the issuing document's jurisdiction.

A mention ("Sở Nội vụ", "Liên hiệp các hội KH&KT tỉnh", "UBND các huyện, thị xã, thành phố")
becomes one canonical, jurisdiction-scoped name:

* abbreviations are expanded (data: ``ingest/data/agency_abbreviations.json``) and the
  official spelling of common bodies is restored (``agency_kinds.json``, "canonical_names":
  Nghị định 107/2020/NĐ-CP and 108/2020/NĐ-CP list the departments and rooms), so case,
  dash and "hội"/"Hội" variants merge ("Sở Giáo dục và đào tạo" = "Sở Giáo dục và Đào tạo");
* the name must start with a known head ("Sở", "Ban", "Liên hiệp các Hội", "Báo", "Đài",
  "Viện", "Bộ", ...) or a collective opener ("các", "Ủy ban nhân dân các", "cơ quan", ...);
  anything else — a sentence fragment — is no agency and ``resolve`` returns None;
* scope: a mention that names its jurisdiction keeps it ("Ủy ban nhân dân tỉnh Sóc Trăng" in
  a district plan); a bare unit word takes the issuer's ("UBND tỉnh" in a Sóc Trăng district
  plan -> "Ủy ban nhân dân tỉnh Sóc Trăng", "Ban Tuyên giáo Tỉnh ủy" -> "... Tỉnh ủy Điện
  Biên"); an unscoped name takes the issuer's jurisdiction ("Sở Nội vụ" in a Bắc Ninh plan ->
  "Sở Nội vụ tỉnh Bắc Ninh"; a Sở is always provincial, so in a district plan it takes the
  province); ministries and central organs ("Bộ ...", "... Trung ương", "... Việt Nam") are
  never scoped;
* a ministry's own plan scopes its units by the ministry ("Vụ Pháp chế", "Văn phòng Bộ" ->
  "... Bộ Khoa học và Công nghệ"); a central organ's collectives are central; an agency's own
  plan calls itself by its bare head ("Văn phòng Sở", "Thanh tra Sở", "Văn phòng Ban" -> "...
  Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk", "... Ban Dân vận Tỉnh ủy Quảng Nam");
* a name ends before a lower-case word after a unit word or a province's name ("Báo và Phát
  thanh, Truyền hình Đà Nẵng mở chuyên trang ..." names "Báo và Phát thanh, Truyền hình Đà Nẵng");
* collective assignees are groups (``kind="group"``), scoped the same way
  ("Các sở, ban, ngành tỉnh" -> "Các sở, ban, ngành tỉnh Bắc Ninh"); a body named in the
  plural ("Phòng Giáo dục và Đào tạo các huyện") is a group too. A list is split into its
  assignees (``split_mentions``): "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố" is two
  groups, because a province's departments and its district UBNDs are different bodies;
* within one document, spellings that differ only by case, accents placement, punctuation
  or a one-letter slip (rapidfuzz ratio >= 95, same head and scope) are one agency; every
  spelling seen is kept in ``aliases``.

``parent`` is set only where the name states it: a committee organ of a Party committee
("Ban Tuyên giáo Tỉnh ủy Điện Biên" -> "Tỉnh ủy Điện Biên"); a Sở's parent (the province's
UBND) is left None because the name does not say it.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ingest import admin_units
from ingest import patterns as P
from ingest.identity import agency_id, fold, scoped_agency_id
from ingest.model import Agency, Issuer

_DATA = Path(__file__).parent / "data"

_MAX_WORDS = 16  # a longer "name" is a sentence ...
#: ... unless it starts with the head of one body: proper names of units run long ("Ban Quản lý
#: dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh", 18 words; "Ban Thường trực
#: Ủy ban Mặt trận Tổ quốc Việt Nam các huyện, thị xã, thành phố", 17 written out), while a
#: collective opener followed by that many words is prose ("Các gương cán bộ dám nghĩ, dám làm, ...").
_MAX_HEADED_WORDS = 20


@dataclass(frozen=True, slots=True)
class _Knowledge:
    """The agency tables of ``ingest/data``, compiled once."""

    abbr_cs: re.Pattern  # case-sensitive abbreviations
    abbr_ci: re.Pattern  # case-insensitive abbreviations
    abbr_map: dict[str, str]  # folded abbreviation -> expansion
    heads: dict[str, str]  # head -> level hint
    alone_nouns: frozenset[str]  # heads that written alone are a common noun ("Sở", "Công ty"), no body
    capital_complement: frozenset[str]  # one-word heads always followed by a capitalised field ("Sở Y tế")
    capital_only: frozenset[str]  # heads that name a body only before a capital ("Tổ Công nghệ thông tin", not "Tổ chức")
    head_rx: re.Pattern  # any head at the start of a text, longest first
    opener_rx: re.Pattern  # any collective opener at the start of a text, longest first
    collective_rx: re.Pattern  # a body noun that may follow a plural opener ("sở" in "các sở, ngành")
    canon_rx: re.Pattern | None  # any canonical name, punctuation-tolerant
    canon_firsts: tuple[str, ...]  # the first word of every canonical name, as ``canon_rx`` spells it
    canon_map: dict[str, str]  # name key -> official spelling
    unsplittable_rx: re.Pattern | None
    central_suffixes: tuple[str, ...]
    local_vn: tuple[str, ...]  # keys of names that end in "Việt Nam" yet are local
    fragment_rx: re.Pattern  # a duty verb, an aspect marker ("đã") or "là": the mention is a sentence fragment
    false_head_rx: re.Pattern  # words that start like a head but name no body
    title_rx: re.Pattern  # an office holder's title before the body ("Chủ tịch UBND tỉnh")
    heads_alone: dict[str, str]  # a title written alone -> the bodies its holders head ("Các Bộ trưởng" -> "các bộ")
    ci_tails: tuple[str, ...] | None  # a pre-check for the case-blind abbreviations (``_ci_tails``)
    role_guard: bool  # ``P.ROLE_IN_LIST`` may reject a list before it is split (``_role_guard_holds``)


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """Return the comparison key of a name: accent-folded, lower-case, punctuation-free ("Sở Văn hóa, Thể thao" -> "so van hoa the thao")."""
    k = fold(admin_units.norm_tones(text))
    k = P.NAME_PUNCT.sub(" ", k)
    k = k.replace(" co lien quan", " lien quan")
    return " ".join(k.split())


def _first_word(name: str) -> str:
    """Return the first word of ``name`` as ``_words_rx`` writes it (the literal a match must start with)."""
    return next(w for w in P.NAME_PUNCT.split(name) if w)


def _words_rx(name: str) -> str:
    """Return a regex for ``name`` whose words may be separated by spaces, commas or dashes."""
    words = [w for w in P.NAME_PUNCT.split(name) if w]
    rest = r"[\s,\-–—]+".join(re.escape(w) for w in words[1:])
    # the head keeps its case ("Sở" is a department, "cơ sở" is not); the rest may differ in case
    return re.escape(words[0]) + (r"(?i:[\s,\-–—]+" + rest + ")" if rest else "")


@lru_cache(maxsize=1)
def knowledge() -> _Knowledge:
    """Return the compiled agency knowledge (abbreviations, heads, openers, official names)."""
    abbr = json.loads((_DATA / "agency_abbreviations.json").read_text(encoding="utf-8"))["entries"]
    kinds = json.loads((_DATA / "agency_kinds.json").read_text(encoding="utf-8"))
    cs = [e["abbr"] for e in abbr if not e.get("ci")]
    ci = [e["abbr"] for e in abbr if e.get("ci")]
    amap = {e["abbr"].lower(): e["expansion"] for e in abbr}
    heads = {h["head"]: h["level"] for h in kinds["heads"]}
    openers = [o["word"] for o in kinds["group_openers"]]
    names = [c["name"] for c in kinds["canonical_names"]]
    # a spelling with an "official" entry is another way of writing that name (one body)
    canon_map = {name_key(c["name"]): c.get("official", c["name"]) for c in kinds["canonical_names"]}
    canon_rx = re.compile(
        r"(?<!\w)(?:" + "|".join(_words_rx(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)"
    ) if names else None
    uns = [u["name"] for u in kinds["unsplittable"]]
    uns_rx = re.compile("|".join(_words_rx(n) for n in sorted(uns, key=len, reverse=True)), re.IGNORECASE) if uns else None
    return _Knowledge(
        abbr_cs=P.phrase_alternation(cs) if cs else P.NEVER,
        abbr_ci=P.phrase_alternation(ci, re.IGNORECASE) if ci else P.NEVER,
        abbr_map=amap,
        heads=heads,
        alone_nouns=frozenset(h["head"] for h in kinds["heads"] if h.get("alone_is_noun")),
        capital_complement=frozenset(h["head"] for h in kinds["heads"] if h.get("complement_capitalised")),
        capital_only=frozenset(h["head"] for h in kinds["heads"] if h.get("capital_only")),
        head_rx=re.compile(P.phrase_alternation(heads).pattern.replace("(?<!\\w)", "^", 1)),
        opener_rx=re.compile(P.phrase_alternation(openers).pattern.replace("(?<!\\w)", "^", 1)),
        collective_rx=P.phrase_alternation(kinds["collective_nouns"]["words"], re.IGNORECASE),
        canon_rx=canon_rx,
        canon_firsts=tuple(sorted({_first_word(n) for n in names})),
        canon_map=canon_map,
        unsplittable_rx=uns_rx,
        central_suffixes=tuple(s["suffix"] for s in kinds["central_suffixes"]),
        local_vn=tuple(name_key(n["name"]) for n in kinds["local_despite_viet_nam"]),
        fragment_rx=P.phrase_alternation(kinds["fragment_verbs"]["words"] + kinds["sentence_words"]["words"]),
        false_head_rx=P.phrase_alternation(kinds["false_heads"]["words"], re.IGNORECASE),
        title_rx=re.compile(P.phrase_alternation(kinds["person_titles"]["words"]).pattern + r"\s+(?=\S)"),
        heads_alone=dict(kinds["person_titles"].get("heads_alone", {})),
        ci_tails=_ci_tails(ci),
        role_guard=_role_guard_holds(kinds["fragment_verbs"]["words"], cs, ci, kinds["person_titles"]["words"]),
    )


@lru_cache(maxsize=32768)
def expand_abbreviations(text: str) -> str:
    """Return ``text`` with agency abbreviations written out ("Liên hiệp các Hội KHKT tỉnh" -> "... Khoa học và Kỹ thuật tỉnh")."""
    k = knowledge()
    text = k.abbr_cs.sub(lambda m: k.abbr_map[m.group(0).lower()], text)
    if k.ci_tails is not None:
        low = text.lower()
        if not any(t in low for t in k.ci_tails):
            return text  # no case-blind abbreviation can match: skip the case-blind scan
    return k.abbr_ci.sub(lambda m: k.abbr_map[m.group(0).lower()], text)


def _ci_tails(abbrs: list[str]) -> tuple[str, ...] | None:
    """Return what every case-blind match of each abbreviation contains, lower-cased: its letters after the first.

    Valid when those characters are ASCII digits, punctuation or letters whose only case-blind
    matches are their two cases (``patterns.TWO_CASE_LETTERS``): a text that contains none of
    the tails in lower case has no match ("KHCN", "khcn", "KhCn" all contain "hcn" lower-cased).
    None when some abbreviation has another character (the scan is then always run).
    """
    ok = set(P.TWO_CASE_LETTERS) | set("0123456789&-,./")
    tails = tuple(a[1:].lower() for a in abbrs)
    return tails if all(c in ok for t in tails for c in t) else None


#: The role words ``P.ROLE_IN_LIST`` finds, as the data spells them.
_ROLE_WORDS = ("chủ trì", "phối hợp")


def _role_guard_holds(fragments: list[str], cs: list[str], ci: list[str], titles: list[str]) -> bool:
    """Return True if a role word of ``P.ROLE_IN_LIST`` outside asides proves a list is no agency list.

    It does when both words are fragments (``_base_name`` rejects a mention holding one), no
    office holder's title holds one (``_clean`` drops a title) and no abbreviation can overlap
    them: expanding an abbreviation is the one step of ``_clean`` that could rewrite their
    letters (the case-sensitive ones are matched as written, the others lower-cased).
    """
    if not all(w in fragments for w in _ROLE_WORDS) or any(w in t.lower() for t in titles for w in _ROLE_WORDS):
        return False
    return not any(_overlaps(a, w) for a in cs for w in _ROLE_WORDS) and \
        not any(_overlaps(a.lower(), w) for a in ci for w in _ROLE_WORDS)


def _overlaps(a: str, w: str) -> bool:
    """Return True if strings ``a`` and ``w`` agree wherever they overlap, in some shift of one against the other."""
    return any(all(a[i] == w[i + s] for i in range(len(a)) if 0 <= i + s < len(w))
               for s in range(1 - len(a), len(w)))


def _role_outside_asides(text: str) -> bool:
    """Return True if ``text`` holds a lower-case role word ("chủ trì", "phối hợp") outside parenthesised asides.

    Then some assignee of the list holds it and names no agency: ``_split`` cuts only at commas,
    semicolons and "và" (neither word holds one), each piece keeps its words through ``_clean``
    (which drops only the asides, computed as here on the single-spaced text, trimmed ends, a
    request prefix, a title and abbreviations; ``_role_guard_holds``) and ``_base_name`` rejects
    a fragment verb. "Phòng Nội vụ chủ trì, phối hợp với Phòng Y tế" -> True; "Sở Y tế (chủ
    trì)" -> False.
    """
    if not knowledge().role_guard or P.ROLE_IN_LIST.search(text) is None:
        return False
    if "(" not in text or ")" not in text:
        # no aside to drop (``P.PAREN_ASIDE`` needs both parentheses), and single-spacing never
        # changes whether the pattern is found: its ``\s+`` and the word boundaries around it
        # (``\w`` or not) see a run of spaces, one space or the trimmed end alike (``str.split``
        # and ``\s`` share Python's one definition of whitespace). Most subjects with a role word
        # have no parenthesis: this skips the copy, the substitution and the second search
        return True
    return P.ROLE_IN_LIST.search(P.PAREN_ASIDE.sub("", " ".join(text.split()))) is not None


@lru_cache(maxsize=32768)
def _decap(text: str) -> str:
    """Return an all-capitals mention in sentence case ("SỞ NỘI VỤ" -> "Sở nội vụ"), else ``text``.

    Headings are sometimes typed in capitals; the official spelling is restored afterwards
    from the known names. Abbreviations of three letters or more stay ("UBND TỈNH" -> "UBND
    tỉnh"); shorter ones are ordinary words in capitals ("ĐẦU TƯ" is not "TƯ", Trung ương).
    """
    # ``str.isupper`` first (one C pass): when it is False the text has a lower- or title-case
    # letter, or no cased letter at all, and the per-letter test below is False or counts fewer
    # than 4 letters (an uncased letter is never upper): either way the text is returned as is
    if not text.isupper():
        return text
    if not all(c.isupper() for c in text if c.isalpha()) or sum(1 for c in text if c.isalpha()) < 4:
        return text
    amap = knowledge().abbr_map
    words = [w if len(w) >= 3 and w.lower() in amap else w.lower() for w in text.split(" ")]
    low = " ".join(words)
    return low[0].upper() + low[1:]


def _clean(mention: str) -> str:
    """Return the mention trimmed of bullets, punctuation, asides and a request verb, dashes unified, NFC tones."""
    t = " ".join(admin_units.norm_tones(mention).split())
    t = P.PAREN_ASIDE.sub("", t)  # "Sở Y tế (chủ trì)", "Sở Nội vụ (cơ quan thường trực)"
    t = P.MENTION_TRIM.sub("", t)
    t = P.REQUEST_PREFIX.sub("", t)
    t = expand_abbreviations(_decap(t))  # before the dashes are spaced: "PT-TH" is one abbreviation
    k = knowledge()
    m = k.title_rx.match(t)
    if m and len(t) > m.end():
        t = t[m.end():].lstrip()  # "Chủ tịch UBND tỉnh" -> the UBND; "Thủ trưởng các sở" -> the sở
    t = k.heads_alone.get(t, t)  # "Các Bộ trưởng" -> "các bộ": the title alone names the bodies its holders head
    t = P.NAME_DASH.sub(" - ", t)
    return P.MENTION_TRIM.sub("", t)


def _head(text: str) -> tuple[str, str] | None:
    """Return (head, level hint) when ``text`` starts with a known agency head, else None.

    Words that merely start like a head are not ("Báo cáo", "Hội nghị", "Ban hành", "Bộ máy").
    """
    k = knowledge()
    m = k.head_rx.match(text)
    if not m or k.false_head_rx.match(text):
        return None
    head = m.group(0)
    if head in k.capital_only and not text[len(head) + 1:len(head) + 2].isupper():
        return None  # "Tổ chức", "Tổ dân phố": not the unit "Tổ Công nghệ thông tin"
    return head, k.heads[head]


def head_in_capitals(line: str) -> tuple[str, str] | None:
    """Return (the head in its official spelling, the rest of the line) when a header line in any
    case starts with an agency head ("BỆNH VIỆN ĐA KHOA TỈNH" -> ("Bệnh viện", " ĐA KHOA TỈNH")), else None.

    Header blocks write the issuing body in capitals (Nghị định 30/2020/NĐ-CP, Phụ lục I), where
    the case-sensitive head pattern of the body text finds nothing; the longest head wins
    ("Bộ Chỉ huy Quân sự" before "Bộ").
    """
    up = line.upper()
    for head in _heads_longest_first():
        if up.startswith(head.upper()) and (len(line) == len(head) or not line[len(head)].isalnum()):
            return head, line[len(head):]
    return None


@lru_cache(maxsize=1)
def _heads_longest_first() -> tuple[str, ...]:
    """Return the agency heads of ``agency_kinds.json``, longest first."""
    return tuple(sorted(knowledge().heads, key=len, reverse=True))


def _opener(text: str) -> str | None:
    """Return the collective opener ``text`` starts with ("các", "Ủy ban nhân dân các", ...), else None."""
    m = knowledge().opener_rx.match(text)
    return m.group(0) if m else None


def _is_group_start(text: str) -> bool:
    """Return True if ``text`` starts a collective assignee ("các xã, thị trấn", "Ủy ban nhân dân các huyện")."""
    return _opener(text) is not None and (_head(text) is None or text.startswith("Ủy ban nhân dân các"))


def _names_bodies(group: str) -> bool:
    """Return False when a group opened by a bare plural ("các", "những") counts things, not bodies.

    "các sở, ban, ngành", "những đơn vị" name bodies; "các đề án, dự án" does not. Other openers
    ("cơ quan", "cấp ủy", "Ủy ban nhân dân các") are bodies themselves.
    """
    opener = _opener(group)
    if opener is None or opener.lower() not in ("các", "những"):
        return True
    return knowledge().collective_rx.match(group, len(opener) + 1) is not None


def split_mentions(text: str) -> list[str]:
    """Return the assignees of a list, in order (a fresh list; see ``_split``)."""
    return list(_split(text))


@lru_cache(maxsize=8192)
def _split(text: str) -> tuple[str, ...]:
    """Return the assignees of a list, in order, as a cached tuple.

    "Sở Tài chính và các sở, ngành, đơn vị liên quan" -> ["Sở Tài chính", "các sở, ngành, đơn vị liên quan"];
    "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố" -> two groups (a province's departments
    and its district UBNDs are different bodies, so the list is split at "UBND"/"Ủy ban nhân dân");
    commas and "và" inside one name ("Sở Văn hóa, Thể thao và Du lịch") do not split, because the
    next word is no agency head. A lower-case collective noun after a comma continues a group
    ("Các sở, ngành, đơn vị liên quan" is one group); after "và" it starts a new one.
    """
    text = " ".join(text.split())
    k = knowledge()
    pieces: list[tuple[str, str]] = []  # (separator before, piece) of the text as written
    joiner, pos = "", 0
    for sep in P.LIST_SEPARATOR.finditer(text):
        pieces.append((joiner, text[pos:sep.start()]))
        joiner, pos = sep.group(0), sep.end()
    pieces.append((joiner, text[pos:]))
    items: list[str] = []
    current, current_group = "", False
    for n, (joiner, piece) in enumerate(pieces):
        if not piece:
            continue
        ex = expand_abbreviations(_decap(piece))  # classify on the expanded words, keep the spelling as written
        if not current:
            current, current_group = piece, _is_group_start(ex)
            continue
        new = False
        tm = k.title_rx.match(ex) if ex[0].isupper() else None
        if ex.startswith(("Ủy ban nhân dân", "Hội đồng nhân dân")) or (ex[0].isupper() and _head(ex)):
            new = True
        elif tm is not None and len(ex) > tm.end():
            new = True  # "Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các huyện": each title heads one
        elif _opener(ex) is not None:
            new = (not current_group) or joiner.strip() == "và" or ex.startswith(("các ", "Các ", "những "))
            if new and not current_group and joiner.strip() == "," and n == len(pieces) - 1 and ex == _opener(ex) \
                    and ex[0].islower():
                # a bare lower-case collective noun closing the list after a comma is the end of the
                # body's own name, a pair of its fields ("Phòng Dân vận chính quyền và Mặt trận, đoàn
                # thể"); a group of its own says which ("các đoàn thể", "đoàn thể chính trị - xã hội tỉnh")
                new = False
        if new and current_group and P.SUBORDINATE_MEMBERS.match(ex):
            new = False  # "Các huyện, thành Đoàn và Đoàn trực thuộc": the subordinate units are members too
        if new and k.unsplittable_rx is not None:
            before = expand_abbreviations(current)
            m = k.unsplittable_rx.search(expand_abbreviations(current + joiner + piece))
            if m and m.start() < len(before) < m.end():
                new = False  # "Văn phòng HĐND và UBND huyện" is one body
        if new:
            items.append(current)
            current, current_group = piece, _is_group_start(ex)
        else:
            current += joiner + piece
    if current:
        items.append(current)
    return tuple(i.strip() for i in items if i.strip())


def purpose_name_end(text: str) -> int:
    """Return where the name of a body named for its purpose that starts ``text`` ends, else 0.

    "Ban Chỉ đạo triển khai bệnh án điện tử của Bệnh viện" -> the end of "... bệnh án điện tử":
    its verb ("triển khai") is a word of the name, not the duty's (``P.PURPOSE_BODY``).
    """
    if not text.startswith(("Ban", "Tổ", "Hội")):
        return 0
    m = P.PURPOSE_BODY.match(text)
    return m.end() if m is not None else 0


def known_name_at(text: str) -> str | None:
    """Return the official name of a common body that ``text`` starts with, as written there, else None.

    "Sở Nông nghiệp và Phát triển nông thôn định kỳ hằng tuần" -> "Sở Nông nghiệp và Phát triển
    nông thôn": the known names (``agency_kinds.json``, "canonical_names") say where a name with
    lower-case words ends, which reading word by word cannot.
    """
    k = knowledge()
    if k.canon_rx is None or not text.startswith(k.canon_firsts):
        # every alternative of ``canon_rx`` starts with its name's first word, case and all
        # ("Sở", "Ủy", "Ban"): a text starting otherwise has no match (one C-level prefix test
        # instead of the ~70-branch regex, on every paragraph the task finder reads)
        return None
    m = k.canon_rx.match(text)
    return m.group(0) if m is not None else None


def official_name(text: str) -> str | None:
    """Return the official spelling of ``text`` when the whole of it is a known name, else None.

    "Ủy ban kiểm tra" -> "Ủy ban Kiểm tra", "Ban tuyên giáo" -> "Ban Tuyên giáo" (``agency_kinds.json``,
    "canonical_names"); "Ban Quản lý dự án" (unknown) -> None.
    """
    known = known_name_at(text)
    if known is None or len(known) != len(text):
        return None
    return knowledge().canon_map.get(name_key(known))


def _canonical_spelling(text: str) -> str:
    """Return ``text`` with every known official name in its official spelling."""
    k = knowledge()
    if k.canon_rx is None:
        return text
    return k.canon_rx.sub(lambda m: k.canon_map.get(name_key(m.group(0)), m.group(0)), text)


@lru_cache(maxsize=8192)
def place_name_ends(text: str) -> tuple[int, ...]:
    """Return where a sentence goes on after a province's name in ``text``: the offsets of the lower-case words that follow one.

    A province's name ends the name of the body it scopes, so a lower-case word after it (other
    than a link such as "và", ``P.AFTER_PLACE_NAME``) starts the duty: "Báo và Phát thanh,
    Truyền hình Đà Nẵng mở chuyên trang, chuyên mục ..." -> (the offset of "mở",). Like the
    unit words ("tỉnh", ``P.AFTER_UNIT_WORD``), for names that end in the place itself. Only a
    name written with its capital counts ("hòa bình" is peace, "Hòa Bình" a province). Empty
    when nothing follows a province's name, or no upper-case word could start one.
    """
    if not any(ch.isupper() for ch in text[1:]):
        return ()  # a province's name is capitalised: no capital after the first letter, no name
    out = []
    for _, start, end in admin_units.find_provinces(text, require_prefix=False):
        if not text[start:start + 1].isupper():
            continue
        m = P.AFTER_PLACE_NAME.match(text, end)
        if m is not None and m["word"].islower():
            out.append(m.start("word"))
    return tuple(out)


@lru_cache(maxsize=8192)
def _base_name(mention: str) -> tuple[str, bool, str] | None:
    """Return (official unscoped spelling, is a group, level hint) of a mention, or None if it names no agency.

    The part of the analysis that does not depend on the issuer, so it is cached across documents.
    """
    t = _clean(mention)
    if not t or P.NOT_IN_NAME.search(t):
        return None
    t = expand_abbreviations(t)
    n_words = sum(1 for w in t.split() if any(c.isalnum() for c in w))  # words, not dashes
    if n_words > _MAX_HEADED_WORDS or knowledge().fragment_rx.search(t, purpose_name_end(t)) \
            or P.AFTER_UNIT_WORD.search(t) \
            or place_name_ends(t):
        return None
    head = _head(t)
    group = _is_group_start(t)
    if head is None and not group:
        return None
    if n_words > _MAX_WORDS and group:
        return None
    if not group and len(t) == len(head[0]) and head[0] in knowledge().alone_nouns:
        return None  # a head alone is a noun, not a body ("Sở", "Công ty")
    if group and len(t.split()) < 2:
        return None  # "các" alone
    if group and head is None and not _names_bodies(t):
        return None  # "các đề án, dự án nhằm ...": a plural of things, not of bodies
    group = group or bool(P.PLURAL_UNITS.search(t))
    t = _canonical_spelling(t)
    if "Mặt trận" in t:
        t = P.FRONT_COMMITTEE.sub("Ủy ban Mặt trận Tổ quốc Việt Nam", t)  # one name for the Front's committee
    t = t[0].upper() + t[1:]
    if group:
        t = P.GROUP_FIRST_HEAD.sub(lambda m: m.group(0).lower(), t)
    return t, group, (head[1] if head and not group else "local")


def _unit_before(text: str, district: str, unit_rx: re.Pattern) -> str | None:
    """Return the unit word written right before ``district`` in ``text`` ("huyện" in "UBND huyện Châu Thành"), else None.

    The first "<unit> <district>" of the text, like a search for the unit pattern followed by
    the escaped name, without compiling one regex per district (a few hundred names, ~1 ms
    each). The name is compared as the unit pattern would: exactly, or case-folded when the
    pattern ignores case.
    """
    ci = bool(unit_rx.flags & re.IGNORECASE)
    want = district.lower() if ci else district
    for m in unit_rx.finditer(text):
        got = text[m.end(): m.end() + len(district)]
        if (got.lower() if ci else got) == want:
            return m.group("unit")
    return None


@lru_cache(maxsize=8192)
def _explicit_scope(text: str, province: str | None) -> tuple[str | None, str | None, str] | None:
    """Return (province, district, level) when ``text`` names a jurisdiction itself, else None.

    "Sở Nội vụ tỉnh Lào Cai" -> ("Lào Cai", None, "province"); a district is taken only after
    its unit word ("huyện Châu Thành"), in the named province or else the issuer's.
    """
    if not any(u in text for u in ("tỉnh ", "thành phố ", "huyện ", "quận ", "thị xã ", "TP")):
        return None
    found = admin_units.find_provinces(text)
    dist = admin_units.find_district(text, found[-1][0] if found else province)
    if dist is not None and _unit_before(text, dist[0], P.DISTRICT_UNIT_BEFORE) is not None:
        return (dist[1] or (found[-1][0] if found else province)), dist[0], "district"
    if found:
        return found[-1][0], None, "province"
    return None


def may_start_agency_list(text: str) -> bool:
    """Return False when ``text`` cannot start an agency list: it opens with no agency head or
    collective (after bullets, a request verb such as "Đề nghị" and an office holder's title);
    True when it may (the cheap first test of ``is_agency_list``)."""
    start = expand_abbreviations(_decap(text.lstrip(" -–+•:;,.(\"“")))
    if P.REQUEST_PREFIX.match(start):
        start = P.REQUEST_PREFIX.sub("", start)
    m = knowledge().title_rx.match(start)
    if m:
        start = start[m.end():]
    return _head(start) is not None or _opener(start) is not None


@lru_cache(maxsize=16384)
def is_agency_list(text: str) -> bool:
    """Return True if every assignee of the list ``text`` names an agency or group.

    Whether a mention names a body does not depend on the issuer (only its scope does), so
    this is cached across documents.
    """
    if _role_outside_asides(text):
        # the piece holding the role word is no base name (``_base_name``'s fragment test): the
        # task finder asks about "X chủ trì, phối hợp với Y" at each verb; first, it is cheaper
        return False
    if not may_start_agency_list(text):
        return False  # cheap reject: a list starts with an agency head or a collective
    parts = _split(text)
    return bool(parts) and all(_base_name(p) is not None for p in parts)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the scoping of a base name needs to know about it that no issuer changes (cached per name)."""

    key: str  # name_key of the name
    central: bool  # a central organ's name ("... Trung ương", "... Việt Nam" unless a local one)
    ministry_tail: bool  # ends with a bare "Bộ" ("Văn phòng Bộ")
    bare_unit: str | None  # the bare unit word that ends it ("Công an huyện" -> "huyện"), else None
    bare_at: int  # where that unit word starts
    bare_tail: str  # what follows the unit word (" liên quan"), else ""
    commune_at: int | None  # where a bare commune unit that ends it starts ("Công an xã"), else None
    plural: bool  # names one body per unit ("... các xã, thị trấn")


@lru_cache(maxsize=16384)
def _facts(name: str) -> _Facts:
    """Return the issuer-independent facts of an official base name (see ``_Facts``).

    Documents of different jurisdictions name the same bodies: only the scope added to the name
    differs, so what the name itself says is read once per name, not once per document.
    """
    k = knowledge()
    key = name_key(name)
    central = any(key.endswith(name_key(s)) for s in k.central_suffixes) and not any(
        key.startswith(lv) for lv in k.local_vn)
    bare = P.BARE_UNIT_TAIL.search(name)
    commune = P.BARE_COMMUNE_TAIL.search(name)
    unit_group = ("whole" if bare["whole"] else "unit") if bare else None
    return _Facts(key=key, central=central, ministry_tail=P.BARE_MINISTRY_TAIL.search(name) is not None,
                  bare_unit=bare.group(unit_group) if bare else None, bare_at=bare.start(unit_group) if bare else 0,
                  bare_tail=(bare.group("tail") or "") if bare else "",
                  commune_at=commune.start("unit") if commune else None,
                  plural=P.PLURAL_UNITS.search(name) is not None)


def _joined_key(a: str, b: str) -> str:
    """Return ``name_key(a + " " + b)`` from the (cached) keys of the two halves.

    ``name_key`` works character by character (tone placement, accent folding, punctuation to
    spaces; the space between the halves separates words either way), so the key of the whole
    is the two keys joined, except where its one replacement (" co lien quan" -> " lien quan")
    could span the halves: when ``b``'s key has the word "lien", or ``a``'s key ends with "lien"
    and ``b``'s starts with "quan". Then the whole is keyed afresh. A scoped name ("Phòng Y tế"
    + "huyện Vị Xuyên") is new in every document; its halves are not.
    """
    ka, kb = name_key(a), name_key(b)
    if " lien " in f" {kb} " or (ka.endswith("lien") and kb.startswith("quan")):
        return name_key(f"{a} {b}")
    return f"{ka} {kb}" if ka and kb else ka or kb


def _joined_id(a: str, b: str) -> str:
    """Return ``agency_id(a + " " + b)`` from the (cached) ids of the two halves.

    An id is a slug: the accent-folded name's runs of letters and digits joined by "-"; the
    space between the halves is such a separator, so the whole's id is the halves' ids joined
    by "-" (either may be empty). Exact for any halves, no exception.
    """
    ia, ib = _agency_id(a), _agency_id(b)
    return f"{ia}-{ib}" if ia and ib else ia or ib


#: Analyses shared by every registry with the same scope: (scope, mention) -> candidate.
_SHARED: dict[tuple, "_Candidate | None"] = {}
_SHARED_MAX = 50000

_agency_id = lru_cache(maxsize=16384)(agency_id)


def is_slip(a: str, b: str) -> bool:
    """Return True if name keys ``a`` and ``b`` differ by one slip: a word left out or added, or one
    letter of a word of four letters or more ("cac so ban nganh" / "cac so nganh", "cong nghe" / "cong nge").

    Near-identical names of two bodies differ otherwise: "so noi vu" / "so ngoai vu" (Nội vụ and
    Ngoại vụ are two departments: Nghị định 24/2014/NĐ-CP, Điều 8) differ by two letters of a
    three-letter word, which a whole-name similarity of 96% does not tell from a typo.
    """
    wa, wb = a.split(), b.split()
    ops = [op for op in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1:
        return not ops  # the same words: the same name
    tag, i1, i2, j1, j2 = ops[0]
    if tag in ("insert", "delete"):
        return (i2 - i1) + (j2 - j1) == 1
    if tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
        x, y = wa[i1], wb[j1]
        return max(len(x), len(y)) >= 4 and Levenshtein.distance(x, y) <= 1
    return False


def _numbers(key: str) -> list[str]:
    """Return the runs of digits in a name key, in order ("phong nghiep vu 2" -> ["2"])."""
    return P.DIGIT_RUN.findall(key)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """What a mention would resolve to, before it is registered."""

    name: str
    key: str
    kind: str
    level: str
    province: str | None
    district: str | None
    parent: str | None
    id: str  # agency_id(name)


class AgencyRegistry:
    """Canonicalises agency mentions for one document and remembers what it saw."""

    def __init__(self, issuer: Issuer | None) -> None:
        """Set up an empty registry scoped by ``issuer`` (its province, district and level)."""
        self.issuer = issuer
        self._seen: dict[str, Agency] = {}
        self._alias_of: dict[str, str] = {}  # mention -> key of the agency it was merged into
        # resolving is idempotent once a mention was seen (same Agency, alias already kept), and a
        # plan names the same assignees over and over: remember each mention's and list's answer
        self._resolved: dict[str, Agency | None] = {}
        self._lists: dict[str, tuple[Agency, ...]] = {}
        self._by_first: dict[str, list[str]] = {}  # first word of a seen key -> seen keys (spelling merges)
        self.province = admin_units.canonical_province(issuer.province) if issuer and issuer.province else None
        self.district = issuer.district if issuer and issuer.district else None
        self.level = issuer.level if issuer else "unknown"
        self._province_full = admin_units.province_full_name(self.province) if self.province else None
        unit = _unit_before(issuer.name or "", self.district, P.DISTRICT_UNIT_BEFORE_CI) if self.district else None
        self._district_full = admin_units.district_full_name(self.district, self.province, unit)
        cm = P.COMMUNE_OF_ISSUER.search(issuer.name or "") if issuer and self.level == "commune" else None
        self._commune_full = " ".join(cm["full"].split()) if cm else None  # "xã Tân Phú"
        self._scope_key = (self.province, self.district, self._district_full, self.level,
                           issuer.name if issuer else None)

    # ------------------------------------------------------------------ scoping

    def _scope_for(self, level_hint: str) -> tuple[str | None, str, str | None, str | None]:
        """Return (suffix, level, province, district) an unscoped name takes from the issuer."""
        if level_hint in ("central", "ministry"):
            return None, level_hint, None, None
        if self.level in ("central", "ministry") and not self.province:
            # a ministry's own units ("Vụ Pháp chế" in a plan of Bộ Khoa học và Công nghệ) are scoped
            # by the ministry; what a central organ names without scope is central
            if self.level == "ministry" and self.issuer and self.issuer.name:
                return self.issuer.name, "ministry", None, None
            return None, "central", None, None
        if level_hint == "local" and self._commune_full:
            # a commune's plan: "Hội Nông dân" is the commune's own ("Hội Nông dân xã Tân Phú")
            return self._commune_full, "commune", self.province, self.district
        if level_hint == "district" and self._commune_full and not self._district_full:
            # a commune with no district above it (the two-level local government from 1 July 2025,
            # Luật Tổ chức chính quyền địa phương 2025) has rooms of its own (Nghị định 150/2025/NĐ-CP):
            # "Phòng Kinh tế" in a plan of UBND xã Phú Riềng is "Phòng Kinh tế xã Phú Riềng"
            return self._commune_full, "commune", self.province, None
        if level_hint == "province" or (level_hint == "local" and not self._district_full):
            if self._province_full:
                return self._province_full, "province", self.province, None
            return None, "unknown", None, None
        if level_hint in ("local", "district") and self._district_full:
            return self._district_full, "district", self.province, self.district
        if level_hint == "district" and self.level == "province" and self.issuer is not None \
                and self.issuer.kind == "agency" and self.issuer.name:
            # "Phòng Nghiệp vụ Y" in a plan of Sở Y tế tỉnh Nghệ An is a room of that department
            # (Nghị định 24/2014/NĐ-CP, Điều 5), never a "Phòng ... tỉnh Nghệ An"
            return self.issuer.name, "province", self.province, None
        # a district body named in a provincial plan without its district: its district is unknown
        return None, "unknown", self.province, None

    def _bare_unit(self, unit: str, whole: bool = False) -> tuple[str | None, str, str | None, str | None]:
        """Return (completed unit, level, province, district) for a bare unit word ("tỉnh", "Huyện ủy").

        ``whole``: the unit word is the whole name ("Tỉnh đoàn" alone): a Youth Union committee
        then takes the name the issuer resolver gives it ("Ban Chấp hành Đoàn tỉnh Bắc Ninh",
        ``resolve._LOCAL_NAMES``), so an assignee and the committee's own plans are one node.
        """
        u = " ".join(unit.split())
        low = u.lower()
        if whole and low.endswith("đoàn"):
            done, level, province, district = self._bare_unit(unit)
            if done is None:
                return done, level, province, district
            place = self._province_full if level == "province" else self._district_full
            return f"Ban Chấp hành Đoàn {place}", level, province, district
        if low in ("tỉnh", "thành phố") and self._province_full:
            if low == "thành phố" and self._district_full and self._district_full.startswith("thành phố"):
                return self._district_full, "district", self.province, self.district
            return self._province_full, "province", self.province, None
        if low in ("huyện", "quận", "thị xã") and self._district_full:
            return self._district_full, "district", self.province, self.district
        city = bool(self._district_full and self._district_full.startswith("thành phố"))
        city_province = bool(self._province_full and self._province_full.startswith("thành phố"))
        if low in ("tỉnh ủy", "tỉnh đoàn") or (low in ("thành ủy", "thành đoàn") and city_province and not city):
            # the province's Party committee ("Tỉnh ủy Quảng Nam", Điều lệ Đảng) or Youth Union
            # committee ("Tỉnh đoàn Quảng Nam", Điều lệ Đoàn), named as the issuer resolver names them
            return (f"{u} {self.province}", "province", self.province, None) if self.province \
                else (None, "unknown", None, None)
        if low in ("huyện ủy", "thị ủy", "quận ủy", "huyện đoàn", "thị đoàn", "quận đoàn", "thành ủy", "thành đoàn") \
                and self.district:
            return f"{u} {self.district}", "district", self.province, self.district
        return None, "unknown", None, None

    def _own_unit(self, name: str) -> str | None:
        """Return the full name of a unit of the issuing agency named by the issuer's bare head, else None.

        An agency's own plan calls itself by its head alone: "Văn phòng Sở", "Thanh tra Sở" in a
        plan of Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk -> "Văn phòng Sở Nông nghiệp và Môi
        trường tỉnh Đắk Lắk"; "Văn phòng Ban" in a plan of Ban Dân vận Tỉnh ủy Quảng Nam -> "Văn
        phòng Ban Dân vận Tỉnh ủy Quảng Nam" (as "Văn phòng Bộ" in a ministry's plan); a head of
        two words too: "Văn phòng Chi cục" in a plan of Chi cục Kiểm lâm tỉnh Điện Biên.
        """
        if self.issuer is None or self.issuer.kind != "agency" or not self.issuer.name:
            return None
        hit = _head(self.issuer.name)
        head = hit[0] if hit is not None else self.issuer.name.split()[0]
        if not head[:1].isupper() or not name.endswith(" " + head):
            return None
        return name[: len(name) - len(head)] + self.issuer.name

    def _explicit_scope(self, text: str) -> tuple[str | None, str | None, str] | None:
        """Return (province, district, level) when the mention names a jurisdiction itself, else None."""
        return _explicit_scope(text, self.province)

    # ------------------------------------------------------------------ analysis

    def _analyse(self, mention: str) -> _Candidate | None:
        """Return the canonical candidate for ``mention`` (not registered), or None if it names no agency.

        Cached per scope across registries: documents of one jurisdiction name the same bodies.
        """
        key = (self._scope_key, mention)
        try:
            return _SHARED[key]
        except KeyError:
            pass
        cand = self._analyse_uncached(mention)
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.clear()
        _SHARED[key] = cand
        return cand

    def _analyse_uncached(self, mention: str) -> _Candidate | None:
        """Return the candidate for ``mention``: its official base name scoped by this registry's issuer."""
        base = _base_name(mention)
        if base is None:
            return None
        t, group, level_hint = base
        f = _facts(t)
        key_t = f.key
        province = district = None
        parent = None
        joined: tuple[str, str] | None = None  # name = "<a> <b>", keyed from its halves' keys
        if f.central or level_hint in ("central", "ministry"):
            name, level = t, ("ministry" if level_hint == "ministry" else "central")
        elif self.level == "ministry" and f.ministry_tail and self.issuer and self.issuer.name:
            name, level = t[:-2] + self.issuer.name, "ministry"  # "Văn phòng Bộ" in the ministry's plan
        elif group and self.level in ("central", "ministry") and not self.province:
            name, level = t, self.level  # "Các bộ, cơ quan ngang bộ": already says where
        else:
            explicit = self._explicit_scope(t)
            own = self._own_unit(t) if explicit is None else None
            if own is not None:
                # "Văn phòng Ban" in a plan of Ban Dân vận Tỉnh ủy Quảng Nam, "Thanh tra Sở" in a plan of
                # a Sở: the bare head is the issuer itself, like "Văn phòng Bộ" in a ministry's plan
                name, level, province, district = own, self.level, self.province, self.district
            elif explicit is not None:
                province, district, level = explicit
                name = t
            elif f.commune_at is not None and self._commune_full:
                # "Đoàn Thanh niên xã" in a plan of UBND xã Tân Phú -> "Đoàn Thanh niên xã Tân Phú"
                name = t[: f.commune_at] + self._commune_full
                level, province, district = "commune", self.province, self.district
            elif f.bare_unit is not None:
                unit, level, province, district = self._bare_unit(f.bare_unit, whole=f.bare_at == 0)
                name = t[: f.bare_at] + unit + f.bare_tail if unit else t
                if unit:
                    joined = (t[: f.bare_at], unit + f.bare_tail)
            else:
                suffix, level, province, district = self._scope_for(level_hint)
                if level == "commune" and group and f.plural and self._district_full:
                    # "UBND các xã, thị trấn" named in a commune's plan: the district's communes
                    suffix, level = self._district_full, "district"
                if self.province and name_key(self.province) in key_t:
                    # "Báo Bắc Ninh": the name already says where (the province: no district, even in a district plan)
                    suffix, level, district = None, "province", None
                elif suffix and level == "district" and self.district \
                        and f" {name_key(self.district)} " in f" {key_t} ":
                    # "Công ty Cổ phần Môi trường đô thị Hoài Đức" in a plan of huyện Hoài Đức
                    suffix = None
                name = f"{t} {suffix}" if suffix else t
                if suffix:
                    joined = (t, suffix)
            m = P.PARTY_COMMITTEE_TAIL.search(name)
            if m and m.start() > 0 and not group:
                parent = name[m.start():]
        name = " ".join(name.split())
        if name == t:
            key, aid = key_t, _agency_id(t)
        elif joined is not None:
            key, aid = _joined_key(*joined), _joined_id(*joined)
        else:
            key, aid = name_key(name), _agency_id(name)
        return _Candidate(name=name, key=key, kind="group" if group else "agency",
                          level=level, province=province, district=district, parent=parent, id=aid)

    # ------------------------------------------------------------------ public API

    def is_agency(self, mention: str) -> bool:
        """Return True if ``mention`` names an agency or group (nothing is registered)."""
        return self._analyse(mention) is not None

    def is_agency_list(self, text: str) -> bool:
        """Return True if every assignee of the list ``text`` names an agency or group (nothing is registered)."""
        return is_agency_list(text)

    def resolve(self, mention: str) -> Agency | None:
        """Return the canonical Agency (or group) for ``mention``, or None if it names no agency."""
        try:
            return self._resolved[mention]
        except KeyError:
            pass
        ag = self._resolve_new(mention)
        self._resolved[mention] = ag
        return ag

    def _resolve_new(self, mention: str) -> Agency | None:
        """Return the Agency for a mention not resolved before, registering it (or its alias)."""
        cand = self._analyse(mention)
        if cand is None:
            return None
        alias = " ".join(mention.split()).strip(" -:;,.")
        key = self._alias_of.get(cand.key) or self._merge_key(cand)
        self._alias_of[cand.key] = key
        ag = self._seen.get(key)
        if ag is None:
            ag = Agency(name=cand.name, kind=cand.kind, level=cand.level, province=cand.province,
                        district=cand.district, aliases=[], parent=cand.parent,
                        id=scoped_agency_id(cand.id, cand.level, cand.province, cand.district))
            self._seen[key] = ag
            self._by_first.setdefault(key.split(" ", 1)[0], []).append(key)
        if alias and alias not in ag.aliases:
            ag.aliases.append(alias)
        return ag

    def resolve_list(self, text: str) -> list[Agency]:
        """Return the agencies of an assignee list, skipping the pieces that name none (a fresh list)."""
        hit = self._lists.get(text)
        if hit is not None:
            return list(hit)
        out: list[Agency] = []
        for part in _split(text):
            ag = self.resolve(part)
            if ag is not None and all(ag is not o for o in out):
                out.append(ag)
        self._lists[text] = tuple(out)
        return out

    def _merge_key(self, cand: _Candidate) -> str:
        """Return the key of an already-seen agency that ``cand`` is a spelling variant of, else its own key."""
        if cand.key in self._seen:
            return cand.key
        first = cand.key.split(" ", 1)[0]
        n = len(cand.key)
        for key in self._by_first.get(first, ()):  # the seen keys with this first word, in order
            ag = self._seen[key]
            # fuzz.ratio is 100 * (1 - indel distance / total length) and the distance is at least
            # the length difference: keys whose lengths differ by more than 5% of the total can
            # never reach 95, so the ratio is not computed for them
            if (ag.kind == cand.kind and ag.province == cand.province and ag.district == cand.district
                    and 20 * abs(len(key) - n) <= len(key) + n and fuzz.ratio(key, cand.key) >= 95
                    and _numbers(key) == _numbers(cand.key) and is_slip(key, cand.key)):
                # a different number is a different body, not a slip: "Phòng Nghiệp vụ 1" and
                # "Phòng Nghiệp vụ 2" of one Ủy ban Kiểm tra, "Trường THCS số 1" and "số 2"
                return key
        return cand.key

    def agencies(self) -> list[Agency]:
        """Return every agency resolved so far, with the spellings seen as aliases."""
        return list(self._seen.values())
