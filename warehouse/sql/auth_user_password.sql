-- auth_user_password: the password hash and state of the account named $1.
-- Columns: user_id, password_hash, disabled.
SELECT user_id, password_hash, disabled FROM auth.users WHERE name = $1;
