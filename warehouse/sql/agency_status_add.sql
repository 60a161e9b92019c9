-- agency_status_add: writes the store.agency_status rows of the agencies in list
-- $3, all of them in [$1, $2], from their current reports (0020).
INSERT INTO store.agency_status SELECT * FROM store.agency_status_rows($1, $2, $3::BIGINT[]);
