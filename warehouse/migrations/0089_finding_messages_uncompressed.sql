-- 0089_finding_messages_uncompressed: the findings' messages are stored
-- uncompressed (store.findings.message), so that a query reading them does
-- not decode them first.
--
-- DuckDB stores the ~400,000 messages of 1M reports with FSST, and a scan
-- decodes every vector it passes before a join sees it: 报送与质量's list
-- reads the findings of its page's ~20 reports through a dynamic IN filter
-- on report_id, which passes whole vectors (queries/quality_findings.sql).
-- On a copy of the 1M bench file with this table built so (TestScalePair,
-- each request served by both files, under the heavy-work lock): /quality
-- 77.7 -> 76.1 ms of CPU a request (session 30, -2.1 %, standard error
-- 0.44), and in session 31 (load 18-22) 97.5 -> 96.0 (-1.5 %, se 0.95) and
-- 83.0 -> 81.1 (-2.4 %, se 0.44); /reports/:id +0.7 % (s30), -5.3 and
-- +3.9 % (s31): no gain or loss that holds. The file grew by ~60 MB.
--
-- As 0078 does for the names: a column's compression is part of its
-- definition and DuckDB has no ALTER for it, so the table is built again
-- with the columns of 0001 in the same order (the loader appends by
-- position), its rows copied in their stored order, and put in the old
-- one's place. No later migration added a column to it; no index or
-- constraint but NOT NULL is on it; the findings view (0002) and the queries
-- bind it by name when they run. TestUpgradeKeepsFindings runs this again on
-- a loaded warehouse and compares every row.
--
-- Cost on an existing warehouse: its findings copied once (395,632 rows
-- at 1M reports: 0.9 s of CPU, 0.6 s wall, 1.0 s of CPU with the
-- checkpoint).

CREATE TABLE store.findings_0089 (
    report_id       BIGINT  NOT NULL,
    seq             INTEGER NOT NULL,
    rule            VARCHAR NOT NULL,
    severity        VARCHAR NOT NULL,
    "at"            VARCHAR,
    row_label       VARCHAR,
    column_label    VARCHAR,
    measure         VARCHAR,
    applicant       VARCHAR,
    message         VARCHAR NOT NULL USING COMPRESSION uncompressed,
    expected        DOUBLE,
    actual          DOUBLE,
    other_report_id BIGINT
);
INSERT INTO store.findings_0089 BY NAME SELECT * FROM store.findings;
DROP TABLE store.findings;
ALTER TABLE store.findings_0089 RENAME TO findings;
