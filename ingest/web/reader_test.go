package web

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"gongkai/ingest/doc"
	"gongkai/ingest/value"
)

// TestDecodeWeb checks that encodings are detected, not assumed.
func TestDecodeWeb(t *testing.T) {
	text := "行政許可 規章 總計"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("行政许可 规章 总计"))
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte(text))
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	tests := []struct {
		name   string
		data   []byte
		html   bool
		want   string
		differ bool // the decoded text must not contain want
	}{
		{"utf-8", []byte(text), false, text, false},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, text...), false, text, false},
		{"utf-16 bom", u16, false, text, false},
		{"gbk undeclared", gbk, false, "行政许可 规章 总计", false},
		{"gbk declared gb2312", append([]byte(`<meta charset="gb2312">`), gbk...), true, "行政许可 规章 总计", false},
		{"big5 declared", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=big5">`), big5...), true, text, false},
		// Without its declaration Big5 is read as GB18030: the declaration is what makes it right.
		{"big5 undeclared", big5, false, text, true},
		// A page that says utf-8 but is GBK is read by its bytes.
		{"gbk declared utf-8", append([]byte(`<meta charset="utf-8">`), gbk...), true, "行政许可 规章 总计", false},
	}
	for _, tt := range tests {
		got, err := decodeWeb(tt.data, tt.html)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if strings.Contains(got, tt.want) == tt.differ {
			t.Errorf("%s: decoded %q, want it to contain %q: %v", tt.name, got, tt.want, !tt.differ)
		}
	}
}

