package warehouse_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"gongkai"
	"gongkai/demo"
	"gongkai/queries"
	"gongkai/warehouse"
)

// pieceBitsQueries are the named queries Query runs with a request's bits
// of a piece of a name (MatchPiecesOnce).
var pieceBitsQueries = []string{"quality_by_year", "quality_matrix", "quality_findings"}

// sameAsNamed fails t unless Query under ctx gives named query name's rows
// as its own text gives them for filter f, and returns how many there are.
func sameAsNamed(ctx context.Context, t *testing.T, db *warehouse.DB, name string, f warehouse.Filter) int {
	t.Helper()
	q, ok := queries.Get(name)
	if !ok {
		t.Fatalf("no query %s", name)
	}
	got, err := db.Query(ctx, name, f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var want [][]any
	err = warehouse.WithConnForTest(ctx, db, func(conn *sql.Conn) (err error) {
		want, err = allRows(ctx, conn, q.SQL, namedArgs(q.Params, f)...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := fmt.Sprint(got.Rows), fmt.Sprint(plainRows(want)); g != w {
		t.Errorf("%s, filter %+v:\n got %.600s\nwant %.600s", name, f, g, w)
	}
	return len(want)
}

// TestQualityBitsForms holds the forms Query runs with a request's bits of
// a piece of a name (sql/quality_by_year_bits.sql, quality_matrix_bits.sql,
// quality_findings_bits.sql) to their named queries: under filters with a
// piece (common, rare, none matching; each year, open ends, a range; each
// status tab; pages that cross the groups and one past the end), each run
// as 报送与质量 runs its four queries, under one MatchPiecesOnce context, the
// rows must be the named query's, and each form must be one that ran.
// TestFlowsMatchTheirFirstForm does the same after every write path
// (-flows), and TestPieceBitsAfterNewAgency covers an agency added after
// the match.
func TestQualityBitsForms(t *testing.T) {
	defer warehouse.SetPieceBitsMinForTest(0)()
	db := pathsDB(t)
	statuses := []string{"", "missing", "errors", "warnings", "ok"}
	pages := [][2]int{{0, 0}, {50, 0}, {3, 0}, {5, 4}, {7, 12}, {10, 10}, {2, 1000}}
	pieces := []string{"局", "人民", "镇", "财政", "没有这个名字"}
	rows, i := 0, 0
	for _, y := range [][2]int{{0, 0}, {2020, 2020}, {2022, 2022}, {2024, 2024}, {2020, 2023}, {2022, 0}, {0, 2021}, {2023, 2021}} {
		for _, piece := range pieces {
			f := warehouse.Filter{YearFrom: y[0], YearTo: y[1], Agency: piece, Status: statuses[i%len(statuses)]}
			p := pages[i%len(pages)]
			f.Limit, f.Offset = p[0], p[1]
			i++
			ctx := warehouse.MatchPiecesOnce(context.Background())
			for _, name := range pieceBitsQueries {
				rows += sameAsNamed(ctx, t, db, name, f)
			}
		}
	}
	if rows == 0 {
		t.Error("no rows under any filter: the comparison proves nothing")
	}
	for _, name := range pieceBitsQueries {
		form := name + " (bits)"
		if name == "quality_findings" {
			form += " (page)" // its page form (qualityFindingsPaged)
		}
		if !warehouse.KeptForTest(db, form) {
			t.Errorf("Query did not run %s's form with bits: the comparison proves nothing about it", name)
		}
	}
}

// TestPieceBitsAfterNewAgency holds the forms with bits to their named
// queries when an agency whose name holds the piece is loaded after the
// request matched it: the bits do not have it, so the forms would leave it
// out; Query must see that an agency came (pieceStale) and answer as named.
// Before, below pieceBitsMin agencies, Query must not match the piece.
func TestPieceBitsAfterNewAgency(t *testing.T) {
	ctx := context.Background()
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	reports := demo.Generate(11, 6)
	if len(reports) < 12 {
		t.Fatalf("%d demo reports: too few", len(reports))
	}
	last := reports[len(reports)-1].Agency
	var before, after []*gongkai.Report
	for _, r := range reports {
		if r.Agency == last {
			after = append(after, r)
		} else {
			before = append(before, r)
		}
	}
	if err := demo.Load(ctx, db, before); err != nil {
		t.Fatal(err)
	}
	// The last agency's whole name: no agency loaded so far holds it.
	f := warehouse.Filter{Agency: last}
	// With its few agencies the warehouse is below the size from which a
	// request matches a piece for its queries.
	sameAsNamed(warehouse.MatchPiecesOnce(ctx), t, db, "quality_by_year", f)
	if warehouse.KeptForTest(db, "quality_by_year (bits)") {
		t.Fatal("Query ran quality_by_year's form with bits on a warehouse of a few agencies")
	}
	defer warehouse.SetPieceBitsMinForTest(0)()
	req := warehouse.MatchPiecesOnce(ctx)
	if n := sameAsNamed(req, t, db, "quality_by_year", f); n != 0 {
		t.Fatalf("%d rows before the agency %s is loaded", n, last)
	}
	if !warehouse.KeptForTest(db, "quality_by_year (bits)") {
		t.Fatal("Query did not run quality_by_year's form with bits")
	}
	if err := demo.Load(ctx, db, after); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, name := range pieceBitsQueries {
		rows += sameAsNamed(req, t, db, name, f)
	}
	if rows == 0 {
		t.Errorf("no rows for agency %s after its load: the comparison proves nothing", last)
	}
}
