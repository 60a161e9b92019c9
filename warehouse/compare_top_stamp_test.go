package warehouse

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"gongkai"
	"gongkai/queries"
)

// TestCompareTopMadeElsewhere holds compare_agencies' kept answers for the
// whole country (store.compare_top) to the query itself after the two ways
// a file comes to hold answers this binary did not make, with no agency
// listed as changed (0081):
//   - an upgrade: the answers were kept by a binary whose compare_agencies
//     read otherwise (here its disclosure rate rounded to 2 places, not 4),
//     its answer's version one below this one's (compareTopForm);
//   - a rollback: a binary older than 0072 loaded a report and built the
//     totals again, which empties the list of changed agencies but leaves
//     the answers kept before the load.
//
// Opened read-only, the file must not read them; opened writable, they are
// deleted, and gongkai compact keeps them again as this binary makes them.
// Each case first checks that the answers left in the file differ from
// the query's, or the comparisons prove nothing.
func TestCompareTopMadeElsewhere(t *testing.T) {
	ctx := context.Background()
	q, _ := queries.Get("compare_agencies")
	var filters []Filter
	for _, from := range []int{0, 2020, 2021, 2022} {
		for _, to := range []int{0, 2020, 2021, 2022} {
			filters = append(filters, Filter{YearFrom: from, YearTo: to, Limit: 20})
		}
	}
	filters = append(filters, Filter{})
	// Eight bounds (open, 2020-2022): 4 × 4 ranges less the 3 that end
	// before they start, each with 地区比较's limit and the deeper one.
	const ranges = (4*4 - 3) * 2

	// build loads the agencies' reports into a new file and keeps the
	// answers, as gongkai compact does.
	build := func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "w.duckdb")
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var reqs []LoadRequest
		for i := range 16 {
			name := fmt.Sprintf("%c%c局", '甲'+rune(i%8), '子'+rune(i/8))
			for y := 2020; y <= 2022; y++ {
				if (i+y)%7 == 0 {
					continue
				}
				in := float64((i*5 + y) % 11)
				reqs = append(reqs, LoadRequest{Report: figures(sampleReport(name, y, in, float64(i%4)), float64(i%4), -1)})
			}
		}
		load(t, db, reqs...)
		if _, err := db.CompactTotals(ctx, 1); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, `SELECT count(*) FROM store.compare_top_keys`); n != ranges {
			t.Fatalf("%d answers kept after a build, want %d", n, ranges)
		}
		return path
	}
	// asTheQuery compares every filter's rows through Query with the
	// query's own; differ says whether any differs instead of failing.
	asTheQuery := func(t *testing.T, db *DB, stage string, differ bool) bool {
		t.Helper()
		var rows int
		var differs bool
		for _, f := range filters {
			got, err := db.Query(ctx, "compare_agencies", f)
			if err != nil {
				t.Fatal(err)
			}
			want := firstFormRows(t, db, q, f)
			rows += len(want.Rows)
			if !reflect.DeepEqual(got, want) {
				differs = true
				if !differ {
					t.Errorf("%s, %+v:\n got %v\nwant %v", stage, f, got.Rows, want.Rows)
				}
			}
		}
		if rows == 0 {
			t.Fatalf("%s: no rows under any filter: the comparison proves nothing", stage)
		}
		return differs
	}
	// reopen checks the file read-only (nothing kept is read), then
	// writable (nothing kept is left, and compact keeps the answers
	// again, as the query gives them).
	reopen := func(t *testing.T, path string) {
		t.Helper()
		ro, err := OpenReadOnly(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		asTheQuery(t, ro, "opened read-only", false)
		ro.Close()
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if n := count(t, db, `SELECT count(*) FROM store.compare_top_keys`) + count(t, db, `SELECT count(*) FROM store.compare_top`); n != 0 {
			t.Errorf("%d kept keys and rows left by Open", n)
		}
		asTheQuery(t, db, "opened", false)
		if _, err := db.CompactTotals(ctx, 1); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, `SELECT count(*) FROM store.compare_top_keys`); n != ranges {
			t.Fatalf("%d answers kept by compact, want %d", n, ranges)
		}
		asTheQuery(t, db, "kept again", false)
	}

	t.Run("kept by another version of the query", func(t *testing.T) {
		path := build(t)
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		old := q
		old.SQL = strings.ReplaceAll(q.SQL, "round(apps_disclosed / nullif(apps_total, 0), 4)", "round(apps_disclosed / nullif(apps_total, 0), 2)")
		if old.SQL == q.SQL {
			t.Fatal("compare_agencies has no disclosure rate to 4 places to change")
		}
		// The old binary's answers, kept and stamped as it kept them.
		err = db.withConn(ctx, func(conn *sql.Conn) error {
			if err := inConnTx(ctx, conn, func() error {
				_, err := conn.ExecContext(ctx, stmt("compare_top_clear"))
				return err
			}); err != nil {
				return err
			}
			for _, r := range [][2]int32{{0, 0}, {2020, 2022}, {2021, 0}, {0, 2021}, {2022, 2022}} {
				if _, _, err := keepCompareTop(ctx, conn, &db.mu, old, compareTopStampOf(compareTopForm-1, binaryMigrations()), r[0], r[1], "", compareTopLimit); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !asTheQuery(t, db, "kept by the old text", true) {
			t.Fatal("the old text's answers are the query's: the case proves nothing")
		}
		db.Close()
		reopen(t, path)
	})

	t.Run("totals built again by a binary before 0072", func(t *testing.T) {
		path := build(t)
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		// The older binary loads a report (its agency listed, as every
		// binary since 0044 lists it) and builds the totals again in its
		// pieces, without deleting the kept answers it does not know.
		// A second version of 甲子局's 2022 report with another 复议 total,
		// confirmed as it is loaded.
		res := load(t, db, LoadRequest{Report: figures(sampleReport("甲子局", 2022, 2022%11, 0), 77, -1), Confirm: true})
		if res[0].Pending || res[0].Version != 2 {
			t.Fatalf("the second version is not current: %+v", res[0])
		}
		var lo, hi int64
		if err := db.db.QueryRowContext(ctx, stmt("agency_totals_span")).Scan(&lo, &hi); err != nil {
			t.Fatal(err)
		}
		err = db.withConn(ctx, func(conn *sql.Conn) error {
			return rebuildTotalsPiece(ctx, conn, &db.mu, lo, hi)
		})
		if err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, `SELECT count(DISTINCT agency_id) FROM store.agency_totals_changed`); n != 0 {
			t.Fatalf("%d agencies still listed after the older binary's rebuild", n)
		}
		if !asTheQuery(t, db, "after the older binary's rebuild", true) {
			t.Fatal("the answers kept before the load are the query's: the case proves nothing")
		}
		db.Close()
		reopen(t, path)
	})
}

// TestCompareTopThroughEveryWrite holds compare_agencies' kept answers for
// the whole country and for each province alone (0084) to the query after
// each way the warehouse is written,
// each followed by gongkai compact (CompactTotals, which keeps the answers
// again once no agency is listed): a re-upload of a year made current, a
// version that waits and its confirmation, a new year, an agency moved by
// an administrator into another province, and a bulk load during which the serve's background
// pass builds the totals and the answers (its roll-up sums are still held
// in memory then). The answers must be kept again after every compact, or
// the comparisons would prove nothing of them.
func TestCompareTopThroughEveryWrite(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	q, _ := queries.Get("compare_agencies")
	names := []string{"东城局", "西城局", "南城局", "北城局", "中城局", "上城局", "下城局", "前城局", "后城局", "左城局", "右城局", "外城局"}
	// Each agency's reports state its province: two provinces, and none.
	province := map[string]string{}
	for i, name := range names {
		province[name] = []string{"东省", "西省", ""}[i%3]
	}
	report := func(name string, year int, in, out, review float64) *gongkai.Report {
		r := figures(sampleReport(name, year, in, out), review, -1)
		r.Province = province[name]
		// Levels, and a city of 东省.
		i := slices.Index(names, name)
		r.Level = []string{"县级部门", "市级部门"}[i/3%2]
		if r.Province == "东省" && i%2 == 0 {
			r.City = "东市"
		}
		return r
	}
	var reqs []LoadRequest
	for i, name := range names {
		for y := 2020; y <= 2021; y++ {
			reqs = append(reqs, LoadRequest{Report: report(name, y, 0, float64(i%3), float64(i%5))})
		}
	}
	load(t, db, reqs...)
	filters := func() []Filter {
		var fs []Filter
		for _, from := range []int{0, 2019, 2020, 2021, 2022, 2023} {
			for _, to := range []int{0, 2020, 2021, 2022, 2023} {
				fs = append(fs, Filter{YearFrom: from, YearTo: to, Limit: 20})
			}
		}
		for _, from := range []int{0, 2020, 2022} {
			for _, to := range []int{0, 2021, 2023} {
				for _, p := range []string{"东省", "西省", "甲省"} {
					fs = append(fs, Filter{YearFrom: from, YearTo: to, Province: p, Limit: 20})
				}
			}
		}
		// Selections within the country, read from its deeper answer,
		// which holds every agency here: a level, a city, pieces, a
		// province with a piece (its province is store.agencies').
		for _, from := range []int{0, 2021} {
			fs = append(fs, Filter{YearFrom: from, Level: "县级部门"}, Filter{YearFrom: from, City: "东市"},
				Filter{YearFrom: from, Agency: "城局"}, Filter{YearFrom: from, Agency: "东"},
				Filter{YearFrom: from, Province: "西省", Agency: "城"}, Filter{YearFrom: from, Province: "东省", Level: "县级部门"},
				Filter{YearFrom: from, Province: "甲省", Agency: "城"}, Filter{YearFrom: from, City: "乙市", Level: "市级部门"})
		}
		return append(fs, Filter{}, Filter{Province: "东省"})
	}()
	check := func(stage string) {
		t.Helper()
		for _, f := range filters {
			got, err := db.Query(ctx, "compare_agencies", f)
			if err != nil {
				t.Fatal(err)
			}
			if want := firstFormRows(t, db, q, f); !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %+v:\n got %v\nwant %v", stage, f, got.Rows, want.Rows)
			}
		}
	}
	compact := func(stage string) {
		t.Helper()
		check(stage + ", before compact")
		if _, err := db.CompactTotals(ctx, 1); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, `SELECT count(*) FROM store.compare_top_keys WHERE province IS NULL`); n == 0 {
			t.Fatalf("%s: no answer kept by compact for the country", stage)
		}
		if n := count(t, db, `SELECT count(*) FROM store.compare_top_keys WHERE province IS NOT NULL`); n == 0 {
			t.Fatalf("%s: no answer kept by compact for a province", stage)
		}
		check(stage + ", after compact")
		// The selections within the country are read from the deeper
		// answer now (it holds every agency here), or the comparisons
		// above would prove nothing of it.
		for _, f := range filters {
			if f.City == "" && f.Level == "" && f.Agency == "" {
				continue
			}
			if _, ok, err := db.compareTop(ctx, f); err != nil || !ok {
				t.Fatalf("%s: %+v not read from the deeper answer (%v)", stage, f, err)
			}
		}
	}
	compact("loaded")

	// A re-upload of 东城局's 2021 with another 复议 total, current at once.
	res := load(t, db, LoadRequest{Report: report("东城局", 2021, 0, 0, 40), Confirm: true})
	if res[0].Pending {
		t.Fatalf("the re-upload waits: %+v", res[0])
	}
	compact("re-uploaded")

	// A version that lacks tables waits; then it is confirmed.
	w := sampleReport("西城局", 2020, 0, 1)
	w.Province = province["西城局"]
	w.Source.Name = "西城局-2020-v2.xlsx"
	var kept []gongkai.Value
	for _, v := range w.Values {
		if strings.HasPrefix(v.Measure, "apps.") {
			kept = append(kept, v)
		}
	}
	w.Values = kept
	res = load(t, db, LoadRequest{Report: w})
	if !res[0].Pending {
		t.Fatalf("the version lacking tables 二 and 四 is current: %+v", res[0])
	}
	compact("a version waits")
	if _, err := db.Confirm(ctx, res[0].ReportID, "张三"); err != nil {
		t.Fatal(err)
	}
	compact("confirmed")

	// A new year, and an agency moved by an administrator.
	load(t, db, LoadRequest{Report: report("南城局", 2022, 0, 0, 9)})
	compact("a new year")
	var id int64
	if err := db.db.QueryRowContext(ctx, `SELECT agency_id FROM store.agencies WHERE name = '北城局'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAgencyRegion(ctx, id, Region{Province: "甲省", City: "乙市", Level: "市级部门"}); err != nil {
		t.Fatal(err)
	}
	compact("moved")

	// A bulk load of a new year, the totals and answers built in its
	// middle as serve's background pass would.
	err := db.Bulk(ctx, func() error {
		for i := range 4 {
			load(t, db, LoadRequest{Report: report(fmt.Sprintf("新区%d局", i), 2023, 0, 0, float64(i))})
			if i == 1 {
				if _, err := db.CompactTotals(ctx, 1); err != nil {
					return err
				}
				check("in a bulk load, after compact")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	compact("bulk loaded")
}

// TestCompareTopStampNamesEveryMigration holds that a kept answer made by a
// binary lacking a migration numbered below the last (numbers are reserved
// ahead, so one may land after a higher one) is not read: the last
// migration is the same for both binaries, so a stamp naming only the last
// (0081's macro alone) let the answers stand. The answers such a binary
// kept are built here by stamping the keys as it would have; Open must drop
// them.
func TestCompareTopStampNamesEveryMigration(t *testing.T) {
	ctx := context.Background()
	q, _ := queries.Get("compare_agencies")
	ms := binaryMigrations()
	if len(ms) < 3 {
		t.Fatalf("%d migrations", len(ms))
	}
	older := append(slices.Clone(ms[:len(ms)-3]), ms[len(ms)-2:]...)
	if older[len(older)-1] != ms[len(ms)-1] {
		t.Fatal("the older binary's last migration is not this one's")
	}
	if compareTopStampOf(compareTopForm, older) == compareTopStamp() {
		t.Fatalf("a binary without %s stamps as this one", ms[len(ms)-3])
	}

	path := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		load(t, db, LoadRequest{Report: figures(sampleReport(fmt.Sprintf("示例%d局", i), 2022, float64(i), 0), float64(i), -1)})
	}
	if _, err := db.CompactTotals(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.ExecContext(ctx, `UPDATE store.compare_top_keys SET stamp = store.compare_top_stamp($1)`, compareTopStampOf(compareTopForm, older)); err != nil {
		t.Fatal(err)
	}
	// Marked, so that an answer read is seen.
	if _, err := db.db.ExecContext(ctx, `UPDATE store.compare_top SET review_total = -1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, `SELECT count(*) FROM store.compare_top_keys`); n != 0 {
		t.Errorf("%d answers of a binary without %s kept by Open", n, ms[len(ms)-3])
	}
	got, err := db.Query(ctx, "compare_agencies", Filter{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if want := firstFormRows(t, db, q, Filter{Limit: 20}); !reflect.DeepEqual(got, want) || len(want.Rows) == 0 {
		t.Errorf("got %v\nwant %v", got.Rows, want.Rows)
	}
}

// compareAgenciesPins holds, for each version of compare_agencies' answer
// (compareTopForm; version v at index v-1), the digest of
// queries/compare_agencies.sql at that version, its comments and spacing
// aside (compareAgenciesDigest). A text whose rows can differ gets a new
// version and a new entry here; an entry is never edited, so that a
// digest is never moved to a version whose kept answers a binary already
// reads.
var compareAgenciesPins = []string{
	"ecd8affe4f621022b6c8ce0d32fdbeeaa2373afbbbe15350ec1a6f26e337dfa3", // 1: session 37
}

// TestCompareTopFormPinned holds compare_agencies' text to the version of
// its answer that kept answers are stamped with (compareTopForm): the
// stamp no longer hashes the text, so a change there that can change a row
// must raise the version, or a binary would read answers kept by one
// before the change. A change of comments or spacing alone passes.
func TestCompareTopFormPinned(t *testing.T) {
	q, _ := queries.Get("compare_agencies")
	d := compareAgenciesDigest(q.SQL)
	if len(compareAgenciesPins) != compareTopForm || compareAgenciesPins[compareTopForm-1] != d {
		t.Errorf("compare_agencies' SQL (digest %s) is not the one pinned for compareTopForm %d (%d pinned): "+
			"raise compareTopForm and append the digest to compareAgenciesPins (kept answers of the version "+
			"before are then refused and kept again); never edit a pinned digest", d, compareTopForm, len(compareAgenciesPins))
	}
	for i, p := range compareAgenciesPins[:max(len(compareAgenciesPins)-1, 0)] {
		if p == d && i != compareTopForm-1 {
			t.Errorf("the text's digest is pinned for version %d too", i+1)
		}
	}
	// Comments and spacing aside; a figure's change is seen.
	if compareAgenciesDigest("-- a comment\n"+strings.ReplaceAll(q.SQL, "\n", "\n  ")) != compareAgenciesDigest(q.SQL) {
		t.Error("a comment or spacing changes the digest")
	}
	if compareAgenciesDigest(strings.Replace(q.SQL, ", 4)", ", 2)", 1)) == compareAgenciesDigest(q.SQL) {
		t.Error("a rate's rounding does not change the digest")
	}
}

// compareAgenciesDigest hashes SQL text without its comments (from "--"
// to the end of a line, outside quotes) and with every run of spaces and
// line ends made one space.
func compareAgenciesDigest(text string) string {
	var b strings.Builder
	quote := rune(0)
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '-' && i+1 < len(rs) && rs[i+1] == '-':
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
			r = ' '
		}
		b.WriteRune(r)
	}
	h := sha256.Sum256([]byte(strings.Join(strings.Fields(b.String()), " ")))
	return hex.EncodeToString(h[:])
}

// TestCompareTopForm1State holds that this Go resumes SHA-256 from version
// 1's state (compareTopForm1State), without which version 1 is stamped by
// its number and every file kept before refuses its kept answers on a
// read-only open (safe, but slower), and that the two stamps differ.
func TestCompareTopForm1State(t *testing.T) {
	if err := resumeForm1(sha256.New()); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	h.Write([]byte("compare_agencies form 1"))
	ms := binaryMigrations()
	for _, m := range ms {
		h.Write([]byte{0})
		h.Write([]byte(m))
	}
	if hex.EncodeToString(h.Sum(nil)) == compareTopStampOf(1, ms) {
		t.Error("version 1 is stamped by its number, not as the text before it was")
	}
}
