package warehouse

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"gongkai"
)

// TestPendingFlowsKeepOneRowAVersion drives one agency's year through what
// real use does to it — uploads at once, re-uploads of the same file, a
// broken version waiting, another replacing it, confirmations, a clean
// version superseding the waiting ones — and after each step checks that
// no version has two unresolved rows in store.pending and that the report
// page's read (Report) of every version succeeds: Report refuses a version
// waiting twice (d696c70), which would take the report page down.
func TestPendingFlowsKeepOneRowAVersion(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	check := func(step string) {
		t.Helper()
		if n := count(t, db, `SELECT count(*) FROM (SELECT report_id FROM store.pending WHERE resolved_at IS NULL
			GROUP BY report_id HAVING count(*) > 1)`); n != 0 {
			t.Errorf("%s: %d versions wait for confirmation twice", step, n)
		}
		rows, err := db.db.QueryContext(ctx, "SELECT report_id FROM store.reports")
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		for _, id := range ids {
			if _, err := db.Report(ctx, id); err != nil {
				t.Errorf("%s: report %d: %v", step, id, err)
			}
		}
	}
	load(t, db, LoadRequest{Report: sampleReport("乙局", 2021, 0, 0)})
	check("first version")

	// Broken versions uploaded at once, each file twice: the writer takes
	// them one by one, a file already stored is a duplicate.
	var wg sync.WaitGroup
	results := make([][]LoadResult, 8)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := withError("乙局", 2021)
			r.Source.Name = fmt.Sprintf("乙局-%d.xlsx", i/2)
			var err error
			results[i], err = db.Load(ctx, []LoadRequest{{Report: r, Source: []byte(r.Source.Name), By: "张三"}})
			if err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	pending := 0
	for _, res := range results {
		if len(res) == 1 && res[0].Pending && !res[0].Duplicate {
			pending++
		}
	}
	if pending != 4 {
		t.Errorf("%d versions wait after four files uploaded twice at once, want 4", pending)
	}
	check("uploads at once")

	// A version without table 三 waits too; one of the waiting is
	// confirmed, the others are superseded; confirming again is refused.
	v := load(t, db, LoadRequest{Report: withoutTable3("乙局", 2021)})[0]
	if !v.Pending {
		t.Fatalf("a version without 表三 does not wait: %+v", v)
	}
	check("another waiting")
	if _, err := db.Confirm(ctx, results[0][0].ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	check("confirmed")
	if _, err := db.Confirm(ctx, v.ReportID, "张三"); err == nil {
		t.Errorf("a superseded version was confirmed")
	}
	check("confirmed again")

	// Waiting again, then a clean version supersedes it in one load with
	// another broken one.
	load(t, db, LoadRequest{Report: withError("乙局", 2021)})
	r := sampleReport("乙局", 2021, 0, 0)
	r.Sections[0].Text += "修订。"
	load(t, db, LoadRequest{Report: withError("乙局", 2021)}, LoadRequest{Report: r})
	check("superseded in one load")
	if n := count(t, db, "SELECT count(*) FROM pending_reports"); n != 0 {
		t.Errorf("%d versions still wait after a clean version", n)
	}
}

// TestLoadRefusesACellTwice: a report stating one cell twice (one measure
// and applicant) is refused whole, saying both places, and nothing of it is
// written: stored, both figures were summed (the regional breakdown listed
// the report twice and counted it one too many). A cell of the catalogue
// and one of a measure it lacks are found apart (by gongkai.CellSlot, and
// by a map), so both are tried.
func TestLoadRefusesACellTwice(t *testing.T) {
	for _, tc := range []struct {
		name    string
		measure string // "" keeps the sample's first value's
	}{
		{"catalogue cell", ""},
		{"measure outside the catalogue", "custom.extra"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t)
			r := sampleReport("甲局", 2021, 0, 0)
			if tc.measure != "" {
				r.Values[0].Measure = tc.measure
			}
			r.Values = append(r.Values, r.Values[0])
			r.Values[len(r.Values)-1].At = "表三!C40"
			res, err := db.Load(context.Background(), []LoadRequest{{Report: r}})
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid || len(res) != 1 || res[0].Err == nil ||
				!strings.Contains(err.Error(), "表三!C5") || !strings.Contains(err.Error(), "表三!C40") {
				t.Fatalf("a cell twice: %v, %+v; want a CodeInvalid error naming both places", err, res)
			}
			if n := count(t, db, "SELECT count(*) FROM store.reports"); n != 0 {
				t.Errorf("%d reports written", n)
			}
		})
	}
}
