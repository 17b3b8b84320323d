CREATE TABLE "acknowledgements" (
  "record" TEXT NOT NULL,
  "code" TEXT NOT NULL CHECK ("code" IS NULL OR "code" IN ('syntax-error', 'invalid-utf8', 'control-character', 'duplicate-key', 'nesting-too-deep', 'alias-limit', 'unknown-field', 'missing-field', 'wrong-type', 'ambiguous-scalar', 'invalid-number', 'invalid-value', 'invalid-id', 'invalid-date', 'missing-file', 'path-outside-root', 'malformed-csv', 'include-cycle', 'include-not-records', 'duplicate-id', 'replaced-id-in-use', 'unknown-reference', 'wrong-reference-kind', 'missing-source', 'end-before-start', 'date-precision', 'unknown-country-code', 'unknown-currency-code', 'invalid-url', 'excess-decimals', 'currency-out-of-use', 'components-mismatch', 'quote-not-found', 'statistics-mismatch', 'data-file-changed', 'participant-without-office', 'duplicate-event', 'unused-source', 'too-long-for-cell', 'unused-acknowledgement', 'unused-shared-record')),
  "reason" TEXT NOT NULL
) STRICT;
CREATE TABLE "agreements" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "title" TEXT NOT NULL,
  "kind" TEXT NOT NULL CHECK ("kind" IS NULL OR "kind" IN ('agreement', 'convention', 'treaty', 'mou', 'memorandum-of-cooperation', 'exchange-of-notes', 'joint-statement', 'declaration', 'other')),
  "initialled" TEXT,
  "signed" TEXT,
  "place" TEXT,
  "in_force" TEXT,
  "status" TEXT NOT NULL CHECK ("status" IS NULL OR "status" IN ('signed', 'in-force', 'superseded', 'expired', 'terminated', 'unknown')),
  "superseded_by" TEXT REFERENCES "agreements"("id"),
  "parties" TEXT,
  "supplements" TEXT,
  "amends" TEXT,
  "implements" TEXT,
  "sources" TEXT
) STRICT;
CREATE VIRTUAL TABLE "agreements_fts" USING fts5("title", content="agreements");
CREATE TABLE 'agreements_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'agreements_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'agreements_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'agreements_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE "citations" (
  "record" TEXT,
  "table" TEXT NOT NULL CHECK ("table" IS NULL OR "table" IN ('people', 'offices', 'organizations', 'mechanisms', 'events', 'agreements', 'statements', 'series', 'observations')),
  "source" TEXT NOT NULL REFERENCES "sources"("id"),
  "quote" TEXT
) STRICT;
CREATE INDEX "citations_record" ON "citations" ("table", "record");
CREATE INDEX "citations_source" ON "citations" ("source");
CREATE TABLE "countries" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "alpha2" TEXT NOT NULL,
  "alpha3" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "names" TEXT,
  "definite_article" INTEGER CHECK ("definite_article" IS NULL OR "definite_article" IN (0, 1))
) STRICT;
CREATE TABLE "events" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "kind" TEXT NOT NULL CHECK ("kind" IS NULL OR "kind" IN ('establishment', 'visit', 'meeting', 'dialogue-round', 'signing', 'opening', 'other')),
  "title" TEXT NOT NULL,
  "start" TEXT NOT NULL,
  "end" TEXT,
  "status" TEXT CHECK ("status" IS NULL OR "status" IN ('held', 'postponed', 'cancelled')),
  "format" TEXT CHECK ("format" IS NULL OR "format" IN ('in-person', 'virtual', 'hybrid')),
  "place" TEXT,
  "country" TEXT REFERENCES "countries"("id"),
  "visitors" TEXT,
  "hosts" TEXT,
  "participants" TEXT,
  "invited_by" TEXT,
  "purpose" TEXT,
  "mechanism" TEXT REFERENCES "mechanisms"("id"),
  "round" INTEGER,
  "note" TEXT,
  "sources" TEXT
) STRICT;
CREATE VIRTUAL TABLE "events_fts" USING fts5("title", "purpose", "note", content="events");
CREATE TABLE 'events_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'events_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'events_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'events_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE VIEW "exchanges_by_year" AS
  SELECT substr("start", 1, 4) AS "year", count(*) AS "exchanges",
         sum("kind" = 'visit') AS "visits", sum("kind" = 'meeting') AS "meetings"
  FROM "events"
  WHERE "kind" IN ('visit', 'meeting', 'dialogue-round') AND coalesce("status", 'held') = 'held'
  GROUP BY "year" ORDER BY "year";
CREATE VIEW "latest_observations" AS
  SELECT "o".* FROM "observations" AS "o"
  JOIN (SELECT "series", max("period") AS "period" FROM "observations" GROUP BY "series") AS "latest"
    ON "o"."series" = "latest"."series" AND "o"."period" = "latest"."period";
