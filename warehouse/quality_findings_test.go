package warehouse_test

import (
	"testing"

	"gongkai/queries"
	"gongkai/warehouse"
)

// TestQualityFindingsForms holds the forms of quality_findings that Query
// chooses (qualityFindingsForm: sql/quality_findings_reports.sql without a
// level or a piece of a name, quality_findings_piece.sql with a piece and
// no level, quality_findings_plain.sql with a level and no piece) to the
// named query run as it is: under filters of every kind 报送与质量 sends
// (each year, open ends, a range, regions, levels, a region no agency is
// in, pieces of a name common and rare, each status tab, pages that cross
// the groups of year and severity, and one past the end) the rows must be
// the same, and each form must be one that ran. TestFlowsMatchTheirFirstForm
// holds them to the first form after every write path (-flows).
func TestQualityFindingsForms(t *testing.T) {
	db := pathsDB(t)
	q, ok := queries.Get("quality_findings")
	if !ok {
		t.Fatal("no query quality_findings")
	}
	regions := []warehouse.Filter{
		{}, {Province: "贵州省"}, {Province: "贵州省", City: "遵义市"}, {Level: "县级部门"},
		{Province: "浙江省", Level: "乡镇（街道）"}, {Province: "测试省", City: "测试市"}, {Province: "没有这个省"},
		{Agency: "局"}, {Agency: "人民"}, {Province: "贵州省", Agency: "镇"}, {Province: "浙江省", City: "杭州市", Agency: "局"},
		{Level: "县级部门", Agency: "局"}, {Agency: "没有这个名字"},
	}
	statuses := []string{"", "missing", "errors", "warnings", "ok"}
	pages := [][2]int{{0, 0}, {50, 0}, {3, 0}, {5, 4}, {7, 12}, {10, 10}, {2, 1000}}
	var filters []warehouse.Filter
	for i, y := range [][2]int{{0, 0}, {2020, 2020}, {2021, 2021}, {2022, 2022}, {2023, 2023}, {2024, 2024}, {2020, 2023}, {2022, 0}, {0, 2021}, {2023, 2021}} {
		for j, r := range regions {
			f := r
			f.YearFrom, f.YearTo = y[0], y[1]
			f.Status = statuses[(i+j)%len(statuses)]
			p := pages[(i*len(regions)+j)%len(pages)]
			f.Limit, f.Offset = p[0], p[1]
			filters = append(filters, f)
		}
	}
	compareFirstForm(t, db, "quality_findings", q.SQL, q.Params, filters)
	for _, form := range []string{"plain", "reports", "piece"} {
		if !warehouse.KeptForTest(db, "quality_findings ("+form+")") {
			t.Errorf("Query did not run the %s form: the comparison proves nothing about it", form)
		}
	}
}
