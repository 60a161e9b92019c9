package warehouse

import (
	"context"
	"fmt"
	"testing"

	"gongkai/queries"
)

// TestQualityMatrixWriteBetween loads a report between quality_matrix's
// counts (kept at one generation) and its page's read: the form in Go must
// decline, not give a page of two states (review's MEDIUM on 0482995: 3
// agencies listed with agencies_total 2).
func TestQualityMatrixWriteBetween(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	q, _ := queries.Get("quality_matrix")
	load(t, db, LoadRequest{Report: sampleReport("浙江省杭州市财政局", 2021, 1, 0)},
		LoadRequest{Report: sampleReport("浙江省宁波市教育局", 2022, 1, 0)})
	f := Filter{Province: "浙江省"}
	if _, err := db.Query(ctx, "quality_matrix", f); err != nil { // counts kept
		t.Fatal(err)
	}
	once := false
	qualityMatrixHook = func() {
		if once {
			return
		}
		once = true
		load(t, db, LoadRequest{Report: sampleReport("浙江省温州市公安局", 2022, 1, 0)})
	}
	defer func() { qualityMatrixHook = nil }()
	got, err := db.Query(ctx, "quality_matrix", f)
	if err != nil {
		t.Fatal(err)
	}
	want := queryRows(t, db, q.SQL, f.bind(q.Params))
	if g, w := fmt.Sprintf("%#v", got.Rows), fmt.Sprintf("%#v", want.Rows); g != w {
		t.Errorf("a write between the counts and the page:\n got %s\nwant %s", g, w)
	}
}
