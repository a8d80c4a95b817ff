"""Word search is core (``cascade.search``): the CLI's ``cascade duties`` and the API share it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cascade import ROOT, search


def test_the_core_search_does_not_load_the_api():
    code = ("import sys, cascade.search, cascade.cli; "
            "print(sorted(m for m in sys.modules if m == 'api' or m.startswith('api.') or m == 'fastapi'))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(("q", "first"), [
    ("so noi vu bac ninh", "Sở Nội vụ tỉnh Bắc Ninh"),
    ("SỞ NỘI VỤ bắc ninh", "Sở Nội vụ tỉnh Bắc Ninh"),
    ("lien hiep cac hoi khkt bac ninh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"),
    ("lien hiep cac hoi kh&kt lao cai", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lào Cai"),
])
def test_search_agencies_on_the_samples(sample_graph, q, first):
    if "khkt" in q and not search.abbreviations():
        pytest.skip("abbreviation data (ingest/data/agency_abbreviations.json) not present")
    rows = search.search_agencies(sample_graph, q=q, limit=5)
    assert rows and rows[0]["name"] == first


def test_search_agencies_pages_are_stable(sample_graph):
    whole = search.search_agencies(sample_graph, q="so", limit=40)
    paged = search.search_agencies(sample_graph, q="so", limit=7) + search.search_agencies(sample_graph, q="so", limit=33,
                                                                                             offset=7)
    assert [r["id"] for r in paged] == [r["id"] for r in whole]
