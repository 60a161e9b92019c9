-- source_packs: the pack files of source files that committed reports name;
-- any other pack in <db>.sources/ was left by a load that died.
SELECT DISTINCT pack FROM store.sources;
