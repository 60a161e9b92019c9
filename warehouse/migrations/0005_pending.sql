-- 0005_pending: report versions that wait for their uploader's confirmation.
-- A new version of an agency's year that has error findings, or lacks a
-- table the current version has, is stored but not made current: the old
-- version stays current until the uploader confirms the new one after seeing
-- its findings (or another version replaces both). A row here with
-- resolved_at NULL is pending; resolution says how it ended: 'confirmed'
-- (made current) or 'superseded' (another version became current first).

CREATE TABLE store.pending (
    report_id   BIGINT    NOT NULL,
    reason      VARCHAR   NOT NULL,
    resolved_at TIMESTAMP,
    resolution  VARCHAR,
    resolved_by VARCHAR
);

-- The versions waiting for confirmation, with why they wait.
CREATE VIEW pending_reports AS
SELECT r.report_id, r.agency_id, a.name AS agency, r.year, r.version, p.reason,
       r.loaded_at, r.loaded_by, r.errors, r.warnings
FROM store.pending p
JOIN store.reports r USING (report_id)
JOIN store.agencies a USING (agency_id)
WHERE p.resolved_at IS NULL;
