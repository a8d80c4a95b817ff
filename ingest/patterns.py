"""Every regular expression of the extraction pipeline, in one module.

Patterns are built from named pieces in verbose mode; each alternative carries
a real example in a comment. Matching is done on NFC text that the *clean*
stage produced; case-insensitive flags are explicit per pattern.

Sections:
  1. shared pieces (dates, numbers, roman numerals)
  2. header and references (symbols, document types, issuers, dates, titles)
  3. tasks, deadlines, agencies and reporting lines
"""

from __future__ import annotations

import re

# =========================================================================== 1. shared pieces

# =========================================================================== 2. header and references

# =========================================================================== 3. tasks, deadlines, agencies
