-- 0023_fees_units: the fees an older reader stored in a unit other than
-- their measure's own are brought to it, exactly, or left blank with a
-- finding when the unit was never known.
--
-- From 2026-12-04 (92c70d3) the narrative readers keep
--   * pre2019.fees and pre2019.cumulative.fees in 元: "共计1.2万元" is 12000 元.
--     Before, the figure kept the unit the sentence gave it (1.2 with unit
--     万元 beside other reports' 12000 with unit 元), so that every sum over
--     reports added 元 to 万元, and the catalogue now labels the measure 元.
--     A stored figure with unit 万元 becomes value × 10000 with unit 元; one
--     stated without a unit (other than 0) cannot be told apart, 元 or 万元
--     are 10,000 apart: it is blank with a unit warning that quotes its
--     text and names 迁移 0023, as ingest now leaves such a fee.
--   * fees.amount_wan (万元) from a 2019/2021 narrative in 万元: "行政事业性收费
--     本年收费金额125000元" was stored as 125000 万元, the 元 of the sentence taken
--     for the 元 of 万元. A narrative figure whose sentence (its raw text) gives
--     the stored number followed by 元, and no amount in 万元, becomes
--     value ÷ 10000, as ingest now reads it.
-- The conversions go through DECIMAL(38, 10), so 0.07 万元 is 700 元 and not
-- 700.0000000000001. A figure the conversion would take to 1e15 or more is
-- blank with a values error instead (gongkai.MaxFigure, as 0019).
--
-- The summary rows of the reports it changes are removed and the roll-up's
-- fingerprint is cleared, so that Open rebuilds the summary, the roll-ups
-- and store.agency_status from the figures as they now stand; on a
-- warehouse without such figures nothing changes and nothing is rebuilt.
CREATE TEMP TABLE fees_units AS
SELECT f.report_id, f.measure_id, f.applicant_id, f.raw_id, f.at_id, f.derived, f.value,
       m.text AS measure, u.text AS unit, raw.text AS raw,
       CASE
           WHEN m.text = 'fees.amount_wan'
               THEN (f.value::DECIMAL(38, 10) / 10000)::DOUBLE
           WHEN u.text = '万元'
               THEN CASE WHEN abs(f.value) < 1e11 THEN (f.value::DECIMAL(38, 10) * 10000)::DOUBLE END
       END AS converted
FROM store.figures f
JOIN store.texts m ON m.text_id = f.measure_id
LEFT JOIN store.texts u ON u.text_id = f.unit_id
LEFT JOIN store.texts raw ON raw.text_id = f.raw_id
WHERE f.value IS NOT NULL
  AND (
      (m.text IN ('pre2019.fees', 'pre2019.cumulative.fees') AND f.value <> 0 AND coalesce(u.text, '') <> '元')
   OR (m.text = 'fees.amount_wan' AND coalesce(f.from_narrative, false) AND f.value <> 0 AND NOT contains(coalesce(raw.text, ''), '万元')
       AND list_contains(list_transform(regexp_extract_all(coalesce(raw.text, ''), '([0-9][0-9,]*(?:\.[0-9]+)?)元', 1),
                                        lambda x: TRY_CAST(replace(x, ',', '') AS DOUBLE)), f.value))
  );

-- The fees that stay blank: stated without a unit, or beyond what gongkai
-- stores once converted.
INSERT INTO store.findings (report_id, seq, rule, severity, "at", row_label, column_label, measure, applicant,
                            message, expected, actual, other_report_id)
SELECT b.report_id,
       coalesce(n.next_seq, 1) + row_number() OVER (PARTITION BY b.report_id ORDER BY b.measure_id, b.applicant_id) - 1,
       CASE WHEN b.unit = '万元' THEN 'values' ELSE 'unit' END,
       CASE WHEN b.unit = '万元' THEN 'error' ELSE 'warning' END,
       loc.text, coalesce(ms.label, b.measure), NULL, b.measure, ap.text,
       CASE WHEN b.unit = '万元'
           THEN coalesce(ms.label, b.measure) || '：“' || coalesce(b.raw, '') || '”换算为元后过大（达到一千万亿），不像报告中的数字；升级数据库时按缺失处理（迁移 0023），请核对原文'
           ELSE '收取的费用“' || coalesce(b.raw, '') || '”没有写明单位（元或万元）：升级数据库时按缺失处理（迁移 0023），请核对原文'
       END,
       NULL, b.value, NULL
FROM fees_units b
JOIN store.texts ap ON ap.text_id = b.applicant_id
LEFT JOIN store.texts loc ON loc.text_id = b.at_id
LEFT JOIN store.measures ms ON ms.code = b.measure
LEFT JOIN (SELECT report_id, max(seq) + 1 AS next_seq FROM store.findings GROUP BY report_id) n ON n.report_id = b.report_id
WHERE b.converted IS NULL AND NOT b.derived;

UPDATE store.reports r SET errors = r.errors + c.errors, warnings = r.warnings + c.warnings
FROM (SELECT report_id, count(*) FILTER (WHERE unit = '万元') AS errors, count(*) FILTER (WHERE unit IS DISTINCT FROM '万元') AS warnings
      FROM fees_units WHERE converted IS NULL AND NOT derived GROUP BY report_id) c
WHERE r.report_id = c.report_id;

-- 元 may be a new text: no figure had it. The id is taken in a subquery:
-- as first written (an aggregate under this WHERE) it gave the row
-- (1, '元') when the condition failed, a second text with id 1 (0028
-- repairs warehouses that ran it).
INSERT INTO store.texts
SELECT id, '元' FROM (SELECT coalesce(max(text_id), 0) + 1 AS id FROM store.texts)
WHERE NOT EXISTS (SELECT 1 FROM store.texts WHERE text = '元')
  AND EXISTS (SELECT 1 FROM fees_units WHERE unit = '万元' AND converted IS NOT NULL);

UPDATE store.figures f
SET value = b.converted,
    unit_id = CASE WHEN b.converted IS NOT NULL AND b.measure <> 'fees.amount_wan'
                   THEN (SELECT min(text_id) FROM store.texts WHERE text = '元') ELSE f.unit_id END
FROM fees_units b
WHERE f.report_id = b.report_id AND f.measure_id = b.measure_id AND f.applicant_id = b.applicant_id
  AND f.derived = b.derived;

DELETE FROM store.report_summary WHERE report_id IN (SELECT report_id FROM fees_units);
UPDATE store.rollup_state SET regions = NULL WHERE EXISTS (SELECT 1 FROM fees_units);

DROP TABLE fees_units;
