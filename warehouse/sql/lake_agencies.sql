-- lake_agencies: store.agencies for the Parquet lake (see Export), with the
-- folder column lake_province (NULL for an agency without a region).
SELECT t.*, t.province AS lake_province FROM store.agencies t ORDER BY t.agency_id;
