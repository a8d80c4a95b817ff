// name: load_fingerprint
// purpose: Loader, read at the start of a group write (in the same optimistic transaction, Graph.write_after_read): which of the documents the graph holds, as ingested or as stubs, and the fingerprint of the rows that last loaded each ingested one; an unchanged document is skipped, a new one needs no load_cleanup, one without any node is CREATEd (load_new_*); `states` (the children of the edges an ingested document stated) are the documents whose lineage closure a re-ingest must recompute (load_lineage_closure).
// params: ids = ["85-kh-ubnd--2020--soc-trang--chau-thanh", "56-kh-ubnd--2020--soc-trang"]
// returns: id, status, fingerprint, states
// engines: falkordb, neo4j
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.status AS status, d.fingerprint AS fingerprint, d.states AS states
