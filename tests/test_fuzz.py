"""Never crash (issue #3): any bytes through the WHOLE pipeline give a ParseResult whose
``to_dict()`` is JSON-serialisable, or one ``IngestError`` with a one-line message.

Three sources of input: arbitrary bytes under every supported extension,
arbitrary Unicode text, and real sample text mutated (deletions, insertions,
line shuffles, truncation, re-encoding). Plus the clean stage's own invariants
on arbitrary text.
"""

from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.clean import clean
from ingest.errors import IngestError
from ingest.model import ParseResult
from ingest.pipeline import parse_bytes
from ingest.read import read_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "samples").glob("*.txt"))]
NAMES = ["plan.txt", "plan.md", "plan.docx", "plan.pdf", "plan.html", "upload", "plan.TXT", "x.htm"]

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_pipeline(data: bytes, name: str) -> None:
    """Assert the pipeline returns a JSON-ready ParseResult or raises a one-line IngestError naming the file."""
    try:
        result = parse_bytes(data, name)
    except IngestError as exc:
        msg = str(exc)
        assert msg.startswith(f"{name}: ") and "\n" not in msg
        return
    assert isinstance(result, ParseResult)
    json.dumps(result.to_dict(), ensure_ascii=False)


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(NAMES))
def test_arbitrary_bytes(data, name):
    check_pipeline(data, name)


@FUZZ
@given(text=st.text(max_size=2000), encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-8-sig"]))
def test_arbitrary_text(text, encoding):
    check_pipeline(text.encode(encoding, errors="surrogatepass"), "plan.txt")


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    """Encode like a Windows-1258 file (tone marks combining); unencodable characters become '?'."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
                   + "".join(c for c in d if c in _TONES))
    return "".join(out).encode("cp1258", errors="replace")


ENCODERS = {
    "utf-8": lambda t: t.encode("utf-8", errors="surrogatepass"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8", errors="surrogatepass"),
    "utf-16": lambda t: t.encode("utf-16", errors="surrogatepass"),
    "utf-16-be-nobom": lambda t: t.encode("utf-16-be", errors="surrogatepass"),
    "cp1258": _cp1258,
    "mojibake": lambda t: t.encode("utf-8", errors="surrogatepass").decode("cp1252", errors="replace").encode("utf-8"),
}


@st.composite
def mutated_samples(draw):
    """A real sample, mutated: spans deleted, random text inserted, lines shuffled or truncated."""
    text = draw(st.sampled_from(SAMPLE_TEXTS))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "insert", "shuffle", "truncate", "duplicate"]))
        n = len(text)
        if op == "delete" and n:
            i = draw(st.integers(0, n - 1))
            text = text[:i] + text[i + draw(st.integers(1, 400)):]
        elif op == "insert":
            i = draw(st.integers(0, n))
            text = text[:i] + draw(st.text(max_size=80)) + text[i:]
        elif op == "shuffle":
            lines = text.split("\n")
            perm = draw(st.permutations(range(len(lines))))
            text = "\n".join(lines[k] for k in perm)
        elif op == "truncate" and n:
            text = text[: draw(st.integers(0, n))]
        elif op == "duplicate" and n:
            i = draw(st.integers(0, n - 1))
            text = text[:i] + text[i:i + 300] + text[i:]
    encoding = draw(st.sampled_from(sorted(ENCODERS)))
    name = draw(st.sampled_from(["plan.txt", "plan.md", "upload"]))
    return ENCODERS[encoding](text), name


@FUZZ
@given(case=mutated_samples())
def test_mutated_samples(case):
    data, name = case
    check_pipeline(data, name)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600)
       | st.lists(st.sampled_from(["Số:", "85/KH-UBND", "| ỦY BAN NHÂN DÂN | CỘNG HÒA |", "ngày 12 tháng 6", "năm 2020",
                                   "**KẾ HOẠCH**", "- Sở Nội vụ", "\t", "   ", "Nguồn tra cứu: x", "Số hiệu: 1",
                                   "cuộc cách mạng công nghiệp", "Noi nhận:", "|---|", "#", ">", "*", "\u200b", "\u00a0"]),
                  max_size=30).map("\n".join))
def test_clean_invariants(text):
    """Whatever the text, clean gives stripped non-empty lines whose offsets index the joined text."""
    try:
        raw = read_text(text, "t.txt")
    except IngestError:
        return
    doc = clean(raw)
    assert doc.text == "\n".join(l.text for l in doc.lines)
    for line in doc.lines:
        assert line.text and line.text == line.text.strip() and "\n" not in line.text
        assert doc.text[line.offset:line.offset + len(line.text)] == line.text
    assert unicodedata.is_normalized("NFC", doc.text)
