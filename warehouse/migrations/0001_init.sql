-- 0001_init: the stored tables.
--
-- Everything written by the loader lives in the schema "store"; analysts read
-- the views of the main schema (0002_views.sql), whose column names are the
-- contract with the dashboard and the demo. Ids are assigned by the single
-- writer in Go, so the tables carry no sequences and no indexes: DuckDB's
-- zone maps serve the scans, and appends stay fast.
CREATE SCHEMA store;

-- One row per agency. name is the name as first seen; name_key the folded form
-- that re-uploads are matched on. The region columns stay NULL when unknown:
-- they are never guessed. region_source says who set them: 'report' (the
-- source states them), 'derived' (from the name, by package region) or
-- 'admin' (corrected by hand; never overwritten by a load).
CREATE TABLE store.agencies (
    agency_id     BIGINT  NOT NULL,
    name          VARCHAR NOT NULL,
    name_key      VARCHAR NOT NULL,
    province      VARCHAR,
    city          VARCHAR,
    county        VARCHAR,
    level         VARCHAR,
    code          VARCHAR,
    region_source VARCHAR,
    expected      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP NOT NULL
);

-- One row per loaded report version. A re-upload for the same agency and year
-- adds a row with the next version and clears is_current on the old one.
-- province … level are what the source itself states (cover sheet), kept as
-- read; the views show the agency's region.
CREATE TABLE store.reports (
    report_id   BIGINT  NOT NULL,
    agency_id   BIGINT  NOT NULL,
    year        INTEGER NOT NULL,
    format      VARCHAR NOT NULL,
    province    VARCHAR,
    city        VARCHAR,
    county      VARCHAR,
    level       VARCHAR,
    published   VARCHAR,
    source_kind VARCHAR,
    source_name VARCHAR,
    sha256      VARCHAR,
    size        BIGINT,
    loaded_at   TIMESTAMP NOT NULL,
    loaded_by   VARCHAR,
    version     INTEGER NOT NULL,
    is_current  BOOLEAN NOT NULL,
    errors      INTEGER NOT NULL,
    warnings    INTEGER NOT NULL
);

-- The strings that figures repeat (measure codes, applicants, units, cell
-- text, locations), each stored once. The loader keeps them in memory and
-- writes figures as numbers only: DuckDB appends numbers several times faster
-- than strings, and a report has about 200 figures.
CREATE TABLE store.texts (
    text_id INTEGER NOT NULL,
    text    VARCHAR NOT NULL
);

-- One row per figure, every version; the *_id columns point into
-- store.texts. The view store.report_values (0002) shows it decoded. value is NULL
-- when the source leaves the cell blank (raw_id is then NULL too); derived
-- rows (e.g. 2021's apps.other, the sum of its sub-rows) have derived = true
-- and no raw text or location.
CREATE TABLE store.figures (
    report_id    BIGINT  NOT NULL,
    measure_id   INTEGER NOT NULL,
    applicant_id INTEGER NOT NULL,
    value        DOUBLE,
    unit_id      INTEGER,
    raw_id       INTEGER,
    at_id        INTEGER,
    derived      BOOLEAN NOT NULL
);

-- Findings of the format's rules (from ingest) and of the rules across years
-- (R4, R5, content similarity: from the loader). other_report_id names the
-- report a cross-report finding compares with.
CREATE TABLE store.findings (
    report_id       BIGINT  NOT NULL,
    seq             INTEGER NOT NULL,
    rule            VARCHAR NOT NULL,
    severity        VARCHAR NOT NULL,
    "at"            VARCHAR,
    row_label       VARCHAR,
    column_label    VARCHAR,
    measure         VARCHAR,
    applicant       VARCHAR,
    message         VARCHAR NOT NULL,
    expected        DOUBLE,
    actual          DOUBLE,
    other_report_id BIGINT
);

-- Narrative sections (一、总体情况 …). fingerprint is a MinHash signature of
-- the text's character 4-grams, for the content-similarity check.
CREATE TABLE store.sections (
    report_id   BIGINT  NOT NULL,
    seq         INTEGER NOT NULL,
    numeral     VARCHAR,
    title       VARCHAR,
    text        VARCHAR,
    "at"        VARCHAR,
    fingerprint UINTEGER[]
);

-- Where the source file of each SHA-256 is kept: the files are written
-- beside the database into pack files (<db>.sources/NNNNNN.pack), one per
-- committed group, at offset for size bytes (see warehouse/sources.go).
CREATE TABLE store.sources (
    sha256   VARCHAR NOT NULL,
    pack     INTEGER NOT NULL,
    "offset" BIGINT  NOT NULL,
    size     BIGINT  NOT NULL
);

-- The measure catalogue, rewritten from the format definitions at every Open.
CREATE TABLE store.measures (
    code         VARCHAR NOT NULL,
    label        VARCHAR NOT NULL,
    table_id     VARCHAR NOT NULL,
    group_label  VARCHAR,
    formats      VARCHAR[],
    unit         VARCHAR,
    kind         VARCHAR,
    by_applicant BOOLEAN NOT NULL,
    derived      BOOLEAN NOT NULL
);
