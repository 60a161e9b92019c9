package warehouse

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"gongkai/queries"
)

// TestRegionAgenciesRanked holds region_agencies as Query runs it to the
// named query run as it is (which sorts the names), after every write that
// can change its rows or the ranks: loads of new agencies (one sorting
// before all the others, so that every rank after it moves), a second
// version, a pending version and its confirmation, a region corrected, the
// copy by cell, RankAgencies, a reopen, and ranks set out of order by hand.
// At each stage it also runs the ranked form itself: it must give the same
// rows when every agency has a rank, and no rows when one has none (Query
// then sorts the names). And it holds Query to the named query when its
// kept answer says every agency is ranked but a load has added one since:
// as when a load lands between that look and the query. Where every agency
// is ranked it holds that Query answered in Go (regionAgenciesInGo), from
// the agencies and states it keeps until the next write.
func TestRegionAgenciesRanked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { db.Close() }()
	q, ok := queries.Get("region_agencies")
	if !ok {
		t.Fatal("no region_agencies")
	}
	ranked := stmt("region_agencies_ranked")
	var filters []Filter
	for i, y := range []int{0, 2020, 2021, 2022, 2023} {
		for j, r := range []Region{{}, {Province: "测试省"}, {Province: "测试省", City: "测试市"}, {Level: "县级部门"}, {Province: "没有这个省"}} {
			filters = append(filters, Filter{YearFrom: y, YearTo: y, Province: r.Province, City: r.City, Level: r.Level,
				Limit: []int{0, 1, 2, 200}[(i+j)%4]})
		}
	}
	filters = append(filters, Filter{YearFrom: 2020, YearTo: 2023, Limit: 3}, Filter{YearFrom: 2022},
		Filter{YearFrom: 2021, YearTo: 2021, Province: " 测试省 ", Limit: -1}, Filter{YearTo: 2021, Level: "县级部门", Limit: 1})
	rowsOf := func(text string, f Filter) string {
		t.Helper()
		rows, err := db.db.QueryContext(ctx, text, f.bind(q.Params)...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		tb, err := readTable(rows, 0)
		if err != nil {
			t.Fatal(err)
		}
		if text == ranked && len(tb.Rows) > 0 {
			// The ranked form lists no names: Query gives them (agencyNames).
			if ok, err := db.fillAgencyNames(ctx, tb); err != nil || !ok {
				t.Fatalf("the ranked form's names: %v, %v", ok, err)
			}
		}
		return fmt.Sprint(tb.Rows)
	}
	// check compares Query and, when every agency has a rank (wantRanked),
	// the ranked form with the named query under every filter; without, the
	// ranked form must return nothing.
	check := func(stage string, wantRanked bool) {
		t.Helper()
		if ok, err := db.ranksComplete(ctx); err != nil || ok != wantRanked {
			t.Fatalf("%s: ranksComplete = %v, %v; want %v", stage, ok, err, wantRanked)
		}
		rows, listing := 0, int64(0)
		inGo := regionAgenciesInGoRuns.Load()
		for _, f := range filters {
			want := rowsOf(q.SQL, f)
			got, err := db.Query(ctx, "region_agencies", f)
			if err != nil {
				t.Fatalf("%s: %v", stage, err)
			}
			if fmt.Sprint(got.Rows) != want {
				t.Errorf("%s, %+v:\n got %v\nwant %s", stage, f, got.Rows, want)
			}
			switch r := rowsOf(ranked, f); {
			case wantRanked && r != want:
				t.Errorf("%s, %+v, the ranked form:\n got %s\nwant %s", stage, f, r, want)
			case !wantRanked && r != "[]":
				t.Errorf("%s, %+v: the ranked form gave rows while an agency has no rank: %s", stage, f, r)
			}
			rows += len(got.Rows)
			if len(got.Rows) > 0 {
				listing++
			}
		}
		if rows == 0 {
			t.Errorf("%s: no rows under any filter: the comparison proves nothing", stage)
		}
		// Query answered in Go (regionAgenciesInGo) wherever it lists a
		// row, once every agency is ranked: the comparison holds that form.
		if n := regionAgenciesInGoRuns.Load() - inGo; wantRanked && n != listing {
			t.Errorf("%s: Query answered %d of the %d filters that list a row in Go", stage, n, listing)
		}
	}
	rank := func(stage string, want int64) {
		t.Helper()
		n, err := db.RankAgencies(ctx)
		if err != nil || n != want {
			t.Fatalf("%s: RankAgencies = %d, %v; want %d", stage, n, err, want)
		}
	}

	// Names whose order is not their load order. 2020 only for 戊局
	// (missing later), 2023 only for 丁局 (later before).
	var reqs []LoadRequest
	for i, agency := range []string{"丙局", "甲局", "乙局"} {
		for year := 2020; year <= 2022; year++ {
			reqs = append(reqs, LoadRequest{Report: sampleReport(agency, year, float64(i), 1)})
		}
	}
	reqs = append(reqs, LoadRequest{Report: sampleReport("戊局", 2020, 1, 1)}, LoadRequest{Report: sampleReport("丁局", 2023, 1, 1)})
	load(t, db, reqs...)
	check("loaded, not ranked", false)
	rank("first ranking", 5)
	check("ranked", true)
	rank("nothing to rank", 0)

	res := load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 7, 0)}, LoadRequest{Report: withError("乙局", 2022)})
	if res[0].Version != 2 || res[0].Duplicate {
		t.Fatalf("甲局's 2021 report is not stored as a second version: %+v", res[0])
	}
	if !res[1].Pending {
		t.Fatalf("a version with an error is not pending: %+v", res[1])
	}
	check("a second version and a pending one", true)
	if _, err := db.Confirm(ctx, res[1].ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	check("confirmed", true)
	if err := db.SetAgencyRegion(ctx, 2, Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, 1, Region{Province: "测试省", Level: "县级部门"}); err != nil {
		t.Fatal(err)
	}
	check("regions corrected", true)

	// 一局 sorts before every other name (一 is the first CJK character):
	// every rank would move. Its agency has none until RankAgencies.
	load(t, db, LoadRequest{Report: sampleReport("一局", 2021, 3, 1)}, LoadRequest{Report: sampleReport("一局", 2022, 3, 1)})
	check("an agency sorting first loaded", false)
	// The answer of before that load, as if read just before it committed:
	// the ranked form must find the agency without a rank itself.
	db.ranked.put(db.Generation(), true)
	for _, f := range filters {
		got, err := db.Query(ctx, "region_agencies", f)
		if err != nil {
			t.Fatal(err)
		}
		if want := rowsOf(q.SQL, f); fmt.Sprint(got.Rows) != want {
			t.Errorf("kept answer out of date, %+v:\n got %v\nwant %s", f, got.Rows, want)
		}
	}
	rank("the new agency ranked", 6)
	check("ranked again", true)
	got, err := db.Query(ctx, "region_agencies", Filter{YearFrom: 2022, YearTo: 2022})
	if err != nil || len(got.Rows) < 2 || got.Rows[1][0] != "reported" || got.Rows[1][2] != "一局" {
		t.Errorf("2022, the whole country: the first reported agency is not 一局: %v, %v", got, err)
	}

	if _, err := db.CopyCells(ctx, CellOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	check("copied by cell", true)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	check("reopened", true)

	// Two ranks swapped by hand, in a file closed: the open finds them out
	// of order and keeps to the names; RankAgencies gives them again.
	if _, err := db.db.ExecContext(ctx, `UPDATE store.agencies SET name_rank = CASE name_rank WHEN 2 THEN 3 WHEN 3 THEN 2 END WHERE name_rank IN (2, 3)`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if ok, err := db.ranksComplete(ctx); err != nil || ok {
		t.Fatalf("ranks swapped by hand: ranksComplete = %v, %v", ok, err)
	}
	for _, f := range filters {
		got, err := db.Query(ctx, "region_agencies", f)
		if err != nil {
			t.Fatal(err)
		}
		if want := rowsOf(q.SQL, f); fmt.Sprint(got.Rows) != want {
			t.Errorf("ranks swapped by hand, %+v:\n got %v\nwant %s", f, got.Rows, want)
		}
	}
	rank("ranks out of order given again", 6)
	check("ranked after the hand edit", true)
}
