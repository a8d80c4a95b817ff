// name: schema
// purpose: Neo4j 5 constraints and indexes of the model, generated from graph_schema/schema.py by `cascade schema --neo4j --write`; several statements, run one by one (cypher-shell -f).
// params: none
// returns: nothing
// engines: neo4j
// schema_version: 4
CREATE CONSTRAINT document_id_unique IF NOT EXISTS FOR (x:Document) REQUIRE x.id IS UNIQUE;
CREATE CONSTRAINT directive_id_unique IF NOT EXISTS FOR (x:Directive) REQUIRE x.id IS UNIQUE;
CREATE CONSTRAINT plan_id_unique IF NOT EXISTS FOR (x:Plan) REQUIRE x.id IS UNIQUE;
CREATE INDEX document_symbol_key IF NOT EXISTS FOR (x:Document) ON (x.symbol_key);
CREATE INDEX document_status IF NOT EXISTS FOR (x:Document) ON (x.status);
CREATE INDEX document_level IF NOT EXISTS FOR (x:Document) ON (x.level);
CREATE INDEX document_province IF NOT EXISTS FOR (x:Document) ON (x.province);
CREATE INDEX document_year IF NOT EXISTS FOR (x:Document) ON (x.year);
CREATE CONSTRAINT agency_id_unique IF NOT EXISTS FOR (x:Agency) REQUIRE x.id IS UNIQUE;
CREATE CONSTRAINT agencygroup_id_unique IF NOT EXISTS FOR (x:AgencyGroup) REQUIRE x.id IS UNIQUE;
CREATE INDEX agency_name IF NOT EXISTS FOR (x:Agency) ON (x.name);
CREATE INDEX agency_province IF NOT EXISTS FOR (x:Agency) ON (x.province);
CREATE INDEX agency_level IF NOT EXISTS FOR (x:Agency) ON (x.level);
CREATE INDEX agency_kind IF NOT EXISTS FOR (x:Agency) ON (x.kind);
CREATE CONSTRAINT task_id_unique IF NOT EXISTS FOR (x:Task) REQUIRE x.id IS UNIQUE;
CREATE INDEX task_doc_id IF NOT EXISTS FOR (x:Task) ON (x.doc_id);
CREATE INDEX task_due IF NOT EXISTS FOR (x:Task) ON (x.due);
CREATE INDEX task_deadline_kind IF NOT EXISTS FOR (x:Task) ON (x.deadline_kind);
CREATE CONSTRAINT jurisdiction_id_unique IF NOT EXISTS FOR (x:Jurisdiction) REQUIRE x.id IS UNIQUE;
CREATE INDEX jurisdiction_name IF NOT EXISTS FOR (x:Jurisdiction) ON (x.name);
CREATE INDEX jurisdiction_level IF NOT EXISTS FOR (x:Jurisdiction) ON (x.level);
CREATE CONSTRAINT meta_key_unique IF NOT EXISTS FOR (x:Meta) REQUIRE x.key IS UNIQUE;
CREATE INDEX coordinates_with_doc_id IF NOT EXISTS FOR ()-[x:COORDINATES_WITH]-() ON (x.doc_id);
CREATE INDEX reports_to_doc_id IF NOT EXISTS FOR ()-[x:REPORTS_TO]-() ON (x.doc_id);