CREATE TABLE "mechanisms" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "name" TEXT NOT NULL,
  "names" TEXT,
  "abbreviation" TEXT,
  "area" TEXT,
  "established" TEXT,
  "ended" TEXT,
  "sources" TEXT
) STRICT;
CREATE TABLE "observations" (
  "id" TEXT,
  "series" TEXT NOT NULL REFERENCES "series"("id"),
  "period" TEXT NOT NULL,
  "period_kind" TEXT CHECK ("period_kind" IS NULL OR "period_kind" IN ('calendar-year', 'fiscal-year', 'fiscal-year-jul-jun', 'fiscal-year-apr-mar', 'quarter', 'half-year', 'month', 'week', 'day', 'span', 'date')),
  "value" REAL NOT NULL,
  "approximate" INTEGER CHECK ("approximate" IS NULL OR "approximate" IN (0, 1)),
  "value_status" TEXT CHECK ("value_status" IS NULL OR "value_status" IN ('provisional', 'estimated', 'forecast', 'imputed', 'break-in-series', 'definition-differs', 'low-reliability', 'not-significant', 'unvalidated', 'experimental', 'confidential')),
  "part_of" TEXT,
  "independently_rounded" INTEGER CHECK ("independently_rounded" IS NULL OR "independently_rounded" IN (0, 1)),
  "tolerance" REAL,
  "stated_amount" REAL,
  "stated_unit" TEXT,
  "note" TEXT,
  "component" TEXT,
  "purpose" TEXT,
  "channel" TEXT,
  "sources" TEXT
) STRICT;
CREATE INDEX "observations_series_period" ON "observations" ("series", "period");
CREATE TABLE "offices" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "person" TEXT NOT NULL REFERENCES "people"("id"),
  "title" TEXT NOT NULL,
  "organization" TEXT REFERENCES "organizations"("id"),
  "country" TEXT REFERENCES "countries"("id"),
  "start" TEXT,
  "end" TEXT,
  "sources" TEXT
) STRICT;
CREATE TABLE "organizations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "name" TEXT NOT NULL,
  "names" TEXT,
  "abbreviation" TEXT,
  "country" TEXT REFERENCES "countries"("id"),
  "countries" TEXT,
  "kind" TEXT NOT NULL CHECK ("kind" IS NULL OR "kind" IN ('government', 'ministry', 'agency', 'embassy', 'company', 'central-bank', 'statistics-office', 'legislature', 'university', 'media', 'international-organization', 'other')),
  "sectors" TEXT,
  "sources" TEXT
) STRICT;
CREATE TABLE "people" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "name" TEXT NOT NULL,
  "names" TEXT,
  "country" TEXT REFERENCES "countries"("id"),
  "sources" TEXT
) STRICT;
CREATE TABLE "series" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "title" TEXT NOT NULL,
  "indicator" TEXT NOT NULL CHECK ("indicator" IS NULL OR "indicator" IN ('trade', 'foreign-direct-investment', 'development-assistance', 'diaspora-population', 'companies', 'other')),
  "topic" TEXT CHECK ("topic" IS NULL OR "topic" IN ('overview', 'political', 'mechanisms', 'agreements', 'economy', 'trade', 'investment', 'development-assistance', 'education', 'science-and-technology', 'culture', 'people-to-people', 'diaspora', 'multilateral-cooperation', 'outlook', 'defence-and-security', 'regional-integration', 'environment-and-climate', 'consular-and-migration', 'energy')),
  "flow" TEXT CHECK ("flow" IS NULL OR "flow" IN ('export', 'import', 'inflow', 'outflow', 'total')),
  "reporter" TEXT,
  "partner" TEXT REFERENCES "countries"("id"),
  "currency" TEXT,
  "unit" TEXT,
  "scale" TEXT CHECK ("scale" IS NULL OR "scale" IN ('one', 'thousand', 'million', 'billion')),
  "period_kind" TEXT CHECK ("period_kind" IS NULL OR "period_kind" IN ('calendar-year', 'fiscal-year', 'fiscal-year-jul-jun', 'fiscal-year-apr-mar', 'quarter', 'half-year', 'month', 'week', 'day', 'span', 'date')),
  "fiscal_year_start" INTEGER,
  "dimensions" TEXT,
  "imported_from" TEXT REFERENCES "sources"("id"),
  "import_key" TEXT,
  "sources" TEXT
) STRICT;
CREATE TABLE "sources" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "title" TEXT NOT NULL,
  "publisher" TEXT,
  "author" TEXT,
  "url" TEXT,
  "published" TEXT,
  "accessed" TEXT,
  "tier" TEXT NOT NULL CHECK ("tier" IS NULL OR "tier" IN ('official', 'press', 'reference')),
  "archive" TEXT,
  "dataset" TEXT,
  "licence" TEXT,
  "sha256" TEXT
) STRICT;
CREATE TABLE "statements" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "replaces" TEXT,
  "topic" TEXT NOT NULL CHECK ("topic" IS NULL OR "topic" IN ('overview', 'political', 'mechanisms', 'agreements', 'economy', 'trade', 'investment', 'development-assistance', 'education', 'science-and-technology', 'culture', 'people-to-people', 'diaspora', 'multilateral-cooperation', 'outlook', 'defence-and-security', 'regional-integration', 'environment-and-climate', 'consular-and-migration', 'energy')),
  "text" TEXT NOT NULL,
  "date" TEXT,
  "sources" TEXT
) STRICT;
CREATE VIRTUAL TABLE "statements_fts" USING fts5("text", content="statements");
CREATE TABLE 'statements_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'statements_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'statements_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'statements_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
