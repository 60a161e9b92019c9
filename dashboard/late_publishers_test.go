package dashboard

import (
	"context"
	"strings"
	"testing"

	"gongkai/ingest"
	"gongkai/warehouse"
)

// TestLatePublishers reads pages that state their publication date, loads
// them into a real warehouse and runs the named query late_publishers: the
// department that published in February is listed, the government that
// published in March and the department on time are not.
func TestLatePublishers(t *testing.T) {
	db := emptyDB(t)
	page := func(agency, date string) string {
		return agency + "2021年政府信息公开工作年度报告\n" +
			"发布时间：" + date + "　来源：" + agency + "\n" +
			"四、政府信息公开行政复议、行政诉讼情况\n" +
			"| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n" +
			"| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n" +
			"| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n" +
			"| 1 | 0 | 2 | 1 | 4 | 0 | 0 | 0 | 0 | 0 | 1 | 1 | 1 | 1 | 4 |\n"
	}
	var reqs []warehouse.LoadRequest
	for _, p := range []struct{ agency, date string }{
		{"安顺市应急管理局", "2022年2月15日"}, // a department, 15 days late
		{"安顺市人民政府", "2022年3月20日"},  // a government, on time
		{"西秀区财政局", "2022年1月20日"},   // a department, on time
	} {
		data := []byte(page(p.agency, p.date))
		r, err := ingest.Parse(p.agency+".txt", data, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		reqs = append(reqs, warehouse.LoadRequest{Report: r, Source: data, By: "test"})
	}
	if _, err := db.Load(context.Background(), reqs); err != nil {
		t.Fatal(err)
	}
	tb, err := db.Query(context.Background(), "late_publishers", warehouse.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 1 {
		t.Fatalf("%d late publishers, want 1: %v", len(tb.Rows), tb.Rows)
	}
	row := map[string]any{}
	for i, c := range tb.Columns {
		row[c] = tb.Rows[0][i]
	}
	if row["agency"] != "安顺市应急管理局" || row["published"] != "2022-02-15" ||
		!strings.Contains(row["message"].(string), "2022-01-31") || !strings.Contains(row["message"].(string), "逾期 15 天") {
		t.Errorf("late publisher %v, want 安顺市应急管理局 published 2022-02-15, due 2022-01-31", row)
	}
}
