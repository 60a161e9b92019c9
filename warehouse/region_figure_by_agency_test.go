package warehouse

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gongkai"
	"gongkai/queries"
)

// TestRegionFigureByAgency holds region_figure as Query runs it to the
// named query run plain (both forms narrow chooses, the tail read), after
// every write that changes what the form read from the copy by cell
// (sql/region_figure_by_agency.sql) depends on: loads after the copy, the
// copy, a re-upload (the retired version stays in the copy), a pending
// version (in the copy, not current) and its confirmation (no report added:
// the copy stays caught up while another version becomes current), an
// agency moved to another province, and a reopen. The cells tie at the cut
// (every report states apps.new alike), leave a value blank
// (penalty.decisions) or are stated by some reports only
// (review.corrected). The form itself, run with the filter as Query binds
// it, must give the named query's rows or none, and give rows at every
// stage where the copy is caught up: otherwise the test would hold the
// named query to itself. So must its path for many rows tied at the cut
// (ordered by the agencies' name ranks), run with its threshold lowered to
// one row, also while an agency has no rank (one loaded since the last
// RankAgencies, whose name sorts first: the ranks would leave it out).
// reports_total must count the selected current reports. A cell no report
// of some years states (licensing.items_prev, a 2019-form measure, stated
// by one 2021 report, and in 2022 only from the re-upload on) must be found
// absent from the copy in those years, and present in the others, by
// cellStated, whose answer, kept until the next write, skips the form, at
// every stage: else Query would run the form where it cannot answer, or, if
// a skip ever changed a row, differ from the named query above. The stages
// end with what gongkai compact does (the copy, the roll-ups rewritten,
// the agencies ranked, the kept totals).
func TestRegionFigureByAgency(t *testing.T) {
	ctx := context.Background()
	// Query tries the form on this test's few reports too.
	defer func(n int64) { byAgencyMinReports = n }(byAgencyMinReports)
	byAgencyMinReports = 0
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	q, ok := queries.Get("region_figure")
	if !ok {
		t.Fatal("no region_figure")
	}
	form := stmt("region_figure_by_agency")
	blank := stmt("region_figure_blank")
	// The form with more than one row tied at the cut taken as many (16,384
	// in the file), so that its path by name rank runs on a few reports.
	many := strings.NewReplacer("16384", "1", "16385", "2").Replace(form)
	if many == form {
		t.Fatal("the form's threshold of many tied rows is not 16384")
	}
	cells := [][2]string{
		{"apps.new", ""}, {"apps.carried_in", ""}, {"apps.carried_in", "natural"}, {"apps.total", "ngo"},
		{"penalty.decisions", ""}, {"review.corrected", ""}, {"licensing.items_prev", ""},
	}
	filters := []Filter{
		{YearFrom: 2022, YearTo: 2022}, {YearFrom: 2021, YearTo: 2022, Limit: 3}, {Limit: 2},
		{YearFrom: 2021, YearTo: 2021, Province: "甲省", Limit: 2}, {YearFrom: 2022, YearTo: 2022, Province: "乙省"},
		{YearFrom: 2021, YearTo: 2022, Level: "县级部门", Limit: 7}, {YearFrom: 2022, YearTo: 2022, Province: "甲省", City: "甲市"},
	}
	rank := func() {
		if _, err := db.RankAgencies(ctx); err != nil {
			t.Fatal(err)
		}
	}
	ranked, itemsEverywhere := false, false
	check := func(stage string, caughtUp bool) {
		t.Helper()
		answered, answeredMany, absent, answeredBlank, answeredNamed := 0, 0, 0, 0, 0
		var mu sync.Mutex
		inc := func(n *int) {
			mu.Lock()
			*n++
			mu.Unlock()
		}
		// Each cell and filter is checked in a subtest of its own, run in
		// parallel with the stage's others (reads only, of one state of
		// the warehouse: the stage's subtests all end before the next
		// write): the test took 8-10 minutes on a busy machine one after
		// another.
		t.Run(stage, func(t *testing.T) {
			for i, c := range cells {
				for j, f := range filters {
					t.Run(fmt.Sprintf("%d-%d", i, j), func(t *testing.T) {
						t.Parallel()
						f.Measure, f.Applicant = c[0], c[1]
						got, err := db.Query(ctx, "region_figure", f)
						if err != nil {
							t.Fatalf("%s: %v", stage, err)
						}
						for _, narrow := range []bool{false, true} {
							g := f
							g.narrow = narrow
							want := queryRows(t, db, q.SQL, g.bind(q.Params))
							if fmt.Sprint(got.Rows) != fmt.Sprint(want.Rows) {
								t.Errorf("%s, %s/%s %+v (narrow %v):\n got %v\nwant %v", stage, c[0], c[1], f, narrow, got.Rows, want.Rows)
							}
						}
						// The form as Query binds it when the copy is caught up.
						g := f
						if g.measureID, g.applicantID, err = db.cellIDs(ctx, g.Measure, g.Applicant); err != nil {
							t.Fatal(err)
						}
						g.noTail = true
						if g.measureID != 0 {
							stated, err := db.cellStated(ctx, g)
							if err != nil {
								t.Fatal(err)
							}
							n := count(t, db, `SELECT count(*) FROM store.figures_by_cell WHERE measure_id = $1 AND applicant_id = $2
							AND ($3 IS NULL OR year >= $3) AND ($4 IS NULL OR year <= $4)`,
								g.measureID, g.applicantID, nullNum(int64(f.YearFrom)), nullNum(int64(f.YearTo)))
							if stated != (n > 0) {
								t.Errorf("%s, %s/%s %+v: cellStated says %v, the copy holds %d rows of the cell", stage, c[0], c[1], f, stated, n)
							}
							if !stated && caughtUp && len(got.Rows) > 0 {
								inc(&absent)
							}
						}
						// The half Query runs (byAgencyHalf) answers as the whole
						// text, rows or none, ties by name or by rank; the other
						// half answers nothing.
						half := byAgencySQL()[byAgencyHalf(f)]
						other := byAgencySQL()[map[string]string{"country": "region", "region": "country"}[byAgencyHalf(f)]]
						var wholes []*Table
						for _, p := range [][2]string{{form, half}, {many, strings.NewReplacer("16384", "1", "16385", "2").Replace(half)}} {
							whole, h := queryRows(t, db, p[0], g.bind(q.Params)), queryRows(t, db, p[1], g.bind(q.Params))
							wholes = append(wholes, whole)
							if fmt.Sprint(whole.Rows) != fmt.Sprint(h.Rows) {
								t.Errorf("%s, %s/%s %+v: the half %s gives\n %v\nthe whole text\n %v", stage, c[0], c[1], f, byAgencyHalf(f), h.Rows, whole.Rows)
							}
						}
						// The half named in Go (regionFigureNamed: byAgencyIDsSQL,
						// places and texts by id) gives the half's rows, or answers
						// none where the half does: the whole text's, which are
						// Query's, also right after a correction of a region
						// (its places kept from the stage before).
						ids := byAgencyIDsSQL()[byAgencyHalf(f)]
						for i, text := range []string{ids, strings.NewReplacer("16384", "1", "16385", "2").Replace(ids)} {
							whole := wholes[i]
							named := q
							named.Name, named.SQL = fmt.Sprintf("region_figure (test, named in Go, %s %d)", byAgencyHalf(f), i), text
							nt, ok, none, err := db.regionFigureNamed(ctx, named, g)
							switch {
							case err != nil:
								t.Fatalf("%s: %v", stage, err)
							case ok:
								inc(&answeredNamed)
								if fmt.Sprint(nt.Rows) != fmt.Sprint(whole.Rows) {
									t.Errorf("%s, %s/%s %+v: the half named in Go gives\n %v\nthe whole text\n %v", stage, c[0], c[1], f, nt.Rows, whole.Rows)
								}
							case none != (len(whole.Rows) == 0):
								t.Errorf("%s, %s/%s %+v: the half named in Go answers none %v, the whole text %d rows", stage, c[0], c[1], f, none, len(whole.Rows))
							}
						}
						if o := queryRows(t, db, other, g.bind(q.Params)); len(o.Rows) > 0 {
							t.Errorf("%s, %s/%s %+v: the other half answers %v", stage, c[0], c[1], f, o.Rows)
						}
						// The whole text's rows read above (same text, values and
						// state: nothing is written during a stage).
						if byAgency := wholes[0]; len(byAgency.Rows) > 0 {
							inc(&answered)
							if fmt.Sprint(byAgency.Rows) != fmt.Sprint(got.Rows) {
								t.Errorf("%s, %s/%s %+v: the form read by agency gives\n %v\nwant %v", stage, c[0], c[1], f, byAgency.Rows, got.Rows)
							}
						}
						if byBlank := queryRows(t, db, blank, g.bind(q.Params)); len(byBlank.Rows) > 0 {
							inc(&answeredBlank)
							if fmt.Sprint(byBlank.Rows) != fmt.Sprint(got.Rows) {
								t.Errorf("%s, %s/%s %+v: the form for a cell not in the copy gives\n %v\nwant %v", stage, c[0], c[1], f, byBlank.Rows, got.Rows)
							}
						}
						if byRank := wholes[1]; len(byRank.Rows) > 0 {
							inc(&answeredMany)
							if fmt.Sprint(byRank.Rows) != fmt.Sprint(got.Rows) {
								t.Errorf("%s, %s/%s %+v: the form read by agency, ties by rank, gives\n %v\nwant %v", stage, c[0], c[1], f, byRank.Rows, got.Rows)
							}
						}
						if len(got.Rows) > 0 {
							n := count(t, db, `SELECT count(*) FROM store.reports r JOIN store.agencies a USING (agency_id)
							WHERE r.is_current AND ($1 IS NULL OR r.year >= $1) AND ($2 IS NULL OR r.year <= $2)
							  AND ($3 IS NULL OR a.province = $3) AND ($4 IS NULL OR a.city = $4) AND ($5 IS NULL OR a.level = $5)`,
								nullNum(int64(f.YearFrom)), nullNum(int64(f.YearTo)), nullText(f.Province), nullText(f.City), nullText(f.Level))
							if total := fmt.Sprint(got.Rows[0][8]); total != fmt.Sprint(n) {
								t.Errorf("%s, %s/%s %+v: reports_total %s, want the %d current reports selected", stage, c[0], c[1], f, total, n)
							}
						}
					})
				}
			}
		})
		if answeredNamed < answered {
			t.Errorf("%s: the half named in Go answered %d times, the whole text %d", stage, answeredNamed, answered)
		}
		if caughtUp && (answered == 0 || ranked && answeredMany == 0) {
			t.Errorf("%s: the form read by agency answered %d times, with ties by rank %d", stage, answered, answeredMany)
		}
		if !caughtUp && answered+answeredMany > 0 {
			t.Errorf("%s: the form read by agency answered %d times before the copy caught up", stage, answered+answeredMany)
		}
		if caughtUp && !itemsEverywhere && absent == 0 {
			t.Errorf("%s: no filter asked for a cell absent from the copy in its years", stage)
		}
		if caughtUp && ranked && !itemsEverywhere && answeredBlank == 0 {
			t.Errorf("%s: the form for a cell not in the copy never answered", stage)
		}
		if (!caughtUp || !ranked) && answeredBlank > 0 {
			t.Errorf("%s: the form for a cell not in the copy answered %d times before the copy caught up or every agency was ranked", stage, answeredBlank)
		}
	}

	check("empty", false)
	report := func(agency string, year int, in float64, province, city, level string, corrected bool) LoadRequest {
		r := sampleReport(agency, year, in, 0)
		r.Province, r.City, r.Level = province, city, level
		if corrected {
			r.Values = append(r.Values, gongkai.Value{Measure: "review.corrected", Applicant: gongkai.ApplicantTotal,
				Number: gongkai.Float(in), Raw: fmt.Sprint(in), At: "表四!C5"})
		}
		return LoadRequest{Report: r}
	}
	var reqs []LoadRequest
	agencies := []struct{ name, province, city, level string }{
		{"甲市财政局", "甲省", "甲市", "市级部门"}, {"甲市教育局", "甲省", "甲市", "市级部门"}, {"甲县民政局", "甲省", "乙市", "县级部门"},
		{"乙市交通局", "乙省", "丙市", "市级部门"}, {"乙县农业局", "乙省", "丁市", "县级部门"}, {"乙县水利局", "乙省", "丁市", "县级部门"},
	}
	for i, a := range agencies {
		for year := 2021; year <= 2022; year++ {
			reqs = append(reqs, report(a.name, year, float64((i+year)%3), a.province, a.city, a.level, i%2 == 0))
		}
	}
	// One 2021 report states a cell of the 2019 form.
	reqs[0].Report.Values = append(reqs[0].Report.Values, itemsPrev(5))
	load(t, db, reqs...)
	check("loaded, nothing copied", false)
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	check("copied, no agency ranked", true)
	rank()
	ranked = true
	check("copied and ranked", true)

	res := load(t, db, report("甲市财政局", 2022, 9, "甲省", "甲市", "市级部门", false),
		LoadRequest{Report: withError("乙县农业局", 2022)})
	if !res[1].Pending {
		t.Fatalf("a version with an error is not pending: %+v", res[1])
	}
	if n := count(t, db, `SELECT count(*) FROM store.reports WHERE NOT is_current`); n != 2 {
		t.Fatalf("%d versions not current, want the retired one and the pending one", n)
	}
	check("a second version and a pending one, not copied", false)
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	check("a second version and a pending one, copied", true)
	// An agency added and copied but not ranked yet; its name sorts first.
	load(t, db, report("一局", 2022, 1, "乙省", "丙市", "市级部门", true))
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	ranked = false
	check("an agency not ranked", true)
	rank()
	ranked = true
	check("ranked again", true)
	if _, err := db.Confirm(ctx, res[1].ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	check("the pending version confirmed", true)
	var moved int64
	if err := db.db.QueryRow(`SELECT agency_id FROM store.agencies WHERE name = '甲县民政局'`).Scan(&moved); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, moved, Region{Province: "乙省", City: "丁市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	check("an agency moved to another province", true)
	// The page right after a correction shows the agency's new city and
	// level, through the form named in Go (its places kept before it).
	listed := func(f Filter) []any {
		t.Helper()
		f.Measure = "apps.new"
		got, err := db.Query(ctx, "region_figure", f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range got.Rows {
			if r[0] == moved {
				return r
			}
		}
		t.Fatalf("%+v: agency %d not listed: %v", f, moved, got.Rows)
		return nil
	}
	if r := listed(Filter{YearFrom: 2022, YearTo: 2022, Province: "乙省"}); r[2] != "丁市" || r[3] != "县级部门" {
		t.Errorf("after the move: %v, want 丁市, 县级部门", r)
	}
	if err := db.SetAgencyRegion(ctx, moved, Region{Province: "乙省", City: "丙市", Level: "市级部门"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []Filter{{YearFrom: 2022, YearTo: 2022, Province: "乙省"}, {YearFrom: 2022, YearTo: 2022}} {
		if r := listed(f); r[1] != "甲县民政局" || r[2] != "丙市" || r[3] != "市级部门" {
			t.Errorf("%+v, right after a second correction: %v, want 甲县民政局, 丙市, 市级部门", f, r)
		}
	}
	check("an agency's city and level corrected", true)
	// A second version states the 2019 form's cell in 2022 too, then what
	// gongkai compact does.
	again := report("甲市教育局", 2022, 4, "甲省", "甲市", "市级部门", false)
	again.Report.Values = append(again.Report.Values, itemsPrev(3))
	load(t, db, again)
	check("the 2019 form's cell in 2022, not copied", false)
	itemsEverywhere = true
	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CompactRollups(ctx); err != nil {
		t.Fatal(err)
	}
	rank()
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	check("compacted", true)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	check("reopened", true)
}

// itemsPrev is a figure of licensing.items_prev, a cell of the 2019 form
// that a 2021-form report does not have.
func itemsPrev(v float64) gongkai.Value {
	return gongkai.Value{Measure: "licensing.items_prev", Applicant: gongkai.ApplicantTotal,
		Number: gongkai.Float(v), Raw: fmt.Sprint(v), At: "表二!C9"}
}

// queryRows runs text with args on the warehouse and reads all its rows.
func queryRows(t *testing.T, db *DB, text string, args []any) *Table {
	t.Helper()
	rows, err := db.db.Query(text, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	tb, err := readTable(rows, 0)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}
