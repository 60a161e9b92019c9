package warehouse

import (
	"context"
	"reflect"
	"testing"

	"gongkai"
)

// TestReportTextsKept reads reports through the texts readTexts keeps:
// a second read names every figure's texts without a statement and gives
// the same report; a read after a write drops what was kept before it; a
// report read with kept texts equals its read on a fresh open; and an id
// with no text is never kept, so that every read drops its figures.
func TestReportTextsKept(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	res := load(t, db, LoadRequest{Report: figures(sampleReport("甲县教育局", 2021, 1, 2), 10, 5)})
	first, err := db.Report(ctx, res[0].ReportID)
	if err != nil {
		t.Fatal(err)
	}
	gen := db.Generation()
	var ids []int64
	for id := range db.texts.m {
		ids = append(ids, id)
	}
	if len(ids) == 0 || db.texts.gen != gen {
		t.Fatalf("after a read %d texts kept at generation %d, want some at %d", len(ids), db.texts.gen, gen)
	}
	if missing := db.texts.lookup(gen, ids, func(int64, string) {}); len(missing) != 0 {
		t.Errorf("ids %v not kept after they were read", missing)
	}
	again, err := db.Report(ctx, res[0].ReportID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first.Report, again.Report) {
		t.Errorf("a report read with kept texts differs:\n got %+v\nwant %+v", again.Report, first.Report)
	}

	res2 := load(t, db, LoadRequest{Report: figures(sampleReport("乙市卫生健康委员会", 2022, 0, 0), 20, 7)})
	if db.Generation() == gen {
		t.Fatal("a load left the generation as it was")
	}
	if missing := db.texts.lookup(db.Generation(), ids, func(int64, string) {}); len(missing) != len(ids) {
		t.Errorf("%d of %d texts kept from before a write", len(ids)-len(missing), len(ids))
	}
	var kept []*StoredReport
	for _, id := range []int64{res2[0].ReportID, res[0].ReportID} {
		sr, err := db.Report(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, sr)
	}
	reps, err := db.AgencyReports(ctx, kept[0].Info.AgencyID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}

	// The same reads on a fresh open, with nothing kept; and a NULL text.
	db = editByHand(t, db, `UPDATE store.texts SET text = text WHERE false`)
	for i, id := range []int64{res2[0].ReportID, res[0].ReportID} {
		sr, err := db.Report(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(sr.Report, kept[i].Report) {
			t.Errorf("report %d read with kept texts:\n got %+v\nwant %+v", id, kept[i].Report, sr.Report)
		}
	}
	fresh, err := db.AgencyReports(ctx, kept[0].Info.AgencyID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fresh, reps) {
		t.Errorf("agency reports read with kept texts:\n got %+v\nwant %+v", reps, fresh)
	}
	// An id with no text drops its figures, on every read.
	db = editByHand(t, db, `DELETE FROM store.texts WHERE text = 'apps.granted'`)
	for range 2 {
		sr, err := db.Report(ctx, res[0].ReportID)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(sr.Report.Values); n != len(kept[1].Report.Values)-len(gongkai.Applicants) {
			t.Errorf("a report whose measure has no text read with %d figures, want %d less than %d", n, len(gongkai.Applicants), len(kept[1].Report.Values))
		}
		for _, v := range sr.Report.Values {
			if v.Measure == "apps.granted" {
				t.Errorf("a figure of a measure with no text read: %+v", v)
			}
		}
	}
}
