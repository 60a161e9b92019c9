-- status_patterns_add: adds to store.status_patterns (0046) the patterns of
-- the agencies in list $3, all of them in [$1, $2], that it lacks, from
-- their current reports, numbered after the last; agency_status_add then
-- writes the agencies' rows with their patterns.
INSERT INTO store.status_patterns
SELECT (SELECT coalesce(max(pattern), 0) FROM store.status_patterns)
       + row_number() OVER (ORDER BY first_year, reported, errors, warnings)::INTEGER,
       first_year, reported, errors, warnings
FROM (SELECT first_year, reported, errors, warnings FROM store.agency_status_rows($1, $2, $3::BIGINT[])
      EXCEPT
      SELECT first_year, reported, errors, warnings FROM store.status_patterns) n;
