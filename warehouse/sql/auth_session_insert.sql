-- auth_session_insert: starts a session ($1 hash of its secret, $2 user id,
-- $3 created, $4 expires, $5 remote address).
INSERT INTO auth.sessions (session_hash, user_id, created_at, expires_at, remote) VALUES ($1, $2, $3, $4, $5);
