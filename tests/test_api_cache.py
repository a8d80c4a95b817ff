"""The API's answers cached by ingest generation (api/cache.py, issue #6).

Guarantee under test: a request that arrives after an ingest committed — in this
process, in another process (``cascade ingest``), or seen by another uvicorn
worker — is answered from data that includes that ingest.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time

import httpx
import pytest

from api.cache import GenerationWatch, ResponseCache
from cascade import ROOT
from cascade.graph import FalkorGraph
from tests.conftest import ingest_into

SAMPLES = ROOT / "corpus" / "samples"
SAMPLE_124 = SAMPLES / "124-KH-UBND_lao-cai_2020.txt"  # implements 142/QĐ-TTg
SAMPLE_85 = SAMPLES / "85-KH-UBND_chau-thanh-soc-trang_2020.txt"  # implements 56/KH-UBND and 142/QĐ-TTg
ID_142 = "142-qd-ttg--2020"
ID_85 = "85-kh-ubnd--2020--soc-trang--chau-thanh"
DOWN_142 = f"/documents/{ID_142}/lineage?direction=down"


def _ids(body: dict) -> list[str]:
    return [n["id"] for n in body["nodes"]]


# --------------------------------------------------------------------------- ResponseCache


@pytest.mark.parametrize(("steps", "expected"), [
    # (op, scope, generation, key, value) ... ; expected = what the final get returns
    ([("put", "g", 3, "k", b"a"), ("get", "g", 3, "k")], b"a"),
    ([("put", "g", 3, "k", b"a"), ("get", "g", 4, "k")], None),  # a newer generation never sees older answers
    ([("put", "g", 3, "k", b"a"), ("get", "h", 3, "k")], None),  # another graph
    ([("put", "g", 3, "k", b"a"), ("put", "g", 4, "x", b"b"), ("get", "g", 3, "k")], None),  # newer drops older
    ([("put", "g", 4, "k", b"new"), ("put", "g", 3, "k", b"old"), ("get", "g", 4, "k")], b"new"),  # late old write
    ([("put", "g", 4, "k", b"new"), ("put", "g", 3, "k", b"old"), ("get", "g", 3, "k")], None),
])
def test_response_cache_is_keyed_by_generation(steps, expected):
    cache = ResponseCache()
    result = None
    for op, *args in steps:
        result = cache.put(*args) if op == "put" else cache.get(*args)
    assert result == expected


def test_response_cache_bounds_and_switch():
    cache = ResponseCache(max_entries=2)
    for k in ("a", "b", "c"):
        cache.put("g", 1, k, k)
    assert cache.get("g", 1, "a") is None and cache.get("g", 1, "c") == "c"  # least recently used went first
    short = ResponseCache(max_age_s=0.05)
    short.put("g", 1, "k", "v")
    time.sleep(0.08)
    assert short.get("g", 1, "k") is None
    off = ResponseCache(max_age_s=0)
    off.put("g", 1, "k", "v")
    assert not off.enabled and off.get("g", 1, "k") is None


# --------------------------------------------------------------------------- GenerationWatch


class FakeStore:
    """A store whose generation read takes a snapshot when it *starts*, then waits (a slow query)."""

    def __init__(self) -> None:
        self.committed = 0
        self.release = threading.Event()
        self.started = threading.Event()
        self.reads = 0

    def read(self) -> int:
        snapshot = self.committed
        self.reads += 1
        self.started.set()
        self.release.wait(5)
        return snapshot


def test_a_request_arriving_after_a_commit_sees_it_even_while_an_older_read_is_in_flight():
    store = FakeStore()
    watch = GenerationWatch(store.read)

    async def scenario() -> tuple[int, int]:
        first = asyncio.ensure_future(watch.current())
        await asyncio.to_thread(store.started.wait, 5)  # the first read has taken its snapshot (0)
        store.committed = 1  # an ingest commits while that read is in flight
        second = asyncio.ensure_future(watch.current())  # ... and then a request arrives
        await asyncio.sleep(0.01)
        store.release.set()
        return await first, await second

    first, second = asyncio.run(scenario())
    assert (first, second) == (0, 1)  # joining the in-flight read would have answered 0 to the second
    assert store.reads == 2


def test_concurrent_requests_share_generation_reads():
    store = FakeStore()
    store.release.set()
    watch = GenerationWatch(store.read)

    async def scenario() -> list[int]:
        return list(await asyncio.gather(*(watch.current() for _ in range(200))))

    assert asyncio.run(scenario()) == [0] * 200
    assert store.reads <= 3  # one read, plus one for the requests that arrived while it ran


def test_generation_read_errors_reach_the_request_and_the_next_request_retries():
    calls = []

    def read() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("down")
        return 7

    watch = GenerationWatch(read)

    async def scenario() -> int:
        with pytest.raises(ConnectionError):
            await watch.current()
        return await watch.current()

    assert asyncio.run(scenario()) == 7


# --------------------------------------------------------------------------- through the API


def test_generation_of_a_graph(new_graph):
    g = new_graph()
    assert g.generation() == 0  # nothing ingested yet
    ingest_into(g, [SAMPLE_124])
    first = g.generation()
    assert first >= 1
    ingest_into(g, [SAMPLE_85])
    assert g.generation() > first


@pytest.mark.parametrize("cache_s", [600.0, 0.0])
def test_an_ingest_by_another_writer_shows_in_the_next_request(new_graph, falkordb_server, make_client, cache_s):
    g = new_graph()
    ingest_into(g, [SAMPLE_124])
    c = make_client(g, api_cache_ttl_s=cache_s)
    before = [_ids(c.get(DOWN_142).json()) for _ in range(3)]
    assert all(ID_85 not in ids for ids in before)
    other = FalkorGraph(falkordb_server.url, g.name)  # another connection, as another program would have
    try:
        ingest_into(other, [SAMPLE_85])
    finally:
        other.close()
    after = c.get(DOWN_142).json()
    assert ID_85 in _ids(after)
    duties = c.get("/agencies/phong-noi-vu-huyen-chau-thanh--soc-trang/duties").json()  # an agency of the new plan
    assert duties["items"] and {d["plan"]["id"] for d in duties["items"]} == {ID_85}


def test_repeated_requests_are_served_from_the_cache(new_graph, make_client):
    g = new_graph()
    ingest_into(g, [SAMPLE_124])
    c = make_client(g)
    bodies = {c.get(DOWN_142).content for _ in range(5)}
    assert len(bodies) == 1
    cache = c.app.state.responses
    assert cache.hits == 4  # the first request computed the answer, the four others were served it


@pytest.mark.slow
def test_cascade_ingest_in_another_process_shows_in_every_worker_of_a_live_server(new_graph, falkordb_server):
    """Two uvicorn workers warm their caches; ``cascade ingest`` runs in another process; every request after sees it."""
    from bench.api_bench import serve

    g = new_graph()
    ingest_into(g, [SAMPLE_124])
    env = dict(os.environ, CASCADE_GRAPH_URL=falkordb_server.url, CASCADE_GRAPH_NAME=g.name)
    with serve("api.app:create_app", graph_url=falkordb_server.url, graph_name=g.name, workers=2) as (base, _pid):
        for _ in range(20):  # new connection each time: both workers answer some and cache the answer
            assert ID_85 not in _ids(httpx.get(base + DOWN_142, timeout=10).json())
        done = subprocess.run([sys.executable, "-m", "cascade", "ingest", str(SAMPLE_85)], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        with httpx.Client(base_url=base, timeout=10) as keep_alive:
            seen = [_ids(httpx.get(base + DOWN_142, timeout=10).json()) for _ in range(20)]
            seen += [_ids(keep_alive.get(DOWN_142).json()) for _ in range(20)]
    assert all(ID_85 in ids for ids in seen)



# --------------------------------------------------------------------------- the fast path in front of FastAPI


@pytest.mark.parametrize(("path", "query", "key"), [
    (f"/documents/{ID_142}/lineage", b"direction=down", ("lineage", ID_142, "down", 10)),
    (f"/documents/{ID_142}/lineage", b"", ("lineage", ID_142, "up", 10)),
    (f"/documents/{ID_142}/lineage", b"depth=3&direction=both", ("lineage", ID_142, "both", 3)),
    ("/agencies/so-noi-vu-tinh-bac-ninh/duties", b"limit=100",
     ("duties", "so-noi-vu-tinh-bac-ninh", None, None, None, 100, 0)),
    ("/agencies/so-noi-vu-tinh-bac-ninh/duties", b"role=lead&due_before=2025-12-31&offset=200",
     ("duties", "so-noi-vu-tinh-bac-ninh", "lead", "2025-12-31", None, 100, 200)),
    # left to FastAPI: what it would reject (422) or read in its own way
    (f"/documents/{ID_142}/lineage", b"depth=13", None),
    (f"/documents/{ID_142}/lineage", b"depth=010", None),
    (f"/documents/{ID_142}/lineage", b"depth=", None),
    (f"/documents/{ID_142}/lineage", b"direction=sideways", None),
    (f"/documents/{ID_142}/lineage", b"direction=up&direction=down", None),
    (f"/documents/{ID_142}/lineage", b"direction=up&format=html", None),
    ("/agencies/x/duties", b"due_before=2025-1-31", None),
    ("/agencies/x/duties", b"limit=0", None),
    ("/documents//lineage", b"", None),
    (f"/documents/{ID_142}", b"", None),
    (f"/documents/{ID_142}/tasks", b"", None),
    ("/documents/" + "x" * 301 + "/lineage", b"", None),
])
def test_answer_key(path, query, key):
    from api.cache import answer_key

    assert answer_key(path, query) == key


def test_fast_path_sends_the_same_bytes_as_fastapi(new_graph, make_client):
    g = new_graph()
    ingest_into(g, [SAMPLE_124])
    c = make_client(g)
    url = "/agencies/so-noi-vu-tinh-lao-cai/duties?limit=2"
    first = c.get(url)  # a miss: FastAPI validates, computes and caches
    hits = c.app.state.responses.hits
    second = c.get(url)  # a hit: answered by api.cache.FastAnswers
    assert c.app.state.responses.hits == hits + 1
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and second.headers["content-type"] == "application/json"
    assert first.json()["items"]


def test_fast_path_keeps_reads_behind_the_key(new_graph, make_client):
    g = new_graph()
    ingest_into(g, [SAMPLE_124])
    c = make_client(g, api_key="k", read_requires_key=True)
    assert c.get(DOWN_142, headers={"X-API-Key": "k"}).status_code == 200  # cached now
    assert c.get(DOWN_142).status_code == 401
