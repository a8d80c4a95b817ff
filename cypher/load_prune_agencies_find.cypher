// name: load_prune_agencies_find
// purpose: Loader, after documents were ingested again: count (one row per label: Agency, AgencyGroup) the agencies and groups no document names any more (no task assigned to them, no coordination or reporting line, no document issued by them, no body under them), e.g. a body's old spelling after a parser upgrade renamed it; load_prune_agencies deletes them.
// params: none
// returns: orphans
// engines: falkordb, neo4j
// Agency and AgencyGroup nodes are only ever created by a document's load (as
// an assignee, issuer, coordination or reporting party, or the parent of one),
// so one with none of these edges left is named by nothing in the graph. The
// same condition as load_prune_agencies, which must stay in step with it.
// One branch per label: a label scan each, not a scan of every node.
MATCH (a:Agency)
WHERE NOT (a)<-[:ASSIGNED_TO]-()
  AND NOT (a)<-[:ISSUED_BY]-()
  AND NOT (a)-[:COORDINATES_WITH]-()
  AND NOT (a)-[:REPORTS_TO]-()
  AND NOT (a)<-[:PART_OF]-()
RETURN count(a) AS orphans
UNION ALL
MATCH (a:AgencyGroup)
WHERE NOT (a)<-[:ASSIGNED_TO]-()
  AND NOT (a)<-[:ISSUED_BY]-()
  AND NOT (a)-[:COORDINATES_WITH]-()
  AND NOT (a)-[:REPORTS_TO]-()
  AND NOT (a)<-[:PART_OF]-()
RETURN count(a) AS orphans
