-- agency_status_stale: 1 when store.agency_status differs from the rows built
-- afresh from the current reports (a repair of store.reports by hand, which
-- the writer did not see), else 0: their counts and fingerprints (a hash of
-- every row, combined in any order) are compared, which is one pass over
-- each where comparing the rows both ways sorted them. Also 1 when a row's
-- pattern (0046) is not its own first year and bit sets in
-- store.status_patterns, or a pattern is numbered twice: the queries read
-- the agencies' years through their patterns. Also 1 when the kept cells
-- (0063) are not the current reports of 1990–2100, compared flat (one row
-- per cell and report, counted and hashed as above): hashing the rows with
-- their lists, made afresh by store.agency_status_rows, took ~850 ms at 1M
-- reports where the check took 55. Each row's key comes last in its hash:
-- DuckDB combines the hashes of hash()'s arguments as (h * C) XOR next, so
-- the last argument's hash is XORed into the row's as it is, and the same
-- change of the last column in an even number of rows (warnings + 1 in
-- both of an agency's years) cancelled out of the XOR of the rows; a
-- change inside is multiplied with the row's own key. Also 1 when an agency's kept pattern in
-- store.agencies (0073) is not its status row's (NULL without one). Also
-- 1 when store.finding_reports (0114) is not the current reports that
-- hold a finding, of every year (counted and hashed as the cells), each
-- with its agency's name, province, city and level (0124), or
-- store.year_reports (0122) not every current report.
WITH k AS (
    SELECT count(*) AS n, bit_xor(hash(first_year, reported, errors, warnings, agency_id)) AS h
    FROM store.agency_status
), d AS (
    SELECT count(*) AS n, bit_xor(hash(first_year, reported, errors, warnings, agency_id)) AS h
    FROM store.agency_status_rows(0, 9223372036854775807, NULL)
), kc AS (
    SELECT count(*) AS n, bit_xor(hash(s.agency_id, u.c.year, u.c.errors, u.c.warnings, u.c.report_id)) AS h
    FROM store.agency_status s, unnest(s.cells) u(c)
), dc AS (
    SELECT count(*) AS n, bit_xor(hash(r.agency_id, r.year, r.errors, r.warnings, r.report_id)) AS h
    FROM store.reports r
    WHERE r.is_current AND r.year BETWEEN 1990 AND 2100
), kf AS (
    SELECT count(*) AS n, bit_xor(hash(agency_id, year, errors, warnings, agency, province, city, level, report_id)) AS h
    FROM store.finding_reports
), df AS (
    SELECT count(*) AS n, bit_xor(hash(r.agency_id, r.year, r.errors, r.warnings, a.name, a.province, a.city, a.level, r.report_id)) AS h
    FROM store.reports r
    JOIN store.agencies a ON a.agency_id = r.agency_id
    WHERE r.is_current AND (r.errors > 0 OR r.warnings > 0)
), ky AS (
    SELECT count(*) AS n, bit_xor(hash(agency_id, year, format, errors, report_id)) AS h
    FROM store.year_reports
), dy AS (
    SELECT count(*) AS n, bit_xor(hash(r.agency_id, r.year, r.format, r.errors, r.report_id)) AS h
    FROM store.reports r
    WHERE r.is_current
), p AS (
    SELECT (SELECT count(*)
            FROM store.agency_status s LEFT JOIN store.status_patterns p USING (pattern)
            WHERE p.pattern IS NULL OR p.first_year <> s.first_year OR p.reported <> s.reported
               OR p.errors <> s.errors OR p.warnings <> s.warnings)
         + (SELECT count(*) - count(DISTINCT pattern) FROM store.status_patterns)
         + (SELECT count(*)
            FROM store.agencies a LEFT JOIN store.agency_status s USING (agency_id)
            WHERE a.pattern IS DISTINCT FROM s.pattern) AS bad
)
SELECT (k.n <> d.n OR k.h IS DISTINCT FROM d.h OR p.bad > 0
        OR kc.n <> dc.n OR kc.h IS DISTINCT FROM dc.h
        OR kf.n <> df.n OR kf.h IS DISTINCT FROM df.h
        OR ky.n <> dy.n OR ky.h IS DISTINCT FROM dy.h)::INTEGER FROM k, d, p, kc, dc, kf, df, ky, dy;
