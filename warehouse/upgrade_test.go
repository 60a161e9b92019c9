package warehouse

import (
	"context"
	"database/sql"
	"gongkai"
	"slices"
	"strings"
	"testing"
)

// TestUpgradeBlanksFiguresBeyondLimits builds a warehouse at the schema
// before 0018 holding figures an older loader accepted beyond what gongkai
// stores (gongkai.MaxFigure): 1e33 and 1e35, whose DECIMAL(38, 6) sums
// overflowed migration 0018 so that the server could not start; 5e25, which
// 0018 summed; 3e16, which a float64 does not hold as printed. Open must
// migrate, leave each blank with a values error at its cell that quotes the
// printed text (so an administrator finds it among the findings), count it
// in the report's errors, keep every other figure, and sum the roll-up and
// the summary without it; a second Open changes nothing. The same holds for
// a warehouse that ran 0018 as it was first written (filling the roll-up,
// which succeeded below 1e32).
func TestUpgradeBlanksFiguresBeyondLimits(t *testing.T) {
	// 0021 runs after them on such a warehouse: it must leave the
	// roll-up's rebuild to Open as they do, and so must 0040, which adds
	// the findings' counts to the table 0021 makes.
	undo0021 := []string{
		`DROP MACRO TABLE summary_groups`,
		`DROP MACRO TABLE store.summary_rollup_rows`,
		`DROP TABLE store.summary_rollup`,
	}
	huge := []struct {
		agency, measure, applicant, printed string
	}{
		{"甲省财政厅", "apps.new", "natural", "1" + strings.Repeat("0", 33)},
		{"甲省教育厅", "apps.new", "natural", "1" + strings.Repeat("0", 35)},
		{"甲省教育厅", "licensing.decisions", "total", "5" + strings.Repeat("0", 25)},
		{"乙省财政厅", "review.total", "total", "30000000000000001"},
	}
	t.Run("schema before 0018", func(t *testing.T) {
		upgradeBeyondLimits(t, huge, []string{
			`DELETE FROM schema_migrations WHERE version IN (18, 19, 21, 40)`,
			`DROP TABLE store.rollup_state`,
			`DROP MACRO store.rollup_regions`,
		}, undo0021)
	})
	// Without such figures 0019 changes nothing, and the roll-up 0018 left
	// empty must still be built by Open.
	t.Run("schema before 0018, no figure beyond", func(t *testing.T) {
		upgradeBeyondLimits(t, nil, []string{
			`DELETE FROM schema_migrations WHERE version IN (18, 19, 21, 40)`,
			`DROP TABLE store.rollup_state`,
			`DROP MACRO store.rollup_regions`,
		}, undo0021)
	})
	t.Run("0018 as first written", func(t *testing.T) {
		upgradeBeyondLimits(t, huge[2:], []string{
			`DELETE FROM schema_migrations WHERE version IN (19, 21, 40)`,
			`DELETE FROM store.region_rollup`,
			`INSERT INTO store.region_rollup SELECT * FROM store.rollup_rows(0, 9223372036854775807, NULL)`,
			`UPDATE store.rollup_state SET regions = store.rollup_regions()`,
		}, undo0021)
	})
}

