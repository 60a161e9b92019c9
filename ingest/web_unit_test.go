package ingest

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"gongkai/ingest/labels"
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
		if got := strings.Join(cellsOf(tt.line), "/"); got != tt.want {
			t.Errorf("cellsOf(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestLabelFolding checks the labels of our fixtures (traditional script,
// mirror-site mangling, full width, soft breaks, enumerations) against the
// format's labels through Normalize (package labels tests the enumeration
// folding).
func TestLabelFolding(t *testing.T) {
	tests := []struct{ label, want string }{
		{"規(guī)章", "规章"},
		{"行政規(guī)范性文件", "行政规范性文件"},
		{"本年處理决定數量", "本年处理决定数量"},
		{"第二十條第（一）項", "第二十条第(一)项"},
		{"商业 企业", "商业企业"},
		{"（三）不予公開", "(三)不予公开"},
		{"３．危及“三安全一稳定”", `3.危及"三安全一稳定"`},
	}
	for _, tt := range tests {
		if got := labels.Normalize(tt.label); got != labels.Normalize(tt.want) {
			t.Errorf("labels.Normalize(%q) = %q, want %q", tt.label, got, labels.Normalize(tt.want))
		}
	}
}

// TestReadHTMLSpans checks that merged cells are expanded and that &nbsp;
// cells and nested tables come out right.
func TestReadHTMLSpans(t *testing.T) {
	page := "<table>\n<tr><td rowspan=2>A</td><td colspan=2>B</td></tr>\n<tr><td>&nbsp;</td><td>1<table><tr><td>inner</td></tr></table></td></tr>\n</table>"
	doc, err := ReadHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Grids) != 2 {
		t.Fatalf("%d grids, want 2 (the nested table is its own)", len(doc.Grids))
	}
	outer := doc.Grids[1]
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
	if !bytes.Contains([]byte(doc.Grids[0].Text(0, 0)), []byte("inner")) {
		t.Errorf("nested table = %q", doc.Grids[0].Text(0, 0))
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

// TestAgencyFromText checks that a sentence fragment before a title's year
// is not taken for the agency: a later title names it, else the page is
// rejected with ErrNoAgency, which asks for the agency.
func TestAgencyFromText(t *testing.T) {
	data, err := os.ReadFile("testdata/web/shape2-pipe-rows.txt")
	if err != nil {
		t.Fatal(err)
	}
	fragment := "根据《示例市人民政府办公室关于做好2021年政府信息公开工作年度报告编制发布工作的通知》要求，现公布本报告。\n"
	r, err := Parse("page.txt", append([]byte(fragment), data...), Options{})
	if err != nil || r.Agency != "示例市生态环境局" {
		t.Errorf("agency %v, err %v; want 示例市生态环境局 from the title after the fragment", r, err)
	}
	_, title, _ := strings.Cut(string(data), "\n") // the page without its title line
	_, err = Parse("page.txt", []byte(fragment+"为切实做好2021年政府信息公开工作年度报告工作\n"+title), Options{})
	if !errors.Is(err, ErrNoAgency) {
		t.Errorf("err = %v, want ErrNoAgency", err)
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

// TestPre2019Words checks the provinces' words for applications received
// and a zero stated in words, and the split of a run-together statistics row.
func TestPre2019Words(t *testing.T) {
	for _, s := range []string{"本年度我局未收到政府信息公开申请。", "全年没有收到公民、法人和其他组织的信息公开申请。"} {
		vals := pre2019FromNarrative([]Line{{N: 3, Text: s}})
		found := false
		for _, v := range vals {
			found = found || v.Measure == "apps.new" && v.Number != nil && *v.Number == 0 && v.At == "line 3"
		}
		if !found {
			t.Errorf("%s: %+v, want apps.new 0 at line 3", s, vals)
		}
	}
	for _, tt := range []struct{ line, year, cum string }{
		{"受理依申请公开信息总数条00", "0", "0"},
		{"收到申请数件1215", "", ""},  // 1|215 and 12|15 both fit
		{"申请总数件970", "9", "70"}, // 97|0 has 历年累计 below 本年度
	} {
		sl, f, ok := statRunTogether(tt.line, "line 1", true)
		if !ok || sl.raw != tt.year || sl.cum != tt.cum || (tt.year == "") != (f != nil) {
			t.Errorf("statRunTogether(%q) = %+v, %v, %v; want %q, %q", tt.line, sl, f, ok, tt.year, tt.cum)
		}
	}
}
