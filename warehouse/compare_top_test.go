package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"gongkai"
	"gongkai/queries"
)

// TestCompareTopAsTheQuery holds compare_agencies' kept answers for the
// whole country and for each province alone (store.compare_top, 0072,
// 0084) to the query itself, value for value and Go type for type, in
// order: on every range of years a filter can give (kept or not: open
// ends, the years with reports, years outside them, a range that selects
// nothing), for the country, each province, a province no agency is in and
// a province with a level, selections within the country read from the
// country's deeper answer (compare_top_within) or not, and limits kept or
// not, as built,
// after a write (the kept answers must not be read while an agency is
// listed as changed), after a rebuild stopped half-way (they are deleted
// before any agency leaves the list) and after a full one. A kept row
// edited by hand must show up through Query, or the comparisons prove
// nothing.
func TestCompareTopAsTheQuery(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	piece, deep := totalsPieceAgencies, compareDeepLimit
	totalsPieceAgencies = 7
	// The deeper answers hold the first 25 of 30 agencies: a selection of
	// most of them is read from them, one of a few runs the query.
	compareDeepLimit = 25
	t.Cleanup(func() { totalsPieceAgencies, compareDeepLimit = piece, deep; totalsPieceBuilt = nil })
	var reqs []LoadRequest
	for i := range 30 {
		name := fmt.Sprintf("%c%c局", '甲'+rune(i%10), '子'+rune(i/10))
		for y := 2020; y <= 2023; y++ {
			if (i+y)%5 == 0 {
				continue
			}
			r := figures(sampleReport(name, y, float64((i*7+y)%13), float64(i%5)), float64(i%4), -1)
			// Two provinces and agencies in none.
			r.Province = []string{"甲省", "乙省", ""}[i%3]
			// Levels, and a city of 甲省.
			r.Level = []string{"县级部门", "市级部门", ""}[i/3%3]
			if i%3 == 0 && i%2 == 0 {
				r.City = "乙市"
			}
			if (i+y)%9 == 0 {
				// All table figures 0: compare_agencies' zero ranking.
				for j := range r.Values {
					if r.Values[j].Number != nil {
						r.Values[j].Number, r.Values[j].Raw = gongkai.Float(0), "0"
					}
				}
			}
			reqs = append(reqs, LoadRequest{Report: r})
		}
	}
	load(t, db, reqs...)
	q, _ := queries.Get("compare_agencies")
	var filters []Filter
	for _, from := range []int{0, 2019, 2020, 2021, 2022, 2023, 2024} {
		for _, to := range []int{0, 2019, 2020, 2021, 2022, 2023, 2024} {
			filters = append(filters, Filter{YearFrom: from, YearTo: to, Limit: 20})
		}
	}
	// The provinces on fewer ranges: open, within, outside and empty.
	for _, from := range []int{0, 2019, 2021, 2023} {
		for _, to := range []int{0, 2020, 2022, 2024} {
			for _, p := range []string{"甲省", "乙省", "丙省"} {
				filters = append(filters, Filter{YearFrom: from, YearTo: to, Province: p, Limit: 20})
			}
		}
	}
	// No limit is the kept one's (20); any other, or any selection, runs
	// the query.
	filters = append(filters, Filter{}, Filter{YearFrom: 2021, YearTo: 2022}, Filter{Limit: 3}, Filter{YearFrom: 2022, Limit: 1},
		Filter{YearFrom: 2021, Level: "县级部门", Limit: 20}, Filter{Agency: "甲", Limit: 20},
		Filter{Province: "贵州省", Limit: 20}, Filter{Province: "甲省", Level: "县级部门", Limit: 20}, Filter{Province: "乙省", Agency: "甲", Limit: 20},
		Filter{Province: "甲省", City: "乙市", Limit: 20}, Filter{Province: " 甲省 ", YearFrom: 2021}, Filter{Province: "乙省", Limit: 3})
	// Selections within the country, read from the deeper answer
	// (compare_top_within) when it holds their first places: levels, a
	// city, pieces that match many names, few and none, a padded piece,
	// with and without a province, on ranges kept or not.
	for i, sel := range []Filter{{Level: "县级部门"}, {Level: "没有这一级"}, {Agency: "局"}, {Agency: "子"}, {Agency: "甲子"},
		{Agency: " 乙 "}, {Agency: "没有"}, {Province: "甲省", Agency: "局"}, {Province: "乙省", Level: "县级部门"},
		{Province: "丙省", Agency: "局"}, {City: "乙市"}, {Province: "甲省", City: "乙市", Agency: "甲"}} {
		for j, r := range [][2]int{{0, 0}, {2021, 2022}, {2023, 0}, {0, 2020}, {2019, 2024}, {2024, 2024}} {
			if (i+j)%2 == 0 {
				f := sel
				f.YearFrom, f.YearTo, f.Limit = r[0], r[1], []int{20, 0}[(i+j)/2%2]
				filters = append(filters, f)
			}
		}
	}
	// The stages between builds, where no kept answer may be read, check
	// the ranges kept and a few others.
	few := []Filter{{}, {YearFrom: 2021, YearTo: 2022, Limit: 20}, {YearTo: 2021, Limit: 20}, {YearFrom: 2023, Limit: 20},
		{YearFrom: 2019, YearTo: 2024, Limit: 20}, {Limit: 3}, {Province: "甲省", Limit: 20}, {Province: "乙省", YearFrom: 2021, YearTo: 2022}}
	asTheQuery := func(stage string, filters []Filter) (rows int) {
		t.Helper()
		for _, f := range filters {
			got, err := db.Query(ctx, "compare_agencies", f)
			if err != nil {
				t.Fatal(err)
			}
			want := firstFormRows(t, db, q, f)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %+v:\n got %#v\nwant %#v", stage, f, got, want)
			}
			rows += len(want.Rows)
		}
		return rows
	}
	kept := func() int { return count(t, db, `SELECT count(*) FROM store.compare_top_keys`) }
	// Eight bounds (open, 2020-2023): 5 × 5 ranges less the 6 that end
	// before they start, for the country and the two provinces with
	// 地区比较's limit and for the country with the deeper one.
	const ranges = (5*5 - 6) * 4

	if n := kept(); n != 0 {
		t.Fatalf("%d answers kept as loaded, before any build", n)
	}
	if rows := asTheQuery("as loaded", filters); rows == 0 {
		t.Fatal("no rows under any filter: the comparison proves nothing")
	}
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if n := kept(); n != ranges {
		t.Fatalf("%d answers kept after a build, want %d", n, ranges)
	}
	asTheQuery("built", filters)

	// A kept row edited by hand is what Query gives: the answers are read.
	edit := func() {
		t.Helper()
		if _, err := db.db.ExecContext(ctx, `UPDATE store.compare_top SET apps_total = -1 WHERE year_from IS NULL AND year_to IS NULL`); err != nil {
			t.Fatal(err)
		}
	}
	edit()
	// The last two select every agency: 25 in the deeper answer.
	for _, f := range []Filter{{Limit: 20}, {Province: "甲省", Limit: 20}, {Province: "乙省"}, {Agency: "局", Limit: 20}, {Agency: "局"}} {
		got, err := db.Query(ctx, "compare_agencies", f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Rows) == 0 || got.Rows[0][6] != -1.0 {
			t.Fatalf("the kept answer for %+v is not read: %v", f, got.Rows)
		}
	}
	// The deeper answer's statement is kept (stmtTyped): the write below
	// must still turn it off.
	if s, ok := db.kept.m.Load("compare_agencies (within)"); !ok || s.(*sql.Stmt) == nil {
		t.Fatal("compare_top_within's statement is not kept: the checks after a write prove nothing of it")
	}
	// A selection of fewer than 20 agencies may have its first places past
	// the deeper answer's 25 of 30: the query runs.
	for _, f := range []Filter{{Agency: "甲"}, {Level: "县级部门"}, {Province: "乙省", Agency: "局"}} {
		if got, err := db.Query(ctx, "compare_agencies", f); err != nil || len(got.Rows) == 0 || got.Rows[0][6] == -1.0 {
			t.Fatalf("%+v is read from the deeper answer (%v): %v", f, err, got)
		}
	}

	// A write lists its agency: the kept answers are not read (the edited
	// one would show), and they stay until a rebuild.
	load(t, db, LoadRequest{Report: figures(sampleReport("甲子局", 2023, 40, 0), 5, -1)})
	asTheQuery("after a write", append(few, Filter{Agency: "局", Limit: 20}, Filter{Agency: "局"}, Filter{Level: "市级部门"}))
	if n := kept(); n != ranges {
		t.Fatalf("%d answers kept after a write, want %d (deleted by a rebuild only)", n, ranges)
	}

	// A rebuild stopped after its first piece: the answers are gone before
	// any agency left the list.
	stop := errors.New("stopped")
	totalsPieceBuilt = func(from, to int64) error { return stop }
	if _, err := db.CompactTotals(ctx, 1); !errors.Is(err, stop) {
		t.Fatalf("the rebuild was not stopped: %v", err)
	}
	totalsPieceBuilt = nil
	if n := kept(); n != 0 {
		t.Fatalf("%d answers kept after a rebuild stopped half-way", n)
	}
	asTheQuery("stopped half-way", few)

	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if n := kept(); n != ranges {
		t.Fatalf("%d answers kept after the rebuild, want %d", n, ranges)
	}
	asTheQuery("rebuilt", filters)

	// With nothing listed and the answers gone (a file older than 0072),
	// gongkai compact keeps them without a rebuild.
	if _, err := db.db.ExecContext(ctx, stmt("compare_top_clear")); err != nil {
		t.Fatal(err)
	}
	c, err := db.CompactTotals(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Rebuilt {
		t.Error("the totals were built again with no agency listed")
	}
	if n := kept(); n != ranges {
		t.Fatalf("%d answers kept by compact with nothing listed, want %d", n, ranges)
	}
	asTheQuery("kept again", few)
}
