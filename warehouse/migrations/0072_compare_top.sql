-- 0072_compare_top: store.compare_top keeps compare_agencies' answer (机构
-- 比较's rankings, limit 20 as 地区比较 asks) for the whole country (no
-- region, level or piece of a name) and each range of years a filter can
-- name among the years with current reports (either bound open), one row
-- per agency ranked, with the query's own columns and types; the ranges
-- kept are listed in store.compare_top_keys. At 1M reports that answer
-- reads all ~170,000 rows of store.compare_totals on every request (~35 ms
-- of CPU), the most of any filter of /compare; a kept answer is read in
-- well under a millisecond.
--
-- Exact, never a guess: the answers are built by the query itself from
-- the kept totals (warehouse/compare_top.go, after gongkai compact or
-- serve's background pass builds store.compare_totals), each range in a
-- transaction of its own that first checks that
-- store.agency_totals_changed is empty. They are read only while it is
-- still empty: every writer lists there the agencies whose current
-- reports or region it changes (noteTotals), and Open lists every agency
-- when the kept totals differ from the summary (checkTotals). A rebuild
-- of the totals, the only thing that empties the list, first deletes
-- every kept answer, in a transaction of its own before any agency is
-- taken off the list, and builds them again at its end. Any other filter
-- or limit, or a range not listed, runs the query.
--
-- The table starts empty: the query runs until the next build.
CREATE TABLE store.compare_top_keys (
    year_from INTEGER,
    year_to   INTEGER,
    lim       BIGINT NOT NULL
);
CREATE TABLE store.compare_top (
    year_from                  INTEGER,
    year_to                    INTEGER,
    lim                        BIGINT NOT NULL,
    agency_id                  BIGINT,
    agency                     VARCHAR,
    city                       VARCHAR,
    level                      VARCHAR,
    reports                    BIGINT,
    zero_reports               BIGINT,
    apps_total                 DOUBLE,
    disclosure_rate            DOUBLE,
    refused_share              DOUBLE,
    review_total               DOUBLE,
    review_correction_rate     DOUBLE,
    litigation_total           DOUBLE,
    litigation_correction_rate DOUBLE,
    rank_volume                BIGINT,
    rank_rate                  BIGINT,
    rank_zero                  BIGINT
);
