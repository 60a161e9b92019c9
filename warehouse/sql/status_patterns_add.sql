-- status_patterns_add: adds to store.status_patterns (0046) the patterns of
-- the agencies' rows in temp.main.status_rows (status_rows_make) that it
-- lacks, numbered after the last; agency_status_add then writes the
-- agencies' rows with their patterns.
INSERT INTO store.status_patterns
SELECT (SELECT coalesce(max(pattern), 0) FROM store.status_patterns)
       + row_number() OVER (ORDER BY first_year, reported, errors, warnings)::INTEGER,
       first_year, reported, errors, warnings
FROM (SELECT first_year, reported, errors, warnings FROM temp.main.status_rows
      EXCEPT
      SELECT first_year, reported, errors, warnings FROM store.status_patterns) n;
