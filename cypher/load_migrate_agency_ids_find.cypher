// name: load_migrate_agency_ids_find
// purpose: Schema 3 -> 4 migration, first step: the agencies and groups of a district or commune with a known province, whose ids gain the province (and a commune's the district) in schema 4 (ingest.identity.agency_id); the caller computes the new ids.
// params: levels = ["district", "commune"]
// returns: id, level, province, district (one row per node of either label)
// engines: falkordb, neo4j
MATCH (a:Agency)
WHERE a.level IN $levels AND a.province IS NOT NULL
RETURN a.id AS id, a.level AS level, a.province AS province, a.district AS district
UNION ALL
MATCH (a:AgencyGroup)
WHERE a.level IN $levels AND a.province IS NOT NULL
RETURN a.id AS id, a.level AS level, a.province AS province, a.district AS district
