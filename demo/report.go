package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"gongkai"
	"gongkai/ingest"
	"gongkai/region"
)

// history is one agency's running state across years: what it carries over,
// what stays in force, how many kinds of items it handles. Figures of a year
// follow from the year before, so that the rules across years (R4, R5) hold
// unless a fault is put in on purpose.
type history struct {
	a            *agency
	carried      []int           // 结转下年度继续办理 of last year, by applicant column (total excluded)
	rules, norms int             // 规章, 规范性文件 in force (2021) or published in all (2019)
	items        map[string]int  // 2019 上一年项目数量 by row measure
	procureStyle int             // how the agency writes 采购总金额: 0 "251000元", 1 "25.1万元", 2 bare "25.1"
	facts        map[string]fact // table 二 of the year being made, reused from year to year
}

func newHistory(rng *rand.Rand, a *agency) *history {
	h := &history{a: a, items: map[string]int{}, procureStyle: rng.IntN(3)}
	if a.rulemaker {
		h.rules = 20 + rng.IntN(60)
		if a.place.Level == region.LevelProvinceGov {
			h.rules += 80
		}
	}
	h.norms = poisson(rng, 10+a.appsScale/2)
	for _, it := range itemRows() {
		if b := itemBase(a, it.row); b > 0 {
			h.items[it.row] = 1 + poisson(rng, math.Sqrt(b))
		}
	}
	return h
}

// Weights of the ways an application is handled, by measure; a code the
// formats add later gets weightOther.
var outcomeWeights = map[string]float64{
	"apps.granted": 42, "apps.partial": 8,
	"apps.withheld.state_secret": 0.3, "apps.withheld.prohibited_by_law": 0.5,
	"apps.withheld.three_safeties": 0.3, "apps.withheld.third_party": 1,
	"apps.withheld.internal_affairs": 1, "apps.withheld.process_info": 1.2,
	"apps.withheld.enforcement_file": 0.5, "apps.withheld.query_matter": 0.5,
	"apps.unavailable.not_held": 22, "apps.unavailable.needs_creation": 3, "apps.unavailable.unclear": 3,
	"apps.not_processed.petition": 4, "apps.not_processed.duplicate": 3, "apps.not_processed.publication": 0.5,
	"apps.not_processed.vexatious": 0.5, "apps.not_processed.confirmation": 1,
	"apps.other": 5, "apps.other.no_correction": 3, "apps.other.no_fee": 0.2, "apps.other.other": 1.8,
}

const weightOther = 0.5

// Weights of review and litigation outcomes, by the last part of the code.
var reviewWeights = map[string]float64{"upheld": 60, "corrected": 10, "other": 15, "pending": 15}

