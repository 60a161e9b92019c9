-- agency_totals_note: adds the agencies in list $1 (those a transaction
-- changes the current reports of, each once) to
-- store.agency_totals_changed: store.agency_totals' rows of them are no
-- longer read (0044). An agency may be listed more than once (once per
-- transaction that changed it since the table was built): every reader
-- asks only whether an agency is listed, and a rebuild empties the list.
-- Checking the list first (an anti-join of each transaction's agencies
-- against a list that grows to every agency during a bulk load) cost
-- 1.6 s of a 1M-report demo load, ~7 ms a group of 4,096 reports.
INSERT INTO store.agency_totals_changed SELECT unnest($1::BIGINT[]);
