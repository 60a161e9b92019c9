package warehouse

import (
	"context"
	"path/filepath"
	"testing"
)

// TestNarrowSelectionKeptUntilAWrite holds narrowSelection's kept answers
// (narrow, and the count of reports selected) to the counts after every write: a selection of two agencies of five is
// not narrow (8 > 5), and after five more agencies' reports are loaded it
// is (8 <= 10); a kept answer of the first generation would say otherwise.
// Within one generation the answer is kept (asked again, it is the cache's),
// and the cache never holds more than narrowCacheMax answers.
func TestNarrowSelectionKeptUntilAWrite(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reqs []LoadRequest
	for i, agency := range []string{"甲局", "乙局", "丙局", "丁局", "戊局"} {
		reqs = append(reqs, LoadRequest{Report: sampleReport(agency, 2021, float64(i), 1)})
	}
	load(t, db, reqs...)
	for _, id := range []int64{1, 2} {
		if err := db.SetAgencyRegion(ctx, id, Region{Province: "测试省", City: "测试市", Level: "县级部门"}); err != nil {
			t.Fatal(err)
		}
	}
	f := Filter{YearFrom: 2021, YearTo: 2021, Province: " 测试省 "}
	k := narrowKey{2021, 2021, "测试省", "", ""}
	for turn := range 2 {
		s, err := db.narrowSelection(ctx, f)
		if err != nil || s.narrow || s.reports != 2 {
			t.Fatalf("two agencies of five, turn %d: %+v, %v", turn, s, err)
		}
		if s, ok := db.narrow.get(db.Generation(), k); !ok || s.narrow || s.reports != 2 {
			t.Fatalf("turn %d: kept %+v, %v", turn, s, ok)
		}
	}
	before := db.Generation()
	reqs = nil
	for i, agency := range []string{"己局", "庚局", "辛局", "壬局", "癸局"} {
		reqs = append(reqs, LoadRequest{Report: sampleReport(agency, 2021, float64(i), 1)})
	}
	load(t, db, reqs...)
	if db.Generation() == before {
		t.Fatal("a load left the generation")
	}
	if s, err := db.narrowSelection(ctx, f); err != nil || !s.narrow || s.reports != 2 {
		t.Fatalf("two agencies of ten: %+v, %v (the first generation's answer kept?)", s, err)
	}
	// The whole country: never narrow, and its count is every current report.
	if s, err := db.narrowSelection(ctx, Filter{YearFrom: 2021, YearTo: 2021}); err != nil || s.narrow || s.reports != 10 {
		t.Fatalf("the whole country: %+v, %v", s, err)
	}
	// An answer counted before the last write that another request saw is
	// not kept over the newer ones.
	db.narrow.put(before, narrowKey{province: "旧"}, selection{narrow: true})
	if _, ok := db.narrow.get(db.Generation(), narrowKey{province: "旧"}); ok {
		t.Error("an answer of an older generation was kept")
	}
	for i := range narrowCacheMax + 10 {
		db.narrow.put(db.Generation(), narrowKey{yearFrom: i}, selection{})
	}
	if n := len(db.narrow.m); n > narrowCacheMax {
		t.Errorf("%d answers kept", n)
	}
}

// TestGenCacheBounds holds genCache's two bounds: a cache of answers keyed
// by requests empties itself at the first answer past its bound and keeps
// that one; textCache keeps the texts it holds at its bound and no more.
// Both drop what they hold at a newer generation and keep nothing read at
// an older one.
func TestGenCacheBounds(t *testing.T) {
	kept := func(c *genCache[int64, string], gen int64, keys ...int64) int {
		return len(keys) - len(c.lookup(gen, keys, func(int64, string) {}))
	}
	var n genCache[int64, string]
	n.max = 3
	n.putAll(2, map[int64]string{1: "a", 2: "b", 3: "c"})
	n.put(2, 4, "d")
	if got := kept(&n, 2, 1, 2, 3, 4); got != 1 || kept(&n, 2, 4) != 1 {
		t.Errorf("a request cache past its bound keeps %d of 4, want only the last", got)
	}
	tc := textCache{max: 3, keepFull: true}
	tc.putAll(2, map[int64]string{1: "a", 2: "b"})
	tc.putAll(2, map[int64]string{3: "c"})
	tc.put(2, 4, "d")
	if got := kept(&tc, 2, 1, 2, 3, 4); got != 3 || kept(&tc, 2, 4) != 0 {
		t.Errorf("textCache at its bound keeps %d of 4, want the first 3", got)
	}
	var found []string
	tc.lookup(2, []int64{2, 9}, func(_ int64, s string) { found = append(found, s) })
	if len(found) != 1 || found[0] != "b" {
		t.Errorf("lookup found %v, want [b]", found)
	}
	tc.put(0, 9, "old")
	if kept(&tc, 0, 9) != 0 || kept(&tc, 2, 9) != 0 {
		t.Error("an answer read before a newer generation was kept")
	}
	tc.put(4, 5, "e")
	if kept(&tc, 4, 1, 2, 3) != 0 || kept(&tc, 4, 5) != 1 || kept(&tc, 2, 1) != 0 {
		t.Error("a newer generation did not replace the texts kept")
	}
	// An odd generation is a write under way (DB.Generation): nothing is
	// given or kept at it.
	tc.put(5, 6, "f")
	if kept(&tc, 5, 5, 6) != 0 || kept(&tc, 4, 5) != 1 {
		t.Error("an odd generation gave or kept an answer, or dropped those of the last even one")
	}
	var cu caughtUpCache
	cu.put(3, true)
	if _, ok := cu.get(3); ok {
		t.Error("caughtUpCache kept an answer at an odd generation")
	}
}
