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

	// places are the reports' agencies' regions, read in the transaction
	// (regions); deferred says the transaction left its sums to the bulk
	// load (DB.Bulk), which folds them in once it commits.
	places   map[int64]freshPlace
	deferred bool
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
// database's, or says the noted figures and rows do not add up.
func (fr *freshRollup) add(ctx context.Context, conn *sql.Conn) error {
	if len(fr.reports) == 0 {
		return nil
	}
	if err := fr.regions(ctx, conn); err != nil {
		return err
	}
	s := newRollupSums()
	if err := s.fold(fr); err != nil {
		return err
	}
	return s.write(conn, "temp", "main", "rollup_delta", "summary_rollup_delta")
}

// regions reads the regions of the reports' agencies as they stand in the
// transaction open on conn, after its writes, and checks that the figures
// and summary rows noted add up, so that fold cannot fail on them. Its
// error is the database's, or names what does not add up.
func (fr *freshRollup) regions(ctx context.Context, conn *sql.Conn) error {
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
	fr.places = places
	return fr.check()
}

// check returns an error when the figures noted are not those of the
// reports, or a report's summary row is not as addSummary reads it.
func (fr *freshRollup) check() error {
	figures := 0
	for _, r := range fr.reports {
		for _, values := range r.parts {
			figures += len(values)
		}
		row := r.summary
		if len(row) != summaryFirstCol+len(summaryCols)+4 {
			return fmt.Errorf("warehouse: summary row of %d columns", len(row))
		}
		_, ok1 := row[summaryErrors].(int32)
		_, ok2 := row[summaryErrors+1].(int32)
		if !ok1 || !ok2 {
			return fmt.Errorf("warehouse: summary row's errors and warnings are %T, %T", row[summaryErrors], row[summaryErrors+1])
		}
		for i := range summaryCols {
			switch v := row[summaryFirstCol+i].(type) {
			case nil, float64:
			default:
				return fmt.Errorf("warehouse: summary column %s holds %T", summaryCols[i].name, v)
			}
		}
	}
	if figures != len(fr.cellOf) {
		return fmt.Errorf("warehouse: %d figures noted, %d in the reports", len(fr.cellOf), figures)
	}
	return nil
}

// rollupSums is what current reports add to store.region_rollup and
// store.summary_rollup, summed in memory: one transaction's new reports
// (freshRollup.add), or those of every transaction of a bulk load (DB.Bulk),
// merged once. The sums are exact in any order (DECIMAL(38, 6) in 128
// bits), so summing many transactions' reports before the merge gives the
// rows summing them one transaction at a time gives.
type rollupSums struct {
	// The cells met, by measure and applicant id (store.texts ids, which
	// stay the same across transactions once committed).
	cellIdx map[[2]int32]int32
	cells   [][2]int32

	regionIdx  map[regionKey]int32
	regionKeys []regionKey
	region     [][]cellSum // per group, indexed by cell; shorter when cells were met later

	summaryIdx  map[summaryKey]int32
	summaryKeys []summaryKey
	summary     []*summarySum

	reports int // how many reports the sums hold
}

// regionKey is a group of store.region_rollup.
type regionKey struct {
	year                  int
	province, city, level sql.NullString
}

// summaryKey is a group of store.summary_rollup.
type summaryKey struct {
	year                          int
	province, city, county, level sql.NullString
}

// cellSum is a cell's figures, those with a number, and their sum.
type cellSum struct {
	figures, stated int64
	value           int128
}

// summarySum is a group of store.summary_rollup's sums.
type summarySum struct {
	reports, agencies, zero, litTotal, litCorrected int64
	errors, warnings                                int64 // the reports' findings of each severity (0040)
	sums                                            []int128
	counts                                          []int64
}

func newRollupSums() *rollupSums {
	return &rollupSums{cellIdx: map[[2]int32]int32{}, regionIdx: map[regionKey]int32{}, summaryIdx: map[summaryKey]int32{}}
}

// summary columns fold reads by name.
var (
	litDirectTotal, litReviewTotal         = summaryColumn("litigation_direct_total"), summaryColumn("litigation_after_review_total")
	litDirectCorrected, litReviewCorrected = summaryColumn("litigation_direct_corrected"), summaryColumn("litigation_after_review_corrected")
)

func summaryColumn(name string) int {
	for i, c := range summaryCols {
		if c.name == name {
			return summaryFirstCol + i
		}
	}
	panic("warehouse: no summary column " + name)
}

