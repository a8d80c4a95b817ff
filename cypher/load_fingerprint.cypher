// name: load_fingerprint
// purpose: Loader, read before a document's transaction: the fingerprint of the statements that last loaded the document (ingested documents only), so re-loading an unchanged document is skipped.
// params: id = "85-kh-ubnd--2020--soc-trang--chau-thanh"
// returns: fingerprint
// engines: falkordb, neo4j
MATCH (d:Document {id: $id})
WHERE d.status = 'ingested'
RETURN d.fingerprint AS fingerprint
