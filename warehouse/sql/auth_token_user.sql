-- auth_token_user: the enabled user of the live token whose hash is $1 at
-- time $2 (not revoked, not expired). Columns: user_id, expires_at (NULL: never).
SELECT t.user_id, t.expires_at
FROM auth.tokens t
JOIN auth.users u USING (user_id)
WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) AND NOT u.disabled;
