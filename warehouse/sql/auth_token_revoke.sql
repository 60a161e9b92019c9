-- auth_token_revoke: revokes token $1 at time $2 (a revoked token keeps its
-- first revocation time).
UPDATE auth.tokens SET revoked_at = $2 WHERE token_id = $1 AND revoked_at IS NULL;
