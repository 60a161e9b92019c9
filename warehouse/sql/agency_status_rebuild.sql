-- agency_status_rebuild: store.agency_status afresh from every current report.
DELETE FROM store.agency_status;
INSERT INTO store.agency_status SELECT * FROM store.agency_status_rows(0, 9223372036854775807, NULL);
