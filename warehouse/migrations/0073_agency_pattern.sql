-- 0073_agency_pattern: store.agencies keeps each agency's pattern
-- (store.agency_status.pattern, 0046), NULL when the agency has no row
-- there (no current report of 1990-2100), so that 报送与质量
-- (queries/quality_matrix.sql, quality_by_year.sql) counts and lists the
-- agencies its filters select from store.agencies alone. Before, the
-- selected agencies were joined to their status rows (a join built on
-- ~165,000 rows for a province or a level at 1M reports), and the page's
-- agencies were named by a second join on all 170,000 agencies; and a
-- filtered scan of store.agency_status, which the writer rewrites by
-- DELETE and INSERT, cost ~4 times a scan of store.agencies (7 against
-- 1.7 ms of CPU at 1M reports with a level; its deleted rows).
--
-- Exact, never a guess: the pattern is written in the transaction that
-- writes the agency's status row (refreshStatus, warehouse/status.go), by
-- the rebuild of store.agency_status, and held to that row by Open's check
-- (agency_status_stale): a pattern that differs, set by hand, rebuilds
-- both; a read-only open refuses such a file. The region and name the
-- queries filter on are the agencies' own, as before.
--
-- Cost on an existing warehouse: one column added and filled from
-- store.agency_status (~170,000 rows at 1M reports: ~2 s of CPU).

ALTER TABLE store.agencies ADD COLUMN pattern INTEGER;
UPDATE store.agencies a SET pattern = s.pattern
FROM store.agency_status s
WHERE s.agency_id = a.agency_id;
