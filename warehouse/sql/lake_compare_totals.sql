-- lake_compare_totals: store.compare_totals for the Parquet lake (see
-- Export and lake_agency_totals), as it is: the lake's store.report_summary
-- and store.agency_totals_changed are the warehouse's.
SELECT * FROM store.compare_totals ORDER BY agency_id;
