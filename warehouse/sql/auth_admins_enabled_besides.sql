-- auth_admins_enabled_besides: how many enabled administrators there are
-- other than user $1 (SetDisabled refuses to disable the last one).
SELECT count(*) FROM auth.users WHERE role = 'admin' AND NOT disabled AND user_id <> $1;
