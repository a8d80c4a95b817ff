"""Cascade: a graph database of Vietnam's directive cascade.

Core package: settings, graph access (embedded FalkorDB or Neo4j), the loader
that writes parsed documents, named Cypher queries and the ``cascade`` CLI.
The extraction pipeline lives in ``ingest``, the model in ``graph_schema``,
the HTTP layer in ``api``.
"""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root (where ``cypher/`` and ``corpus/`` live).
ROOT = Path(__file__).resolve().parent.parent
