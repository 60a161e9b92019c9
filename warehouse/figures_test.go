package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"gongkai"
	"gongkai/queries"
)

// oddCellsReport is a sample report with the cells a breakdown must still
// list right: a cell stated twice (licensing.decisions), a measure outside
// the catalogue, an applicant column of a measure that has none, and a
// figure blank in value, text and place.
func oddCellsReport(agency string, year int) *gongkai.Report {
	r := sampleReport(agency, year, 1, 2)
	r.Values = append(r.Values,
		gongkai.Value{Measure: "licensing.decisions", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(7), Raw: "7", At: "表二!E10"},
		gongkai.Value{Measure: "custom.measure", Applicant: gongkai.ApplicantTotal, Number: gongkai.Float(5), Raw: "5", At: "附表!B2"},
		gongkai.Value{Measure: "licensing.decisions", Applicant: gongkai.ApplicantNatural, Number: gongkai.Float(3), Raw: "3", At: "表二!F9"},
		gongkai.Value{Measure: "review.upheld", Applicant: gongkai.ApplicantTotal},
	)
	return r
}

// figuresFixture loads three agencies' reports of 2020–2022, two of them
// with oddCellsReport's cells (one a second version), in one group and then
// one more alone, and returns what each report id states: "measure/
// applicant=value raw at" in the order the report states them.
func figuresFixture(t *testing.T) (*DB, map[int64][]string) {
	db := openTest(t)
	var reqs []LoadRequest
	for i, name := range []string{"贵州省教育厅", "贵阳市公安局", "浙江省财政厅"} {
		for year := 2020; year <= 2022; year++ {
			r := sampleReport(name, year, float64(i), float64(i+1))
			if i == 1 && year == 2021 {
				r = oddCellsReport(name, year)
			}
			r.Province = "贵州省"
			reqs = append(reqs, LoadRequest{Report: r})
		}
	}
	res := load(t, db, reqs...)
	again := LoadRequest{Report: oddCellsReport("浙江省财政厅", 2022)} // a second version, current
	res = append(res, load(t, db, again)...)
	reqs = append(reqs, again)
	stated := map[int64][]string{}
	for i, r := range res {
		for _, v := range reqs[i].Report.Values {
			stated[r.ReportID] = append(stated[r.ReportID], figureText(v.Measure, v.Applicant, floatOrNil(v.Number), v.Raw, v.At))
		}
	}
	return db, stated
}

func figureText(measure, applicant string, value any, raw, at string) string {
	return fmt.Sprintf("%s/%s=%v %q %q", measure, applicant, value, raw, at)
}

// TestFiguresStoredByCell checks that the loader writes store.figures in
// blocks by cell (migration 0029) with every figure as the report states
// it, a cell stated twice in its order, and that region_figure, which reads
// a cell by its ids, gives the rows of its first form, also for a cell
// stated twice and one outside the catalogue.
func TestFiguresStoredByCell(t *testing.T) {
	db, stated := figuresFixture(t)
	// The first nine reports were one transaction, the tenth another.
	checkFiguresOrder(t, db, func(id int64) int64 { return min(id/10, 1) })
	got := map[int64][]string{}
	for _, r := range queryAll(t, db, `SELECT f.report_id, m.text, ap.text, f.value, coalesce(raw.text, ''), coalesce(loc.text, '')
		FROM store.figures f
		JOIN store.texts m ON m.text_id = f.measure_id
		JOIN store.texts ap ON ap.text_id = f.applicant_id
		LEFT JOIN store.texts raw ON raw.text_id = f.raw_id
		LEFT JOIN store.texts loc ON loc.text_id = f.at_id
		WHERE NOT f.derived ORDER BY f.rowid`) {
		id := r[0].(int64)
		got[id] = append(got[id], figureText(r[1].(string), r[2].(string), r[3], r[4].(string), r[5].(string)))
	}
	if len(got) != len(stated) {
		t.Fatalf("store.figures has figures of %d reports, want %d", len(got), len(stated))
	}
	for id, want := range stated {
		// Stored by cell: the report's figures in order of their cells'
		// ids, a cell stated twice in the order stated.
		if g, w := slices.Sorted(slices.Values(got[id])), slices.Sorted(slices.Values(want)); !slices.Equal(g, w) {
			t.Errorf("report %d: store.figures holds\n%v\nwant\n%v", id, g, w)
		}
		var twice []string
		for _, f := range got[id] {
			if strings.HasPrefix(f, "licensing.decisions/total=") {
				twice = append(twice, f)
			}
		}
		var wantTwice []string
		for _, f := range want {
			if strings.HasPrefix(f, "licensing.decisions/total=") {
				wantTwice = append(wantTwice, f)
			}
		}
		if !slices.Equal(twice, wantTwice) {
			t.Errorf("report %d: licensing.decisions stored %v, stated %v", id, twice, wantTwice)
		}
	}
	compareRegionFigure(t, db)
}

