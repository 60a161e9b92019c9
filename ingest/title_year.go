package ingest

import (
	"fmt"
	"strings"

	"gongkai"
	"gongkai/ingest/labels"
)

// titleYearBelow reports, for a line that gives a year but names no agency
// (a site's path above the title: "当前位置: 首页>政府信息公开>政府信息公开
// 年报>2023年>部门公开年报", the shape of a real 2023 street's page; a site
// may name its column by the year a report was published), whether a title
// below it names an agency and another year ("示例县示例局2022年政府信息公开
// 工作年度报告"): the title's is the report's year. The path's year was
// taken, the report filed under the year after its own, and its figures
// said of "2022年" were passed over as another year's, with no word. It
// returns the warning that says so.
func titleYearBelow(below []Line, path Line, year int) (gongkai.Finding, bool) {
	for _, l := range below {
		agency, y := labels.TitleMeta(l.Text, true)
		if y == 0 {
			continue
		}
		if agency == "" || y == year {
			return gongkai.Finding{}, false
		}
		return gongkai.Finding{
			Rule: "period", Severity: gongkai.SeverityWarning, At: lineAt(path.N),
			Message: fmt.Sprintf("页面上方的栏目（“%s”）写有%d年，标题（“%s”）写的是%d年：按标题读作%d年度，请核对", strings.TrimSpace(path.Text), year, strings.TrimSpace(l.Text), y, y),
		}, true
	}
	return gongkai.Finding{}, false
}
