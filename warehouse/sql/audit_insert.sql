-- audit_insert: appends one audit entry: $1 time, $2 actor, $3 remote
-- address, $4 action, $5 agency, $6 year, $7 version, $8 report id,
-- $9 SHA-256, $10 result, $11 detail (NULL where not applicable).
INSERT INTO auth.audit_log ("at", actor, remote, action, agency, year, version, report_id, sha256, result, detail)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