// fold adds the reports of fr, whose regions and check were read in their
// transaction (regions), to the sums: per year, province, city, level and
// cell for store.region_rollup (the figures of a cell, those with a number,
// and the sum of the numbers), and per year, province, city, county and
// level for store.summary_rollup. A group's agencies are counted among fr's
// reports, as each transaction's delta counts them. Its error says fr was
// not read by regions.
func (s *rollupSums) fold(fr *freshRollup) error {
	if fr.places == nil && len(fr.reports) > 0 {
		return fmt.Errorf("warehouse: roll-up: reports folded before their regions were read")
	}
	cellMap := make([]int32, len(fr.cells))
	for i, c := range fr.cells {
		k := [2]int32{c.measure, c.applicant}
		j, ok := s.cellIdx[k]
		if !ok {
			j = int32(len(s.cells))
			s.cellIdx[k] = j
			s.cells = append(s.cells, k)
		}
		cellMap[i] = j
	}
	n := len(s.cells)
	type groupAgency struct {
		group  int32
		agency int64
	}
	seen := make(map[groupAgency]bool, len(fr.reports))
	next := 0
	for _, r := range fr.reports {
		p := fr.places[r.agency]
		k := regionKey{r.year, p.province, p.city, p.level}
		g, ok := s.regionIdx[k]
		if !ok {
			g = int32(len(s.regionKeys))
			s.regionIdx[k] = g
			s.regionKeys = append(s.regionKeys, k)
			s.region = append(s.region, nil)
		}
		row := s.region[g]
		if len(row) < n {
			row = append(row, make([]cellSum, n-len(row))...)
			s.region[g] = row
		}
		for _, values := range r.parts {
			for _, v := range values {
				c := &row[cellMap[fr.cellOf[next]]]
				next++
				c.figures++
				if v.Number != nil {
					c.stated++
					c.value = c.value.add(decimalMicros(*v.Number))
				}
			}
		}

		sk := summaryKey{r.year, p.province, p.city, p.county, p.level}
		sg, ok := s.summaryIdx[sk]
		if !ok {
			sg = int32(len(s.summaryKeys))
			s.summaryIdx[sk] = sg
			s.summaryKeys = append(s.summaryKeys, sk)
			s.summary = append(s.summary, &summarySum{sums: make([]int128, len(summaryCols)), counts: make([]int64, len(summaryCols))})
		}
		gs := s.summary[sg]
		row2 := r.summary
		gs.reports++
		if ga := (groupAgency{sg, r.agency}); !seen[ga] {
			seen[ga] = true
			gs.agencies++
		}
		errs, _ := row2[summaryErrors].(int32)
		warns, _ := row2[summaryErrors+1].(int32)
		gs.errors += int64(errs)
		gs.warnings += int64(warns)
		stated, _ := row2[len(row2)-2].(int64)
		if largest, ok := row2[len(row2)-1].(float64); ok && stated > 0 && largest == 0 {
			gs.zero++
		}
		if row2[litDirectTotal] != nil || row2[litReviewTotal] != nil {
			gs.litTotal++
		}
		if row2[litDirectCorrected] != nil || row2[litReviewCorrected] != nil {
			gs.litCorrected++
		}
		for i := range summaryCols {
			if v, ok := row2[summaryFirstCol+i].(float64); ok {
				gs.sums[i] = gs.sums[i].add(decimalMicros(v))
				gs.counts[i]++
			}
		}
	}
	if next != len(fr.cellOf) {
		return fmt.Errorf("warehouse: %d figures noted, %d summed", len(fr.cellOf), next)
	}
	s.reports += len(fr.reports)
	return nil
}

// write appends the sums to the tables region and summary of catalog and
// schema: the transaction's delta tables (rollup_delta and
// summary_rollup_delta in temp.main, made by rollup_delta_create), or
// store.region_rollup and store.summary_rollup when they are empty. Its
// error is the database's.
func (s *rollupSums) write(conn *sql.Conn, catalog, schema, region, summary string) error {
	err := appendTo(conn, catalog, schema, region, regionRollupColumns, func(a *duckdb.Appender) error {
		for g, k := range s.regionKeys {
			for c, cs := range s.region[g] {
				if cs.figures == 0 {
					continue
				}
				var value any
				if cs.stated > 0 {
					value = cs.value.decimal()
				}
				if err := a.AppendRow(int32(k.year), nullable(k.province), nullable(k.city), nullable(k.level),
					s.cells[c][0], s.cells[c][1], cs.figures, cs.stated, value); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("region roll-up delta: %w", err)
	}
	columns := []string{"year", "province", "city", "county", "level", "reports", "agencies", "zero_reports",
		"litigation_total_n", "litigation_corrected_n"}
	for _, c := range summaryCols {
		columns = append(columns, c.name, c.name+"_n")
	}
	columns = append(columns, "errors", "warnings")
	err = appendTo(conn, catalog, schema, summary, columns, func(a *duckdb.Appender) error {
		row := make([]driver.Value, len(columns))
		for sg, k := range s.summaryKeys {
			g := s.summary[sg]
			row[0], row[1], row[2], row[3], row[4] = int32(k.year), nullable(k.province), nullable(k.city),
				nullable(k.county), nullable(k.level)
			row[5], row[6], row[7], row[8], row[9] = g.reports, g.agencies, g.zero, g.litTotal, g.litCorrected
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
	if err != nil {
		return fmt.Errorf("summary roll-up delta: %w", err)
	}
	return nil
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

// appendTo appends rows to the table catalog.schema.name, its columns
// named.
func appendTo(conn *sql.Conn, catalog, schema, name string, columns []string, fill func(*duckdb.Appender) error) error {
	return conn.Raw(func(dc any) error {
		c, err := duckConn(dc)
		if err != nil {
			return err
		}
		a, err := duckdb.NewAppenderWithColumns(c, catalog, schema, name, columns)
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
