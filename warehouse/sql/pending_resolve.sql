-- pending_resolve: ends the wait of every pending version of agency $1 and
-- year $2 ($3 time, $4 who): confirmed for report $5, superseded for others.
UPDATE store.pending
SET resolved_at = $3, resolved_by = $4,
    resolution = CASE WHEN report_id = $5 THEN 'confirmed' ELSE 'superseded' END
WHERE resolved_at IS NULL
  AND report_id IN (SELECT report_id FROM store.reports WHERE agency_id = $1 AND year = $2);