// upgradeBeyondLimits loads three reports, stores the huge figures in them
// as an older loader did, takes the file back to an older schema with
// downgrade, and checks what Open makes of it (see
// TestUpgradeBlanksFiguresBeyondLimits).
func upgradeBeyondLimits(t *testing.T, huge []struct{ agency, measure, applicant, printed string }, downgrade ...[]string) {
	ctx := context.Background()
	db := openTest(t)
	a, b, c := sampleReport("甲省财政厅", 2021, 0, 0), sampleReport("甲省教育厅", 2021, 0, 0), sampleReport("乙省财政厅", 2021, 0, 0)
	a.Province, b.Province, c.Province = "甲省", "甲省", "乙省"
	load(t, db, LoadRequest{Report: a}, LoadRequest{Report: b}, LoadRequest{Report: c})
	before := count(t, db, `SELECT count(*) FROM store.findings`)
	path := db.Path()
	db.Close()

	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range huge {
		for _, q := range []string{
			`INSERT INTO store.texts SELECT max(text_id) + 1, $1 FROM store.texts`,
			`UPDATE store.figures f SET value = $1::DOUBLE, raw_id = (SELECT text_id FROM store.texts WHERE text = $1)
			 FROM store.reports r, store.agencies a, store.texts m, store.texts ap
			 WHERE f.report_id = r.report_id AND r.agency_id = a.agency_id AND a.name = $2
			   AND m.text_id = f.measure_id AND m.text = $3 AND ap.text_id = f.applicant_id AND ap.text = $4`,
		} {
			args := []any{h.printed}
			if strings.HasPrefix(q, "UPDATE") {
				args = append(args, h.agency, h.measure, h.applicant)
			}
			if _, err := raw.Exec(q, args...); err != nil {
				raw.Close()
				t.Fatalf("%s: %v", q, err)
			}
		}
	}
	for _, q := range slices.Concat(downgrade...) {
		if _, err := raw.Exec(q); err != nil {
			raw.Close()
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	for open := 1; open <= 2; open++ {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", open, err)
		}
		if n := count(t, db, `SELECT count(*) FROM store.figures WHERE value >= 1e15 OR value <= -1e15`); n != 0 {
			t.Errorf("open %d: %d figures of 1e15 or more are still stored", open, n)
		}
		for _, h := range huge {
			var value sql.NullFloat64
			var rawText, at string
			err := db.db.QueryRow(`SELECT value, raw, "at" FROM report_values WHERE agency = $1 AND measure = $2 AND applicant = $3`,
				h.agency, h.measure, h.applicant).Scan(&value, &rawText, &at)
			if err != nil {
				t.Fatal(err)
			}
			if value.Valid || rawText != h.printed {
				t.Errorf("open %d: %s %s %s = %v, raw %q; want blank with the printed text kept", open, h.agency, h.measure, h.applicant, value, rawText)
			}
			if n := count(t, db, `SELECT count(*) FROM findings WHERE agency = $1 AND measure = $2 AND applicant = $3
				AND rule = 'values' AND severity = 'error' AND "at" = $4 AND row_label <> '' AND contains(message, $5)`,
				h.agency, h.measure, h.applicant, at, h.printed); n != 1 {
				t.Errorf("open %d: %d findings at %s %s %s quoting %s, want 1", open, n, h.agency, h.measure, at, h.printed)
			}
		}
		if n := count(t, db, `SELECT count(*) FROM store.findings`); n != before+len(huge) {
			t.Errorf("open %d: %d findings, want %d", open, n, before+len(huge))
		}
		if n := count(t, db, `SELECT sum(errors) FROM store.reports`); n != len(huge) {
			t.Errorf("open %d: reports count %d errors, want %d", open, n, len(huge))
		}
		if n := count(t, db, stmt("summary_stale")); n != 0 {
			t.Errorf("open %d: %d summary rows stale", open, n)
		}
		if n, err := RollupDiffForTest(ctx, db); err != nil || n != 0 {
			t.Errorf("open %d: %d roll-up cells differ from the figures (%v)", open, n, err)
		}
		// The figures beside them are kept: apps.new is 60 in 总计 and 10
		// in each other column, of which one was blanked when it was huge.
		var apps float64
		if err := db.db.QueryRow(`SELECT apps_new FROM report_summary WHERE agency = '甲省教育厅'`).Scan(&apps); err != nil || apps != 60 {
			t.Errorf("open %d: 甲省教育厅 apps_new = %v (%v), want 60", open, apps, err)
		}
		blanked := 0
		for _, h := range huge {
			if h.measure == "apps.new" {
				blanked++
			}
		}
		if n := count(t, db, `SELECT count(value) FROM report_values WHERE measure = 'apps.new'`); n != 3*7-blanked {
			t.Errorf("open %d: %d apps.new figures kept, want %d", open, n, 3*7-blanked)
		}
		db.Close()
	}
}

// TestUpgradeConvertsFees builds a warehouse holding fees as the narrative
// readers stored them before 2026-12-04 and checks what migration 0023
// makes of them: a pre-2019 fee in 万元 (1.2) is 12000 元; one in 元 is
// kept; one stated without a unit is blank with a unit warning quoting it,
// counted in the report's warnings; a 2021 narrative's "125000元" stored as
// 125000 万元 is 12.5 万元, while a table's fees.amount_wan and a narrative
// that gives 万元 are kept. The summary and roll-ups are rebuilt from the
// converted figures, and a second Open changes nothing.
func TestUpgradeConvertsFees(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	pre := func(agency string, v float64, unit, raw string) *gongkai.Report {
		r := &gongkai.Report{Agency: agency, Year: 2016, Format: gongkai.FormatPre2019, Province: "甲省",
			Source: gongkai.Source{Kind: "text", Name: agency + ".txt"}}
		r.Values = []gongkai.Value{
			{Measure: "pre2019.fees", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(v), Unit: unit, Raw: raw, At: "line 11", Source: gongkai.SourceNarrative},
			{Measure: "apps.new", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(9), Raw: "9件", At: "line 9", Source: gongkai.SourceNarrative},
		}
		return r
	}
	wan := func(agency string, v float64, raw string, narrative bool) *gongkai.Report {
		r := sampleReport(agency, 2021, 0, 0)
		r.Province = "乙省"
		src := ""
		if narrative {
			src = gongkai.SourceNarrative
		}
		r.Values = append(r.Values, gongkai.Value{Measure: "fees.amount_wan", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(v), Raw: raw, At: "line 8", Source: src})
		return r
	}
	load(t, db,
		LoadRequest{Report: pre("甲县财政局", 12000, "元", "收取费用共计1.2万元。")},
		LoadRequest{Report: pre("甲县教育局", 3500, "元", "收取费用3500元。")},
		LoadRequest{Report: pre("甲县民政局", 0, "元", "收取费用36.5。")},
		LoadRequest{Report: wan("乙县财政局", 12.5, "行政事业性收费本年收费金额125000元。", true)},
		LoadRequest{Report: wan("乙县教育局", 125000, "125000", false)},
		LoadRequest{Report: wan("乙县民政局", 3.5, "行政事业性收费3.5万元，折合35000元。", true)},
	)
	warnings := count(t, db, `SELECT sum(warnings) FROM store.reports`)
	findings := count(t, db, `SELECT count(*) FROM store.findings`)
	path := db.Path()
	db.Close()

	// Back to what the older readers stored.
	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO store.texts SELECT max(text_id) + 1, '万元' FROM store.texts WHERE NOT EXISTS (SELECT 1 FROM store.texts WHERE text = '万元')`,
		`UPDATE store.figures f SET value = 1.2, unit_id = (SELECT min(text_id) FROM store.texts WHERE text = '万元')
		 FROM store.reports r, store.agencies a, store.texts m
		 WHERE f.report_id = r.report_id AND r.agency_id = a.agency_id AND a.name = '甲县财政局' AND m.text_id = f.measure_id AND m.text = 'pre2019.fees'`,
		`UPDATE store.figures f SET value = 36.5, unit_id = NULL
		 FROM store.reports r, store.agencies a, store.texts m
		 WHERE f.report_id = r.report_id AND r.agency_id = a.agency_id AND a.name = '甲县民政局' AND m.text_id = f.measure_id AND m.text = 'pre2019.fees'`,
		`UPDATE store.figures f SET value = 125000
		 FROM store.reports r, store.agencies a, store.texts m
		 WHERE f.report_id = r.report_id AND r.agency_id = a.agency_id AND a.name = '乙县财政局' AND m.text_id = f.measure_id AND m.text = 'fees.amount_wan'`,
		`DELETE FROM schema_migrations WHERE version = 23`,
	} {
		if _, err := raw.Exec(q); err != nil {
			raw.Close()
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	want := []struct {
		agency, measure string
		value           sql.NullFloat64
		unit            string
	}{
		{"甲县财政局", "pre2019.fees", sql.NullFloat64{Float64: 12000, Valid: true}, "元"},
		{"甲县教育局", "pre2019.fees", sql.NullFloat64{Float64: 3500, Valid: true}, "元"},
		{"甲县民政局", "pre2019.fees", sql.NullFloat64{}, ""},
		{"乙县财政局", "fees.amount_wan", sql.NullFloat64{Float64: 12.5, Valid: true}, ""},
		{"乙县教育局", "fees.amount_wan", sql.NullFloat64{Float64: 125000, Valid: true}, ""},
		{"乙县民政局", "fees.amount_wan", sql.NullFloat64{Float64: 3.5, Valid: true}, ""},
	}
	for open := 1; open <= 2; open++ {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", open, err)
		}
		for _, w := range want {
			var v sql.NullFloat64
			var unit sql.NullString
			if err := db.db.QueryRow(`SELECT value, unit FROM report_values WHERE agency = $1 AND measure = $2`, w.agency, w.measure).Scan(&v, &unit); err != nil {
				t.Fatal(err)
			}
			if v != w.value || unit.String != w.unit {
				t.Errorf("open %d: %s %s = %v %q, want %v %q", open, w.agency, w.measure, v, unit.String, w.value, w.unit)
			}
		}
		if n := count(t, db, `SELECT count(*) FROM findings WHERE agency = '甲县民政局' AND rule = 'unit' AND severity = 'warning'
			AND measure = 'pre2019.fees' AND "at" = 'line 11' AND contains(message, '36.5') AND contains(message, '迁移 0023')`); n != 1 {
			t.Errorf("open %d: %d unit warnings at 甲县民政局's fee, want 1", open, n)
		}
		if n := count(t, db, `SELECT count(*) FROM store.findings`); n != findings+1 {
			t.Errorf("open %d: %d findings, want %d", open, n, findings+1)
		}
		if n := count(t, db, `SELECT sum(warnings) FROM store.reports`); n != warnings+1 {
			t.Errorf("open %d: reports count %d warnings, want %d", open, n, warnings+1)
		}
		if n := count(t, db, stmt("summary_stale")); n != 0 {
			t.Errorf("open %d: %d summary rows stale", open, n)
		}
		if n := count(t, db, `SELECT count(*) FROM (SELECT text_id FROM store.texts GROUP BY text_id HAVING count(*) > 1)`); n != 0 {
			t.Errorf("open %d: %d text ids stand for two texts", open, n)
		}
		if n := count(t, db, stmt("agency_status_stale")); n != 0 {
			t.Errorf("open %d: %d agency_status rows stale", open, n)
		}
		if n, err := RollupDiffForTest(ctx, db); err != nil || n != 0 {
			t.Errorf("open %d: %d roll-up cells differ from the figures (%v)", open, n, err)
		}
		db.Close()
	}
}

// TestUpgradeRepairsSecondTextOne builds what migration 0023 as first
// written left in a warehouse with texts of its own: a second text with id
// 1, 元, beside the first (the first report's first measure), a unit 元
// that names id 1 (as 0023's conversion and the loader since gave it), and
// summary rows rebuilt while both stood. Migration 0028 must leave one text
// per id, report_values one row per figure with the unit 元 where it was
// stated, and the summary as store.summary_rows counts it; a second Open
// changes nothing.
func TestUpgradeRepairsSecondTextOne(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	r := sampleReport("甲县财政局", 2021, 0, 0)
	r.Values = append(r.Values, gongkai.Value{Measure: "procurement.amount", Applicant: gongkai.ApplicantTotal,
		Number: gongkai.Float(3500), Unit: "元", Raw: "3500元", At: "表二!F20"})
	load(t, db, LoadRequest{Report: r}, LoadRequest{Report: sampleReport("乙县财政局", 2021, 1, 0)})
	first := count(t, db, `SELECT count(*) FROM store.texts WHERE text_id = 1 AND text = 'apps.new'`)
	if first != 1 {
		t.Fatalf("text 1 is not the first measure: the fixture does not build what 0023 met")
	}
	figures := count(t, db, `SELECT count(*) FROM store.figures f JOIN store.reports r USING (report_id) WHERE r.is_current`)
	path := db.Path()
	db.Close()

	raw, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO store.texts VALUES (1, '元')`,
		`UPDATE store.figures SET unit_id = 1 WHERE unit_id = (SELECT text_id FROM store.texts WHERE text = '元' AND text_id <> 1)`,
		`DELETE FROM store.report_summary`,
		`INSERT INTO store.report_summary SELECT * FROM store.summary_rows(0, 9223372036854775807)`,
		`DELETE FROM schema_migrations WHERE version = 28`,
		`DROP VIEW report_figures`,
	} {
		if _, err := raw.Exec(q); err != nil {
			raw.Close()
			t.Fatalf("%s: %v", q, err)
		}
	}
	var before int
	if err := raw.QueryRow(`SELECT count(*) FROM report_values`).Scan(&before); err != nil || before == figures {
		raw.Close()
		t.Fatalf("before the repair report_values has %d rows for %d figures (%v): the fixture shows no defect", before, figures, err)
	}
	raw.Close()

	for open := 1; open <= 2; open++ {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", open, err)
		}
		if n := count(t, db, `SELECT count(*) FROM (SELECT text_id FROM store.texts GROUP BY text_id HAVING count(*) > 1)`); n != 0 {
			t.Errorf("open %d: %d text ids stand for two texts", open, n)
		}
		if n := count(t, db, `SELECT count(*) FROM report_values`); n != figures {
			t.Errorf("open %d: report_values has %d rows for %d figures", open, n, figures)
		}
		if n := count(t, db, `SELECT count(*) FROM report_values WHERE measure = '元'`); n != 0 {
			t.Errorf("open %d: %d figures of a measure 元", open, n)
		}
		if n := count(t, db, `SELECT count(*) FROM report_values WHERE measure = 'procurement.amount' AND unit = '元' AND value = 3500`); n != 1 {
			t.Errorf("open %d: %d procurement amounts of 3500 元, want 1", open, n)
		}
		if n := count(t, db, `SELECT count(*) FROM (
			SELECT report_id, table_stated FROM store.report_summary
			EXCEPT SELECT report_id, table_stated FROM store.summary_rows(0, 9223372036854775807))`); n != 0 {
			t.Errorf("open %d: %d summary rows count their stated figures wrong", open, n)
		}
		if n := count(t, db, stmt("summary_stale")); n != 0 {
			t.Errorf("open %d: %d summary rows stale", open, n)
		}
		db.Close()
	}
}
