-- auth_user: accounts with their agencies, one row each; $1 a user id or
-- NULL, $2 a name or NULL (NULL for both lists every account, by name).
-- Columns: user_id, name, role, disabled, created_at, agencies (newline-separated).
SELECT u.user_id, u.name, u.role, u.disabled, u.created_at,
       coalesce(string_agg(ua.agency, chr(10) ORDER BY ua.agency), '') AS agencies
FROM auth.users u
LEFT JOIN auth.user_agencies ua USING (user_id)
WHERE ($1::BIGINT IS NULL OR u.user_id = $1::BIGINT)
  AND ($2::VARCHAR IS NULL OR u.name = $2::VARCHAR)
GROUP BY u.user_id, u.name, u.role, u.disabled, u.created_at
ORDER BY u.name;
