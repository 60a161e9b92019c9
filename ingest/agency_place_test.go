package ingest

import "testing"

// TestNamePlace holds where a name places its agency: a township's, a
// street's or a village's name alone is no place a report can be filed
// under (many counties share it), and the words of a kind of organ that
// hold a level's character (城乡, 农村, 市场) place nothing.
func TestNamePlace(t *testing.T) {
	for _, tt := range []struct {
		name string
		kind int
		town string
	}{
		{"城关镇", placeTown, "城关镇"},
		{"城关镇人民政府", placeTown, "城关镇"},
		{"示例路街道办事处", placeTown, "示例路街道"},
		{"例城镇人民政府", placeTown, "例城镇"}, // 城镇 is a town's name here, not the word
		{"示例集镇", placeTown, "示例集镇"},
		{"例市镇", placeTown, "例市镇"},   // a town named 例市, not a city's town
		{"例镇街道", placeTown, "例镇街道"}, // a street named 例镇
		{"例村乡", placeTown, "例村乡"},   // a township named 例村
		{"县前街道", placeTown, "县前街道"}, // no county is named before 县
		{"示例村村民委员会", placeTown, "示例村"},
		{"住房和城乡建设局", placeNone, ""},
		{"农业农村局", placeNone, ""},
		{"乡村振兴局", placeNone, ""},
		{"市场监督管理局", placeNone, ""},
		{"城镇建设局", placeNone, ""},
		{"小城镇建设办公室", placeNone, ""},
		{"青松社区管委会", placeNone, ""},
		{"党政办公室", placeNone, ""},
		{"示例县城关镇", placeAbove, ""},
		{"示例市民政局", placeAbove, ""},
		{"示例区人民政府示例街道办事处", placeAbove, ""},
		{"高新区党政办公室", placeAbove, ""},
		{"海关总署", placeAbove, ""},
		{"沛县", placeAbove, ""},
		{"例城市例镇", placeAbove, ""}, // a city named 例城, whether Derive knows it or not
		{"城市管理局", placeNone, ""},
		{"住房和城市建设局", placeNone, ""},
	} {
		kind, town := namePlace(tt.name)
		if kind != tt.kind || town != tt.town {
			t.Errorf("namePlace(%q) = %d, %q; want %d, %q", tt.name, kind, town, tt.kind, tt.town)
		}
	}
}
