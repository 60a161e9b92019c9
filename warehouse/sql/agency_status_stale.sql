-- agency_status_stale: how many rows of store.agency_status differ from the rows
-- built afresh from the current reports, both ways (a repair of store.reports
-- by hand, which the writer did not see).
SELECT count(*) FROM (
    (SELECT * FROM store.agency_status
     EXCEPT ALL SELECT * FROM store.agency_status_rows(0, 9223372036854775807, NULL))
    UNION ALL
    (SELECT * FROM store.agency_status_rows(0, 9223372036854775807, NULL)
     EXCEPT ALL SELECT * FROM store.agency_status)
);
