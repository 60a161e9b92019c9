-- auth_user_set_disabled: disables ($2 true) or enables user $1 at time $3.
UPDATE auth.users SET disabled = $2, updated_at = $3 WHERE user_id = $1;
