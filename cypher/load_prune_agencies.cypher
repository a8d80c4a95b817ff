// name: load_prune_agencies
// purpose: Loader: delete the agencies and groups no document names any more (the ones load_prune_agencies_find counts). Run again until none is left: a parent whose last child went is pruned by the next run.
// params: none
// returns: nothing
// engines: falkordb, neo4j
// One part per label (a label scan each, not a scan of every node).
OPTIONAL MATCH (a:Agency)
WHERE NOT (a)<-[:ASSIGNED_TO]-()
  AND NOT (a)<-[:ISSUED_BY]-()
  AND NOT (a)-[:COORDINATES_WITH]-()
  AND NOT (a)-[:REPORTS_TO]-()
  AND NOT (a)<-[:PART_OF]-()
DETACH DELETE a
WITH count(*) AS _
OPTIONAL MATCH (a:AgencyGroup)
WHERE NOT (a)<-[:ASSIGNED_TO]-()
  AND NOT (a)<-[:ISSUED_BY]-()
  AND NOT (a)-[:COORDINATES_WITH]-()
  AND NOT (a)-[:REPORTS_TO]-()
  AND NOT (a)<-[:PART_OF]-()
DETACH DELETE a
