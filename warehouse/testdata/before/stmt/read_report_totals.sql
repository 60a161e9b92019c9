-- read_report_totals: the figures of report $1 in the applicant column 总计.
SELECT measure, value
FROM store.report_values
WHERE report_id = $1 AND applicant = 'total'
ORDER BY measure;
