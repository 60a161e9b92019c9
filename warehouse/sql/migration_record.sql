-- migration_record: records one applied migration ($1 version, $2 name, $3 time).
INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3);
