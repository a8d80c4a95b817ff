"""Synthetic national cascade: document FILES in the styles of the real plans, plus ground truth.

``python -m bench.generate --size S --out bench/corpus/S --seed 1`` writes

* ``docs/<chain>/<file>.txt``: plans as text files, in four layouts seen in
  real documents (issue #6): a provincial UBND plan with numbered agency
  headings and bullets (like 124/KH-UBND Lào Cai), a provincial UBND plan with
  "a) Sở X: Chủ trì, phối hợp với ..." items and a flattened appendix table
  (like 371/KH-UBND Bắc Ninh), a district plan with markdown residue and
  "X chủ trì, phối hợp với Y" (like 85/KH-UBND Châu Thành), and a provincial
  Party plan with deadlines in parentheses (like 83-KH/TU Điện Biên);
* ``truth.jsonl``: one JSON object per document of the intended graph (the
  documents with their files and the central directives they only reference):
  symbol, type, title, issuer with level/province/district, date, signer,
  references with relation, stated edges, and tasks with lead/support/deadline;
* ``manifest.json``: size, seed, counts, bytes.

A *chain* is one central directive (a Party resolution, conclusion or
directive) with the State document implementing it (a Prime Minister's
decision or a Government resolution), implemented by every province (UBND
plan, and most Provincial Party committees) and every district of those
provinces. Each chain is generated from its own ``random.Random(seed, chain)``
and written to its own files, so the output is deterministic by seed, chains
can be generated in parallel processes, and nothing but one chain is ever held
in memory (L is ~150k documents).

Names of provinces and districts come from ``vietnamadminunits`` (legacy 63
provinces / 696 districts); bodies, abbreviations and spelling variants from
``bench/data/vocab.json`` (each list with its source).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.identity import document_id, slug
from ingest.patterns import DATASET_DISTRICT_TYPE

VOCAB_PATH = Path(__file__).with_name("data") / "vocab.json"
FIRST_YEAR = 2019
CHAINS_PER_YEAR = 50  # "~50 central directives a year" (issue #6)


# --------------------------------------------------------------------------- sizes


#: Bumped whenever the same seed writes other documents or truth, so a corpus on disk from an
#: older generator is regenerated (``bench.run.ensure_corpus``). 2: names of districts that hold
#: their unit word ("Quận 3") are no longer written "quận Quận 3". 3: "thị xã Long Mỹ", not the
#: dataset's "Long Mỹ (Thị xã)", one district of each such same-named pair.
GENERATOR_VERSION = 3


@dataclass(frozen=True)
class Size:
    """How much to generate: ``chains`` central directives over ``provinces`` x ``districts``."""

    chains: int
    provinces: int | None  # None = all 63
    districts: int | None  # per province; None = all


SIZES: dict[str, Size] = {
    "XS": Size(chains=2, provinces=5, districts=8),  # ~100 documents: CI smoke test
    "S": Size(chains=1, provinces=None, districts=None),  # ~820: one directive across the country
    "M": Size(chains=36, provinces=None, districts=None),  # ~30k
    "L": Size(chains=180, provinces=None, districts=None),  # ~150k documents, >= 1.5M tasks
}


# --------------------------------------------------------------------------- reference data


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    """Return the generator's vocabulary (``bench/data/vocab.json``)."""
    return json.loads(VOCAB_PATH.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Province:
    """A legacy (pre-2025) province: ``name`` "Sóc Trăng", ``kind`` "tỉnh" | "thành phố"."""

    name: str
    kind: str
    code: str
    districts: tuple[tuple[str, str], ...]  # (kind "huyện"/"quận"/"thị xã"/"thành phố", short name)

    @property
    def party(self) -> str:
        """Return the name of the provincial Party committee's word: "Tỉnh ủy" or "Thành ủy"."""
        return "Thành ủy" if self.kind == "thành phố" else "Tỉnh ủy"


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """Return the 63 legacy provinces with their districts, from ``vietnamadminunits`` data, by province code."""
    import vietnamadminunits

    path = Path(vietnamadminunits.__file__).parent / "data" / "parser_legacy.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for key, p in data["DICT_PROVINCE"].items():
        kind = "thành phố" if p["province"].startswith("Thành phố") else "tỉnh"
        dists: list[tuple[str, str]] = []
        for d in sorted(data["DICT_PROVINCE_DISTRICT"].get(key, {}).values(), key=lambda d: d["districtCode"]):
            # "Long Mỹ (Thị xã)": the dataset tells a huyện and the thị xã of the same name apart
            # with the type; plans write "thị xã Long Mỹ". One of each such pair is generated: two
            # issuers with one name would give two plans one id when their numbers meet
            # (ingest.identity scopes a district's documents by its name)
            m = DATASET_DISTRICT_TYPE.match(d["districtShort"])
            name = m["name"] if m else d["districtShort"]
            if all(name != n for _, n in dists):
                dists.append((d["districtType"].lower(), name))
        out.append(Province(p["provinceShort"], kind, p["provinceCode"], tuple(dists)))
    return tuple(sorted(out, key=lambda p: p.code))


# --------------------------------------------------------------------------- small text helpers


def vn_date(d: dt.date) -> str:
    """Return "ngày 08 tháng 4 năm 2020" style (day zero-padded, month not, as in the samples)."""
    return f"ngày {d.day:02d} tháng {d.month} năm {d.year}"


def short_date(d: dt.date, rng: random.Random) -> str:
    """Return "21/01/2020" or "15/5/2020" (both paddings occur in real citations)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if rng.random() < 0.5 else f"{d.day}/{d.month}/{d.year}"


def pick_weighted(rng: random.Random, items: list[dict], k: int) -> list[dict]:
    """Return ``k`` distinct items drawn with their ``weight`` (a few bodies get most duties, as in reality)."""
    pool = list(items)
    out = []
    for _ in range(min(k, len(pool))):
        total = sum(i.get("weight", 1) for i in pool)
        r = rng.uniform(0, total)
        acc = 0.0
        for idx, it in enumerate(pool):
            acc += it.get("weight", 1)
            if acc >= r:
                out.append(pool.pop(idx))
                break
    return out


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u"]

VERBS = [
    "Tham mưu {ubnd} ban hành",
    "Chủ động xây dựng và triển khai",
    "Tổ chức tuyên truyền, phổ biến",
    "Rà soát, đề xuất sửa đổi, bổ sung",
    "Hướng dẫn, kiểm tra, đôn đốc việc thực hiện",
    "Nghiên cứu, đề xuất",
    "Triển khai có hiệu quả",
    "Xây dựng kế hoạch thực hiện",
    "Bố trí kinh phí thực hiện",
    "Tổng hợp, đánh giá kết quả thực hiện",
    "Đẩy mạnh ứng dụng",
    "Tăng cường công tác quản lý nhà nước về",
]
OBJECTS = [
    "cơ chế, chính sách hỗ trợ",
    "chương trình đào tạo, bồi dưỡng nguồn nhân lực chất lượng cao",
    "hệ thống cơ sở dữ liệu chuyên ngành",
    "các mô hình điểm",
    "quy chế phối hợp giữa các cơ quan, đơn vị",
    "đề án phát triển",
    "các chỉ tiêu, nhiệm vụ trọng tâm",
    "công tác thông tin, tuyên truyền",
    "chính sách thu hút, trọng dụng nhân tài",
    "hạ tầng kỹ thuật và môi trường làm việc",
    "các hội thảo, diễn đàn, tọa đàm khoa học",
    "công tác kiểm tra, giám sát",
]
PURPOSES = [
    "bảo đảm thiết thực, hiệu quả",
    "phù hợp với điều kiện thực tế của địa phương",
    "nâng cao nhận thức của cán bộ, đảng viên và nhân dân",
    "tạo chuyển biến rõ nét trong tổ chức thực hiện",
    "đáp ứng yêu cầu phát triển kinh tế - xã hội",
    "gắn với việc đánh giá kết quả công tác hằng năm",
]
THEMES = [
    "Nâng cao hiệu quả sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền",
    "Đẩy mạnh công tác thông tin, tuyên truyền",
    "Hoàn thiện thể chế, cơ chế, chính sách",
    "Đổi mới công tác đào tạo, bồi dưỡng, sử dụng và đãi ngộ",
    "Tăng cường nguồn lực thực hiện",
    "Tăng cường hợp tác trong nước và quốc tế",
    "Tăng cường kiểm tra, giám sát, sơ kết, tổng kết",
]
PROSE = [
    "Quán triệt sâu sắc, thực hiện nghiêm túc các quan điểm, mục tiêu, nhiệm vụ và giải pháp đã đề ra",
    "Nâng cao nhận thức, trách nhiệm và thống nhất hành động của các cấp, các ngành",
    "Xác định rõ nhiệm vụ, trách nhiệm cụ thể của từng cơ quan, đơn vị và người đứng đầu",
    "Việc triển khai phải bảo đảm sự lãnh đạo của cấp ủy, sự quản lý thống nhất của chính quyền các cấp",
    "Các cấp, các ngành cụ thể hóa các nhiệm vụ, giải pháp vào chương trình, kế hoạch công tác hằng năm",
]


#: Duties stated without an assignee, as in the "NHIỆM VỤ, GIẢI PHÁP" / "NỘI DUNG" parts of 124/KH-UBND and
#: 83-KH/TU: issue #3 keeps each as a task with no lead ("not guesses").
THEME_DUTIES = [
    "Tiếp tục tuyên truyền, quán triệt, nâng cao nhận thức và tổ chức thực hiện nghiêm chỉnh, đồng bộ mục tiêu, nhiệm vụ, giải pháp",
    "Hoàn thiện thể chế, cơ chế, chính sách bảo đảm tổ chức thực hiện hiệu quả các nhiệm vụ",
    "Ưu tiên cân đối kinh phí đầu tư phát triển hạ tầng, môi trường làm việc và các điều kiện bảo đảm",
    "Kiện toàn tổ chức, đổi mới nội dung, phương thức hoạt động theo hướng tinh gọn, hiệu quả",
    "Rà soát, đánh giá kết quả thực hiện, kịp thời đề xuất điều chỉnh, bổ sung các giải pháp",
]


def theme_duty(rng: random.Random, topic: str) -> str:
    """Return one duty paragraph with no assignee (a task whose lead is empty in the ground truth)."""
    return f"{rng.choice(THEME_DUTIES)} {topic}."


def task_text(rng: random.Random, topic: str, ubnd: str) -> str:
    """Return one duty sentence: verb + object + topic + purpose, 1-2 clauses (no agency names in it)."""
    clauses = []
    for _ in range(rng.choice((1, 1, 2))):
        verb = rng.choice(VERBS).format(ubnd=ubnd)
        clauses.append(f"{verb[0].lower()}{verb[1:]} {rng.choice(OBJECTS)} {topic}, {rng.choice(PURPOSES)}")
    text = "; ".join(clauses)
    return text[0].upper() + text[1:]


def prose(rng: random.Random, topic: str, n: int) -> list[str]:
    """Return ``n`` paragraphs of objective/requirement prose (no assignee, no task)."""
    return [f"{rng.choice(PROSE)} {topic}." for _ in range(n)]


# --------------------------------------------------------------------------- deadlines
# Forms and their normalisation follow issue #3 ("Deadlines"): continuous,
# recurring with an ISO 8601 period, once with the end of the named period.


def _end_of_quarter(year: int, q: int) -> str:
    month = 3 * q
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return f"{year}-{month:02d}-{last:02d}"


def _end_of_month(year: int, m: int) -> str:
    last = (dt.date(year + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return f"{year}-{m:02d}-{last:02d}"


def deadline(rng: random.Random, year: int, *, table: bool, lead_in: bool = False) -> dict[str, Any]:
    """Return a deadline as written (``text``) with its normalised ``kind``/``due``/``period``.

    ``table`` gives the short cell forms of appendix tables ("Năm 2025",
    "Hằng năm"); otherwise the phrase forms of body text ("hoàn thành trong quý
    IV/2020", "định kỳ 06 tháng").
    """
    y = year + rng.choice((0, 0, 1, 1, 2))
    q = rng.randint(1, 4)
    m = rng.randint(1, 12)
    qr = ROMAN[q - 1]
    if lead_in:  # opening a sentence: "Trong quý II năm 2020, Phòng X phối hợp ..."
        choices = [
            (f"Trong quý {qr} năm {y}", "once", _end_of_quarter(y, q), None),
            (f"Trong năm {y}", "once", f"{y}-12-31", None),
            (f"Trong tháng {m}/{y}", "once", _end_of_month(y, m), None),
        ]
    elif table:
        choices = [
            ("Thường xuyên", "continuous", None, None),
            ("Hằng năm", "recurring", None, "P1Y"),
            ("Hàng năm", "recurring", None, "P1Y"),
            (f"Năm {y}", "once", f"{y}-12-31", None),
            (f"Quý {qr}/{y}", "once", _end_of_quarter(y, q), None),
            (f"Tháng {m}/{y}", "once", _end_of_month(y, m), None),
            ("Định kỳ 06 tháng", "recurring", None, "P6M"),
            ("Thực hiện theo lộ trình", "unspecified", None, None),
        ]
    else:
        choices = [
            ("thực hiện thường xuyên", "continuous", None, None),
            ("định kỳ hằng năm", "recurring", None, "P1Y"),
            (f"hoàn thành trong năm {y}", "once", f"{y}-12-31", None),
            (f"hoàn thành trong quý {qr}/{y}", "once", _end_of_quarter(y, q), None),
            (f"trong quý {qr} năm {y}", "once", _end_of_quarter(y, q), None),
            (f"hoàn thành xong trong tháng {m}/{y}", "once", _end_of_month(y, m), None),
            ("định kỳ 06 tháng", "recurring", None, "P6M"),
        ]
    text, kind, due, period = rng.choice(choices)
    return {"text": text, "kind": kind, "due": due, "period": period}


# --------------------------------------------------------------------------- documents in the chain


@dataclass
class Doc:
    """One document of the intended graph (a ground-truth record while it is being built)."""

    symbol: str
    doc_type: str
    issuer: dict[str, Any]  # name, level, province, district, kind
    issued_on: dt.date
    title: str = ""
    cite: str = ""  # how other documents cite it: "Quyết định số 142/QĐ-TTg ngày 21/01/2020 của Thủ tướng Chính phủ"
    file: str | None = None
    place: str | None = None
    signer: dict[str, Any] | None = None
    refs: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> reference
    stated: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    reporting: list[dict[str, Any]] = field(default_factory=list)
    style: str = "central"

    @property
    def id(self) -> str:
        """Return the graph id (issuer scope + symbol + year, ``ingest.identity.document_id``)."""
        return document_id(self.symbol, self.issued_on.year, self.issuer.get("province"), self.issuer.get("district"))

    def mention(self, other: Doc, relation: str) -> None:
        """Record that this document mentions ``other`` with ``relation``; the strongest relation wins."""
        strength = {"implements": 3, "based_on": 2, "cites": 1}
        old = self.refs.get(other.id)
        if old and strength[old["relation"]] >= strength[relation]:
            return
        self.refs[other.id] = {
            "id": other.id,
            "symbol": other.symbol,
            "doc_type": other.doc_type,
            "issuer": other.issuer["name"],
            "issued_on": other.issued_on.isoformat(),
            "relation": relation,
        }

    def state(self, child: Doc, parent: Doc, relation: str = "implements") -> None:
        """Record an edge between two other documents that this document's text states."""
        e = {"child": child.symbol, "child_id": child.id, "parent": parent.symbol, "parent_id": parent.id,
             "relation": relation}
        if e not in self.stated:
            self.stated.append(e)

    def to_truth(self) -> dict[str, Any]:
        """Return the ground-truth JSON record of this document."""
        return {
            "id": self.id,
            "file": self.file,
            "status": "ingested" if self.file else "referenced",
            "style": self.style,
            "symbol": self.symbol,
            "doc_type": self.doc_type,
            "title": self.title or None,
            "issuer": self.issuer,
            "place": self.place,
            "issued_on": self.issued_on.isoformat(),
            "year": self.issued_on.year,
            "signer": self.signer,
            "references": list(self.refs.values()),
            "stated_edges": self.stated,
            "tasks": self.tasks,
            "reporting": self.reporting,
        }


def person(rng: random.Random) -> str:
    """Return a plausible Vietnamese full name."""
    p = vocab()["people"]
    return f"{rng.choice(p['family'])} {rng.choice(p['middle'])} {rng.choice(p['given'])}"


def party_term(year: int) -> str:
    """Return the Party Central Committee's term (khóa) in force in ``year``."""
    return "XIII" if year >= 2021 else "XII" if year >= 2016 else "XI"


def clamp(d: dt.date, year: int) -> dt.date:
    """Return ``d`` but never later than 31 December of ``year`` (a chain stays in one year: numbering is per year)."""
    return min(d, dt.date(year, 12, 28))


def background_docs(seed: int) -> list[Doc]:
    """Return the pool of older central documents that plans cite or are based on (shared by all chains)."""
    rng = random.Random(f"{seed}:background")
    out = []
    for i, b in enumerate(vocab()["central_issuers"]["background"] * 3):
        year = 2010 + (i * 3) % 9
        num = 20 + i * 11 + rng.randint(0, 9)
        symbol = f"{num}/{year}/{b['code']}"
        d = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        doc = Doc(symbol, b["doc_type"], {"name": b["issuer"], "level": "central", "province": None, "district": None},
                  d, title=b["topic"])
        doc.cite = f"{b['doc_type']} số {symbol} {vn_date(d)} của {b['issuer']} {b['topic']}"
        out.append(doc)
    return out


# --------------------------------------------------------------------------- agencies


@dataclass(frozen=True)
class Assignee:
    """An agency or group as written in a plan and as the intended graph names it."""

    written: str  # spelling used in this document (variant, abbreviation)
    core: str  # canonical spelling without jurisdiction: "Sở Khoa học và Công nghệ"
    name: str  # canonical, jurisdiction-scoped: "Sở Khoa học và Công nghệ tỉnh Lào Cai"
    kind: str  # "agency" | "group"


SCOPED_TAILS = (" tỉnh", " thành phố", " huyện", " quận", " thị xã", " Tỉnh ủy", " Thành ủy")


def district_full(kind: str, name: str) -> str:
    """Return a district's name with its unit word ("huyện Châu Thành"), or as it is when the name holds it ("Quận 3")."""
    return name if name.lower().startswith(kind.lower() + " ") else f"{kind} {name}"


def scope_name(core: str, kind: str, place: str) -> str:
    """Return the jurisdiction-scoped canonical name.

    "Sở Nội vụ" -> "Sở Nội vụ tỉnh Bắc Ninh"; a name that already ends with its
    level word only gets the place: "Thanh tra tỉnh" -> "Thanh tra tỉnh Bắc Ninh",
    "Ban Tuyên giáo Tỉnh ủy" -> "Ban Tuyên giáo Tỉnh ủy Điện Biên". A place whose name
    holds its unit word is not preceded by it again: "Thanh tra quận" -> "Thanh tra Quận 3".
    """
    full = district_full(kind, place)
    if full == place and core.endswith(" " + kind):
        return f"{core[: -len(kind) - 1]} {place}"
    if core.endswith(SCOPED_TAILS):
        return f"{core} {place}"
    return f"{core} {full}"


def assignees(rng: random.Random, items: list[dict], groups: list[dict], k: int, kind: str, place: str,
              replace: tuple[tuple[str, str], ...] = ()) -> tuple[list[Assignee], list[Assignee]]:
    """Return (``k`` agencies drawn by weight, the groups), spelled with variants, canonical names scoped to the place.

    ``replace`` adapts level words: a centrally-run city has "thành phố" and
    "Thành ủy" where a province has "tỉnh" and "Tỉnh ủy"; a district "quận"...
    """
    def fix(s: str) -> str:
        for a, b in replace:
            s = s.replace(a, b)
        return s

    agencies = []
    for it in pick_weighted(rng, items, k):
        core = fix(it["name"])
        written = fix(rng.choice(it["variants"])) if it["variants"] and rng.random() < 0.35 else core
        agencies.append(Assignee(written, core, scope_name(core, kind, place), "agency"))
    grp = []
    for g in groups:
        core = fix(g["name"])
        written = fix(rng.choice(g["variants"])) if g["variants"] and rng.random() < 0.6 else core
        grp.append(Assignee(written, core, scope_name(core, kind, place), "group"))
    return agencies, grp


def maybe_cite(doc: Doc, ctx: dict, rng: random.Random, text: str) -> str:
    """Return ``text``, sometimes extended with "theo <older central document>" (recorded as a ``cites`` reference)."""
    pool = ctx.get("cite_pool") or []
    if pool and rng.random() < 0.06:
        b = pool[rng.randrange(len(pool))]
        doc.mention(b, "cites")
        return f"{text} theo {b.cite}"
    return text


def task(section: str, text: str, lead: list[Assignee], support: list[Assignee], dl: dict | None, source: str) -> dict:
    """Return a ground-truth task record."""
    return {
        "section": section,
        "text": text,
        "lead": [a.name for a in lead],
        "lead_core": [a.core for a in lead],
        "support": [a.name for a in support],
        "support_core": [a.core for a in support],
        "deadline": dl,
        "source": source,
    }


def join_names(names: list[str]) -> str:
    """Return "A, B và C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


# --------------------------------------------------------------------------- renderers (text in the four layouts)


def state_header(body_lines: list[str], number_line: str, place_date: str) -> list[str]:
    """Return the State header block (Nghị định 30/2020/NĐ-CP, Phụ lục I: issuer left, national motto right)."""
    return [*body_lines, "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "---------------", number_line, place_date]


def recipients(rng: random.Random, level: str) -> list[str]:
    """Return a "Nơi nhận" list of the usual shape."""
    if level == "district":
        base = ["UBND tỉnh;", "TT. Huyện ủy, TT. HĐND huyện;", "Chủ tịch và PCT UBND huyện;",
                "Các cơ quan ban ngành huyện;", "Các xã, thị trấn;", "Lưu: VT."]
    elif level == "party":
        base = ["Ban Bí thư Trung ương,", "Văn phòng Trung ương Đảng,", "Ban Tuyên giáo Trung ương,",
                "Các đảng đoàn, ban cán sự đảng,", "Các huyện, thị, thành ủy, đảng ủy trực thuộc,", "Lưu Văn phòng Tỉnh ủy."]
    else:
        base = ["Văn phòng Chính phủ (b/c);", "TT.TU, TT.HĐND tỉnh (b/c);", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
                "Các sở, ban, ngành tỉnh;", "UBND các huyện, thị xã, thành phố;", "Lưu: VT, TH."]
    rng.shuffle(base[1:-1])
    return ["- " + r for r in base]


def render_province_headings(doc: Doc, ctx: dict, rng: random.Random) -> str:
    """Return a provincial plan with agency headings and bullets (layout of 124/KH-UBND Lào Cai)."""
    P: Province = ctx["province"]
    L = []
    if rng.random() < 0.85:
        L += state_header(["ỦY BAN NHÂN DÂN", f"{P.kind.upper()} {P.name.upper()}"], f"Số: {ctx['num']} /KH-UBND",
                          f"{P.name}, {vn_date(doc.issued_on)}")
    else:  # the issuer block lost in copying, as in the Lào Cai sample: symbol, place and body remain
        L += [f"Số: {ctx['num']} /KH-UBND", "", f"{P.name}, {vn_date(doc.issued_on)}"]
    L += ["", "KẾ HOẠCH", "", doc.title, ""]
    L += ctx["preamble"] + [""]
    L += ["I. MỤC ĐÍCH, YÊU CẦU", "", "1. Mục đích", ""] + prose(rng, ctx["topic"], 2)
    L += ["", "2. Yêu cầu", ""] + prose(rng, ctx["topic"], 1)
    L += ["", "II. NHIỆM VỤ, GIẢI PHÁP", ""]
    for i, th in enumerate(rng.sample(THEMES, 3), 1):
        duty = theme_duty(rng, ctx["topic"])
        L += [f"{i}. {th}", "", duty, ""]
        doc.tasks.append(task(f"II.{i}", duty, [], [], None, "body"))
    L += ["III. TỔ CHỨC THỰC HIỆN", ""]
    agencies: list[Assignee] = ctx["agencies"]
    n_tasks = ctx["n_tasks"]
    per = [1] * len(agencies)
    for _ in range(n_tasks - len(agencies)):
        per[rng.randrange(len(agencies))] += 1
    for i, (ag, k) in enumerate(zip(agencies, per), 1):
        L += [f"{i}. {ag.written}", ""]
        for _ in range(k):
            others = [a for a in agencies if a is not ag]
            support = rng.sample(others, rng.randint(1, 2)) if rng.random() < 0.35 and others else []
            text = maybe_cite(doc, ctx, rng, task_text(rng, ctx["topic"], ctx["ubnd"]))
            dl = deadline(rng, doc.issued_on.year, table=False) if rng.random() < 0.4 else None
            line = text
            if support:
                line = f"Chủ trì, phối hợp với {join_names([s.written for s in support])} {text[0].lower()}{text[1:]}"
            if dl:
                line += f" ({dl['text']})"
            L += [f"- {line}.", ""]
            doc.tasks.append(task(f"III.{i}", line, [ag], support, dl, "body"))
    grp = ctx["groups"][0]
    i = len(agencies) + 1
    text = f"{grp.written} căn cứ chức năng, nhiệm vụ chủ động xây dựng kế hoạch thực hiện các nội dung trong kế hoạch này"
    L += [f"{i}. {grp.written}", "", text + ".", ""]
    doc.tasks.append(task(f"III.{i}", text, [grp], [], None, "body"))
    via: Assignee = agencies[0]
    period = rng.choice((("hằng năm", "P1Y"), ("06 tháng", "P6M")))
    rep = (f"Định kỳ {period[0]} các sở, ngành, địa phương tổng hợp báo cáo {ctx['ubnd']} về tình hình, kết quả "
           f"triển khai thực hiện thông qua {via.written}.")
    L += [rep, ""]
    doc.reporting.append({"from": "Các sở, ngành, địa phương", "to": doc.issuer["name"], "via": via.name, "period": period[1]})
    L += ["Nơi nhận:", ""] + recipients(rng, "province") + [""]
    L += ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", doc.signer["name"]]
    return "\n".join(L) + "\n"


def render_province_table(doc: Doc, ctx: dict, rng: random.Random) -> str:
    """Return a provincial plan with "a) Sở X: Chủ trì, phối hợp với ..." items and an appendix table (layout of 371/KH-UBND Bắc Ninh)."""
    P: Province = ctx["province"]
    L = state_header(["ỦY BAN NHÂN DÂN", f"{P.kind.upper()} {P.name.upper()}"], f"Số: {ctx['num']}/KH-UBND",
                     f"{P.name}, {vn_date(doc.issued_on)}")
    L += ["KẾ HOẠCH", doc.title.upper() if rng.random() < 0.5 else doc.title]
    L += ctx["preamble"]
    L += [f"Ủy ban nhân dân {P.kind} {P.name} ban hành Kế hoạch thực hiện, cụ thể như sau:"]
    L += ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"] + [f"{c}) {p}" for c, p in zip("ab", prose(rng, ctx["topic"], 2))]
    L += ["2. Yêu cầu"] + [f"a) {p}" for p in prose(rng, ctx["topic"], 1)]
    L += ["II. NỘI DUNG, NHIỆM VỤ CHỦ YẾU"]
    agencies: list[Assignee] = ctx["agencies"]
    n_body = max(1, ctx["n_tasks"] // 2)
    themes = rng.sample(THEMES, 3)
    ai = 0
    body_done = 0
    for ti, th in enumerate(themes, 1):
        if body_done >= n_body:
            break  # no theme heading without items: an empty theme would be a duty of its own (issue #3)
        L.append(f"{ti}. {th}")
        for li in range(rng.randint(2, 4)):
            if body_done >= n_body:
                break
            ag = agencies[ai % len(agencies)]
            ai += 1
            sec = f"II.{ti}.{LETTERS[li]}"
            others = [a for a in agencies if a is not ag]
            if rng.random() < 0.6 and others:
                support = rng.sample(others, rng.randint(1, 2))
                text = task_text(rng, ctx["topic"], ctx["ubnd"])
                line = f"Chủ trì, phối hợp với {join_names([s.written for s in support])} {text[0].lower()}{text[1:]}"
                L.append(f"{LETTERS[li]}) {ag.written}: {line}.")
                doc.tasks.append(task(sec, line, [ag], support, None, "body"))
                body_done += 1
            else:
                L.append(f"{LETTERS[li]}) {ag.written}:")
                for _ in range(rng.randint(1, 3)):
                    text = task_text(rng, ctx["topic"], ctx["ubnd"])
                    L.append(f"- {text}.")
                    doc.tasks.append(task(sec, text, [ag], [], None, "body"))
                    body_done += 1
    grp = ctx["groups"][0]
    t1 = ("Trên cơ sở phân công nhiệm vụ và chức năng của đơn vị, tổ chức triển khai thực hiện các nội dung của Kế hoạch "
          "này (chi tiết theo Danh mục các nhiệm vụ trọng tâm kèm theo)")
    L += ["III. TỔ CHỨC THỰC HIỆN", f"1. {grp.written} {t1[0].lower()}{t1[1:]}."]
    doc.tasks.append(task("III.1", t1, [grp], [], None, "body"))
    via = agencies[0]
    t2 = f"Chủ trì, là đầu mối theo dõi, đôn đốc, kiểm tra, tổng hợp và báo cáo {ctx['ubnd']} kết quả thực hiện Kế hoạch này"
    L.append(f"2. {via.written} {t2[0].lower()}{t2[1:]}./.")
    doc.tasks.append(task("III.2", t2, [via], [], None, "body"))
    L += ["Nơi nhận:"] + recipients(rng, "province")
    L += ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", doc.signer["name"]]
    # Appendix: flattened table, one cell per line; the support cell is sometimes missing.
    L += ["PHỤ LỤC", f"DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN {ctx['implements_short'].upper()}",
          f"(Kèm theo Kế hoạch số {doc.symbol} ngày {short_date(doc.issued_on, rng)} của UBND {P.kind})",
          "TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp thực hiện", "Thời gian trình/ thực hiện"]
    n_app = ctx["n_tasks"] - len(doc.tasks)
    groups = ctx["groups"]
    gi = 0
    done = 0
    while done < n_app:
        gi += 1
        L += [ROMAN[gi - 1] if gi <= len(ROMAN) else str(gi), rng.choice(THEMES)]
        for ri in range(1, rng.randint(2, 5) + 1):
            if done >= n_app:
                break
            lead = rng.choice(agencies + groups[:1]) if rng.random() < 0.9 else groups[-1]
            text = task_text(rng, ctx["topic"], ctx["ubnd"])
            dl = deadline(rng, doc.issued_on.year, table=True)
            L += [str(ri), text + ".", lead.written]
            support: list[Assignee] = []
            if rng.random() < 0.8:
                support = [a for a in rng.sample(agencies, min(3, len(agencies))) if a is not lead][:rng.randint(1, 2)]
            if support:  # a missing cell is left out entirely, as in flattened real tables
                L.append(", ".join([s.written for s in support] + (["đơn vị liên quan"] if rng.random() < 0.3 else [])))
            L.append(dl["text"])
            doc.tasks.append(task(f"{ROMAN[min(gi, len(ROMAN)) - 1]}.{ri}", text + ".", [lead], support, dl, "appendix"))
            done += 1
    L += ["", "Nguồn tra cứu: vanban.phaplyvn.com"] if rng.random() < 0.3 else []
    return "\n".join(L) + "\n"


def render_district(doc: Doc, ctx: dict, rng: random.Random) -> str:
    """Return a district plan: "Phòng X chủ trì, phối hợp với ..." (layout of 85/KH-UBND Châu Thành), markdown or plain."""
    dkind, dname = ctx["district"]
    md = rng.random() < 0.5
    b = (lambda s: f"**{s}**") if md else (lambda s: s)
    h = (lambda n, s: f"{'#' * n} **{s}**") if md else (lambda n, s: s)
    L = []
    if md:
        L += ["", "", f"Số: {ctx['num']} /KH-UBND", "", f"{dname}, {vn_date(doc.issued_on)}", ""]
    else:
        L += state_header(["ỦY BAN NHÂN DÂN", district_full(dkind, dname).upper()], f"Số: {ctx['num']}/KH-UBND",
                          f"{dname}, {vn_date(doc.issued_on)}") + [""]
    L += [h(2, "KẾ HOẠCH"), "", b(doc.title), ""]
    for p in ctx["preamble"]:
        L += [p, ""]
    L += [h(3, "I. MỤC ĐÍCH, YÊU CẦU"), "", h(4, "1. Mục đích"), ""]
    L += [f"- {p}" for p in prose(rng, ctx["topic"], 2)] + [""]
    L += [h(2, "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"), ""]
    agencies: list[Assignee] = ctx["agencies"]
    groups: list[Assignee] = ctx["groups"]
    n = ctx["n_tasks"] - 2
    ti = 0
    ai = 0
    while n > 0:
        ti += 1
        L += [h(3, f"{ti}. {rng.choice(THEMES)}"), ""]
        for li in range(rng.randint(1, 3)):
            if n <= 0:
                break
            ag = agencies[ai % len(agencies)]
            ai += 1
            sec = f"II.{ti}.{LETTERS[li]}"
            others = [a for a in agencies if a is not ag] + groups[1:2]
            support = rng.sample(others, rng.randint(1, 2)) if rng.random() < 0.7 else []
            head = f"{ag.written} chủ trì, phối hợp với {join_names([s.written for s in support])}" if support else ag.written
            if rng.random() < 0.5:
                L += [f"{LETTERS[li]}) {head}:", ""]
                for _ in range(min(n, rng.randint(1, 3))):
                    text = task_text(rng, ctx["topic"], ctx["ubnd"])
                    L += [f"- {text}.", ""]
                    doc.tasks.append(task(sec, text, [ag], support, None, "body"))
                    n -= 1
            else:
                text = maybe_cite(doc, ctx, rng, task_text(rng, ctx["topic"], ctx["ubnd"]))
                dl = deadline(rng, doc.issued_on.year, table=False, lead_in=True) if rng.random() < 0.3 else None
                body = f"{head} {text[0].lower()}{text[1:]}"
                line = f"{dl['text']}, {body}" if dl else body
                L += [f"{LETTERS[li]}) {line}.", ""]
                doc.tasks.append(task(sec, line, [ag], support, dl, "body"))
                n -= 1
    L += [h(3, "III. TỔ CHỨC THỰC HIỆN"), ""]
    via = agencies[0]
    g0 = groups[0].written
    t1 = (f"{via.written} chủ trì, phối hợp với {g0[0].lower()}{g0[1:]} triển khai thực hiện có hiệu quả nội dung Kế hoạch này; "
          f"thường xuyên đôn đốc, kiểm tra và định kỳ tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân {dkind}")
    L += [f"1. {t1}.", ""]
    doc.tasks.append(task("III.1", t1, [via], [groups[0]], None, "body"))
    t2 = "Có trách nhiệm tổ chức quán triệt, cụ thể hóa các nội dung của kế hoạch"
    L += [f"2. {groups[0].written}, {groups[1].written}: {t2}.", ""]
    doc.tasks.append(task("III.2", t2, [groups[0], groups[1]], [], None, "body"))
    L += [h(4, "Nơi nhận:"), ""] + recipients(rng, "district") + [""]
    L += [b("TM. ỦY BAN NHÂN DÂN  \nCHỦ TỊCH") if md else "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "", "", "",
          f"*{doc.signer['name']}*" if md else doc.signer["name"]]
    return "\n".join(L) + "\n"


def render_party(doc: Doc, ctx: dict, rng: random.Random) -> str:
    """Return a provincial Party committee plan (layout of 83-KH/TU Điện Biên): committees with deadlines in parentheses."""
    P: Province = ctx["province"]
    L = [f" \t{P.party.upper()} {P.name.upper()}", "", "*", "", f"Số {ctx['num']}-KH/{ctx['tu_code']}",
         "\tĐẢNG CỘNG SẢN VIỆT NAM", "", "", f"{P.name}, {vn_date(doc.issued_on)}", "", "", "KẾ HOẠCH", "", doc.title,
         "-----"]
    L += ctx["preamble"] + [""]
    L += ["I- MỤC ĐÍCH, YÊU CẦU", "", "1. Mục đích"] + prose(rng, ctx["topic"], 1)
    L += ["2. Yêu cầu", ""] + prose(rng, ctx["topic"], 1)
    L += ["II- NỘI DUNG"]
    for i in range(1, 4):
        duty = theme_duty(rng, ctx["topic"])
        L.append(f"{i}. {duty}")
        doc.tasks.append(task(f"II.{i}", duty, [], [], None, "body"))
    L += ["III- TỔ CHỨC THỰC HIỆN", ""]
    agencies: list[Assignee] = ctx["agencies"]
    n = ctx["n_tasks"]
    for i, ag in enumerate(agencies, 1):
        if n <= 0:
            break
        L += [f"{i}. {ag.written} ", ""]
        for _ in range(min(n, rng.randint(1, 2))):
            text = task_text(rng, ctx["topic"], ctx["ubnd"])
            dl = deadline(rng, doc.issued_on.year, table=False) if rng.random() < 0.7 else None
            line = f"{text} ({dl['text']})" if dl else text
            L += [line + ".", ""]
            doc.tasks.append(task(f"III.{i}", line, [ag], [], dl, "body"))
            n -= 1
    period = rng.choice((("06 tháng", "P6M"), ("hằng năm", "P1Y")))
    L.append(f"Định kỳ {period[0]} báo cáo tình hình kết quả thực hiện về Ban Thường vụ {P.party} "
             f"(qua {agencies[0].written}).")
    doc.reporting.append({"from": "Các cấp ủy, tổ chức đảng", "to": f"Ban Thường vụ {P.party} {P.name}",
                          "via": agencies[0].name, "period": period[1]})
    L += ["", "\t  Nơi nhận:", ""] + recipients(rng, "party")
    L += ["T/M BAN THƯỜNG VỤ", doc.signer["title"].upper(), "", f" {doc.signer['name']}", ""]
    return "\n".join(L) + "\n"


# --------------------------------------------------------------------------- one chain


def chain_year_index(chain: int) -> tuple[int, int]:
    """Return (year, index within the year) of a chain: 50 central directives a year from 2019."""
    return FIRST_YEAR + chain // CHAINS_PER_YEAR, chain % CHAINS_PER_YEAR


def select_provinces(size: Size) -> list[Province]:
    """Return the provinces a size covers (evenly spread over the country when limited)."""
    ps = list(provinces())
    if size.provinces is None or size.provinces >= len(ps):
        return ps
    step = len(ps) / size.provinces
    return [ps[int(i * step)] for i in range(size.provinces)]


def generate_chain(chain: int, size: Size, seed: int, out: Path) -> dict[str, int]:
    """Write the files and ground-truth part of one chain; return its counts."""
    rng = random.Random(f"{seed}:{chain}")
    V = vocab()
    year, k = chain_year_index(chain)
    topic = V["topics"]["items"][(chain + seed) % len(V["topics"]["items"])]
    bg = background_docs(seed)

    # -- central: the Party root and the State document that implements it
    spec = V["central_issuers"]["party"][rng.randrange(len(V["central_issuers"]["party"]))]
    root_date = dt.date(year, rng.randint(1, 5), rng.randint(1, 28))
    root_num = 1 + k * 3 + rng.randint(0, 2)
    root = Doc(f"{root_num}-{spec['code']}", spec["doc_type"],
               {"name": spec["issuer"], "level": "central", "province": None, "district": None}, root_date, title=topic)
    issuer_text = spec["issuer_text"].format(term=party_term(year))
    root.cite = f"{spec['doc_type']} số {root.symbol} ngày {short_date(root_date, rng)} của {issuer_text} {topic}"
    sspec = V["central_issuers"]["state"][rng.randrange(2)]
    st_date = clamp(root_date + dt.timedelta(days=rng.randint(20, 70)), year)
    st_num = (100 + k * 30 + rng.randint(0, 29)) if sspec["code"] == "QĐ-TTg" else (10 + k * 4 + rng.randint(0, 3))
    state = Doc(f"{st_num}/{sspec['code']}", sspec["doc_type"],
                {"name": sspec["issuer"], "level": "central", "province": None, "district": None}, st_date,
                title=f"{sspec['lead_in']} {root.doc_type} số {root.symbol} {topic}")
    state.cite = (f"{sspec['doc_type']} số {state.symbol} ngày {short_date(st_date, rng)} của {sspec['issuer_text']} "
                  f"{sspec['lead_in']} {root.cite}")
    state_short = f"{sspec['doc_type']} số {state.symbol}"

    docs_dir = out / "docs" / f"{chain:04d}"
    docs_dir.mkdir(parents=True, exist_ok=True)
    counts = {"documents": 0, "tasks": 0, "bytes": 0, "references": 0}
    truth = (out / "truth.parts" / f"{chain:04d}.jsonl").open("w", encoding="utf-8")

    def emit(doc: Doc, text: str | None) -> None:
        if text is not None:
            scope = [doc.issuer["province"] or "tw"] + ([doc.issuer["district"]] if doc.issuer.get("district") else [])
            name = f"{slug(doc.symbol)}_{'_'.join(slug(x) for x in scope)}_{doc.issued_on.year}.txt"
            path = docs_dir / name
            data = text.encode("utf-8")
            path.write_bytes(data)
            doc.file = str(path.relative_to(out))
            counts["documents"] += 1
            counts["tasks"] += len(doc.tasks)
            counts["bytes"] += len(data)
            counts["references"] += len(doc.refs)
        truth.write(json.dumps(doc.to_truth(), ensure_ascii=False) + "\n")

    emit(root, None)
    emit(state, None)

    for P in select_provinces(size):
        prov_rng = random.Random(f"{seed}:{chain}:{P.code}")
        city = P.kind == "thành phố"
        ubnd_p = "UBND thành phố" if city else "UBND tỉnh"
        repl: tuple[tuple[str, str], ...] = (("tỉnh", "thành phố"),) if city else ()

        # -- provincial Party committee plan (most provinces issue one)
        tu = None
        if prov_rng.random() < 0.8:
            tu_date = clamp(root_date + dt.timedelta(days=prov_rng.randint(20, 90)), year)
            tu_num = 10 + k * 40 + prov_rng.randint(0, 39)
            tu_code = "TU"  # Thành ủy plans are numbered -KH/TU too (Hướng dẫn 36-HD/VPTW)
            tu = Doc(f"{tu_num}-KH/{tu_code}", "Kế hoạch",
                     {"name": f"{P.party} {P.name}", "level": "province", "province": P.name, "district": None,
                      "kind": "tinh_uy"}, tu_date, place=P.name, style="party")
            tu.title = f"triển khai {root.cite}"
            tu.mention(root, "implements")
            tu.signer = {"name": person(prov_rng), "title": prov_rng.choice(("Bí thư", "Phó Bí thư")),
                         "on_behalf_of": "T/M Ban Thường vụ"}
            ags, grps = assignees(prov_rng, V["party_bodies"]["items"], V["party_groups"]["items"],
                                  prov_rng.randint(4, 8), P.kind, P.name, repl + (("Tỉnh ủy", P.party),) if city else ())
            preamble = [f"Thực hiện {root.cite} (viết tắt là {root.doc_type} số {root.symbol}), Ban Thường vụ {P.party} "
                        f"xây dựng kế hoạch thực hiện như sau:"]
            ctx = {"province": P, "num": tu_num, "tu_code": tu_code, "topic": topic, "ubnd": ubnd_p, "agencies": ags,
                   "groups": grps, "n_tasks": prov_rng.randint(6, 15), "preamble": preamble}
            emit(tu, render_party(tu, ctx, prov_rng))

        # -- provincial UBND plan
        p_date = clamp(st_date + dt.timedelta(days=prov_rng.randint(15, 75)), year)
        p_num = 10 + k * 40 + prov_rng.randint(0, 39)
        plan = Doc(f"{p_num}/KH-UBND", "Kế hoạch",
                   {"name": f"Ủy ban nhân dân {P.kind} {P.name}", "level": "province", "province": P.name,
                    "district": None, "kind": "ubnd"}, p_date, place=P.name)
        style = prov_rng.choice(("headings", "table"))
        plan.style = f"province-{style}"
        lead_word = prov_rng.choice(("Thực hiện", "Triển khai thực hiện"))
        plan.title = f"{lead_word} {state.cite}"
        plan.mention(state, "implements")
        plan.mention(root, "cites")  # named inside the State document's title: the plan itself only cites it
        plan.state(state, root)
        preamble = [f"Căn cứ {state.cite};"]
        plan.mention(state, "based_on")
        if prov_rng.random() < 0.5:
            b = bg[prov_rng.randrange(len(bg))]
            preamble.insert(0, f"Căn cứ {b.cite};")
            plan.mention(b, "based_on")
        if tu is not None and tu.issued_on <= p_date and prov_rng.random() < 0.6:
            preamble.append(f"Thực hiện Kế hoạch số {tu.symbol} ngày {short_date(tu.issued_on, prov_rng)} của Ban Thường vụ "
                            f"{P.party} {P.name} triển khai {root.doc_type} số {root.symbol};")
            plan.mention(tu, "implements")
            plan.state(tu, root)
        plan.signer = {"name": person(prov_rng), "title": "Phó Chủ tịch", "on_behalf_of": "TM. Ủy ban nhân dân"}
        ags, grps = assignees(prov_rng, V["province_agencies"]["items"], V["province_groups"]["items"],
                              prov_rng.randint(10, 26), P.kind, P.name, repl)
        ctx = {"province": P, "num": p_num, "topic": topic, "ubnd": ubnd_p, "agencies": ags, "groups": grps,
               "n_tasks": prov_rng.randint(10, 60), "preamble": preamble, "implements_short": state_short,
               "cite_pool": bg}
        text = (render_province_headings if style == "headings" else render_province_table)(plan, ctx, prov_rng)
        emit(plan, text)

        # -- district plans
        dists = list(P.districts)
        if size.districts is not None:
            dists = dists[: size.districts]
        for dkind, dname in dists:
            d_rng = random.Random(f"{seed}:{chain}:{P.code}:{dname}")
            d_date = clamp(p_date + dt.timedelta(days=d_rng.randint(7, 60)), year)
            d_num = 1 + k * 12 + d_rng.randint(0, 11)
            dp = Doc(f"{d_num}/KH-UBND", "Kế hoạch",
                     {"name": f"Ủy ban nhân dân {district_full(dkind, dname)}", "level": "district", "province": P.name,
                      "district": dname, "kind": "ubnd"}, d_date, place=dname, style="district")
            plan_cite = (f"Kế hoạch số {plan.symbol} ngày {short_date(p_date, d_rng)} của Ủy ban nhân dân {P.kind} "
                         f"{P.name} về thực hiện {state_short} của {sspec['issuer_text']}")
            if d_rng.random() < 0.5:
                dp.title = f"Thực hiện {plan_cite}"
                preamble = [f"Căn cứ {state.cite},"]
                dp.mention(state, "based_on")
                dp.mention(root, "cites")  # named inside the State document's citation
                dp.state(state, root)
            else:
                dp.title = f"Thực hiện {state.cite}"
                dp.mention(state, "implements")
                dp.mention(root, "cites")
                dp.state(state, root)
                preamble = [f"Căn cứ {state.cite} (sau đây viết tắt là {state_short}),"]
            preamble.append(f"Thực hiện {plan_cite}, Ủy ban nhân dân {district_full(dkind, dname)} ban hành Kế hoạch "
                            f"thực hiện với những nội dung "
                            f"chủ yếu như sau:")
            dp.mention(plan, "implements")
            dp.state(plan, state)
            dp.signer = {"name": person(d_rng), "title": "Chủ tịch", "on_behalf_of": "TM. Ủy ban nhân dân"}
            ags, grps = assignees(d_rng, V["district_agencies"]["items"], V["district_groups"]["items"],
                                  d_rng.randint(6, 14), dkind, dname, (("huyện", dkind),) if dkind != "huyện" else ())
            ctx = {"province": P, "district": (dkind, dname), "num": d_num, "topic": topic, "ubnd": f"UBND {dkind}",
                   "agencies": ags, "groups": grps, "n_tasks": d_rng.randint(10, 25), "preamble": preamble,
                   "cite_pool": bg}
            emit(dp, render_district(dp, ctx, d_rng))
    truth.close()
    return counts


# --------------------------------------------------------------------------- driver


def _chain_job(args: tuple[int, Size, int, str]) -> dict[str, int]:
    chain, size, seed, out = args
    return generate_chain(chain, size, seed, Path(out))


def generate(size: str | Size, out: str | Path, seed: int = 1, workers: int = 1) -> dict[str, Any]:
    """Write the corpus of ``size`` under ``out`` (replacing it); return the manifest (counts, bytes, seconds)."""
    sz = SIZES[size] if isinstance(size, str) else size
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "truth.parts").mkdir(parents=True)
    t0 = time.perf_counter()
    jobs = [(c, sz, seed, str(out)) for c in range(sz.chains)]
    totals = {"documents": 0, "tasks": 0, "bytes": 0, "references": 0}
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_chain_job, jobs))
    else:
        results = [_chain_job(j) for j in jobs]
    for r in results:
        for key in totals:
            totals[key] += r[key]
    # truth.jsonl: background documents first, then the chains in order (streamed, never held in memory)
    with (out / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for b in background_docs(seed):
            fh.write(json.dumps(b.to_truth(), ensure_ascii=False) + "\n")
        for c in range(sz.chains):
            part = out / "truth.parts" / f"{c:04d}.jsonl"
            with part.open(encoding="utf-8") as src:
                shutil.copyfileobj(src, fh)
    shutil.rmtree(out / "truth.parts")
    manifest = {
        "size": size if isinstance(size, str) else "custom",
        "seed": seed,
        "generator": GENERATOR_VERSION,
        "chains": sz.chains,
        "provinces": len(select_provinces(sz)),
        **totals,
        "seconds": round(time.perf_counter() - t0, 2),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def iter_truth(out: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the ground-truth records of a generated corpus one by one (streaming)."""
    with (Path(out) / "truth.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def iter_files(out: str | Path) -> Iterator[Path]:
    """Yield the document files of a generated corpus in a stable order."""
    for d in sorted((Path(out) / "docs").iterdir()):
        yield from sorted(d.glob("*.txt"))


def main(argv: list[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="S", choices=sorted(SIZES))
    ap.add_argument("--out", default=None, help="output directory (default bench/corpus/<size>)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args(argv)
    out = a.out or f"bench/corpus/{a.size}"
    m = generate(a.size, out, a.seed, a.workers)
    print(f"{m['documents']} documents, {m['tasks']} tasks, {m['bytes'] / 1e6:.1f} MB in {m['seconds']} s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