// report makes the agency's report for year in format, advancing its
// history; anomaly names the fault to put in, if any.
func (h *history) report(rng *rand.Rand, year int, format, anomaly string) *gongkai.Report {
	a := h.a
	p := plans()[format]
	trend := 1 + 0.06*float64(year-FirstYear) // applications grow a little every year
	noise := func() float64 { return logNormal(rng, 0, 0.25) }

	// Table 三, by row and column.
	apps := h.applications(rng, p, a.appsScale*trend*noise(), anomaly == AnomalyCarryBreak)
	switch anomaly {
	case AnomalyRowSum:
		row := p.outcomes[rng.IntN(2)] // 予以公开 or 部分公开
		apps[row][p.totalCol]++
	case AnomalyTotal:
		apps[p.totalRow][0] += 2
		apps[p.totalRow][p.totalCol] += 2
	}

	// Table 二, by measure code.
	facts := h.proactive(rng, year, noise)

	// Table 四, by column.
	reviews := h.reviews(rng, p)

	// Two draws for the publication date, where the date took two before
	// it followed the deadline: every figure drawn after them stays the one
	// it was.
	u, v := rng.Uint64(), rng.Uint64()
	r := &gongkai.Report{
		Agency: a.name, Year: year, Format: format,
		Province: a.place.Province, City: a.place.City, County: a.place.County, Level: a.place.Level,
	}
	r.Published = publishedDate(r, u, v)
	nums := make([]float64, len(p.cells)+3) // one allocation for every figure of the report
	r.Values = make([]gongkai.Value, 0, len(nums))
	add := func(measure, applicant, at string, n float64, raw, unit string) {
		nums[len(r.Values)] = n
		r.Values = append(r.Values, gongkai.Value{Measure: measure, Applicant: applicant,
			Number: &nums[len(r.Values)], Unit: unit, Raw: raw, At: at})
	}
	for _, c := range p.cells {
		switch c.table {
		case "applications":
			n := apps[c.row][c.col]
			add(c.measure, c.applicant, c.at, float64(n), itoa(n), "")
		case "reviews":
			n := reviews[c.col]
			add(c.measure, c.applicant, c.at, float64(n), itoa(n), "")
		default:
			f, ok := facts[c.measure]
			switch {
			case !ok:
				add(c.measure, c.applicant, c.at, 0, "0", "")
			case f.blank:
				r.Values = append(r.Values, gongkai.Value{Measure: c.measure, Applicant: c.applicant, Raw: f.raw, At: c.at})
			default:
				add(c.measure, c.applicant, c.at, f.n, f.raw, f.unit)
			}
		}
	}

	// The narrative of 一、总体情况 and the cover sheet.
	items := int(math.Round(min(3000, max(50, a.proactive*noise()))))
	received := apps[p.newRow][p.totalCol]
	penalty := int(facts["penalty.decisions"].n)
	stated := penalty
	if anomaly == AnomalyNarrative {
		stated = penalty/10 + 1 // "作出行政处罚决定1件" against a table that says 11
		if stated == penalty {
			stated = penalty + 10
		}
	}
	sentReceived := fmt.Sprintf("全年收到政府信息公开申请%d件。", received)
	sentPenalty := fmt.Sprintf("依法作出行政处罚决定%d件。", stated)
	add(measureProactiveItems, gongkai.ApplicantTotal, p.coverAt, float64(items), itoa(items), "")
	add(measureAppsReceived, gongkai.ApplicantTotal, narrativeAt, float64(received), sentReceived, "")
	add(measurePenalty, gongkai.ApplicantTotal, narrativeAt, float64(stated), sentPenalty, "")
	r.Sections = []gongkai.Section{{
		Numeral: "一", Title: "总体情况", At: narrativeAt,
		Text: fmt.Sprintf("%d年，%s认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息%d条。%s%s（演示数据）",
			year, a.name, items, sentReceived, sentPenalty),
	}}
	if stated != penalty {
		// ingest.Validate checks the tables only; reading a published page,
		// ingest warns where its narrative contradicts them. Say here what
		// it would say there.
		table, _ := r.Lookup("penalty.decisions", gongkai.ApplicantTotal)
		said := r.Values[len(r.Values)-1]
		r.Findings = append(r.Findings, gongkai.Finding{
			Rule: "narrative", Severity: gongkai.SeverityWarning, At: said.At,
			RowLabel: "行政处罚", Measure: table.Measure, Applicant: gongkai.ApplicantTotal,
			Message:  fmt.Sprintf("正文所述行政处罚为%d，与表格（%s）的%d不一致：%s", stated, table.At, penalty, said.Raw),
			Expected: table.Number, Actual: said.Number,
		})
	}
	// The warnings ingest gives a report on its year's older form and one
	// published late (at the cover cell that states the date): those an
	// upload of this report's workbook gets, in the same order (after the
	// narrative's, before the tables' rules).
	if f, ok := ingest.FormatYearFinding(r); ok {
		r.Findings = append(r.Findings, f)
	}
	if f, late := ingest.DeadlineFinding(r, p.publishedAt); late {
		r.Findings = append(r.Findings, f)
	}
	return r
}

// lateShare is the share of reports with a deadline that the demo
// publishes after it.
const lateShare = 0.05

// publishedDate returns the date r is published on (YYYY-MM-DD), drawn from
// the random words u and v by the deadline ingest applies to it
// (ingest.Deadline: a department of a 县级以上 government by 31 January, a
// government by 31 March): most reports on a day up to it, lateShare of them
// from a day to some months after, most by a few weeks. A township has no
// deadline; its date is in the first four months.
func publishedDate(r *gongkai.Report, u, v uint64) string {
	unit := func(x uint64) float64 { return float64(x>>11) / (1 << 53) } // in [0, 1)
	first := time.Date(r.Year+1, time.January, 1, 0, 0, 0, 0, time.UTC)
	due := ingest.Deadline(r)
	var d time.Time
	switch {
	case due.IsZero():
		d = first.AddDate(0, 0, int(unit(v)*120))
	case unit(u) < lateShare:
		d = due.AddDate(0, 0, 1+min(300, int(-30*math.Log1p(-unit(v))))) // exponential, mean ~30 days
	default:
		days := due.Sub(first).Hours()/24 + 1
		d = first.AddDate(0, 0, int(unit(v)*days))
	}
	return d.Format("2006-01-02")
}

