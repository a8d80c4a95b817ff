"""Static checks of the deployment files (issue #2, point 7).

No Docker engine runs here: the compose file is parsed with PyYAML and the
Dockerfile read line by line, and each promise of the README ("Neo4j with a
named volume, credentials from the environment, ports on loopback, the API
after a successful one-shot ingest") is checked against the text.
"""

from __future__ import annotations

import fnmatch
import importlib
import re
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"

# ${NAME:?message} (required) and ${NAME:-default} / ${NAME} (optional), as compose interpolates them.
_INTERP = re.compile(r"\$\{(?P<name>[A-Z0-9_]+)(?P<op>:\?|:-|\?|-)?(?P<arg>[^}]*)\}")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs with line continuations joined and comments dropped."""
    text = DOCKERFILE.read_text(encoding="utf-8")
    text = re.sub(r"\\\n", " ", text)
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instr, _, args = line.partition(" ")
        out.append((instr.upper(), args.strip()))
    return out


def _instr(dockerfile, name: str) -> list[str]:
    return [a for i, a in dockerfile if i == name]


def _exec_form(args: str) -> list[str]:
    """Return the argv of a JSON exec-form instruction (``["a", "b"]``) or of a shell-form one."""
    args = args.strip()
    if args.startswith("["):
        return yaml.safe_load(args)
    return shlex.split(args)


def _required_vars(value: str) -> set[str]:
    return {m["name"] for m in _INTERP.finditer(value) if m["op"] in (":?", "?")}


# --------------------------------------------------------------------------- compose


def test_services_present(compose):
    assert set(compose["services"]) >= {"neo4j", "api", "ingest"}


def test_neo4j_service(compose):
    neo = compose["services"]["neo4j"]
    assert neo["image"] == "neo4j:5-community"
    env = neo["environment"]
    # Credentials from the environment, and compose refuses to start without them.
    assert env["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD")
    assert "NEO4J_PASSWORD" in _required_vars(env["NEO4J_AUTH"])
    # /data on a named volume declared at top level (a bind mount would not be portable).
    mounts = {m.split(":")[1]: m.split(":")[0] for m in neo["volumes"]}
    assert "/data" in mounts
    assert mounts["/data"] in compose["volumes"], "the /data volume must be a named volume"
    hc = neo["healthcheck"]["test"]
    joined = " ".join(hc) if isinstance(hc, list) else hc
    assert "cypher-shell" in joined or "7474" in joined
    # A literal "$" in a healthcheck must be escaped as "$$" or compose would interpolate it.
    assert "${NEO4J_AUTH" not in joined.replace("$${", "")


def test_every_port_binds_loopback(compose):
    seen = 0
    for name, svc in compose["services"].items():
        for port in svc.get("ports", []):
            seen += 1
            assert str(port).startswith("127.0.0.1:"), f"{name}: {port} is not bound to 127.0.0.1"
    assert seen >= 3  # neo4j http + bolt, api


def test_api_wiring(compose):
    svcs = compose["services"]
    api = svcs["api"]
    env = api["environment"]
    url = env["CASCADE_GRAPH_URL"]
    m = re.fullmatch(r"bolt://(?P<host>[\w-]+):(?P<port>\d+)", url)
    assert m, url
    assert m["host"] in svcs, "CASCADE_GRAPH_URL must name the Neo4j service"
    neo_ports = {p.rsplit(":", 1)[-1] for p in svcs[m["host"]]["ports"]}
    assert m["port"] in neo_ports or m["port"] == "7687"
    assert "NEO4J_PASSWORD" in _required_vars(env["CASCADE_NEO4J_PASSWORD"])
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["depends_on"]["ingest"]["condition"] == "service_completed_successfully"
    assert api["healthcheck"]["test"], "api needs a healthcheck"
    assert "/health" in " ".join(api["healthcheck"]["test"])
    assert api["ports"] == ["127.0.0.1:8000:8000"]
    assert api.get("build") in (".", {"context": "."}) or api["build"]["context"] == "."


def test_ingest_one_shot(compose):
    ing = compose["services"]["ingest"]
    assert ing["restart"] == "no"
    assert ing["command"][0] == "ingest"
    assert ing["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert ing["environment"]["CASCADE_GRAPH_URL"] == compose["services"]["api"]["environment"]["CASCADE_GRAPH_URL"]
    assert "ports" not in ing


def test_ingest_path_is_in_the_image(compose, dockerfile):
    """The one-shot ingest reads /app/corpus/samples: the Dockerfile must put the samples there."""
    target = compose["services"]["ingest"]["command"][1]
    workdir = _instr(dockerfile, "WORKDIR")[-1]
    copied = []
    for args in _instr(dockerfile, "COPY"):
        *srcs, dest = _exec_form(args)
        copied += [(s, str(Path(workdir) / dest)) for s in srcs if not s.startswith("--")]
    assert any(target.rstrip("/") == d.rstrip("/").replace("/./", "/") for _, d in copied), copied
    assert any(Path(ROOT / s).samefile(ROOT / "corpus/samples") for s, d in copied if d.rstrip("/").endswith("corpus/samples"))
    assert sorted((ROOT / "corpus/samples").glob("*.txt")), "sample corpus is empty"


def test_cascade_env_maps_to_settings(compose):
    """Every CASCADE_* variable the compose file sets is a real field of cascade.settings.Settings."""
    from cascade.settings import Settings

    fields = set(Settings.model_fields)
    for name, svc in compose["services"].items():
        for key in svc.get("environment", {}):
            if key.startswith("CASCADE_"):
                assert key.removeprefix("CASCADE_").lower() in fields, f"{name}: {key} is not a setting"


def test_no_literal_secrets(compose):
    for name, svc in compose["services"].items():
        for key, value in svc.get("environment", {}).items():
            if any(w in key for w in ("PASSWORD", "AUTH", "API_KEY")):
                assert "${" in str(value), f"{name}: {key} must come from the environment"


# --------------------------------------------------------------------------- Dockerfile


def test_dockerfile_base_user_health(dockerfile):
    assert _instr(dockerfile, "FROM") == ["python:3.11-slim"]
    users = _instr(dockerfile, "USER")
    assert users and users[-1] not in ("root", "0")
    hc = " ".join(_instr(dockerfile, "HEALTHCHECK"))
    assert "/health" in hc and ":8000" in hc
    assert "8000" in _instr(dockerfile, "EXPOSE")


def test_dockerfile_entry_point_is_the_console_script(dockerfile):
    entry = _exec_form(_instr(dockerfile, "ENTRYPOINT")[-1])
    cmd = _exec_form(_instr(dockerfile, "CMD")[-1])
    assert entry == ["cascade"]
    assert cmd[:1] == ["serve"] and "--host" in cmd and cmd[cmd.index("--host") + 1] == "0.0.0.0"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, _, func = scripts["cascade"].partition(":")
    assert (ROOT / (module.replace(".", "/") + ".py")).is_file(), f"{module} (console script) is missing"
    assert callable(getattr(importlib.import_module(module), func))


def _ignored(path: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(path, p) or path.startswith(p.rstrip("/") + "/") for p in patterns)


def test_dockerfile_copies_exist_and_are_not_ignored(dockerfile):
    patterns = [
        line.strip() for line in DOCKERIGNORE.read_text().splitlines() if line.strip() and not line.startswith("#")
    ]
    copies = _instr(dockerfile, "COPY")
    assert copies
    for args in copies:
        *srcs, _dest = _exec_form(args)
        for src in srcs:
            if src.startswith("--"):
                continue
            assert (ROOT / src).exists(), f"Dockerfile COPYs {src}, which does not exist"
            assert not _ignored(src, patterns), f"{src} is excluded by .dockerignore"
    # the packages the distribution declares are all in the image
    copied = {Path(_exec_form(a)[0]).parts[0] for a in copies}
    assert {"cascade", "ingest", "graph_schema", "api", "pyproject.toml"} <= copied


@pytest.mark.parametrize(
    "argv, options",
    [
        (["serve"], ["--host", "--port"]),  # the image's CMD
        (["ingest"], []),  # the compose one-shot
    ],
)
def test_cli_subcommands_of_the_image_exist(argv, options):
    from typer.testing import CliRunner

    cli = importlib.import_module("cascade.cli")
    app = getattr(cli, "app")
    result = CliRunner().invoke(app, [*argv, "--help"])
    assert result.exit_code == 0, result.output
    for opt in options:
        assert opt in result.output
