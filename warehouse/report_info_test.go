package warehouse

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"gongkai"
)

// TestReportInfo holds ReportInfo to Report: for every version stored (a
// report, its re-upload, another agency's) it gives Report's Info, and for
// an id that names no report Report's error, word for word.
func TestReportInfo(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	load(t, db, LoadRequest{Report: sampleReport("甲市财政局", 2022, 1, 0)}, LoadRequest{Report: sampleReport("乙市民政局", 2022, 1, 0)})
	load(t, db, LoadRequest{Report: sampleReport("甲市财政局", 2022, 2, 0)})
	rows, err := db.db.Query(`SELECT report_id FROM store.reports`)
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
	if len(ids) != 3 {
		t.Fatalf("%d versions stored, want 3", len(ids))
	}
	for _, id := range append(ids, 999) {
		sr, rerr := db.Report(ctx, id)
		info, ierr := db.ReportInfo(ctx, id)
		if rerr != nil || ierr != nil {
			var ge *gongkai.Error
			if ierr == nil || rerr == nil || ierr.Error() != rerr.Error() || !errors.As(ierr, &ge) || ge.Code != gongkai.CodeNotFound {
				t.Errorf("report %d: ReportInfo's error %v, Report's %v", id, ierr, rerr)
			}
			continue
		}
		if !reflect.DeepEqual(info, sr.Info) {
			t.Errorf("report %d: ReportInfo gives %+v, Report %+v", id, info, sr.Info)
		}
	}
}
