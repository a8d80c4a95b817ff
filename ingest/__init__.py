"""Extraction pipeline: Vietnamese policy documents -> ``ParseResult`` dataclasses.

Public entry points: ``parse_file``, ``parse_bytes``, ``parse_text`` (see
``ingest.pipeline``); errors are ``ingest.errors.IngestError`` subclasses.
"""

from ingest.errors import IngestError
from ingest.pipeline import parse_bytes, parse_file, parse_text

__all__ = ["IngestError", "parse_bytes", "parse_file", "parse_text"]
