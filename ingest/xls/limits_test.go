package xls

import (
	"encoding/binary"
	"runtime"
	"strings"
	"testing"

	"gongkai"
)

// TestReadStopsAtCellLimit: a sheet that addresses more cells than the
// limit on all grids is refused as soon as it passes the limit, not after
// laying them all out. A 31 MB stream (a 32 MB upload) of 20,000 MULRK rows
// of 256 numbers laid out 5.1 million cells — 4.2 s and ~310 MB of heap,
// 424 MB allocated — before the check after the sheet refused it (review
// s39). Fails on the old code (allocated bytes); the refusal is the same.
func TestReadStopsAtCellLimit(t *testing.T) {
	stream := hostileStream(maxRows, maxCols, 1)
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	_, err := readStream(stream)
	runtime.ReadMemStats(&m1)
	if gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(gongkai.ErrorMessage(err), "单元格过多") {
		t.Fatalf("error %v, want the cell limit's refusal", err)
	}
	// The cells up to the limit: ~32 MB of doc.Cell, their texts and the
	// rows' growth, ~82 MB allocated; all of them were 424 MB.
	if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 200<<20 {
		t.Errorf("reading allocated %d MB, want under 200: the sheet was laid out past the limit", alloc>>20)
	}
	// Under the limit, one sheet reads whole; 256 sheet entries that point
	// at it stop at the limit too.
	if d, err := readStream(hostileStream(100, maxCols, 1)); err != nil || len(d.Grids) != 1 || d.Grids[0].Text(99, 255) == "" {
		t.Errorf("a 100 × 256 sheet: %v", err)
	}
	if _, err := readStream(hostileStream(maxGridCells/maxCols/2, maxCols, maxSheets)); gongkai.ErrorCode(err) != gongkai.CodeInvalid {
		t.Errorf("256 entries of one half-limit sheet: %v, want refused", err)
	}
}

// biffRecord is a BIFF record of typ holding data.
func biffRecord(typ uint16, data []byte) []byte {
	b := make([]byte, 4, 4+len(data))
	binary.LittleEndian.PutUint16(b, typ)
	binary.LittleEndian.PutUint16(b[2:], uint16(len(data)))
	return append(b, data...)
}

// hostileStream is a Workbook stream of sheets entries that all point at
// one worksheet of rows MULRK records of cols distinct integers each.
func hostileStream(rows, cols, sheets int) []byte {
	bof := func(kind uint16) []byte {
		d := make([]byte, 16)
		binary.LittleEndian.PutUint16(d, 0x0600)
		binary.LittleEndian.PutUint16(d[2:], kind)
		return biffRecord(recBOF, d)
	}
	var glob []byte
	glob = append(glob, bof(5)...)
	bsLen := 4 + 8 + 1
	sheetOff := len(glob) + sheets*bsLen + 4
	for i := 0; i < sheets; i++ {
		d := make([]byte, 9)
		binary.LittleEndian.PutUint32(d, uint32(sheetOff))
		d[6] = 1
		d[7] = 0
		d[8] = 'S'
		glob = append(glob, biffRecord(recBoundSheet, d)...)
	}
	glob = append(glob, biffRecord(recEOF, nil)...)
	if len(glob) != sheetOff {
		panic("hostileStream: sheet offset")
	}
	s := append(glob, bof(0x10)...)
	for r := 0; r < rows; r++ {
		d := make([]byte, 4+6*cols+2)
		binary.LittleEndian.PutUint16(d, uint16(r))
		binary.LittleEndian.PutUint16(d[2:], 0)
		for c := 0; c < cols; c++ {
			binary.LittleEndian.PutUint32(d[4+6*c+2:], uint32((r*cols+c)<<2|2)) // integer rk
		}
		binary.LittleEndian.PutUint16(d[len(d)-2:], uint16(cols-1))
		s = append(s, biffRecord(recMulRK, d)...)
	}
	return append(s, biffRecord(recEOF, nil)...)
}
