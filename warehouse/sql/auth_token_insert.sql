-- auth_token_insert: adds an API token ($1 user id, $2 hash of the token,
-- $3 created, $4 expires or NULL, $5 who created it) and returns its id.
INSERT INTO auth.tokens (user_id, token_hash, created_at, expires_at, created_by)
VALUES ($1, $2, $3, $4, $5)
RETURNING token_id;
