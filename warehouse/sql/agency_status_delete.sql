-- agency_status_delete: removes the store.agency_status rows of the agencies in
-- list $1, before agency_status_add writes them again.
DELETE FROM store.agency_status WHERE agency_id IN (SELECT unnest($1::BIGINT[]));
