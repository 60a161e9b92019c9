-- 0019_figures_beyond_limits: a figure an older loader stored beyond what
-- gongkai stores (gongkai.MaxFigure: 1e15 or more) is blank, with an error
-- finding at its cell that quotes the printed text.
--
-- The loader refused figures of 1e20 or more from 2026-12-04 and accepted
-- any before; ingest now leaves a cell of 1e15 or more blank with a values
-- error (a float64 does not hold such a figure as printed, and no report
-- states one: it is a typo or cells run together). A warehouse loaded
-- earlier is brought to the same rule, so that no page sums such a figure and
-- the roll-up's DECIMAL(38, 6) sums cannot overflow (0018). Each blanked
-- figure keeps its printed text (raw_id) and gets a finding of rule values,
-- severity error, whose message names 迁移 0019 and whose actual holds the
-- number that was stored, so that an administrator finds them all with
--   SELECT * FROM findings WHERE rule = 'values' AND contains(message, '迁移 0019');
-- the report counts it among its errors. A derived figure (a sum of the
-- report's cells) beyond the limit is blank without a finding of its own: the
-- finding of the cell it sums stands for it.
--
-- The summary rows of the reports it changes are removed, so that Open finds
-- the summary out of step with store.reports and rebuilds it and the
-- roll-up from the figures as they now stand (checkSummary), and the
-- roll-up's fingerprint is cleared for the same reason. On a warehouse
-- without such figures nothing changes and nothing is rebuilt. The range
-- conditions let DuckDB skip the row groups whose figures are all smaller.
CREATE TEMP TABLE beyond_limits AS
SELECT report_id, measure_id, applicant_id, raw_id, at_id, derived, value
FROM store.figures
WHERE value >= 1e15 OR value <= -1e15 OR isnan(value);

INSERT INTO store.findings (report_id, seq, rule, severity, "at", row_label, column_label, measure, applicant,
                            message, expected, actual, other_report_id)
SELECT b.report_id,
       coalesce(n.next_seq, 1) + row_number() OVER (PARTITION BY b.report_id ORDER BY b.measure_id, b.applicant_id) - 1,
       'values', 'error', loc.text, coalesce(ms.label, m.text), l.col, m.text, ap.text,
       coalesce(ms.label, m.text) || coalesce(' × ' || l.col, '') || '：' || coalesce('“' || raw.text || '”', '')
         || '（存储的数值为 ' || b.value::VARCHAR || '）过大（达到一千万亿），不像报告中的数字；升级数据库时按缺失处理（迁移 0019），请核对原表',
       NULL, b.value, NULL
FROM beyond_limits b
JOIN store.texts m ON m.text_id = b.measure_id
JOIN store.texts ap ON ap.text_id = b.applicant_id
LEFT JOIN store.texts raw ON raw.text_id = b.raw_id
LEFT JOIN store.texts loc ON loc.text_id = b.at_id
LEFT JOIN store.measures ms ON ms.code = m.text
LEFT JOIN (SELECT report_id, max(seq) + 1 AS next_seq FROM store.findings GROUP BY report_id) n ON n.report_id = b.report_id
CROSS JOIN LATERAL (SELECT CASE ap.text
    WHEN 'natural' THEN '自然人' WHEN 'business' THEN '商业企业' WHEN 'research' THEN '科研机构'
    WHEN 'ngo' THEN '社会公益组织' WHEN 'legal_services' THEN '法律服务机构' WHEN 'other' THEN '其他'
    WHEN 'total' THEN CASE WHEN ms.by_applicant THEN '总计' END END AS col) l
WHERE NOT b.derived;

UPDATE store.reports r SET errors = r.errors + c.n
FROM (SELECT report_id, count(*) AS n FROM beyond_limits WHERE NOT derived GROUP BY report_id) c
WHERE r.report_id = c.report_id;

UPDATE store.figures SET value = NULL
WHERE value >= 1e15 OR value <= -1e15 OR isnan(value);

DELETE FROM store.report_summary WHERE report_id IN (SELECT report_id FROM beyond_limits);
UPDATE store.rollup_state SET regions = NULL WHERE EXISTS (SELECT 1 FROM beyond_limits);

DROP TABLE beyond_limits;
