"""Word list numbers as a reader sees them ("I.", "1.", "a)"), shared by the DOCX and DOC readers.

Plans number their parts, items and points with Word's automatic lists; the text
of such a paragraph holds no number, so each reader renders the label from the
list's level definition (number format, level text, start) and its counters.
"""

from __future__ import annotations


def roman(n: int) -> str:
    """Return ``n`` (1..3999) in upper-case Roman numerals."""
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """Return counter ``n`` in Word's number format ``fmt`` (decimal, lowerLetter, upperRoman, ...)."""
    n = max(n, 0)
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n else ""
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = roman(n) if 0 < n < 4000 else str(n)
        return s.lower() if fmt == "lowerRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
