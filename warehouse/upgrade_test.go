package warehouse

import (
	"context"
	"database/sql"
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
	// roll-up's rebuild to Open as they do.
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
			`DELETE FROM schema_migrations WHERE version IN (18, 19, 21)`,
			`DROP TABLE store.rollup_state`,
			`DROP MACRO store.rollup_regions`,
		}, undo0021)
	})
	// Without such figures 0019 changes nothing, and the roll-up 0018 left
	// empty must still be built by Open.
	t.Run("schema before 0018, no figure beyond", func(t *testing.T) {
		upgradeBeyondLimits(t, nil, []string{
			`DELETE FROM schema_migrations WHERE version IN (18, 19, 21)`,
			`DROP TABLE store.rollup_state`,
			`DROP MACRO store.rollup_regions`,
		}, undo0021)
	})
	t.Run("0018 as first written", func(t *testing.T) {
		upgradeBeyondLimits(t, huge[2:], []string{
			`DELETE FROM schema_migrations WHERE version IN (19, 21)`,
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
