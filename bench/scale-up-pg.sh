#!/usr/bin/env bash
# Multiplies the findings of a PostgreSQL Kansa database inside PostgreSQL (docs/benchmarks.md §14).
# Why: `./kansa import` of 2,000,000 generated findings would take hours on the shared 2-core machine, so the
# benchmark imports a generated 100,000 for real and copies it COPIES times here, in SQL.
# Each copy gets new ids (offset by the originals' maximum), its own audit keys (the original key + "-c<n>", kind and
# fiscal year kept, so the copies read as more audits of the same years, as another city's or a bigger city's would),
# the same finding numbers inside its audit (numbers are unique per audit, as in the generator's data), its own status
# records, finding-department rows (same departments) and search documents (the same folded text, so copies are found
# by search like the originals). Not copied: the change log (AuditEntries) — the copies are not in it, so
# `kansa audit-log verify` still passes but does not vouch for them — and department names, rounds, users (shared).
# The trigram GIN indexes are dropped and rebuilt around the copy (building them once is far faster than 2 M inserts).
# Usage: bench/scale-up-pg.sh "postgres://…" or libpq conninfo (psql's argument) [COPIES, default 19]
set -euo pipefail
conn="${1:?usage: bench/scale-up-pg.sh CONNINFO [COPIES]}"
copies="${2:-19}"

psql "$conn" -v ON_ERROR_STOP=1 -v copies="$copies" <<'SQL'
\timing on
SET maintenance_work_mem = '1GB';
BEGIN;
CREATE TEMP TABLE base AS SELECT
  (SELECT max("Id") FROM "Audits") AS audits,
  (SELECT max("Id") FROM "Findings") AS findings,
  (SELECT max("Id") FROM "StatusRecords") AS records;
CREATE TEMP TABLE copy AS SELECT generate_series(1, :copies) AS c;

DROP INDEX "IX_SearchDocuments_Title_Trgm";
DROP INDEX "IX_SearchDocuments_Names_Trgm";
DROP INDEX "IX_SearchDocuments_Body_Trgm";

INSERT INTO "Audits" ("Id", "Key", "Kind", "FiscalYear", "Theme", "Auditor", "ReportDate", "DocumentKind", "LatestDocument", "Version")
SELECT a."Id" + copy.c * base.audits, a."Key" || '-c' || copy.c, a."Kind", a."FiscalYear", a."Theme", a."Auditor", a."ReportDate",
       a."DocumentKind", a."LatestDocument", gen_random_uuid()
FROM "Audits" a, copy, base WHERE a."Id" <= base.audits;

INSERT INTO "Findings" ("Id", "AuditId", "Number", "Category", "Sequence", "ReportPages", "PageFrom", "PageTo", "Title", "Excerpt", "ContentAsOf", "Version")
SELECT f."Id" + copy.c * base.findings, f."AuditId" + copy.c * base.audits, f."Number", f."Category", f."Sequence", f."ReportPages",
       f."PageFrom", f."PageTo", f."Title", f."Excerpt", f."ContentAsOf", gen_random_uuid()
FROM "Findings" f, copy, base WHERE f."Id" <= base.findings;

INSERT INTO "FindingDepartment" ("FindingId", "DepartmentId", "Position")
SELECT fd."FindingId" + copy.c * base.findings, fd."DepartmentId", fd."Position"
FROM "FindingDepartment" fd, copy, base WHERE fd."FindingId" <= base.findings;

INSERT INTO "StatusRecords" ("Id", "FindingId", "Word", "State", "Published", "Response", "AsOf", "Source", "RecordedAt", "CorrectionReason", "RecordedBy", "ResponseId")
SELECT r."Id" + copy.c * base.records, r."FindingId" + copy.c * base.findings, r."Word", r."State", r."Published", r."Response", r."AsOf",
       r."Source", r."RecordedAt", r."CorrectionReason", r."RecordedBy", NULL
FROM "StatusRecords" r, copy, base WHERE r."Id" <= base.records AND r."ResponseId" IS NULL;

INSERT INTO "SearchDocuments" ("FindingId", "Title", "Names", "Body", "State", "Published")
SELECT d."FindingId" + copy.c * base.findings, d."Title", d."Names", d."Body", d."State", d."Published"
FROM "SearchDocuments" d, copy, base WHERE d."FindingId" <= base.findings;

SELECT setval(pg_get_serial_sequence('"Audits"', 'Id'), (SELECT max("Id") FROM "Audits"));
SELECT setval(pg_get_serial_sequence('"Findings"', 'Id'), (SELECT max("Id") FROM "Findings"));
SELECT setval(pg_get_serial_sequence('"StatusRecords"', 'Id'), (SELECT max("Id") FROM "StatusRecords"));

CREATE INDEX "IX_SearchDocuments_Title_Trgm" ON "SearchDocuments" USING gin (lower("Title") gin_trgm_ops);
CREATE INDEX "IX_SearchDocuments_Names_Trgm" ON "SearchDocuments" USING gin (lower("Names") gin_trgm_ops);
CREATE INDEX "IX_SearchDocuments_Body_Trgm" ON "SearchDocuments" USING gin (lower("Body") gin_trgm_ops);
COMMIT;
-- Other instances' public caches learn of the change the way they learn of an import's.
NOTIFY kansa_data;
ANALYZE;
SELECT (SELECT count(*) FROM "Audits") AS audits, (SELECT count(*) FROM "Findings") AS findings,
       (SELECT count(*) FROM "StatusRecords") AS status_records, (SELECT count(*) FROM "FindingDepartment") AS finding_departments,
       (SELECT count(*) FROM "SearchDocuments") AS search_documents, pg_size_pretty(pg_database_size(current_database())) AS size;
SQL
