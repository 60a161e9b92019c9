package pdf

import (
	"strings"
	"testing"
)

// TestBuildShapes holds the geometry to shapes of real reports that the
// media fixtures (shape8-*) first showed going wrong, one page of words each.
func TestBuildShapes(t *testing.T) {
	w := func(x0, y0, x1, y1 float64, s string) word { return word{x0, y0, x1, y1, s} }
	for _, tt := range []struct {
		name  string
		words []word
		want  string // the document's lines, joined by "/"
	}{{
		// Figures set right share their right edge, not their centre: "4"
		// stands under "12". The blank of the first row is found from the
		// last; the second row's from the first, whose column between is a
		// blank put in before — it was left out, and the row's figures
		// slid one column left.
		name: "figures set right, blanks found from a row with a blank",
		words: []word{
			w(50, 10, 90, 22, "甲"), w(164, 10, 170, 22, "4"), w(304, 10, 310, 22, "5"), w(374, 10, 380, 22, "6"),
			w(50, 30, 90, 42, "乙"), w(164, 30, 170, 42, "7"), w(304, 30, 310, 42, "8"), w(374, 30, 380, 42, "9"),
			w(50, 50, 90, 62, "丙"), w(158, 50, 170, 62, "12"), w(234, 50, 240, 62, "3"), w(298, 50, 310, 62, "45"), w(374, 50, 380, 62, "6"),
		},
		want: "甲 | 4 | - | 5 | 6/乙 | 7 | - | 8 | 9/丙 | 12 | 3 | 45 | 6",
	}, {
		// A row whose figures are left blank but its total keeps the
		// total's column, from the rows of its table; a table above a line
		// of prose takes nothing from the table under it.
		name: "blanks between label and first figure",
		words: []word{
			w(50, 10, 90, 22, "行政许可"), w(374, 10, 380, 22, "7"),
			w(50, 40, 200, 52, "三、收到和处理政府信息公开申请情况"),
			w(50, 70, 90, 82, "甲"), w(164, 70, 170, 82, "4"), w(234, 70, 240, 82, "2"), w(304, 70, 310, 82, "5"), w(374, 70, 380, 82, "11"),
			w(50, 90, 90, 102, "乙"), w(374, 90, 380, 102, "0"),
			w(50, 110, 90, 122, "丙"), w(234, 110, 240, 122, "3"), w(374, 110, 380, 122, "3"),
		},
		want: "行政许可 | 7/三、收到和处理政府信息公开申请情况/甲 | 4 | 2 | 5 | 11/乙 | - | - | - | 0/丙 | - | 3 | - | 3",
	}, {
		// Writer's boxes are a third taller than the text, so a gap of
		// 0.45 em between two labels of a narrow table (a wrapped group
		// label, then its row's label) fell under the space threshold
		// taken from the boxes and the two were one cell. A space typed
		// between Chinese words (0.3 em) still joins them.
		name: "narrow label column",
		words: []word{
			w(58.2, 10, 89.7, 23.65, "三、本"), w(94.4, 10, 167.9, 23.65, "（一）予以公开"), w(300, 10, 306, 23.65, "5"),
			w(58.2, 30, 79.2, 43.65, "商业"), w(82.4, 30, 103.4, 43.65, "企业"), w(300, 30, 306, 43.65, "6"),
		},
		want: "三、本 | （一）予以公开 | 5/商业企业 | 6",
	}, {
		// A left-aligned paragraph whose line stopped short because the
		// figure after it did not fit goes on in the next line; a short
		// line before a label that starts with its number does not.
		name: "paragraph broken before a figure",
		words: []word{
			w(50, 10, 520, 24, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三"),
			w(50, 60, 490, 74, "全年办理行政许可"), w(50, 80, 85, 94, "1284"), w(87, 80, 120, 94, "件。"),
			w(50, 120, 60, 134, "0"),
			w(50, 140, 200, 154, "3.危及安全"),
		},
		want: "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三/全年办理行政许可1284件。/0/3.危及安全",
	}} {
		t.Run(tt.name, func(t *testing.T) {
			d := build([]page{{n: 1, words: tt.words}})
			var got []string
			for _, l := range d.Lines {
				got = append(got, l.Text)
			}
			if g := strings.Join(got, "/"); g != tt.want {
				t.Errorf("lines\n got %s\nwant %s", g, tt.want)
			}
		})
	}
}
