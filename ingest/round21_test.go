package ingest

import (
	"testing"

	"gongkai"
)

// TestRound21OwnNameHoldsTopic checks the shape of round 21's real page of a
// petition bureau (信访局) that names itself as the subject of its counts:
// 信访 is a word of another matter, so the count was passed over with no
// word. The organ's own name is the organ; another organ's name, and a
// count of petitions, still are not read.
func TestRound21OwnNameHoldsTopic(t *testing.T) {
	const head = "(二)依申请公开情况。"
	for _, tt := range []struct {
		agency  string
		line    string
		measure string
		want    float64 // -1: blank
	}{
		{"示例县信访局", "2025年,示例县信访局共受理政府信息公开申请4件。", "apps.new", 4},
		{"示例县信访局", "2025年,信访局共受理政府信息公开申请4件。", "apps.new", 4},
		{"示例县信访局", "2025年示例县信访局未收到政府信息公开申请。", "apps.new", 0},
		{"示例县人民政府信访局", "2025年,示例县政府信访局收到政府信息公开申请3件。", "apps.new", 3},
		// Another organ's, or petitions, not applications.
		{"示例县信访局", "2025年,示例市信访局共受理政府信息公开申请4件。", "apps.new", -1},
		{"示例县信访局", "2025年,示例县信访局受理群众信访件4件。", "apps.new", -1},
		{"示例县教育局", "2025年,示例县信访局共受理政府信息公开申请4件。", "apps.new", -1},
	} {
		lines := []Line{{N: 1, Text: head + tt.line}}
		vals, _ := readNarrative(lines, gongkai.Format2021, 2025, tt.agency)
		if got := numberOf(vals, tt.measure); got != tt.want {
			t.Errorf("%s (%s): %s %v, want %v", tt.line, tt.agency, tt.measure, got, tt.want)
		}
	}
	if n := ownTopicNames("示例县教育局"); n != nil {
		t.Errorf("ownTopicNames(示例县教育局) = %q, want none", n)
	}
}
