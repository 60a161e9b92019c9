-- auth_session_delete: ends the session whose secret hashes to $1, and every
-- session that expired before $2.
DELETE FROM auth.sessions WHERE session_hash = $1 OR expires_at <= $2;
