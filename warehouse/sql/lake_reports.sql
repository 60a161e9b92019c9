-- lake_reports: store.reports for the Parquet lake (see Export), with the folder
-- columns lake_year (the report's year) and lake_province (its agency's
-- province; NULL for an agency without a region). Rows come in no set order:
-- sorting every report costs more than the readers gain.
SELECT t.*, t.year AS lake_year, a.province AS lake_province
FROM store.reports t
JOIN store.agencies a ON a.agency_id = t.agency_id;