// checkFiguresOrder checks that store.figures, read in its stored order
// (rowid), runs by block of report ids, then measure_id, applicant_id and
// report_id within each transaction; tx names the transaction that wrote
// a report id.
func checkFiguresOrder(t *testing.T, db *DB, tx func(id int64) int64) {
	t.Helper()
	rows := queryAll(t, db, `SELECT report_id, measure_id, applicant_id FROM store.figures ORDER BY rowid`)
	if len(rows) == 0 {
		t.Fatal("no figures")
	}
	key := func(r []any) []int64 {
		id := r[0].(int64)
		return []int64{tx(id), id / figureBlock, int64(r[1].(int32)), int64(r[2].(int32)), id}
	}
	for i := 1; i < len(rows); i++ {
		if a, b := key(rows[i-1]), key(rows[i]); slices.Compare(a, b) > 0 {
			t.Fatalf("store.figures row %d %v comes before row %d %v", i-1, a, i, b)
		}
	}
}

// TestFigureOrder checks figureOrder on writes that straddle two blocks of
// report ids: each block's figures by measure and applicant ids, then
// report, then as stated (a cell stated twice keeps its order).
func TestFigureOrder(t *testing.T) {
	ids := map[string]int32{"b": 5, "a": 9, "total": 2, "natural": 3}
	text := func(s string) any { return ids[s] }
	mk := func(id int64, values ...[2]string) *write {
		r := &gongkai.Report{}
		for i, v := range values {
			r.Values = append(r.Values, gongkai.Value{Measure: v[0], Applicant: v[1], Raw: fmt.Sprint(id, "/", i)})
		}
		return &write{id: id, it: &item{r: r}}
	}
	writes := []*write{
		mk(figureBlock-2, [2]string{"a", "total"}, [2]string{"b", "natural"}, [2]string{"b", "total"}),
		mk(figureBlock-1, [2]string{"a", "total"}, [2]string{"b", "total"}, [2]string{"a", "total"}),
		mk(figureBlock, [2]string{"a", "natural"}, [2]string{"b", "total"}),
		mk(figureBlock+1, [2]string{"b", "total"}, [2]string{"a", "natural"}),
	}
	writes[3].it.derived = []gongkai.Value{{Measure: "a", Applicant: "total", Raw: "derived"}}
	var got, visited []string
	order, err := figureOrder(writes, text, func(w *write, m, a any) error {
		visited = append(visited, fmt.Sprint(w.id, m, a))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(visited) != 4+11 || visited[0] != fmt.Sprint(int64(figureBlock-2), nil, nil) || visited[1] != fmt.Sprint(int64(figureBlock-2), int32(9), int32(2)) {
		t.Errorf("figureOrder visits %v", visited)
	}
	for _, f := range order {
		v := writes[f.w].it.values()[f.k][f.i]
		got = append(got, fmt.Sprintf("%s/%s=%s[%v,%v]", v.Measure, v.Applicant, v.Raw, f.measure, f.applicant))
	}
	b := figureBlock
	want := []string{
		fmt.Sprintf("b/total=%d/2[5,2]", b-2), fmt.Sprintf("b/total=%d/1[5,2]", b-1),
		fmt.Sprintf("b/natural=%d/1[5,3]", b-2),
		fmt.Sprintf("a/total=%d/0[9,2]", b-2), fmt.Sprintf("a/total=%d/0[9,2]", b-1), fmt.Sprintf("a/total=%d/2[9,2]", b-1),
		fmt.Sprintf("b/total=%d/1[5,2]", b), fmt.Sprintf("b/total=%d/0[5,2]", b+1),
		"a/total=derived[9,2]",
		fmt.Sprintf("a/natural=%d/0[9,3]", b), fmt.Sprintf("a/natural=%d/1[9,3]", b+1),
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("figureOrder:\n got %v\nwant %v", got, want)
	}
}

// TestUpgradeStoresFiguresByCell takes a warehouse back to before migration
// 0029 with its figures in another order, and checks that Open stores them
// in blocks by cell, every row unchanged, and that the breakdown still
// matches its first form.
func TestUpgradeStoresFiguresByCell(t *testing.T) {
	db, _ := figuresFixture(t)
	all := `SELECT report_id, measure_id, applicant_id, value, unit_id, raw_id, at_id, derived, from_narrative
		FROM store.figures ORDER BY ALL`
	before := fmt.Sprint(queryAll(t, db, all))
	for _, q := range []string{
		`CREATE TABLE shuffled AS SELECT * FROM store.figures ORDER BY report_id DESC, measure_id DESC`,
		`DELETE FROM store.figures`,
		`INSERT INTO store.figures SELECT * FROM shuffled`,
		`DROP TABLE shuffled`,
		`DELETE FROM schema_migrations WHERE version = 29`,
	} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	path := db.Path()
	db.Close()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if after := fmt.Sprint(queryAll(t, db, all)); after != before {
		t.Errorf("migration 0029 changed the figures:\n got %s\nwant %s", after, before)
	}
	checkFiguresOrder(t, db, func(int64) int64 { return 0 }) // 0029 copies in one transaction
	compareRegionFigure(t, db)
}

func queryAll(t *testing.T, db *DB, q string) [][]any {
	t.Helper()
	rows, err := db.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// compareRegionFigure runs region_figure and its first form
// (testdata/before/region_figure.sql) for the cells of oddCellsReport: the
// rows must be the same, in the same order.
func compareRegionFigure(t *testing.T, db *DB) {
	t.Helper()
	b, err := os.ReadFile("testdata/before/region_figure.sql")
	if err != nil {
		t.Fatal(err)
	}
	old, err := queries.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	places := 0
	for _, f := range []Filter{
		{Measure: "licensing.decisions"},
		{YearFrom: 2021, YearTo: 2022, Measure: "licensing.decisions"},
		{Measure: "custom.measure"},
		{Measure: "licensing.decisions", Applicant: gongkai.ApplicantNatural},
		{Measure: "review.upheld", Limit: 3},
		{Measure: "penalty.decisions"},
		{YearFrom: 2022, YearTo: 2022, Measure: "apps.granted", Applicant: gongkai.ApplicantResearch},
		{Measure: "apps.new", Province: "贵州省", Level: "没有"},
		{Measure: "no.such.measure"},
	} {
		got, err := db.Query(context.Background(), "region_figure", f)
		if err != nil {
			t.Fatal(err)
		}
		var args []any
		for _, a := range f.args() {
			if na := a.(sql.NamedArg); slices.Contains(old.Params, na.Name) {
				args = append(args, na)
			}
		}
		rows, err := db.db.Query(old.SQL, args...)
		if err != nil {
			t.Fatal(err)
		}
		want, err := readTable(rows, 0)
		rows.Close()
		if err != nil {
			t.Fatal(err)
		}
		if g, w := fmt.Sprint(got.Rows), fmt.Sprint(want.Rows); g != w {
			t.Errorf("region_figure %+v:\n got %s\nwant %s", f, g, w)
		}
		if strings.Contains(fmt.Sprint(want.Rows), "表") {
			places++
		}
	}
	if places < 5 {
		t.Errorf("only %d breakdowns name a place: the comparison proves little", places)
	}
}
