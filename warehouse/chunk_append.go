package warehouse

import (
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"unsafe"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/duckdb/duckdb-go/v2/mapping"
)

// chunkAppender appends rows of fixed-width columns (BIGINT, INTEGER,
// DOUBLE, BOOLEAN) to a table by writing DuckDB's vectors directly and
// handing DuckDB a whole chunk at a time. duckdb.Appender.AppendRow sets
// each value through an interface, a type switch and, for the row and for
// each NULL, a call into C: for store.figures (~800,000 rows a bulk load's
// group) that was ~10 of the ~51 CPU-seconds the writer spent on 300,000
// demo reports, as much as DuckDB's own appending. The appender itself is
// a duckdb.Appender (it creates, flushes and closes the native one and
// reports its errors); chunkAppender only passes its chunks to the native
// handle, which duckdb-go keeps unexported (appenderHandle).
type chunkAppender struct {
	a      *duckdb.Appender
	handle mapping.Appender
	chunk  mapping.DataChunk
	types  []mapping.Type
	data   []unsafe.Pointer // per column: its vector's values
	valid  [][]uint64       // per column: its vector's validity bits (1 = not NULL)
	rows   int              // rows of the chunk written
	cap    int              // rows a chunk holds
}

// appendChunks opens a chunkAppender on store.<table>, whose columns must
// be of types, in order; fill writes rows with it, and the rows are flushed
// when it returns. Its error is fill's, the database's, or says that the
// table's columns are not types or that duckdb-go no longer has the
// appender handle this relies on.
func appendChunks(conn *sql.Conn, table string, types []mapping.Type, fill func(*chunkAppender) error) error {
	return conn.Raw(func(dc any) error {
		dconn, err := duckConn(dc)
		if err != nil {
			return err
		}
		a, err := duckdb.NewAppender(dconn, "", "store", table)
		if err != nil {
			return err
		}
		c, err := newChunkAppender(a, types)
		if err == nil {
			err = fill(c)
			if err == nil {
				err = c.flush()
			}
			c.free()
		}
		if err != nil {
			a.Close()
			return err
		}
		return a.Close()
	})
}

// appenderHandle returns the native appender of a. duckdb-go keeps it
// unexported; it is read by name and type, so that a version of duckdb-go
// that moves it gives an error, not a wrong pointer.
func appenderHandle(a *duckdb.Appender) (mapping.Appender, error) {
	f := reflect.ValueOf(a).Elem().FieldByName("appender")
	if !f.IsValid() || f.Type() != reflect.TypeFor[mapping.Appender]() {
		return mapping.Appender{}, errors.New("warehouse: duckdb.Appender has no native appender handle (duckdb-go changed): chunkAppender needs one")
	}
	return *(*mapping.Appender)(unsafe.Pointer(f.UnsafeAddr())), nil
}

func newChunkAppender(a *duckdb.Appender, types []mapping.Type) (*chunkAppender, error) {
	h, err := appenderHandle(a)
	if err != nil {
		return nil, err
	}
	if n := int(mapping.AppenderColumnCount(h)); n != len(types) {
		return nil, fmt.Errorf("warehouse: the table has %d columns, the appender writes %d", n, len(types))
	}
	logical := make([]mapping.LogicalType, len(types))
	defer func() {
		for i := range logical {
			if logical[i].Ptr != nil {
				mapping.DestroyLogicalType(&logical[i])
			}
		}
	}()
	for i, t := range types {
		logical[i] = mapping.AppenderColumnType(h, mapping.IdxT(i))
		if got := mapping.GetTypeId(logical[i]); got != t {
			return nil, fmt.Errorf("warehouse: column %d is of type %d, the appender writes %d", i+1, got, t)
		}
		switch t {
		case mapping.TypeBigInt, mapping.TypeInteger, mapping.TypeDouble, mapping.TypeBoolean:
		default:
			return nil, fmt.Errorf("warehouse: chunkAppender cannot write type %d (column %d)", t, i+1)
		}
	}
	c := &chunkAppender{a: a, handle: h, types: types, cap: int(mapping.VectorSize()),
		data: make([]unsafe.Pointer, len(types)), valid: make([][]uint64, len(types))}
	c.chunk = mapping.CreateDataChunk(logical)
	c.vectors()
	return c, nil
}

// vectors points data and valid at the chunk's vectors, all rows valid.
func (c *chunkAppender) vectors() {
	for i := range c.types {
		v := mapping.DataChunkGetVector(c.chunk, mapping.IdxT(i))
		mapping.VectorEnsureValidityWritable(v)
		c.data[i] = mapping.VectorGetData(v)
		c.valid[i] = unsafe.Slice((*uint64)(mapping.VectorGetValidity(v)), (c.cap+63)/64)
	}
}

// The setters write column col of the current row; the column must be of
// the setter's type (newChunkAppender checked the table's types).

func (c *chunkAppender) setInt64(col int, v int64) {
	*(*int64)(unsafe.Add(c.data[col], c.rows*8)) = v
}

func (c *chunkAppender) setInt32(col int, v int32) {
	*(*int32)(unsafe.Add(c.data[col], c.rows*4)) = v
}

func (c *chunkAppender) setFloat64(col int, v float64) {
	*(*float64)(unsafe.Add(c.data[col], c.rows*8)) = v
}

func (c *chunkAppender) setBool(col int, v bool) {
	*(*bool)(unsafe.Add(c.data[col], c.rows)) = v
}

// setNull makes column col of the current row NULL.
func (c *chunkAppender) setNull(col int) {
	c.valid[col][c.rows/64] &^= 1 << (c.rows % 64)
}

// endRow ends the current row, every column of which was set (or made
// NULL), and hands the chunk to DuckDB when it is full.
func (c *chunkAppender) endRow() error {
	c.rows++
	if c.rows == c.cap {
		return c.flush()
	}
	return nil
}

// flush hands the rows written to DuckDB and starts an empty chunk.
func (c *chunkAppender) flush() error {
	if c.rows == 0 {
		return nil
	}
	mapping.DataChunkSetSize(c.chunk, mapping.IdxT(c.rows))
	if mapping.AppendDataChunk(c.handle, c.chunk) == mapping.StateError {
		return fmt.Errorf("warehouse: append: %s", mapping.AppenderError(c.handle))
	}
	mapping.DataChunkReset(c.chunk)
	c.rows = 0
	c.vectors()
	return nil
}

// free releases the chunk; the appender itself is closed by its owner.
func (c *chunkAppender) free() {
	mapping.DestroyDataChunk(&c.chunk)
}

// setText writes the id of a string in store.texts (plan.textID), 0 as
// NULL, to INTEGER column col.
func (c *chunkAppender) setText(col int, id int32) {
	if id == 0 {
		c.setNull(col)
		return
	}
	c.setInt32(col, id)
}

// figureTypes are store.figures' columns: report_id, measure_id,
// applicant_id, value, unit_id, raw_id, at_id, derived, from_narrative.
var figureTypes = []mapping.Type{mapping.TypeBigInt, mapping.TypeInteger, mapping.TypeInteger, mapping.TypeDouble,
	mapping.TypeInteger, mapping.TypeInteger, mapping.TypeInteger, mapping.TypeBoolean, mapping.TypeBoolean}
