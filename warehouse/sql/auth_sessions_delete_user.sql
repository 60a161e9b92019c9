-- auth_sessions_delete_user: ends every session of user $1.
DELETE FROM auth.sessions WHERE user_id = $1;