// TestFitRow checks the readings of a row whose figures ran together or
// came with a stray figure: placed only when exactly one reading fits.
func TestFitRow(t *testing.T) {
	fused := func(s ...string) []tcell {
		var out []tcell
		for _, x := range s {
			out = append(out, tcell{text: x, value: true, fused: value.AllDigits(x) && len(x) > 1, line: 1})
		}
		return out
	}
	tests := []struct {
		name  string
		vals  []tcell
		n     int
		check rowCheck
		want  string // the placed texts, "" when left blank
		count int
	}{
		{"one digit per cell", fused("000"), 3, anyRow, "0 0 0", 1},
		{"table 二 cannot tell", fused("3960181"), 3, anyRow, "", maxCands + 1},
		// A blank cell leaves no trace when digits run together: 45 is 4|5,
		// 45|blank or blank|45, and table 二 has no rule to choose.
		{"two cells", fused("45"), 2, anyRow, "", 3},
		{"the digit-per-cell trap", fused("100"), 3, anyRow, "", 2},
		{"leading zeros are not numbers", fused("007"), 3, anyRow, "0 0 7", 1}, // not 0|07 or 00|7, and no room for a blank
		{"R2 proves one digit per cell", fused("1000001"), 7, applicantSums, "1 0 0 0 0 0 1", 1},
		{"R2 decides", fused("120000012"), 7, applicantSums, "12 0 0 0 0 0 12", 1},
		{"R2 cannot decide", fused("110000011"), 7, applicantSums, "", 2},
		{"no reading fits", fused("1000002"), 7, applicantSums, "", 0},
		{"stray figure, same values", fused("0", "0", "0", "0", "0", "0", "0", "0"), 7, applicantSums, "0 0 0 0 0 0 0", 1},
		{"stray figure, rule decides", fused("9", "1", "0", "0", "0", "0", "0", "1"), 7, applicantSums, "1 0 0 0 0 0 1", 1},
		{"reviews, all zeros", fused("000000000000000"), 15, reviewSums, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", 1},
		// 10 0 0 blank 10 | 0 0 blank 1 1 | 0 0 0 0 0 obeys R3 as well.
		{"reviews, a blank may hide", fused("100010001100000"), 15, reviewSums, "", 2},
		{"hostile length", fused(strings.Repeat("1", 400)), 7, applicantSums, "", 0}, // no cell holds more than 9 digits
	}
	for _, tt := range tests {
		rd := fitRow(tt.vals, tt.n, tt.check)
		if got := joinTexts(rd.vals); got != tt.want {
			t.Errorf("%s: placed %q, want %q", tt.name, got, tt.want)
		}
		if tt.count >= 0 && rd.count() != tt.count && !(tt.count == 2 && rd.count() > 1) {
			t.Errorf("%s: %d readings, want %d", tt.name, rd.count(), tt.count)
		}
	}
}

// TestCellsOf checks how a line of page text splits into cells.
func TestCellsOf(t *testing.T) {
	tests := []struct{ line, want string }{
		{"规章 | 0 | 0 | 0 ||", "规章/0/0/0"},
		{"0 | ||", "0"},
		{"| 0 | | | | | | 0 |", "0//////0"}, // blank cells keep their column
		{"（二）部分公开 | | 1 |&nbsp;| 1 |", "（二）部分公开//1//1"},
		{" |", ""},               // a blank cell alone on its line
		{"&nbsp;", ""},           // the same, scraped with the entity
		{"规章 | 0 | | |", "规章/0"}, // blanks at the end cannot be told from "||"
		{"商业 企业 |", "商业 企业"},
		{"行政规范性文件  2 1 15", "行政规范性文件/2/1/15"},
		{"一、本年新收政府信息公开申请数量\t10\t2\t0", "一、本年新收政府信息公开申请数量/10/2/0"},
		{"2021年，我局主动公开政府信息共456条。", "2021年，我局主动公开政府信息共456条。"},
		{"行政事业性收费 　0.5", "行政事业性收费/0.5"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(CellsOf(tt.line), "/"); got != tt.want {
			t.Errorf("CellsOf(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestReadHTMLSpans checks that merged cells are expanded and that &nbsp;
// cells and nested tables come out right.
func TestReadHTMLSpans(t *testing.T) {
	page := "<table>\n<tr><td rowspan=2>A</td><td colspan=2>B</td></tr>\n<tr><td>&nbsp;</td><td>1<table><tr><td>inner</td></tr></table></td></tr>\n</table>"
	d, err := ReadHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Grids) != 2 {
		t.Fatalf("%d grids, want 2 (the nested table is its own)", len(d.Grids))
	}
	outer := d.Grids[1]
	var rows []string
	for _, r := range outer.Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, c.Text)
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	if got := strings.Join(rows, "\n"); got != "A|B|B\nA||1" {
		t.Errorf("grid:\n%s\nwant:\nA|B|B\nA||1", got)
	}
	if outer.Loc(1, 2) != "line 3" || outer.Loc(0, 0) != "line 2" {
		t.Errorf("locations %q %q, want line 3 and line 2", outer.Loc(1, 2), outer.Loc(0, 0))
	}
	if !bytes.Contains([]byte(d.Grids[0].Text(0, 0)), []byte("inner")) {
		t.Errorf("nested table = %q", d.Grids[0].Text(0, 0))
	}
}

// TestReadHTMLTooLarge checks that a page whose spans would lay out millions
// of cells is rejected with a message, not read into memory.
func TestReadHTMLTooLarge(t *testing.T) {
	page := strings.Repeat(`<table><tr><td colspan="1000" rowspan="600">x</td></tr>`+strings.Repeat("<tr><td>1</td></tr>", 599)+"</table>", 2)
	if _, err := ReadHTML([]byte(page)); err == nil || !strings.Contains(err.Error(), "表格过大") {
		t.Errorf("err = %v, want 表格过大", err)
	}
}

// TestPageNumber checks which lines are PDF page footers, skipped inside
// tables, and which may be figures.
func TestPageNumber(t *testing.T) {
	for l, want := range map[string]bool{
		"- 3 -": true, "— 12 —": true, "第3页": true, "第 3 页 共 10 页": true, "3/10": true,
		"3": false, "-1": false, "0 0 0": false, "减4": false, "本年增/减": false,
	} {
		if got := pageNumber(l); got != want {
			t.Errorf("pageNumber(%q) = %v, want %v", l, got, want)
		}
	}
}

// TestDuplicateRowNotes checks the notes on a row the page gives more than
// once with different figures: one duplicate_row error for the row however
// often it is given, naming each reading once, and nothing left behind from
// the reading first placed (a stray figure it dropped, its count among the
// rows whose digits ran together).
func TestDuplicateRowNotes(t *testing.T) {
	tests := []struct {
		file, row string
		readings  int
		trivial   string // the count of rows read one digit a cell, if any
	}{
		{"duplicate-row.txt", "3.其他", 2, ""},
		{"duplicate-row-thrice.txt", "3.其他", 3, ""},
		{"duplicate-row-joint.txt", "2.其他法律行政法规禁止公开", 2, "表格中有20行"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile("../testdata/web/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ReadText(data)
			if err != nil {
				t.Fatal(err)
			}
			dups := 0
			for _, n := range d.Notes {
				switch {
				case n.Rule == "duplicate_row":
					dups++
					if n.RowLabel != tt.row || strings.Count(n.Message, " 与 ") != tt.readings-1 {
						t.Errorf("note %+v, want one on %s naming %d readings", n, tt.row, tt.readings)
					}
				case n.RowLabel == tt.row:
					t.Errorf("a note left behind by a reading not taken: %+v", n)
				case tt.trivial != "" && n.RowLabel == "" && n.Rule == "run_together" && !strings.HasPrefix(n.Message, tt.trivial):
					t.Errorf("note %q, want it to start %q", n.Message, tt.trivial)
				}
			}
			if dups != 1 {
				t.Errorf("%d duplicate_row notes, want 1", dups)
			}
		})
	}
}

// TestClosesCell: a pipe alone closes the cell on the line before it when
// that line has no pipe of its own; after a line with one, or first, it is
// a blank cell.
func TestClosesCell(t *testing.T) {
	lines := func(ts ...string) []doc.Line {
		out := make([]doc.Line, len(ts))
		for i, s := range ts {
			out[i] = doc.Line{N: i + 1, Text: s}
		}
		return out
	}
	for _, tt := range []struct {
		lines []doc.Line
		i     int
		want  bool
	}{
		{lines("规章", "|", "0", "|"), 1, true},
		{lines("规章", "|", "0", "|"), 3, true},
		{lines("0", "|", "|", "5"), 2, false}, // the second pipe: a blank cell
		{lines("0 |", "|", "5 |"), 1, false},
		{lines("|", "规章 |"), 0, false},
		{lines("规章", "", "|"), 2, false}, // a blank line between: no rule tells
		{lines("规章", "| |"), 1, false},
	} {
		if got := closesCell(tt.lines, tt.i); got != tt.want {
			t.Errorf("closesCell(%v, %d) = %v, want %v", tt.lines, tt.i, got, tt.want)
		}
	}
}
