package ingest

import (
	"strings"
	"testing"

	"gongkai"
)

// TestUpheldAfterAnotherCount: "every review upheld" (全部维持, 均予以维持) is
// of the reviews counted right before it; with another count between (those
// concluded, pending or carried over), the reviews upheld are some of them,
// how many the words do not settle: blank, and said to be. Each such
// sentence stored the count of reviews as upheld (beside 2 pending in the
// third). The shapes with nothing between are read as before.
func TestUpheldAfterAnotherCount(t *testing.T) {
	const head = "(三)行政复议和行政诉讼情况。本年度因政府信息公开被申请行政复议5件,"
	for _, tt := range []struct {
		tail    string
		want    float64 // review.upheld; -1: blank
		finding bool    // a finding names review.upheld
	}{
		{"已审结3件,均予以维持。", -1, true},
		{"结转下年度2件,均予以维持。", -1, true},
		{"尚未审结2件,全部维持。", -1, true},
		{"上年结转1件,均被维持。", -1, true},
		// Nothing counted between: every one of the five.
		{"均予以维持。", 5, false},
		{"经复议机关审理,全部维持。", 5, false},
	} {
		for _, format := range []string{gongkai.Format2021, gongkai.FormatPre2019} {
			vals, finds := readNarrative([]Line{{N: 1, Text: head + tt.tail}}, format, 2024, "示例市示例局")
			got := -1.0
			for _, v := range vals {
				if strings.HasSuffix(v.Measure, "upheld") && strings.Contains(v.Measure, "review") && v.Number != nil {
					got = *v.Number
				}
			}
			found := false
			for _, f := range finds {
				found = found || strings.HasSuffix(f.Measure, "upheld") && strings.Contains(f.Measure, "review")
			}
			if got != tt.want || found != tt.finding {
				t.Errorf("%s %s: upheld %v (finding %v), want %v (finding %v)", format, tt.tail, got, found, tt.want, tt.finding)
			}
		}
	}
}
