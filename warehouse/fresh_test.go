package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"testing"

	"gongkai"
)

// TestDecimalMicrosMatchesDuckDB holds decimalMicros, the writer's cast of
// a figure to DECIMAL(38, 6), to DuckDB's own cast, on figures where the
// two could part: halves of a millionth either way of the rounding, the
// last bits of a double, negative figures, figures past 64 bits of
// millionths and just below the loader's limit. A roll-up summed with a
// cast that differs in one case would be wrong in its last digit.
func TestDecimalMicrosMatchesDuckDB(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	rng := rand.New(rand.NewSource(7))
	xs := []float64{0, 1, -1, 0.5e-6, 1.5e-6, 2.5e-6, -2.5e-6, 0.1, 0.2, 0.3, 1.0000005, 2.0000005, 123.4567895,
		0.0000004999999, 9007199254740993, 9.2233720368547e12, 9.3e12, -9.3e12, 1e14 + 0.5, 999999999999999,
		-999999999999999, math.Nextafter(1e15, 0), math.Nextafter(0.5e-6, 1), math.Nextafter(0.5e-6, 0)}
	for i := 0; i < 3000; i++ {
		switch i % 4 {
		case 0: // whole number and a half of a millionth
			xs = append(xs, (float64(rng.Int63n(1e9))+0.5)/1e6)
		case 1: // a fee of up to seven decimals
			xs = append(xs, float64(rng.Int63n(1e12))/1e7)
		case 2: // any double below the limit, either sign
			xs = append(xs, (rng.Float64()*2-1)*math.Pow(10, float64(rng.Intn(16))))
		default: // the neighbours of a value with six decimals
			x := float64(rng.Int63n(1e12)) / 1e6
			xs = append(xs, math.Nextafter(x, 0), math.Nextafter(x, math.Inf(1)))
		}
	}
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		for _, x := range xs {
			var want string
			if err := conn.QueryRowContext(ctx, `SELECT CAST(CAST($1 AS DOUBLE) AS DECIMAL(38, 6))::VARCHAR`, x).Scan(&want); err != nil {
				return err
			}
			got := decimalMicros(x).decimal()
			if s := decimalString(got.Value); s != want {
				t.Errorf("%v (%b): decimalMicros gives %s, DuckDB casts %s", x, math.Float64bits(x), s, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// decimalString prints millionths as DuckDB prints a DECIMAL(38, 6).
func decimalString(micros *big.Int) string {
	sign := ""
	m := new(big.Int).Set(micros)
	if m.Sign() < 0 {
		sign = "-"
		m.Neg(m)
	}
	q, r := new(big.Int).QuoRem(m, big.NewInt(1e6), new(big.Int))
	return fmt.Sprintf("%s%s.%06d", sign, q, r.Int64())
}

// TestInt128Adds holds the 128-bit sums to big.Int's across the carry and
// the sign.
func TestInt128Adds(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	sum, want := int128{}, new(big.Int)
	for i := 0; i < 20000; i++ {
		x := (rng.Float64()*2 - 1) * math.Pow(10, float64(rng.Intn(16)))
		sum = sum.add(decimalMicros(x))
		b, _ := new(big.Float).SetFloat64(math.Round(x * 1e6)).Int(nil)
		want.Add(want, b)
		if got := sum.decimal().Value; got.Cmp(want) != 0 {
			t.Fatalf("after %d figures: %s, want %s", i+1, got, want)
		}
	}
}

// TestFreshRollupMatchesSQL loads, in groups and one by one, reports whose
// figures the writer's sums could get wrong (fractions of every length,
// figures past 64 bits of millionths, negative and blank figures, derived
// measures, agencies without a province or a county, several of the same
// region and year, versions waiting for confirmation), then re-uploads
// some: both roll-ups must be what their definitions sum afresh. It runs
// again with every step inside a bulk load (DB.Bulk), whose sums are merged
// at its end (the first written into the empty roll-ups as they are), the
// re-uploads merging those held so far first; inside one the roll-ups are
// marked for Open to rebuild, and after it no longer.
func TestFreshRollupMatchesSQL(t *testing.T) {
	for _, bulk := range []bool{false, true} {
		t.Run(fmt.Sprintf("bulk=%v", bulk), func(t *testing.T) { testFreshRollup(t, bulk) })
	}
}

func testFreshRollup(t *testing.T, bulk bool) {
	db := openTest(t)
	ctx := context.Background()
	rng := rand.New(rand.NewSource(5))
	places := []struct{ province, city, county, level string }{
		{"甲省", "甲市", "甲县", "县级"}, {"甲省", "甲市", "", "市级"}, {"甲省", "", "", "省级"},
		{"乙省", "乙市", "乙县", "县级"}, {"", "", "", ""},
	}
	figure := func() *float64 {
		switch rng.Intn(7) {
		case 0:
			return nil
		case 1:
			return gongkai.Float(float64(rng.Int63n(1e9)) / 1e7) // seven decimals
		case 2:
			return gongkai.Float((float64(rng.Int63n(1e9)) + 0.5) / 1e6) // a half millionth
		case 3:
			return gongkai.Float(float64(rng.Int63n(999e12)) + 0.25) // past 64 bits of millionths
		case 4:
			return gongkai.Float(-float64(rng.Intn(1000)) / 3)
		default:
			return gongkai.Float(float64(rng.Intn(500)))
		}
	}
	report := func(agency, year, round int) LoadRequest {
		p := places[agency%len(places)]
		r := sampleReport(fmt.Sprintf("测试机关%03d", agency), year, float64(rng.Intn(5)), float64(rng.Intn(3)))
		r.Province, r.City, r.County, r.Level = p.province, p.city, p.county, p.level
		for i := range r.Values {
			if r.Values[i].Number != nil {
				r.Values[i].Number = figure()
			}
		}
		r.Values = append(r.Values,
			gongkai.Value{Measure: "fees.amount_wan", Applicant: gongkai.ApplicantTotal, Number: figure(), Raw: "x", At: "表二!E20"},
			gongkai.Value{Measure: "litigation_direct.corrected", Applicant: gongkai.ApplicantTotal, Number: figure(), Raw: "x", At: "表四!A1"},
			gongkai.Value{Measure: "narrative.proactive_items", Applicant: gongkai.ApplicantTotal, Number: figure(), Raw: "x", At: "第1段"})
		if agency%7 == 3 { // a report of zeros (zero_reports), some blank
			for i, v := range r.Values {
				if v.Number != nil {
					r.Values[i].Number = gongkai.Float(0)
				}
			}
		}
		r.Source.Name = fmt.Sprintf("%d-%d-%d.xlsx", agency, year, round)
		// Every fifth re-upload waits for confirmation (an error finding).
		confirm := round == 0 || agency%5 != 0
		if !confirm {
			r.Findings = append(r.Findings, gongkai.Finding{Rule: "R1", Severity: gongkai.SeverityError, Message: "示例"})
		}
		return LoadRequest{Report: r, Confirm: confirm}
	}
	var first []LoadRequest
	for a := 0; a < 40; a++ {
		for year := 2019; year <= 2021; year++ {
			first = append(first, report(a, year, 0))
		}
	}
	// step runs fn, inside a bulk load when bulk is set.
	step := func(fn func()) {
		t.Helper()
		if !bulk {
			fn()
			return
		}
		err := db.Bulk(ctx, func() error {
			fn()
			var stale int
			if err := db.db.QueryRowContext(ctx, stmt("rollup_stale")).Scan(&stale); err != nil || stale != 1 {
				t.Errorf("inside a bulk load the roll-ups are not marked for Open to rebuild (%d, %v)", stale, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var stale int
		if err := db.db.QueryRowContext(ctx, stmt("rollup_stale")).Scan(&stale); err != nil || stale != 0 {
			t.Errorf("after a bulk load the roll-ups are still marked for Open to rebuild (%d, %v)", stale, err)
		}
	}
	step(func() { load(t, db, first...) })
	check := func(when string) {
		t.Helper()
		if n, err := RollupDiffForTest(ctx, db); err != nil || n != 0 {
			t.Fatalf("%s: %d roll-up cells or rows differ from their definitions (%v)", when, n, err)
		}
	}
	check("after the first load")
	var again []LoadRequest
	for a := 0; a < 40; a += 3 {
		again = append(again, report(a, 2020, 1), report(a, 2020, 2)) // two versions in one group
	}
	step(func() {
		// Held by a bulk load until the re-uploads, one of which replaces
		// the only report of its group (2022): merged without the held sums
		// first, its cells would drop out and the held ones come back.
		load(t, db, report(45, 2020, 0), report(46, 2021, 0), report(49, 2022, 0))
		load(t, db, append(again, report(49, 2022, 1))...)
		load(t, db, report(47, 2021, 0)) // held again after them
	})
	check("after re-uploads")
	step(func() {
		for a := 40; a < 45; a++ {
			load(t, db, report(a, 2021, 0)) // one report a transaction
		}
	})
	check("after single uploads")
	var n, zero int
	err := db.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE apps_new IS NOT NULL), sum(zero_reports) FROM store.summary_rollup`).Scan(&n, &zero)
	if err != nil || n == 0 || zero == 0 {
		t.Fatalf("store.summary_rollup holds %d groups with figures and %d reports of zeros (%v): the comparison proves little", n, zero, err)
	}
}
