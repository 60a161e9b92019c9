package warehouse

import (
	"context"
	"fmt"
	"testing"
)

// TestPreparedLoadsAsLoad loads a batch large enough to be prepared in
// several goroutines, with requests that fail their checks spread through
// it, once by Load and once by Prepare and LoadPrepared: each request's
// result must be the same, the failures at their own places, and a
// prepared batch loads once.
func TestPreparedLoadsAsLoad(t *testing.T) {
	ctx := context.Background()
	reqs := make([]LoadRequest, 3*prepareChunk+17)
	for i := range reqs {
		r := sampleReport(fmt.Sprintf("测试机关%04d", i/2), 2020+i%2, float64(i%5), 0)
		if i%97 == 13 {
			r.Agency = "" // fails its checks
		}
		reqs[i] = LoadRequest{Report: r}
	}
	byLoad, errLoad := openTest(t).Load(ctx, reqs)
	db := openTest(t)
	b := Prepare(reqs)
	byPrepared, errPrepared := db.LoadPrepared(ctx, b)
	if errLoad == nil || errPrepared == nil || errLoad.Error() != errPrepared.Error() {
		t.Fatalf("errors %v and %v, want the same failure", errLoad, errPrepared)
	}
	if len(byLoad) != len(reqs) || len(byPrepared) != len(reqs) {
		t.Fatalf("%d and %d results for %d requests", len(byLoad), len(byPrepared), len(reqs))
	}
	failed := 0
	for i := range reqs {
		l, p := byLoad[i], byPrepared[i]
		if (l.Err == nil) != (i%97 != 13) || (p.Err == nil) != (l.Err == nil) {
			t.Fatalf("request %d: errors %v and %v", i, l.Err, p.Err)
		}
		if l.Err != nil {
			failed++
			continue
		}
		if l.ReportID != p.ReportID || l.AgencyID != p.AgencyID || l.Version != p.Version || len(l.Findings) != len(p.Findings) {
			t.Errorf("request %d: Load %+v, LoadPrepared %+v", i, l, p)
		}
	}
	if failed == 0 {
		t.Fatal("no request failed: the test proves nothing about their places")
	}
	if _, err := db.LoadPrepared(ctx, b); err == nil {
		t.Error("a prepared batch loaded twice")
	}
}
