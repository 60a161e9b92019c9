-- read_report_pending: which of the report versions $1 (a list of ids)
-- wait for their uploader's confirmation, and why (open: the rows of the
-- pending_reports view, unresolved store.pending rows), and which waited and
-- were superseded before anyone confirmed them (open false: never current,
-- so never published). The versions' reports and agency exist (Report read
-- them in the same transaction), so the view's joins to them would drop
-- nothing.
SELECT report_id, reason, resolved_at IS NULL AS open
FROM store.pending
WHERE (resolved_at IS NULL OR resolution = 'superseded')
  AND report_id IN (SELECT unnest($1::BIGINT[]));