// applications returns table 三 as counts by row and column, for about
// lambda new applications. The balance 一 + 二 = 三（七） + 四 holds in every
// column; breakCarry makes 上年结转 differ from last year's 结转下年度继续办理.
func (h *history) applications(rng *rand.Rand, p *plan, lambda float64, breakCarry bool) [][]int {
	a := h.a
	cols := len(p.appCols)
	apps := make([][]int, len(p.appRows))
	flat := make([]int, len(p.appRows)*cols)
	for i := range apps {
		apps[i] = flat[i*cols : (i+1)*cols]
	}
	if h.carried == nil {
		h.carried = make([]int, cols)
		// What the agency carried over from 2018.
		h.carried[0] = poisson(rng, lambda*0.03)
	}
	if breakCarry {
		h.carried[0] += 1 + rng.IntN(3)
	}

	// Who applies: natural persons dominate, then businesses.
	rest := 1 - a.natural - a.legalServices
	mix := map[string]float64{
		gongkai.ApplicantNatural: a.natural, gongkai.ApplicantBusiness: rest * 0.7,
		gongkai.ApplicantResearch: rest * 0.05, gongkai.ApplicantNGO: rest * 0.05,
		gongkai.ApplicantLegalServices: a.legalServices, gongkai.ApplicantOther: rest * 0.2,
	}
	weights := make([]float64, len(p.outcomes))
	for k, row := range p.outcomes {
		w, ok := outcomeWeights[p.appRows[row]]
		if !ok {
			w = weightOther
		}
		weights[k] = w
	}

	for j, key := range p.appCols {
		if j == p.totalCol {
			continue
		}
		in := h.carried[j]
		n := poisson(rng, lambda*mix[key])
		out := 0
		for range n + in {
			if rng.Float64() < 0.05 { // filed in late December
				out++
			}
		}
		apps[p.newRow][j], apps[p.inRow][j], apps[p.outRow][j] = n, in, out
		handled := n + in - out
		apps[p.totalRow][j] = handled
		for range handled {
			apps[p.outcomes[draw(rng, weights)]][j]++
		}
		h.carried[j] = out
	}
	for i := range apps {
		s := 0
		for j := range cols {
			if j != p.totalCol {
				s += apps[i][j]
			}
		}
		apps[i][p.totalCol] = s
	}
	return apps
}

