-- auth_session_user: the user of the live session whose secret hashes to $1
-- at time $2 (none when expired). Columns: user_id, expires_at.
SELECT user_id, expires_at FROM auth.sessions WHERE session_hash = $1 AND expires_at > $2;
