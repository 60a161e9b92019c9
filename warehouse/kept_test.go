package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"

	"gongkai/queries"
)

// TestKeptOnlyWhenPlannedAgain checks which statements DB.Query keeps
// prepared between runs: only those with a parameter DuckDB cannot type
// without its value, which DuckDB then plans again with the values at every
// run. A statement with no parameters keeps its first plan and the
// statistics it was made with, so it must be prepared afresh on every run
// (TestPreparedQueriesFollowWrites fails on the first load when
// filter_options is kept); one whose parameters all have a type is planned
// again too (TestTypedStatementsArePlannedAgain) but is not kept either.
// The order of a NULL guard matters: `$p IS NULL OR c = $p` leaves $p
// untyped, `c = $p OR $p IS NULL` types it.
// answeredInGo names the queries DB.Query answers in Go from rows kept
// until the next write (qualityByYearKept, latePublishersKept,
// qualityMatrixKept), each with what makes it run its statement instead,
// whose keeping the tests below decide: a piece of an agency's name. Nil
// for late_publishers, which cuts a piece in Go too and runs its statement
// only past 20,000 late rows (or for a negative limit, which the statement
// refuses): these tests never see its decision (TestLatePublishersKept
// holds its rows to the statement's).
var answeredInGo = map[string]func(*Filter){
	"late_publishers": nil,
	"quality_by_year": func(f *Filter) { f.Agency = "局" },
	"quality_matrix":  func(f *Filter) { f.Agency = "局" },
}

