-- auth_tokens: every API token, newest first ($1 a token id or NULL for all).
-- Columns: token_id, user name, created_at, expires_at, revoked_at, created_by.
SELECT t.token_id, u.name, t.created_at, t.expires_at, t.revoked_at, coalesce(t.created_by, '')
FROM auth.tokens t
JOIN auth.users u USING (user_id)
WHERE $1::BIGINT IS NULL OR t.token_id = $1::BIGINT
ORDER BY t.token_id DESC;
