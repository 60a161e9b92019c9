package dashboard

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"gongkai/ingest"
	"gongkai/warehouse"
)

// TestReportNarrativeMarks loads a report published without the statutory
// tables (through ingest, as an upload would) and checks that its page says
// so and marks every figure read from a sentence: the official table shows
// the number with a 正文 mark and the sentence in its tooltip, and a blank
// cell stays blank.
func TestReportNarrativeMarks(t *testing.T) {
	db := emptyDB(t)
	page := "示例县示例镇人民政府2021年政府信息公开工作年度报告\n" +
		"一、总体情况\n本年度我镇主动公开政府信息一百零五条。\n" +
		"三、收到和处理政府信息公开申请情况\n本年度我镇共受理政府信息公开申请十一件，其中予以公开九件。\n"
	r, err := ingest.Parse("town-2021.txt", []byte(page), ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Load(context.Background(), []warehouse.LoadRequest{{Report: r, Source: []byte(page)}})
	if err != nil {
		t.Fatal(err)
	}
	h := New(db, testLogger(t), Options{Public: true})
	status, body := fetch(t, h, fmt.Sprintf("/reports/%d", res[0].ReportID))
	if status != http.StatusOK {
		t.Fatalf("status %d\n%s", status, snippet(body))
	}
	for _, want := range []string{
		"未按规定格式列出统计表", `class="note narrative-note"`,
		`from-narrative" title="line 5` + "\n" + `来自正文：本年度我镇共受理政府信息公开申请十一件，其中予以公开九件。">11<sup class="narrative-mark"`,
		`>9<sup class="narrative-mark"`,
		`>105<sup class="narrative-mark"`, // 其他数据: the proactive items
	} {
		if !strings.Contains(body, want) {
			t.Errorf("report page lacks %q", want)
		}
	}
	if n := strings.Count(body, `<sup class="narrative-mark"`); n != 3 {
		t.Errorf("%d figures marked as read from the text, want 3", n)
	}
}
