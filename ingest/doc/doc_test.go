package doc

import "testing"

// TestLoc names the place of a cell as a person finds it, a blank cell of a
// PDF's row by the page of the row.
func TestLoc(t *testing.T) {
	pdf := &Grid{Name: "表三", Kind: "pdf", Rows: [][]Cell{
		{{Text: "（七）总计", Line: 77, Page: 3}, {Text: ""}, {Text: "12", Line: 77, Page: 3}},
		{{Text: "申请人情况"}},
	}}
	text := &Grid{Kind: "text", Rows: [][]Cell{{{Text: "规章", Line: 12}, {Text: ""}}}}
	book := &Grid{Name: "表三", Kind: "xlsx", Rows: [][]Cell{{{Text: "规章"}}}}
	tests := []struct {
		g    *Grid
		r, c int
		want string
	}{
		{pdf, 0, 2, "第3页"},
		{pdf, 0, 1, "第3页"}, // blank: the row's page
		{pdf, 0, 9, "第3页"}, // past the row's end
		{pdf, 1, 0, "表三 第2行第1列"},
		{text, 0, 0, "line 12"},
		{text, 0, 1, "表格 第1行第2列"},
		{book, 0, 0, "表三!A1"},
		{book, 4, 27, "表三!AB5"},
	}
	for _, tt := range tests {
		if got := tt.g.Loc(tt.r, tt.c); got != tt.want {
			t.Errorf("%s (%d, %d): %q, want %q", tt.g.Kind, tt.r, tt.c, got, tt.want)
		}
	}
}
