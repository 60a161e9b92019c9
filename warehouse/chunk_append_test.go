package warehouse

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duckdb/duckdb-go/v2"
)

// TestChunkAppenderWritesAsAppendRow appends the same rows of store.figures'
// column types to two tables, by chunkAppender and by duckdb.Appender's
// AppendRow, and wants the tables equal row by row: several chunks and a
// part of one, NULLs in every nullable column at the edges of a validity
// word and of a chunk, negative zero and the largest figures.
func TestChunkAppenderWritesAsAppendRow(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const cols = `(report_id BIGINT NOT NULL, measure_id INTEGER NOT NULL, applicant_id INTEGER NOT NULL, value DOUBLE,
		unit_id INTEGER, raw_id INTEGER, at_id INTEGER, derived BOOLEAN NOT NULL, from_narrative BOOLEAN)`
	for _, name := range []string{"chunk_fast", "chunk_rows"} {
		if _, err := db.db.Exec("CREATE TABLE store." + name + " " + cols); err != nil {
			t.Fatal(err)
		}
	}
	type row struct {
		report          int64
		measure, app    int32
		value           *float64
		unit, raw, cell int32 // 0: NULL
		derived, narr   bool
	}
	rng := rand.New(rand.NewPCG(3, 4))
	values := []float64{0, math.Copysign(0, -1), 1, 2.5, -7, 1e15 - 1, 123456.789}
	var rows []row
	for i := range 2*2048 + 777 {
		r := row{report: int64(i / 200), measure: int32(1 + rng.IntN(300)), app: int32(1 + rng.IntN(7)),
			derived: rng.IntN(5) == 0, narr: rng.IntN(3) == 0}
		edge := i%64 == 0 || i%64 == 63 || i%2048 == 0 || i%2048 == 2047
		if !edge || i%2 == 0 {
			v := values[rng.IntN(len(values))]
			r.value = &v
		}
		for _, p := range []*int32{&r.unit, &r.raw, &r.cell} {
			if !edge && rng.IntN(3) > 0 {
				*p = int32(1 + rng.IntN(1000))
			}
		}
		rows = append(rows, r)
	}
	conn, err := db.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = appendChunks(conn, "chunk_fast", figureTypes, func(c *chunkAppender) error {
		for _, r := range rows {
			c.setInt64(0, r.report)
			c.setInt32(1, r.measure)
			c.setInt32(2, r.app)
			if r.value != nil {
				c.setFloat64(3, *r.value)
			} else {
				c.setNull(3)
			}
			c.setText(4, r.unit)
			c.setText(5, r.raw)
			c.setText(6, r.cell)
			c.setBool(7, r.derived)
			c.setBool(8, r.narr)
			if err := c.endRow(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	id := func(v int32) driver.Value {
		if v == 0 {
			return nil
		}
		return v
	}
	err = appendRows(conn, "chunk_rows", func(a *duckdb.Appender) error {
		for _, r := range rows {
			var v driver.Value
			if r.value != nil {
				v = *r.value
			}
			if err := a.AppendRow(r.report, r.measure, r.app, v, id(r.unit), id(r.raw), id(r.cell), r.derived, r.narr); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var n, diff, negZero int64
	q := `SELECT (SELECT count(*) FROM store.chunk_fast),
	             (SELECT count(*) FROM (SELECT rowid, * FROM store.chunk_fast EXCEPT ALL SELECT rowid, * FROM store.chunk_rows))
	           + (SELECT count(*) FROM (SELECT rowid, * FROM store.chunk_rows EXCEPT ALL SELECT rowid, * FROM store.chunk_fast)),
	             (SELECT count(*) FROM store.chunk_fast WHERE value = 0 AND signbit(value))`
	if err := conn.QueryRowContext(ctx, q).Scan(&n, &diff, &negZero); err != nil {
		t.Fatal(err)
	}
	if n != int64(len(rows)) || diff != 0 {
		t.Errorf("chunkAppender wrote %d rows, %d differ from AppendRow's (want %d, 0)", n, diff, len(rows))
	}
	if negZero == 0 {
		t.Errorf("negative zero not kept")
	}
	var nulls sql.NullInt64
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FILTER (value IS NULL) FROM store.chunk_fast").Scan(&nulls); err != nil || nulls.Int64 == 0 {
		t.Errorf("no NULL values written (%v, %v)", nulls, err)
	}

	// A table whose columns are not the appender's is refused before a row.
	if _, err := db.db.Exec("CREATE TABLE store.chunk_other (report_id BIGINT, name VARCHAR)"); err != nil {
		t.Fatal(err)
	}
	err = appendChunks(conn, "chunk_other", figureTypes, func(*chunkAppender) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "columns") {
		t.Errorf("appending figure rows to a table of two columns: %v, want an error", err)
	}
	err = appendChunks(conn, "chunk_other", figureTypes[:2], func(*chunkAppender) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "type") {
		t.Errorf("appending an INTEGER to a VARCHAR column: %v, want an error", err)
	}
}
