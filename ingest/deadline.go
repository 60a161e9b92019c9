package ingest

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/width"

	"gongkai"
	"gongkai/region"
)

// The publication deadline. Under the 条例 of 2019 (第四十九条), the departments
// of people's governments at county level and above publish their report for
// a year by 31 January of the next, and the people's governments at county
// level and above by 31 March; the 条例 of 2008 (第三十一条), under which the
// reports up to 2018 were published, gave every organ until 31 March. The
// article names no date for townships.
const (
	deadlineRule = "deadline"
	newRulesYear = 2019 // the first report year published under the 2019 条例
)

// deadlineFinding returns a warning when r states a publication date later
// than its deadline, at the cell of the cover sheet that states it (coverAt)
// or else at the line of doc that does.
func deadlineFinding(doc *Document, r *gongkai.Report, coverAt string) (gongkai.Finding, bool) {
	f, late := DeadlineFinding(r, coverAt)
	if late && coverAt == "" {
		f.At = publishedAt(doc, r.Published) // only for a late report: it reads every line
	}
	return f, late
}

// DeadlineFinding returns the warning Extract gives a report whose stated
// publication date (r.Published, YYYY-MM-DD) is later than its deadline
// (Deadline), placed at at: the cell or line that states the date, or
// "发布日期" when at is empty. It returns false, and no finding, when the
// report was published on time, has no deadline (a township, no year) or
// states no date that parses. Package demo attaches it to the reports it
// makes, so that a demo report carries what an upload of it would.
//
// Whether an organ is a department or a government is told from the level
// the report states, else from its name (package region). Where that is not
// sure — an unknown level, a 人民政府办公室 (which publishes its government's
// report as often as its own) — the later deadline applies, so that the
// warning is never false; a township gets none.
func DeadlineFinding(r *gongkai.Report, at string) (gongkai.Finding, bool) {
	published, err := time.Parse("2006-01-02", r.Published)
	if err != nil || r.Year == 0 {
		return gongkai.Finding{}, false
	}
	due, why := deadline(r)
	if due.IsZero() || !published.After(due) {
		return gongkai.Finding{}, false
	}
	if at == "" {
		at = "发布日期"
	}
	return gongkai.Finding{
		Rule: deadlineRule, Severity: gongkai.SeverityWarning, At: at,
		Message: fmt.Sprintf("报告发布日期 %s 晚于规定的 %s（%s），逾期 %d 天",
			r.Published, due.Format("2006-01-02"), why, int(published.Sub(due).Hours()/24)),
	}, true
}

// Deadline returns the last day r may be published on by the rule
// DeadlineFinding applies, or the zero time when no rule sets one (a
// township, a report without a year).
func Deadline(r *gongkai.Report) time.Time {
	if r.Year == 0 {
		return time.Time{}
	}
	due, _ := deadline(r)
	return due
}

// deadline returns the last day r may be published on and the rule's words,
// or the zero time when no rule sets one.
func deadline(r *gongkai.Report) (time.Time, string) {
	jan := time.Date(r.Year+1, time.January, 31, 0, 0, 0, 0, time.UTC)
	mar := time.Date(r.Year+1, time.March, 31, 0, 0, 0, 0, time.UTC)
	if r.Year < newRulesYear {
		return mar, "2008年《政府信息公开条例》第三十一条：每年3月31日前公布"
	}
	level := r.Level
	if !isLevel(level) {
		level = region.Derive(r.Agency).Level
	}
	name := strings.Join(strings.Fields(r.Agency), "")
	switch {
	case level == region.LevelTownship || region.Township(name):
		return time.Time{}, ""
	case strings.Contains(name, "政府办公"):
		return mar, "条例第四十九条：县级以上人民政府于次年3月31日前公布；人民政府办公室按较晚期限计"
	case level == region.LevelProvinceDept || level == region.LevelCityDept || level == region.LevelCountyDept:
		return jan, "条例第四十九条：县级以上人民政府部门于次年1月31日前公布"
	case level == region.LevelProvinceGov || level == region.LevelCityGov || level == region.LevelCountyGov:
		return mar, "条例第四十九条：县级以上人民政府于次年3月31日前公布"
	}
	return mar, "条例第四十九条；未能从单位名称判断是否政府部门，按较晚的次年3月31日计"
}

func isLevel(s string) bool {
	for _, l := range region.Levels {
		if s == l {
			return true
		}
	}
	return false
}

// publishedAt returns the line of doc that states the publication date, or
// "发布日期" when no line does (a date given on a cover sheet or by the
// uploader).
func publishedAt(doc *Document, date string) string {
	for _, l := range doc.Lines {
		if len(l.Text) > 240 {
			continue
		}
		for _, m := range dateRE.FindAllStringSubmatch(width.Fold.String(l.Text), -1) {
			if isoDate(m) == date {
				return lineAt(l.N)
			}
		}
	}
	return "发布日期"
}
