package web

import (
	"slices"
	"testing"

	"gongkai"
)

// TestYuanColumns checks which header texts state 元 over table 二's fees
// column, which the format has in 万元: those are left blank, the others
// read as before.
func TestYuanColumns(t *testing.T) {
	var fees *gongkai.Block
	t2 := gongkai.FormatByID(gongkai.Format2021).Table("proactive")
	for i := range t2.Blocks {
		b := &t2.Blocks[i]
		if b.Title == "第二十条第（八）项" {
			fees = b
		}
	}
	if fees == nil {
		t.Fatal("no fees block in the 2021 format")
	}
	for _, tc := range []struct {
		header string
		want   []int
	}{
		{"本年收费金额（单位：万元）", nil},
		{"本年收费金额（万元）", nil},
		{"本年收费金额", nil},
		{"信息内容", nil},
		{"本年收费金额（单位：元）", []int{0}},
		{"本年收费金额（元）", []int{0}},
		{"本年收费金额(单位:元)", []int{0}},
		{"收费金额（ 元 ）", []int{0}},
		{"（单位：元）", []int{0}},
		{"单位：元", []int{0}},
		{"单位：万元", nil},
		{"本年处理决定数量（元）", nil}, // another column's label: not this one
		{"本年收费金额（千元）", []int{0}},
		{"单位：个、件、万元", nil},
		{"单位：个、件、元", []int{0}},
	} {
		if got, _ := yuanColumns(fees, tc.header); !slices.Equal(got, tc.want) {
			t.Errorf("yuanColumns(%q) = %v, want %v", tc.header, got, tc.want)
		}
	}
}
