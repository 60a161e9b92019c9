-- read_report_pending: which of the report versions $1 (a list of ids)
-- wait for their uploader's confirmation, and why: the rows of the
-- pending_reports view (unresolved store.pending rows) for these ids. The
-- versions' reports and agency exist (Report read them in the same
-- transaction), so the view's joins to them would drop nothing.
SELECT report_id, reason
FROM store.pending
WHERE resolved_at IS NULL AND report_id IN (SELECT unnest($1::BIGINT[]));
