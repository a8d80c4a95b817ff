"""The Cascade graph model (see ``graph_schema.schema``)."""

from graph_schema.schema import EDGES, LINEAGE_EDGES, NODES, SCHEMA_VERSION

__all__ = ["EDGES", "LINEAGE_EDGES", "NODES", "SCHEMA_VERSION"]
