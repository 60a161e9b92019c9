-- audit_read: audit entries, newest first, filtered by $1 actor, $2 action
-- prefix, $3 agency (substring), $4 year, $5 from (inclusive), $6 to
-- (exclusive) — each NULL for no filter — at most $7 rows.
-- Columns: audit_id, at, actor, remote, action, agency, year, version,
-- report_id, sha256, result, detail.
SELECT audit_id, "at", actor, coalesce(remote, ''), action, coalesce(agency, ''), coalesce(year, 0),
       coalesce(version, 0), coalesce(report_id, 0), coalesce(sha256, ''), result, coalesce(detail, '')
FROM auth.audit_log
WHERE ($1::VARCHAR IS NULL OR actor = $1::VARCHAR)
  AND ($2::VARCHAR IS NULL OR starts_with(action, $2::VARCHAR))
  AND ($3::VARCHAR IS NULL OR contains(coalesce(agency, ''), $3::VARCHAR))
  AND ($4::INTEGER IS NULL OR year = $4::INTEGER)
  AND ($5::TIMESTAMP IS NULL OR "at" >= $5::TIMESTAMP)
  AND ($6::TIMESTAMP IS NULL OR "at" < $6::TIMESTAMP)
ORDER BY audit_id DESC
LIMIT $7;
