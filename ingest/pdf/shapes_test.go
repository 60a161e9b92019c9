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
		// Table 一 set right: 1284 in a cell across three columns stands
		// under the last column of the block above, across its header.
		name: "no blanks from another block of the table",
		words: []word{
			w(36, 10, 72, 22, "信息内容"), w(125, 10, 179, 22, "本年制发件数"), w(200, 10, 254, 22, "本年废止件数"), w(275, 10, 329, 22, "现行有效件数"),
			w(36, 30, 99, 42, "行政规范性文件"), w(190.6, 30, 196.4, 42, "3"), w(265.6, 30, 271.4, 42, "1"), w(335, 30, 346.5, 42, "27"),
			w(36, 50, 72, 62, "信息内容"), w(125, 50, 197, 62, "本年处理决定数量"),
			w(36, 70, 72, 82, "行政许可"), w(323.6, 70, 346.5, 82, "1284"),
		},
		want: "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数/行政规范性文件 | 3 | 1 | 27/信息内容 | 本年处理决定数量/行政许可 | 1284",
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
		// Figures set in the middle of a row whose label wraps above and
		// below them, beside a group label ("（五）不予处理") whose piece is
		// all the figure line holds on the left: the label's lines join
		// the figures, not the row above. And the last line of a label
		// ("已获取信息") goes with its own row's label line, a line's pitch
		// above, rather than with the next row's figures set a little
		// higher than their label.
		name: "label wrapped around centred figures",
		words: []word{
			w(131.1, 100, 157.4, 113.65, "2.重复"), w(241, 100, 253, 113.65, "11"), w(434, 100, 446, 113.65, "14"),
			w(131.1, 118, 204.6, 131.65, "3.要求提供公开"),
			w(94.4, 133.1, 125.9, 146.75, "（五）"), w(241, 133.1, 247.7, 146.75, "1"), w(439.3, 133.1, 446, 146.75, "1"),
			w(131.1, 148.2, 162.6, 161.85, "出版物"),
			w(131.1, 182, 204.6, 195.65, "5.要求行政机关"),
			w(131.1, 197.1, 204.6, 210.75, "确认或重新出具"), w(241, 196.2, 247.7, 209.85, "2"), w(439.3, 196.2, 446, 209.85, "2"),
			w(131.1, 212.2, 183.6, 225.85, "已获取信息"),
			w(94.4, 230.4, 125.9, 244.05, "（六）"), w(131.1, 230.4, 204.2, 244.05, "1.申请人无正当"), w(241, 228, 247.7, 241.65, "5"), w(439.3, 228, 446, 241.65, "5"),
		},
		want: "2.重复 | 11 | 14/（五） | 3.要求提供公开出版物 | 1 | 1/5.要求行政机关确认或重新出具已获取信息 | 2 | 2/（六） | 1.申请人无正当 | 5 | 5",
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
