package xls

import (
	"os"
	"strings"
	"testing"

	"gongkai"
)

func TestRK(t *testing.T) {
	tests := []struct {
		v    uint32
		want float64
	}{
		{2<<2 | 2, 2},     // integer
		{0xFFFFFFEE, -5},  // negative integer: -5<<2 | 2
		{350<<2 | 3, 3.5}, // integer / 100
		{0x3FF00000, 1},   // the high bits of the double 1.0
	}
	for _, tt := range tests {
		if got := rk(tt.v); got != tt.want {
			t.Errorf("rk(%#x) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

// TestReadSST reads a shared string table broken over CONTINUE records the
// ways BIFF8 breaks it: between strings, inside a string's characters (with
// a new flags byte that switches to UTF-16), and inside rich-text runs.
func TestReadSST(t *testing.T) {
	head := []byte{3, 0, 0, 0, 3, 0, 0, 0}
	a := []byte{2, 0, 0, 'a', 'b'}                   // "ab", compressed
	b1 := []byte{3, 0, 0x08, 1, 0, 'x'}              // "x…", rich, one run; breaks here
	b2 := []byte{0x01, 0x2d, 0x4e, 0x87, 0x65, 0, 0} // flags: UTF-16 "中文", then the run starts
	b3 := []byte{0, 0, 2, 0, 0, 'o', 'k'}            // the run's last bytes, then "ok"
	got, err := readSST([][]byte{append(append(head, a...), b1...), b2, b3})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != "ab|x中文|ok" {
		t.Errorf("strings = %q", got)
	}
}

func TestIsDateFormat(t *testing.T) {
	tests := []struct {
		id   uint16
		f    string
		want bool
	}{
		{14, "", true},
		{0, "General", false},
		{164, `yyyy"年"m"月"d"日"`, true},
		{165, `0.00"天"`, false},
		{166, `[Red]0`, false},
		{167, `[$-804]0`, false},
	}
	for _, tt := range tests {
		if got := isDateFormat(tt.id, tt.f); got != tt.want {
			t.Errorf("isDateFormat(%d, %q) = %v", tt.id, tt.f, got)
		}
	}
}

// TestRead reads a workbook saved by LibreOffice Calc: sheet names, merged
// headers spread over the cells they cover, formula totals by their saved
// results.
func TestRead(t *testing.T) {
	data, err := os.ReadFile("../testdata/media/official-2021.xls")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range d.Grids {
		names = append(names, g.Name)
	}
	if strings.Join(names, ",") != "封面,表二,表三,表四" {
		t.Fatalf("sheets = %v", names)
	}
	g := d.Grids[2]
	if g.Text(1, 3) != "申请人情况" || g.Text(1, 9) != "申请人情况" || g.Text(2, 5) != "法人或其他组织" {
		t.Errorf("merged header not spread: %q %q %q", g.Text(1, 3), g.Text(1, 9), g.Text(2, 5))
	}
	if g.Text(4, 9) == "" || g.Loc(4, 9) != "表三!J5" {
		t.Errorf("formula total %q at %s", g.Text(4, 9), g.Loc(4, 9))
	}
}

func TestReadRejects(t *testing.T) {
	good, err := os.ReadFile("../testdata/media/official-2021.xls")
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile("../testdata/media/shape6-rowspan.doc")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a compound file", []byte("hello"), "文件已损坏"},
		{"a Word document", docx, "没有工作簿数据"},
		{"truncated", good[:len(good)/2], ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.data)
			if err == nil && tt.want == "" {
				return // a truncated file may still hold whole sheets
			}
			if gongkai.ErrorCode(err) != gongkai.CodeInvalid || !strings.Contains(gongkai.ErrorMessage(err), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzRead checks that no input panics the reader or escapes its limits.
// Its seed is a one-row workbook LibreOffice saved from a CSV: Go's fuzzing
// engine barely moves from seeds of tens of kilobytes (the report fixtures,
// which TestMediaGolden reads anyway).
func FuzzRead(f *testing.F) {
	for _, p := range []string{"testdata/tiny.xls"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err == nil && d == nil {
			t.Fatal("no document and no error")
		}
		if err != nil && gongkai.ErrorCode(err) != gongkai.CodeInvalid {
			t.Fatalf("error code %s", gongkai.ErrorCode(err))
		}
	})
}

// BenchmarkRead measures reading a report workbook saved by LibreOffice.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile("../testdata/media/official-2021.xls")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}
