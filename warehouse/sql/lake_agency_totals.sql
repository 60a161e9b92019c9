-- lake_agency_totals: store.agency_totals for the Parquet lake (see Export),
-- as it is: the lake's store.report_summary holds the same current rows,
-- so agency_totals gives the same rows over the lake.
SELECT * FROM store.agency_totals ORDER BY agency_id;
