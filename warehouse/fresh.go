package warehouse

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"

	"github.com/duckdb/duckdb-go/v2"

	"gongkai"
)

// freshRollup is what the current reports a transaction writes add to
// store.region_rollup and store.summary_rollup, summed by the writer from
// the figures and summary rows it appends instead of read back by SQL: the
// two delta statements over a group's new reports (rollup_delta_add and
// summary_rollup_delta_add over its id range) read 800,000 figures and
// 4,096 summary rows of ~100 columns back from the transaction and cost
// 90–100 ms of a bulk load's ~800 ms a group of 4,096 reports. The sums are
// the statements', exactly: every figure becomes DECIMAL(38, 6) as DuckDB
// casts a DOUBLE (decimalMicros) and is summed in 128 bits, and the regions
// are read from store.agencies inside the transaction, after the writes
// (TestFreshRollupMatchesSQL, RollupDiffForTest). Versions a transaction
// retires, confirms or moves are still summed by SQL (addRuns).
type freshRollup struct {
	// The cells met so far: byMeasure[measure_id] is 1 + the index of the
	// measure's last cell, whose next links the measure's earlier ones (a
	// measure has at most seven, one an applicant). A slice, not a map:
	// this runs for each of the ~800,000 figures of a group.
	byMeasure []int32
	cells     []freshCell
	reports   []freshReport
	cellOf    []int32 // per figure of reports, in their order: its cell
}

type freshCell struct {
	measure, applicant int32
	next               int32 // 1 + the index of the measure's previous cell, 0 for none
}

// freshReport is one current report of the transaction.
type freshReport struct {
	agency  int64
	year    int
	parts   [2][]gongkai.Value
	summary []driver.Value // its store.report_summary row
}

func newFreshRollup() *freshRollup {
	return &freshRollup{}
}

// report starts a current report whose figures follow (figure).
func (fr *freshRollup) report(agency int64, year int, parts [2][]gongkai.Value) {
	fr.reports = append(fr.reports, freshReport{agency: agency, year: year, parts: parts})
}

// figure notes the cell of the next figure of the last report, by the ids
// its store.figures row holds (plan.textID; 0 is none).
func (fr *freshRollup) figure(m, a int32) error {
	if m == 0 || a == 0 {
		return fmt.Errorf("warehouse: figure without a measure or applicant id (%d, %d)", m, a)
	}
	if m < 0 {
		return fmt.Errorf("warehouse: measure id %d", m)
	}
	if int(m) >= len(fr.byMeasure) {
		fr.byMeasure = append(fr.byMeasure, make([]int32, int(m)+1-len(fr.byMeasure)+1024)...)
	}
	for c := fr.byMeasure[m]; c != 0; c = fr.cells[c-1].next {
		if fr.cells[c-1].applicant == a {
			fr.cellOf = append(fr.cellOf, c-1)
			return nil
		}
	}
	fr.cells = append(fr.cells, freshCell{measure: m, applicant: a, next: fr.byMeasure[m]})
	fr.byMeasure[m] = int32(len(fr.cells))
	fr.cellOf = append(fr.cellOf, int32(len(fr.cells)-1))
	return nil
}

// freshPlace is where a report's agency stands, as both roll-ups group it.
type freshPlace struct {
	province, city, county, level sql.NullString
}

// add appends what the reports add to the transaction's delta tables
// (rollup_delta and summary_rollup_delta, made by rollup_delta_create),
// under their agencies' regions as they stand now. Its error is the
// database's.
func (fr *freshRollup) add(ctx context.Context, conn *sql.Conn) error {
	if len(fr.reports) == 0 {
		return nil
	}
	agencies := make([]int64, 0, len(fr.reports))
	for _, r := range fr.reports {
		agencies = append(agencies, r.agency)
	}
	slices.Sort(agencies)
	agencies = slices.Compact(agencies)
	places := make(map[int64]freshPlace, len(agencies))
	rows, err := conn.QueryContext(ctx, stmt("rollup_regions_of"), agencies)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var p freshPlace
		if err := rows.Scan(&id, &p.province, &p.city, &p.county, &p.level); err != nil {
			rows.Close()
			return err
		}
		places[id] = p
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	for _, id := range agencies {
		if _, ok := places[id]; !ok {
			return fmt.Errorf("warehouse: roll-up: agency %d not found", id)
		}
	}
	if err := fr.addRegion(conn, places); err != nil {
		return fmt.Errorf("region roll-up delta: %w", err)
	}
	if err := fr.addSummary(conn, places); err != nil {
		return fmt.Errorf("summary roll-up delta: %w", err)
	}
	return nil
}

