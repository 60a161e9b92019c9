-- reports_outside_years: the current reports whose year lies outside
-- 1990–2100 (set by hand: the loader refuses such years), at most 5 of
-- them by id, and how many there are; store.agency_status leaves them out.
SELECT count(*) AS n, coalesce(string_agg(report_id::VARCHAR || '（' || year::VARCHAR || '年）', '、' ORDER BY report_id) FILTER (WHERE rn <= 5), '') AS sample
FROM (SELECT report_id, year, row_number() OVER (ORDER BY report_id) AS rn
      FROM store.reports WHERE is_current AND (year < 1990 OR year > 2100));
