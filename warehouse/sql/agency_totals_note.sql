-- agency_totals_note: adds the agencies in list $1 (those a transaction
-- changes the current reports of) to store.agency_totals_changed, each
-- once: store.agency_totals' rows of them are no longer read (0044).
INSERT INTO store.agency_totals_changed
SELECT DISTINCT u.id FROM unnest($1::BIGINT[]) AS u(id)
WHERE u.id NOT IN (SELECT c.agency_id FROM store.agency_totals_changed c);
