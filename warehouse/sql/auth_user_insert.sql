-- auth_user_insert: adds an account ($1 name, $2 role, $3 password hash,
-- $4 time) and returns its id.
INSERT INTO auth.users (name, role, password_hash, created_at, updated_at)
VALUES ($1, $2, $3, $4, $4)
RETURNING user_id;