// addRegion sums the figures per year, province, city, level and cell, as
// store.rollup_rows: the figures of a cell, those with a number, and the
// sum of the numbers (NULL when none).
func (fr *freshRollup) addRegion(conn *sql.Conn, places map[int64]freshPlace) error {
	type groupKey struct {
		year                  int
		province, city, level sql.NullString
	}
	type cellSum struct {
		figures, stated int64
		value           int128
	}
	groups := map[groupKey]int{}
	var order []groupKey
	var sums []cellSum // group index * len(fr.cells) + cell
	n := len(fr.cells)
	next := 0
	for _, r := range fr.reports {
		p := places[r.agency]
		k := groupKey{r.year, p.province, p.city, p.level}
		g, ok := groups[k]
		if !ok {
			g = len(order)
			groups[k] = g
			order = append(order, k)
			sums = append(sums, make([]cellSum, n)...)
		}
		row := sums[g*n : (g+1)*n]
		for _, values := range r.parts {
			for _, v := range values {
				s := &row[fr.cellOf[next]]
				next++
				s.figures++
				if v.Number != nil {
					s.stated++
					s.value = s.value.add(decimalMicros(*v.Number))
				}
			}
		}
	}
	if next != len(fr.cellOf) {
		return fmt.Errorf("warehouse: %d figures noted, %d summed", len(fr.cellOf), next)
	}
	return appendTemp(conn, "rollup_delta", regionRollupColumns, func(a *duckdb.Appender) error {
		for g, k := range order {
			for c, s := range sums[g*n : (g+1)*n] {
				if s.figures == 0 {
					continue
				}
				var value any
				if s.stated > 0 {
					value = s.value.decimal()
				}
				if err := a.AppendRow(int32(k.year), nullable(k.province), nullable(k.city), nullable(k.level),
					fr.cells[c].measure, fr.cells[c].applicant, s.figures, s.stated, value); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

var regionRollupColumns = []string{"year", "province", "city", "level", "measure_id", "applicant_id", "figures", "stated", "value"}

// summaryRow's layout: the figure columns start after id, agency, year,
// format, current, errors and warnings, and table_stated and table_largest
// end it.
const (
	summaryErrors   = 5 // then warnings
	summaryFirstCol = 7
	summaryStated   = summaryFirstCol + 2 // after licensing_stated, apps_stated
)

// addSummary sums the summary rows per year, province, city, county and
// level, as store.summary_rollup_rows.
func (fr *freshRollup) addSummary(conn *sql.Conn, places map[int64]freshPlace) error {
	type groupKey struct {
		year                          int
		province, city, county, level sql.NullString
	}
	type groupSum struct {
		reports, zero, litTotal, litCorrected int64
		errors, warnings                      int64 // the reports' findings of each severity (0040)
		agencies                              map[int64]bool
		sums                                  []int128
		counts                                []int64
	}
	col := func(name string) int {
		for i, c := range summaryCols {
			if c.name == name {
				return summaryFirstCol + i
			}
		}
		panic("warehouse: no summary column " + name)
	}
	litDirectTotal, litReviewTotal := col("litigation_direct_total"), col("litigation_after_review_total")
	litDirectCorrected, litReviewCorrected := col("litigation_direct_corrected"), col("litigation_after_review_corrected")
	groups := map[groupKey]*groupSum{}
	var order []groupKey
	for _, r := range fr.reports {
		row := r.summary
		if len(row) != summaryFirstCol+len(summaryCols)+4 {
			return fmt.Errorf("warehouse: summary row of %d columns", len(row))
		}
		p := places[r.agency]
		k := groupKey{r.year, p.province, p.city, p.county, p.level}
		g := groups[k]
		if g == nil {
			g = &groupSum{agencies: map[int64]bool{}, sums: make([]int128, len(summaryCols)), counts: make([]int64, len(summaryCols))}
			groups[k] = g
			order = append(order, k)
		}
		g.reports++
		g.agencies[r.agency] = true
		errs, ok1 := row[summaryErrors].(int32)
		warns, ok2 := row[summaryErrors+1].(int32)
		if !ok1 || !ok2 {
			return fmt.Errorf("warehouse: summary row's errors and warnings are %T, %T", row[summaryErrors], row[summaryErrors+1])
		}
		g.errors += int64(errs)
		g.warnings += int64(warns)
		stated, _ := row[len(row)-2].(int64)
		if largest, ok := row[len(row)-1].(float64); ok && stated > 0 && largest == 0 {
			g.zero++
		}
		if row[litDirectTotal] != nil || row[litReviewTotal] != nil {
			g.litTotal++
		}
		if row[litDirectCorrected] != nil || row[litReviewCorrected] != nil {
			g.litCorrected++
		}
		for i := range summaryCols {
			switch v := row[summaryFirstCol+i].(type) {
			case nil:
			case float64:
				g.sums[i] = g.sums[i].add(decimalMicros(v))
				g.counts[i]++
			default:
				return fmt.Errorf("warehouse: summary column %s holds %T", summaryCols[i].name, v)
			}
		}
	}
	columns := []string{"year", "province", "city", "county", "level", "reports", "agencies", "zero_reports",
		"litigation_total_n", "litigation_corrected_n"}
	for _, c := range summaryCols {
		columns = append(columns, c.name, c.name+"_n")
	}
	columns = append(columns, "errors", "warnings")
	return appendTemp(conn, "summary_rollup_delta", columns, func(a *duckdb.Appender) error {
		row := make([]driver.Value, len(columns))
		for _, k := range order {
			g := groups[k]
			row[0], row[1], row[2], row[3], row[4] = int32(k.year), nullable(k.province), nullable(k.city),
				nullable(k.county), nullable(k.level)
			row[5], row[6], row[7], row[8], row[9] = g.reports, int64(len(g.agencies)), g.zero, g.litTotal, g.litCorrected
			for i := range summaryCols {
				row[10+2*i] = nil
				if g.counts[i] > 0 {
					row[10+2*i] = g.sums[i].decimal()
				}
				row[11+2*i] = g.counts[i]
			}
			row[len(row)-2], row[len(row)-1] = g.errors, g.warnings
			if err := a.AppendRow(row...); err != nil {
				return err
			}
		}
		return nil
	})
}

// appendTemp appends rows to the connection's temporary table name, its
// columns named.
func appendTemp(conn *sql.Conn, name string, columns []string, fill func(*duckdb.Appender) error) error {
	return conn.Raw(func(dc any) error {
		a, err := duckdb.NewAppenderWithColumns(dc.(*duckdb.Conn), "temp", "main", name, columns)
		if err != nil {
			return err
		}
		if err := fill(a); err != nil {
			a.Close()
			return err
		}
		return a.Close()
	})
}

func nullable(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	return s.String
}

// int128 is a two's complement 128-bit integer, as DuckDB's HUGEINT, which
// holds a DECIMAL(38, 6) in millionths.
type int128 struct {
	hi int64
	lo uint64
}

func (a int128) add(b int128) int128 {
	lo, carry := bits.Add64(a.lo, b.lo, 0)
	return int128{hi: a.hi + b.hi + int64(carry), lo: lo}
}

// decimal is a as DECIMAL(38, 6), for the Appender.
func (a int128) decimal() duckdb.Decimal {
	v := new(big.Int).SetInt64(a.hi)
	v.Lsh(v, 64)
	v.Add(v, new(big.Int).SetUint64(a.lo))
	return duckdb.Decimal{Width: 38, Scale: 6, Value: v}
}

// decimalMicros is x as DuckDB casts a DOUBLE to DECIMAL(38, 6), in
// millionths: x times 10^6 in double precision, rounded half away from
// zero (DoubleToDecimalCast; TestDecimalMicrosMatchesDuckDB holds the two
// together). The loader accepts figures below 1e15 (maxFigure), whose
// millionths a 128-bit integer holds many times over.
func decimalMicros(x float64) int128 {
	m := math.Round(x * 1e6)
	if m > -(1<<63) && m < 1<<63 {
		i := int64(m)
		return int128{hi: i >> 63, lo: uint64(i)}
	}
	// Beyond 64 bits (figures of 9.2e12 and more): exact through big.Int,
	// m being a whole number.
	b, _ := new(big.Float).SetFloat64(m).Int(nil)
	lo := new(big.Int).And(b, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	hi := new(big.Int).Rsh(b, 64).Int64() // arithmetic shift: floor
	return int128{hi: hi, lo: lo}
}
