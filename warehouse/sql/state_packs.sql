-- state_packs: the last pack file of source files in use.
SELECT coalesce(max(pack), 0) FROM store.sources;
