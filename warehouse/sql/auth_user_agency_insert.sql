-- auth_user_agency_insert: binds user $1 to agency $2 (name as given) with
-- folded key $3.
INSERT INTO auth.user_agencies (user_id, agency, name_key) VALUES ($1, $2, $3);