// draw returns an index with probability proportional to its weight.
func draw(rng *rand.Rand, weights []float64) int {
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	x := rng.Float64() * sum
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// fact is one figure of table 二 as the report states it.
type fact struct {
	n     float64
	raw   string
	unit  string
	blank bool // the cell says "/" or is empty
}

func count(n int) fact { return fact{n: float64(n), raw: itoa(n)} }

// proactive returns the figures of table 二 of both formats by measure code;
// each format's cells take the codes they have. Stock figures (in force,
// published in all, kinds of items) carry on from the year before.
func (h *history) proactive(rng *rand.Rand, year int, noise func() float64) map[string]fact {
	a := h.a
	if h.facts == nil {
		h.facts = map[string]fact{}
	}
	f := h.facts
	clear(f)
	scaled := func(mean float64) int { return poisson(rng, mean*noise()) }

	// 规章: only provincial and 设区的市 governments make them.
	if a.rulemaker {
		issued, repealed := poisson(rng, 3), poisson(rng, 1)
		repealed = min(repealed, h.rules)
		h.rules += issued - repealed
		f["rules.issued"], f["rules.repealed"], f["rules.in_force"] = count(issued), count(repealed), count(h.rules)
		f["rules.made"], f["rules.published"], f["rules.total_published"] = count(issued), count(issued), count(h.rules)
	} else if a.slashRules {
		for _, k := range []string{"rules.issued", "rules.repealed", "rules.in_force", "rules.made", "rules.published", "rules.total_published"} {
			f[k] = fact{raw: "/", blank: true}
		}
	}
	docs := 1.5
	switch a.place.Level {
	case region.LevelProvinceGov, region.LevelCityGov:
		docs = 10
	case region.LevelCountyGov:
		docs = 5
	case region.LevelTownship:
		docs = 0.3
	}
	issued := poisson(rng, docs)
	repealed := min(h.norms, poisson(rng, docs*0.4))
	h.norms += issued - repealed
	f["normative_docs.issued"], f["normative_docs.repealed"], f["normative_docs.in_force"] = count(issued), count(repealed), count(h.norms)
	f["normative_docs.made"], f["normative_docs.published"], f["normative_docs.total_published"] = count(issued), count(issued), count(h.norms)

	f["licensing.decisions"] = count(scaled(a.licensing))
	f["other_services.decisions"] = count(scaled(a.licensing / 3))
	f["penalty.decisions"] = count(scaled(a.penalty))
	f["coercion.decisions"] = count(scaled(a.coercion))
	if a.fees {
		wan := math.Round(logNormal(rng, 3, 1)*100) / 100
		f["fees.amount_wan"] = fact{n: wan, raw: strconv.FormatFloat(wan, 'f', 2, 64)}
	}

	// 2019: kinds of items, last year's count and this year's signed change.
	for _, it := range itemRows() {
		prev := h.items[it.row]
		delta := 0
		if rng.Float64() < 0.3 {
			delta = max(-prev, rng.IntN(7)-3)
		}
		h.items[it.row] = prev + delta
		raw := itoa(delta)
		if delta > 0 {
			raw = "+" + raw
		}
		f[it.prev] = count(prev)
		f[it.delta] = fact{n: float64(delta), raw: raw}
	}

	// 2019: 政府集中采购, its amount written the way the agency always does.
	projects := scaled(3)
	f["procurement.projects"] = count(projects)
	yuan := 0.0
	if projects > 0 {
		yuan = math.Round(float64(projects) * logNormal(rng, 11, 0.8))
	}
	switch h.procureStyle {
	case 0:
		f["procurement.amount"] = fact{n: yuan, raw: strconv.FormatFloat(yuan, 'f', 0, 64) + "元", unit: "元"}
	case 1:
		wan := math.Round(yuan/100) / 100
		f["procurement.amount"] = fact{n: wan, raw: strconv.FormatFloat(wan, 'f', -1, 64) + "万元", unit: "万元"}
	default:
		wan := math.Round(yuan/10) / 1000
		f["procurement.amount"] = fact{n: wan, raw: strconv.FormatFloat(wan, 'f', -1, 64)}
	}
	return f
}

// reviews returns table 四 by column: reviews and lawsuits are rare, most
// often against governments, and most end with the decision upheld.
func (h *history) reviews(rng *rand.Rand, p *plan) []int {
	a := h.a
	out := make([]int, len(p.reviewCols))
	chance := 0.05
	switch a.place.Level {
	case region.LevelProvinceGov, region.LevelCityGov, region.LevelCountyGov:
		chance = 0.3
	case region.LevelProvinceDept, region.LevelCityDept:
		chance = 0.12
	case region.LevelTownship:
		chance = 0.02
	}
	// Columns come in runs sharing a prefix (review., litigation_direct.,
	// litigation_after_review.), each ending in its total.
	for start := 0; start < len(p.reviewCols); {
		end := start
		for end < len(p.reviewCols) && prefix(p.reviewCols[end]) == prefix(p.reviewCols[start]) {
			end++
		}
		if rng.Float64() < chance {
			chance /= 2 // litigation is rarer than review
			var idx []int
			var weights []float64
			total := -1
			for j := start; j < end; j++ {
				if suffix(p.reviewCols[j]) == "total" {
					total = j
					continue
				}
				idx = append(idx, j)
				weights = append(weights, reviewWeights[suffix(p.reviewCols[j])])
			}
			n := 1 + poisson(rng, a.appsScale/60)
			for range n {
				out[idx[draw(rng, weights)]]++
			}
			if total >= 0 {
				out[total] = n
			}
		}
		start = end
	}
	return out
}

// itemRow is a row of the 2019 table 二 that counts kinds of items (上一年项目数量,
// 本年增/减), with the measure codes of those two cells.
type itemRow struct{ row, prev, delta string }

// itemRows returns the rows of the 2019 format that count kinds of items.
var itemRows = sync.OnceValue(func() []itemRow {
	var out []itemRow
	t := gongkai.FormatByID(gongkai.Format2019).Table("proactive")
	for _, b := range t.Blocks {
		for _, r := range b.Rows {
			var it itemRow
			for _, c := range b.Columns {
				m, _ := b.Cell(r, c)
				switch c.Key {
				case "items_prev":
					it.prev = m
				case "items_delta":
					it.delta = m
				}
			}
			if it.prev != "" && it.delta != "" {
				it.row = r.Measure
				out = append(out, it)
			}
		}
	}
	return out
})

// itemBase is the scale of an agency's kinds of items in a row: an organ that
// makes many decisions of a kind has many kinds of items.
func itemBase(a *agency, row string) float64 {
	switch row {
	case "licensing":
		return a.licensing
	case "other_services":
		return a.licensing / 2
	case "penalty":
		return a.penalty
	case "coercion":
		return a.coercion
	case "fees":
		if a.fees {
			return 40
		}
	}
	return 0
}
