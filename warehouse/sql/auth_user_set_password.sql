-- auth_user_set_password: replaces the password hash of user $1 with $2 at
-- time $3.
UPDATE auth.users SET password_hash = $2, updated_at = $3 WHERE user_id = $1;
