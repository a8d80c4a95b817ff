"""House style, checked on the source (CONTRIBUTING.md): what a reviewer would otherwise have to catch.

* every public function, class and method of the product's packages has a docstring (rule 7:
  it says what the function returns);
* the ingest stages compile no regular expression of their own: patterns live in
  ``ingest/patterns.py`` (rule 3), each module-level pattern under a comment that shows what it
  matches.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ingest", "cascade", "api", "graph_schema", "bench")
#: ``re`` functions that take a pattern as their first argument.
RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def _sources(*packages: str) -> list[Path]:
    return sorted(p for pkg in packages for p in (ROOT / pkg).rglob("*.py"))


def _public_defs(tree: ast.Module):
    """Yield the module's public functions and classes, and the public methods of its classes."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and not node.name.startswith("_"):
            yield node
        if isinstance(node, ast.ClassDef):
            for sub in node.body:
                if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef) and not sub.name.startswith("_"):
                    yield sub


def undocumented(source: str) -> list[str]:
    """Return the names of the public definitions of ``source`` without a docstring."""
    return [n.name for n in _public_defs(ast.parse(source)) if ast.get_docstring(n) is None]


def regex_literals(source: str) -> list[int]:
    """Return the lines of ``source`` that call ``re.<function>`` on a string literal."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in RE_FUNCTIONS and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            out.append(node.lineno)
    return out


def uncommented_patterns(source: str) -> list[str]:
    """Return the module-level patterns of ``source`` with no comment in the block of lines above them."""
    lines = source.splitlines()
    out = []
    for node in ast.parse(source).body:
        call = node.value if isinstance(node, ast.Assign) else None
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and getattr(call.func.value, "id", None) == "re" and call.func.attr == "compile"):
            continue
        i = node.lineno - 2
        while i >= 0 and lines[i].strip() and not lines[i].lstrip().startswith("#"):
            i -= 1  # a comment may head a few patterns in a row
        if i < 0 or not lines[i].lstrip().startswith("#"):
            out.append(node.targets[0].id if isinstance(node.targets[0], ast.Name) else f"line {node.lineno}")
    return out


# the checks themselves, on small sources: each must be able to fail
@pytest.mark.parametrize(("source", "names"), [
    ('def f():\n    """Return 1."""\n    return 1\n', []),
    ("def f():\n    return 1\n", ["f"]),
    ("def _private():\n    return 1\n", []),
    ('class C:\n    """A thing."""\n    def m(self):\n        return 1\n', ["m"]),
    ("def outer():\n    '''Return g.'''\n    def g():\n        return 1\n    return g\n", []),  # nested: not public API
])
def test_undocumented_table(source: str, names: list[str]) -> None:
    assert undocumented(source) == names


@pytest.mark.parametrize(("source", "lines"), [
    ('import re\nX = re.compile(r"a+")\n', [2]),
    ('import re\nY = re.sub("a", "b", s)\n', [2]),
    ("from ingest import patterns as P\nZ = P.WORD.sub('', s)\n", []),
    ("import re\nW = re.compile(P.WORD.pattern + x)\n", []),  # built from the patterns module's pieces
])
def test_regex_literals_table(source: str, lines: list[int]) -> None:
    assert regex_literals(source) == lines


@pytest.mark.parametrize(("source", "names"), [
    ('import re\n#: "a", "aa".\nA = re.compile("a+")\n', []),
    ('import re\n#: Two in a row.\nA = re.compile("a")\nB = re.compile("b")\n', []),
    ('import re\n\nA = re.compile("a")\n', ["A"]),
])
def test_uncommented_patterns_table(source: str, names: list[str]) -> None:
    assert uncommented_patterns(source) == names


# the product's source
@pytest.mark.parametrize("path", _sources(*PACKAGES), ids=lambda p: str(p.relative_to(ROOT)))
def test_public_definitions_have_docstrings(path: Path) -> None:
    assert undocumented(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", [p for p in _sources("ingest") if p.name != "patterns.py"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_ingest_stages_compile_no_regex_of_their_own(path: Path) -> None:
    assert regex_literals(path.read_text(encoding="utf-8")) == [], "move the pattern to ingest/patterns.py"


def test_every_pattern_has_its_comment() -> None:
    assert uncommented_patterns((ROOT / "ingest" / "patterns.py").read_text(encoding="utf-8")) == []