func TestKeptOnlyWhenPlannedAgain(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	for _, c := range []struct {
		sql  string
		want bool
	}{
		{"SELECT 1", false},
		{"SELECT count(*) FROM store.agencies WHERE agency_id = $agency_id", false},
		{"SELECT count(*) FROM store.agencies WHERE province = $province OR $province IS NULL", false},
		{"SELECT count(*) FROM store.agencies WHERE $province IS NULL OR province = $province", true},
		{"SELECT count(*) FROM store.agencies WHERE agency_id = $agency_id AND ($province IS NULL OR province = $province)", true},
	} {
		got, err := db.replannedEveryRun(ctx, c.sql)
		if err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		if got != c.want {
			t.Errorf("%s: planned again at every run %v, want %v", c.sql, got, c.want)
		}
	}
	if _, err := db.replannedEveryRun(ctx, "SELECT * FROM no_such_table"); err == nil {
		t.Error("a statement that cannot be prepared gave no error")
	}

	notKept := map[string]bool{"agency_info": true, "demo_status": true, "filter_options": true}
	for _, q := range queries.List() {
		f := Filter{Limit: 5, AgencyID: 1, ReportID: 1, Measure: "apps.new", Applicant: "total"}
		declines, inGo := answeredInGo[q.Name]
		if inGo && declines == nil {
			continue
		}
		if declines != nil {
			declines(&f)
		}
		if _, err := db.Query(ctx, q.Name, f); err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		s, ok := keptDecision(db, q.Name)
		if !ok {
			t.Errorf("%s: DB.Query did not decide whether to keep it", q.Name)
			continue
		}
		if kept := s.(*sql.Stmt) != nil; kept == notKept[q.Name] {
			t.Errorf("%s: kept %v, want %v", q.Name, kept, !notKept[q.Name])
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db.kept.m.Range(func(name, _ any) bool {
		t.Errorf("Close left the kept statement of %s", name)
		return true
	})
	if _, err := db.Query(ctx, "overview_totals", Filter{}); err == nil {
		t.Error("a query after Close gave no error")
	}
	db.kept.m.Range(func(name, _ any) bool {
		t.Errorf("a query after Close kept the statement of %s", name)
		return true
	})
}

// TestKeptFollowsTheCatalog checks that a kept statement reads the catalog
// of its run, not that of its first: a view defined anew, and a table
// dropped and made again with another column type under it, give the rows
// a statement prepared afresh gives. Migrations only run at Open, before
// any query, but a kept statement must not be what makes a figure wrong if
// one day the schema changes under an open warehouse.
func TestKeptFollowsTheCatalog(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	exec := func(q string) {
		t.Helper()
		if _, err := db.db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec("CREATE TABLE kept_t AS SELECT range::INTEGER AS x FROM range(10)")
	exec("CREATE VIEW kept_v AS SELECT x FROM kept_t")
	q := queries.Query{Name: "kept_probe", Params: []string{"low"},
		SQL: "SELECT count(*)::BIGINT, sum(x)::BIGINT FROM kept_v WHERE $low IS NULL OR x >= $low"}
	run := func(low any) string {
		t.Helper()
		s, err := db.stmt(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if s == nil {
			t.Fatal("the probe is not kept: it has an untyped parameter")
		}
		var n, sum int64
		if err := s.QueryRowContext(ctx, sql.Named("low", low)).Scan(&n, &sum); err != nil {
			t.Fatal(err)
		}
		var fn, fsum int64
		if err := db.db.QueryRowContext(ctx, q.SQL, sql.Named("low", low)).Scan(&fn, &fsum); err != nil {
			t.Fatal(err)
		}
		if n != fn || sum != fsum {
			t.Errorf("low %v: kept %d %d, afresh %d %d", low, n, sum, fn, fsum)
		}
		return fmt.Sprint(n, sum)
	}
	if got := run(nil); got != "10 45" {
		t.Fatalf("before: %s", got)
	}
	if got := run(5); got != "5 35" {
		t.Fatalf("before, low 5: %s", got)
	}
	exec("CREATE OR REPLACE VIEW kept_v AS SELECT x * 10 AS x FROM kept_t")
	if got := run(5); got != "9 450" {
		t.Errorf("view defined anew: %s, want 9 450", got)
	}
	exec("DROP VIEW kept_v")
	exec("DROP TABLE kept_t")
	exec("CREATE TABLE kept_t AS SELECT range::DOUBLE + 0.5 AS x FROM range(4)")
	exec("CREATE VIEW kept_v AS SELECT x FROM kept_t")
	if got := run(1); got != "3 8" {
		t.Errorf("table made again as DOUBLE: %s, want 3 8", got)
	}
}

// TestKeptAtOnce runs every named query from eight goroutines at once on a
// warehouse that has kept none yet, so that their first runs race to keep
// a statement: each must answer as a statement prepared afresh does, and
// each query must end with one statement kept (run it with -race).
func TestKeptAtOnce(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	load(t, db, LoadRequest{Report: sampleReport("甲局", 2021, 3, 1)}, LoadRequest{Report: sampleReport("乙局", 2022, 1, 1)})
	f := Filter{Limit: 20, YearFrom: 2021, Measure: "apps.new", Applicant: "total", AgencyID: 1, ReportID: 1}
	want, wantPiece, fps := map[string]string{}, map[string]string{}, map[string]Filter{}
	for _, q := range queries.List() {
		rows, err := db.db.QueryContext(ctx, q.SQL, f.bind(q.Params)...)
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		w, err := readTable(rows, 0)
		rows.Close()
		if err != nil {
			t.Fatal(err)
		}
		want[q.Name] = fmt.Sprint(w.Rows)
		if declines := answeredInGo[q.Name]; declines != nil {
			fp := f
			declines(&fp)
			fps[q.Name] = fp
			rows, err := db.db.QueryContext(ctx, q.SQL, fp.bind(q.Params)...)
			if err != nil {
				t.Fatalf("%s: %v", q.Name, err)
			}
			w, err := readTable(rows, 0)
			rows.Close()
			if err != nil {
				t.Fatal(err)
			}
			wantPiece[q.Name] = fmt.Sprint(w.Rows)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(want))
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, q := range queries.List() {
				got, err := db.Query(ctx, q.Name, f)
				if err != nil {
					errs <- err
					continue
				}
				if g := fmt.Sprint(got.Rows); g != want[q.Name] {
					errs <- fmt.Errorf("%s: got %.300s, want %.300s", q.Name, g, want[q.Name])
				}
				fp, ok := fps[q.Name]
				if !ok {
					continue
				}
				got, err = db.Query(ctx, q.Name, fp)
				if err != nil {
					errs <- err
					continue
				}
				if g := fmt.Sprint(got.Rows); g != wantPiece[q.Name] {
					errs <- fmt.Errorf("%s by its statement: got %.300s, want %.300s", q.Name, g, wantPiece[q.Name])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for name := range want {
		if declines, inGo := answeredInGo[name]; inGo && declines == nil {
			continue
		}
		if _, ok := keptDecision(db, name); !ok {
			t.Errorf("%s: no statement decided after its runs", name)
		}
	}
}

// KeptForTest reports whether db keeps a prepared statement under name (a
// named query's, or one of its forms'), for the tests of the warehouse_test
// package.
func KeptForTest(db *DB, name string) bool {
	s, ok := db.kept.m.Load(name)
	return ok && s.(*sql.Stmt) != nil
}

// TestTypedStatementsArePlannedAgain holds DuckDB to what kept.go says of
// it: a prepared statement that reads a table is planned again at every
// run when it has a parameter, typed or not, and keeps the plan of its
// prepare when it has none. The probe is a filter that the statistics of
// the table at prepare time make empty (no x above 2000): a statement that
// kept that plan still finds nothing after a row with x 3000 is added.
func TestTypedStatementsArePlannedAgain(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	for _, c := range []struct {
		sql    string
		args   []any
		replan bool
	}{
		{"SELECT count(*) FROM kept_s WHERE x > 2000", nil, false},
		{"SELECT count(*) FROM kept_s WHERE x > 2000 AND x >= $low::BIGINT", []any{sql.Named("low", int64(5))}, true},
		{"SELECT count(*) FROM kept_s WHERE x > 2000 AND ($low IS NULL OR x >= $low)", []any{sql.Named("low", int64(5))}, true},
		{"SELECT count(*) FROM kept_s WHERE x > 2000 AND x >= $low::BIGINT AND x < $low::BIGINT + 10000", []any{sql.Named("low", int64(5))}, true},
	} {
		for _, q := range []string{"DROP TABLE IF EXISTS kept_s", "CREATE TABLE kept_s AS SELECT range AS x FROM range(1000)"} {
			if _, err := db.db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		conn, err := db.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s, err := conn.PrepareContext(ctx, c.sql)
		if err != nil {
			t.Fatal(err)
		}
		var before, after int64
		if err := s.QueryRowContext(ctx, c.args...).Scan(&before); err != nil {
			t.Fatal(err)
		}
		if _, err := db.db.ExecContext(ctx, "INSERT INTO kept_s VALUES (3000)"); err != nil {
			t.Fatal(err)
		}
		if err := s.QueryRowContext(ctx, c.args...).Scan(&after); err != nil {
			t.Fatal(err)
		}
		s.Close()
		conn.Close()
		if before != 0 || (after == 1) != c.replan || after > 1 {
			t.Errorf("%s: %d then %d rows above 2000, want 0 then %d (planned again at every run: %v)", c.sql, before, after, map[bool]int{true: 1, false: 0}[c.replan], c.replan)
		}
	}
}

// keptDecision returns the decision kept for the named query, or for the
// form chosen in Go that ran in its place (qualityFindingsForm,
// compareRegionsForm keep theirs under the name and " (plain)",
// " (piece)", " (reports)" or " (bits)"; region_rollup's form by id
// under " (by id)").
func keptDecision(db *DB, name string) (any, bool) {
	for _, n := range []string{name, name + " (plain)", name + " (piece)", name + " (reports)", name + " (bits)", name + " (named)", name + " (by id)"} {
		// quality_findings runs its forms' page forms (findingsPageForms).
		for _, m := range []string{n, n + " (page)"} {
			if s, ok := db.kept.m.Load(m); ok {
				return s, true
			}
		}
	}
	return nil, false
}
