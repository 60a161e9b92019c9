package ingest

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai"
	"gongkai/ingest/labels"
	"gongkai/region"
)

// A report names its agency in its title or first sentence, and some name
// it there without its place: "现将2020年度党政办公室信息公开工作报告如下"
// (a real 2020 high-tech zone office's page, whose next paragraph says
// "东湖高新区党政办公室"). Every zone, county and city has a 党政办公室, so
// the name read alone stores the report under an identity that is not the
// writer's: worse than none. completeAgency takes the name the body gives
// it, with a warning, or rejects the page when the body gives more than one.

// placeLevels end the place before an agency's words ("东湖高新区").
var placeLevels = []string{"省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道"}

// aboveTownWords are the words of a name that place it above a township:
// a county's or a higher level, or the state's organs.
var aboveTownWords = []string{"省", "市", "县", "区", "州", "盟", "旗", "国家", "中国", "中华", "全国", "国务院", "中央", "总局", "总署", "部"}

// townLevels end a township's, a street's or a village's name.
var townLevels = []string{"街道", "苏木", "镇", "乡", "村"}

// notPlaceWords hold a level's character and name no place: "住房和城乡建设
// 局", "农业农村局" and "市场监督管理局" name a kind of organ every county
// has, and were taken for placed names because 乡, 村 and 市 are levels.
// "青松社区管委会" (the shape of a real 2025 community committee's first
// sentence, its title "YYYY年某县青松社区管委会"): the 区 of 社区 is no
// district either.
var notPlaceWords = []string{"城乡", "乡镇", "城镇", "集镇", "农村", "乡村", "村镇", "村民", "村务", "市场", "城市", "都市", "市政", "市容",
	"社区", "小区", "园区", "景区", "区域", "县域", "市域", "乡风"}

// townOrgans follow a township's name in its organs' names.
var townOrgans = []string{"人民政府", "政府", "党委", "党政", "人大", "办事处"}

// Where a name places its agency (namePlace).
const (
	placeNone  = iota // no place: "党政办公室", "农业农村局"
	placeTown         // a township, street or village alone: "城关镇", "示例路街道办事处"
	placeAbove        // a county or higher, or the state: "示例县城关镇", "海关总署"
)

// namePlace returns where a name places its agency and, for placeTown, the
// township's own name ("城关镇" of "城关镇人民政府"). A level's character
// counts only where it ends a place: not inside notPlaceWords, not first
// (no place is named before it: "县前街道"), and not right before a
// township's level ("例市镇" is a town named 例市, not a city's town). A
// division region.Derive knows places it above a township whatever the
// rest ("佛山市场监督管理局" reads 佛山市).
func namePlace(name string) (int, string) {
	if pl := region.Derive(name); pl.Province != "" || pl.City != "" || pl.County != "" {
		return placeAbove, ""
	}
	// The same name with notPlaceWords blanked, rune for rune in bytes, so
	// that an index into it is one into name.
	masked := name
	for _, w := range notPlaceWords {
		for off := 0; ; {
			i := strings.Index(masked[off:], w)
			if i < 0 {
				break
			}
			i += off
			off = i + len(w)
			if i > 0 && hasSuffixAny(w, townLevels...) && (off == len(masked) || hasPrefixAny(masked[off:], townOrgans...)) {
				// "例城镇人民政府", "示例集镇": a township named so, not
				// the word.
				continue
			}
			if i > 0 && (w == "城市" || w == "都市") {
				if prev, _ := utf8.DecodeLastRuneInString(masked[:i]); unicode.Is(unicode.Han, prev) && !strings.ContainsRune("和与及、暨", prev) {
					// "例城市例镇", "例都市…": a city whose name ends in
					// 城 or 都, not the word (which opens a kind's name or
					// follows a conjunction: "城市管理局", "住房和城市建设").
					// Derive knows real ones; this holds without its data.
					continue
				}
			}
			masked = masked[:i] + strings.Repeat("〇", utf8.RuneCountInString(w)) + masked[off:]
		}
	}
	for _, w := range aboveTownWords {
		for off := 0; ; {
			i := strings.Index(masked[off:], w)
			if i < 0 {
				break
			}
			i += off
			off = i + len(w)
			if utf8.RuneCountInString(w) > 1 {
				return placeAbove, ""
			}
			if i == 0 || hasPrefixAny(masked[off:], townLevels...) {
				continue
			}
			return placeAbove, ""
		}
	}
	end := -1
	for _, l := range townLevels {
		if i := strings.Index(masked, l); i > 0 && (end < 0 || i+len(l) < end) {
			end = i + len(l)
		}
	}
	if end < 0 {
		if town, ok := jieStreet(name); ok {
			return placeTown, town
		}
		return placeNone, ""
	}
	// "例镇街道", "例村乡": a township's name may hold another's level.
	for more := true; more; {
		more = false
		for _, l := range townLevels {
			if strings.HasPrefix(masked[end:], l) {
				end += len(l)
				more = true
			}
		}
	}
	return placeTown, name[:end]
}

// jieStreet returns the street's name of a name that is a street office's
// written with 街 for 街道 ("示例里街", "示例里街办事处"; Tianjin's streets
// are so named, and "佳荣里街2021年…年度报告" is the shape of a real 2021
// street's title), and whether it is one: 街 ends the name or comes right
// before a township's organ, after at least two Chinese characters. Read as
// no place, the name was stored alone with no word, where a township's
// ("示例乡") is completed from the body or the page refused.
func jieStreet(name string) (string, bool) {
	base := name
	for _, o := range townOrgans {
		if b, ok := strings.CutSuffix(name, o); ok {
			base = b
			break
		}
	}
	head, ok := strings.CutSuffix(base, "街")
	if !ok || utf8.RuneCountInString(head) < 2 {
		return "", false
	}
	for _, r := range head {
		if !unicode.Is(unicode.Han, r) {
			return "", false
		}
	}
	return base, true
}

// completeAgency looks at a name read for r.Agency that names no place
// (namePlace) for the body's lines that write it after one: the run of
// Chinese characters right before it, back to a mark, digit or date word
// (年, 月, 日, 度), that ends in a level and is a name itself. When the
// places found are one (or all end with the shortest of them, which is then
// the place), r.Agency becomes the place and the name, with a warning
// finding that says where it came from. When they differ, r.Agency is left
// and the message of the page's rejection is returned: which place is the
// writer's is not ours to guess. With no place found, nothing changes and
// "" is returned.
//
// A name placed by a township, street or village alone ("城关镇", "示例路
// 街道办事处", or a placeless name the body completes so) is looked for the
// same way, by the township's name, for a county or higher place before it
// (a title, a contact line or an issuing organ's "示例县城关镇…"). With none,
// or with places that differ, r.Agency is left and the message of the
// page's rejection is returned: many counties have a 城关镇, and the report
// was filed under an agency that may be another place's.
func completeAgency(doc *Document, r *gongkai.Report) string {
	name := r.Agency
	kind, town := namePlace(name)
	if kind == placeAbove {
		return ""
	}
	completed := name
	if kind == placeNone {
		place, at, msg := placeInBody(doc, name, false)
		if msg != "" || place == "" {
			return msg
		}
		completed = place + name
		if kind, town = namePlace(completed); kind == placeAbove {
			r.Agency = completed
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: "agency", Severity: gongkai.SeverityWarning, At: at,
				Message: fmt.Sprintf("标题或首句中的单位名称“%s”没有写地名，按正文补全为“%s”：请核对", name, r.Agency),
			})
			return ""
		}
	}
	place, at, msg := placeInBody(doc, town, true)
	if msg != "" {
		return msg
	}
	if place == "" {
		if portal, pat, site := portalPlace(doc, town); portal != "" {
			r.Agency = portal + completed
			r.Findings = append(r.Findings, gongkai.Finding{
				Rule: "agency", Severity: gongkai.SeverityWarning, At: pat,
				Message: fmt.Sprintf("标题或首句中的单位名称“%s”没有写所属的县（市、区），按报告所载的“%s”补全为“%s”：请核对", name, site, r.Agency),
			})
			return ""
		}
		said := "“" + completed + "”，"
		if completed != town {
			said += "其中“" + town + "”"
		}
		return fmt.Sprintf("单位名称不完整：读作%s是乡镇（街道、村）名，没有写所属的县（市、区）；各地同名的不止一个，正文也没有写明是哪里的：请指定单位名称", said)
	}
	r.Agency = place + completed
	r.Findings = append(r.Findings, gongkai.Finding{
		Rule: "agency", Severity: gongkai.SeverityWarning, At: at,
		Message: fmt.Sprintf("标题或首句中的单位名称“%s”没有写所属的县（市、区），按正文补全为“%s”：请核对", name, r.Agency),
	})
	return ""
}

// portalWords follow a government's words to name its website ("示例县
// 人民政府门户网站", "示例区政府网站", "安溪县人民政府公众信息网" as a real 2012
// township's page calls its county's site).
var portalWords = []string{"门户网站", "网站", "公众信息网"}

// A sentence that tells where the report itself is read names the report
// and a verb of reading or publishing it.
var (
	reportWords   = []string{"本报告", "本年度报告", "本年报", "报告"}
	reportOnVerbs = []string{"查阅", "下载", "公开", "公布", "发布", "刊登"}
)

// commissioned reports whether the government's words that end at k in t
// are its office's, named as the sender of a notice on the annual report
// that the line says it follows ("按照…人民政府办公室《关于做好…年度报告…
// 的通知》要求", "根据…政府办公室关于…年度报告…的通知").
//
// "根据《条例》规定和《YYYY年度示例县人民政府和县直各部门单位的政府信息公开年度报告
// 编制》的要求" (the shape of a real 2022 township's opening, refused for want
// of a county): the government named inside the title of the paper on the
// annual report that the line says it follows, that paper being its own.
func commissioned(t string, k int) bool {
	head := t[:k]
	if !strings.Contains(head, "按照") && !strings.Contains(head, "根据") && !strings.Contains(head, "依据") {
		return false
	}
	if open := strings.LastIndex(head, "《"); open > strings.LastIndex(head, "》") && !strings.HasPrefix(t[k:], "信息") {
		if end := strings.Index(t[k:], "》"); end > 0 && strings.Contains(t[k:k+end], "年度报告") && strings.HasPrefix(strings.TrimPrefix(t[k+end:], "》"), "的要求") {
			return true
		}
	}
	rest, ok := strings.CutPrefix(t[k:], "办公室")
	if !ok || !strings.HasPrefix(rest, "《") && !strings.HasPrefix(rest, "关于") {
		return false
	}
	end := strings.Index(rest, "通知")
	return end > 0 && strings.Contains(rest[:end], "年度报告")
}

// portalPlace returns the county or city whose government's website the
// opening says the report is read on, "本报告可通过示例县人民政府门户网站
// (…)查阅或下载" or "…并在示例区政府门户网站(…)全文公开" (the shapes of
// real 2024 and 2021 township and street pages whose body names their
// county nowhere else), with the line and the site's name; or "" when none
// is said, or the sites said differ. A township's report is put on its
// county's site (a township has none of its own): the county is the
// township's, as townPlaceBefore requires of a place written before the
// township's name (Derive reads the two together as a township of it).
// Those pages were refused for want of a county. So for the county whose
// government's office the opening says asked for the report (commissioned).
func portalPlace(doc *Document, town string) (place, at, site string) {
	for i, l := range doc.Lines {
		if i >= openingLines {
			break
		}
		t := labels.Normalize(l.Text)
		if !hasAny(t, reportWords...) || !hasAny(t, reportOnVerbs...) {
			continue
		}
		for off := 0; ; {
			k := strings.Index(t[off:], "政府")
			if k < 0 {
				break
			}
			k += off + len("政府")
			off = k
			w := ""
			for _, pw := range portalWords {
				if strings.HasPrefix(t[k:], pw) {
					w = pw
					break
				}
			}
			paper := false
			if w == "" && commissioned(t, k) {
				// "按照示例县人民政府办公室《关于做好YYYY年度政府信息公开
				// 年度报告编制公布工作的通知》要求,现将示例镇YYYY年度…报告
				// 如下" (the shape of a real 2022 town's opening): the
				// county's office that asks its townships for the report.
				// Or the government named in the paper's title.
				if strings.HasPrefix(t[k:], "办公室") {
					w = "办公室"
				} else {
					paper = true
				}
			}
			if w == "" && !paper {
				continue
			}
			// Every site the line names counts: one Derive does not
			// read as a county ("示例网站") leaves the place unsure.
			p := townPlaceBefore(t[:k], town)
			if p == "" || place != "" && p != place {
				return "", "", ""
			}
			if place == "" {
				gov := t[:k]
				place, at, site = p, lineAt(l.N), gov[strings.LastIndex(gov, p):]+w
			}
		}
	}
	return place, at, site
}

// placeInBody returns the place the body's lines write right before key
// (placeBefore) and the location of the first, or the message of the
// page's rejection when the places written differ or one's first words may
// be a lead word's ("会同示例区…"). With above, for a township's name, the
// places are townPlaceBefore's: a county's or a city's.
func placeInBody(doc *Document, key string, above bool) (place, at, msg string) {
	var places []string
	for _, l := range doc.Lines {
		t := labels.Normalize(l.Text)
		for off := 0; ; {
			i := strings.Index(t[off:], key)
			if i < 0 {
				break
			}
			i += off
			off = i + len(key)
			var p string
			if above {
				p = townPlaceBefore(t[:i], key)
			} else {
				p = placeBefore(t[:i])
			}
			if p == "" {
				continue
			}
			if !slices.Contains(places, p) {
				places = append(places, p)
			}
			if at == "" {
				at = lineAt(l.N)
			}
		}
	}
	if len(places) == 0 {
		return "", "", ""
	}
	place = places[0]
	for _, p := range places {
		if len(p) < len(place) {
			place = p
		}
	}
	for _, p := range places {
		if !strings.HasSuffix(p, place) {
			return "", "", fmt.Sprintf("单位名称不完整：标题或首句作“%s”，正文写作%s，不能确定是哪一个：请指定单位名称", key, quoteAll(places, key))
		}
	}
	if rest, ok := afterLeadWord(place); ok {
		// "会同示例区党政办公室" read as the only place: "会同示例区" and
		// "示例区" both fit (so do "和平区" and "平区"), and which is the
		// place the words do not say.
		return "", "", fmt.Sprintf("单位名称不完整：标题或首句作“%s”，正文写作“%s%s”，其中“%s”是否属于地名不能确定：请指定单位名称",
			key, place, key, strings.TrimSuffix(place, rest))
	}
	return place, at, ""
}

// namePlaceKind is namePlace's kind alone.
func namePlaceKind(name string) int {
	kind, _ := namePlace(name)
	return kind
}

// townPlaceBefore returns the county or city written right before a
// township's name that ends s, or "": of the run of Chinese characters
// before it (placeBefore's), the longest end that region.Derive reads as
// divisions over the township, without a government's words between them
// ("示例区人民政府示例街道办事处" places the street in 示例区). Only a
// division Derive knows is certain: "…的要求,现公开示例区示例街道…" (the
// shape of a real 2019 street's first sentence) writes the district after a
// verb, and a real 2020 town's page opens on a cut-off line "…<两个字>区<镇>"
// that names no district at all.
func townPlaceBefore(s, town string) string {
	start := len(s)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune("年月日度", r) {
			break
		}
		start -= size
	}
	run := s[start:]
	for _, site := range []string{"门户网站", "网站"} {
		// "更新完善梅河口市政府网站和平街道办事处栏目" (a real 2020 street
		// office's page): the street's column on its city's government
		// site, which places it as a government's words do. Read as a
		// place of its own ("梅河口市政府网站"), it set the page's places
		// apart and the page was refused.
		if gov, ok := strings.CutSuffix(run, "政府"+site); ok {
			run = gov + "政府"
			break
		}
	}
	if gov, ok := strings.CutSuffix(run, "人民政府"); ok {
		run = gov
	} else if gov, ok := strings.CutSuffix(run, "政府"); ok {
		run = gov
	}
	// A street named with 街 for 街道 (jieStreet) is one to Derive under its
	// full level's name.
	probe := town
	if strings.HasSuffix(town, "街") {
		probe += "道"
	}
	for i := range run {
		end := run[i:]
		if utf8.RuneCountInString(end) < 2 {
			break
		}
		if pl := region.Derive(end + probe); pl.Level == region.LevelTownship && (pl.County != "" || pl.City != "") {
			return end
		}
	}
	return ""
}

// levelLedMessage returns the message of a page's rejection when the name
// read from its title or first sentence is led by a bare level, or "". Such
// a name ("区统计局", of "现公布区统计局2023年政府信息公开工作年度报告", a real
// 2023 district bureau's page) names every district's bureau, and was
// stored as it is; which place's the words before it are ("现公布区") the
// run of characters cannot tell. A workbook's or a cover's name is given,
// not read from a sentence ("县级部门（汇总，8 个机构）", the roll-up's own), and
// is not asked.
func levelLedMessage(name string) string {
	if level, ok := levelLed(name); ok {
		return fmt.Sprintf("单位名称不完整：标题或首句作“%s”，只写了“%s”而没有写地名：请指定单位名称", name, level)
	}
	return ""
}

// levelLed returns the level a name is led by, bare ("区统计局",
// "县公安局"), and whether it is one. A name that starts with a division
// is not bare, though the division's own name starts with a level's
// character (镇江市, 乡宁县, 市中区: region.Derive reads them); 市南区 and
// 市北区 are real districts too.
func levelLed(name string) (string, bool) {
	r, size := utf8.DecodeRuneInString(name)
	if !strings.ContainsRune("区县市省镇乡州旗", r) || utf8.RuneCountInString(name) < 3 ||
		strings.HasPrefix(name, "市中") || strings.HasPrefix(name, "市南") || strings.HasPrefix(name, "市北") {
		return "", false
	}
	if pl := region.Derive(name); pl.Province != "" || pl.City != "" || pl.County != "" {
		return "", false
	}
	return name[:size], true
}

// completeLevelLed completes a name led by a bare level (levelLed: "省卫生计生
// 委" of "省卫生计生委2017年政府信息公开年度报告", a real 2017 provincial
// commission's title on a site of documents) from the body, when the body
// writes the rest of the name right after a division of that level
// (levelPlaceBefore: "本报告由湖北省卫生计生委根据…编制"), one division only:
// the page was refused for want of a place its first sentence gave. The
// name is said to be completed, to be checked. With no such division, or
// divisions that differ ("甲区统计局" beside "乙区统计局" for "区统计局"), it
// returns levelLedMessage's rejection, as before; a division of another
// level (the city's bureau named in a district bureau's report) is none. For
// a name led by no bare level it returns "".
func completeLevelLed(doc *Document, r *gongkai.Report) string {
	level, ok := levelLed(r.Agency)
	if !ok {
		return ""
	}
	msg := levelLedMessage(r.Agency)
	key := strings.TrimPrefix(r.Agency, level)
	place, at := "", ""
	for _, l := range doc.Lines {
		t := labels.Normalize(l.Text)
		for off := 0; ; {
			i := strings.Index(t[off:], key)
			if i < 0 {
				break
			}
			i += off
			off = i + len(key)
			p := levelPlaceBefore(t[:i], level)
			if p == "" {
				continue
			}
			if place != "" && p != place {
				return msg
			}
			if place == "" {
				place, at = p, lineAt(l.N)
			}
		}
	}
	if place == "" {
		return msg
	}
	completed := place + key
	r.Findings = append(r.Findings, gongkai.Finding{
		Rule: "agency", Severity: gongkai.SeverityWarning, At: at,
		Message: fmt.Sprintf("标题或首句中的单位名称“%s”只写了“%s”而没有写地名，按正文补全为“%s”：请核对", r.Agency, level, completed),
	})
	r.Agency = completed
	return ""
}

// levelPlaceBefore returns the division of the given level ("湖北省" for 省)
// written right before what ends s, or "": of the run of Chinese characters
// before it (as townPlaceBefore's), the longest end that ends in the level
// and that region.Derive reads as a division of that level, its own name
// and its level's character ("由湖北省" gives "湖北省"; "在县委、县政府及县"
// and a lone "省" give none).
func levelPlaceBefore(s, level string) string {
	start := len(s)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune("年月日度", r) {
			break
		}
		start -= size
	}
	run := s[start:]
	if !strings.HasSuffix(run, level) {
		return ""
	}
	for i := range run {
		end := run[i:]
		if utf8.RuneCountInString(end) < 3 {
			break
		}
		pl := region.Derive(end)
		var ok bool
		switch level {
		case "省":
			ok = pl.Province != "" && pl.City == "" && pl.County == ""
		case "市", "州", "盟":
			ok = pl.City != "" && pl.County == ""
		case "区", "县", "旗":
			ok = pl.County != ""
		}
		if ok {
			return end
		}
	}
	return ""
}

// parkMessage returns the message of a page's rejection when the name read
// from its title or first sentence, once completeAgency has had its say, is
// a park's that places nothing ("高科技电子产业园", "台创园": the shapes of a
// real 2018 county park's and a real 2017 district park's pages, whose body
// writes "锡山台创园" or only the county's plan): many counties have a park
// so named, and the name was stored alone with no word, as a street's was
// before round 27. It returns "" for any other name; a kindergarten's
// (幼儿园) is a school's, not a park's.
func parkMessage(name string) string {
	if !hasSuffixAny(name, "园", "园区") || strings.HasSuffix(name, "幼儿园") || namePlaceKind(name) != placeNone {
		return ""
	}
	return fmt.Sprintf("单位名称不完整：标题或首句作“%s”，是园区的名称而没有写地名；各地同名的园区不止一个，正文也没有在地名后写出这一名称：请指定单位名称", name)
}

// bareKindMessage returns the message of a page's rejection when the name
// read from its title or first sentence, once completeAgency has had its
// say, is only a kind of organ: no place word, no division region.Derive
// knows, at most eight characters, an organ's ending ("林业局2008年政府信息
// 公开年度报告", a real 2008 forestry bureau's page whose only other name
// is a mirror's noise; "卫健局2019年…", a real 2019 city bureau's whose body
// writes "宁安市卫生健康局", not the name as read). Every county has one; the
// name stored alone was an identity no organ has. It returns "" for any
// other name.
func bareKindMessage(name string) string {
	if bareKind(name) {
		return fmt.Sprintf("单位名称不完整：标题或首句作“%s”，没有写地名，是哪里的机关不能确定：请指定单位名称", name)
	}
	return ""
}

// bareKind reports whether a name is only a kind of organ (bareKindMessage).
func bareKind(name string) bool {
	if name == "" || utf8.RuneCountInString(name) > 8 || !hasSuffixAny(name, "局", "委", "委员会", "办", "办公室", "厅", "署") {
		return false
	}
	return namePlaceKind(name) == placeNone
}

// nameOrganEndings end an organ's name (or an enterprise's, a school's, a
// public institution's that publishes such a report): "…局", "…委员会",
// "…中心", "…公司", "…海关", "…林场".
var nameOrganEndings = []string{"局", "委", "办", "办公室", "院", "府", "政府", "厅", "处", "所", "站", "中心", "镇", "乡", "街道", "街",
	"办事处", "委员会", "室", "馆", "队", "会", "部", "署", "区", "县", "市", "旗", "州", "盟", "村", "苏木", "嘎查", "社", "公司", "集团",
	"学", "校", "场", "台", "关", "狱", "行", "团", "组", "科", "股", "城", "园", "港", "所)", "关)", ")", "）"}

// noOrganMessage returns the message of a page's rejection when the name
// read from its title or first sentence places nothing (namePlace) and
// ends as no organ's name does (nameOrganEndings), or "": the words a site
// sets before a title ("文章三 YYYY年示例市某局…年度报告", "栏目二 …", the
// reproducer of review'"'"'s finding on round 27'"'"'s "第一篇:") were stored as
// the agency, with no word. It is the guard for every such label, where
// collectionPieceRE cuts one shape of them.
func noOrganMessage(name string) string {
	if name == "" || namePlaceKind(name) != placeNone || hasSuffixAny(name, nameOrganEndings...) {
		return ""
	}
	return fmt.Sprintf("单位名称不可靠：读作“%s”，既没有地名，也不以机关名称（局、委、办、政府、中心等）结尾，可能是网页的栏目或编号：请指定单位名称", name)
}

// latinNameMessage returns the message of a page's rejection when the name
// read from its title or first sentence holds a Latin letter: a mirror
// site's domain put in place of the name's place ("现公布puroview.com沙头镇
// 2008年政府信息公开工作年度报告", a real 2008 town's page whose county is
// 永嘉县). No organ's Chinese name holds one. The same for a word of
// spamNameWords. It returns "" for any other name.
func latinNameMessage(name string) string {
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ' {
			return fmt.Sprintf("单位名称不可靠：读作“%s”，其中有英文字母（转载网页可能混入了网址或其他文字）：请指定单位名称", name)
		}
	}
	for _, w := range spamNameWords {
		if strings.Contains(name, w) {
			return fmt.Sprintf("单位名称不可靠：读作“%s”，其中有“%s”（转载网页可能把地名换成了广告文字）：请指定单位名称", name, w)
		}
	}
	return ""
}

// spamNameWords are words a mirror site puts in place of a name's place in
// Chinese ("新葡京博彩官网区人民政府北京街道办事处", a real 2020 street
// office's page copied onto a gambling site, whose district is 越秀区): no
// organ's name holds one. The name was stored as the agency with a warning
// only. 彩票 alone is not among them (福利彩票发行中心 is a public
// institution's name), nor 棋牌 (国家体育总局棋牌运动管理中心).
var spamNameWords = []string{"博彩", "官网", "赌场", "娱乐城", "彩票网", "体彩网", "网投", "真人视讯"}

// placeBefore returns the place written right before an agency's name that
// ends s, or "": the run of Chinese characters back to a mark, a digit or a
// date word, when it ends in a level, is at most twelve characters and is
// a name (labels' rules: "我区", "全区" and "本区" are none).
func placeBefore(s string) string {
	start := len(s)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune("年月日度", r) {
			break
		}
		start -= size
	}
	p := s[start:]
	if n := utf8.RuneCountInString(p); n < 2 || n > 12 || !hasSuffixAny(p, placeLevels...) || !labels.AgencyName(p) {
		return ""
	}
	if strings.Contains(p, "政府") || strings.Contains(p, "及") || strings.Contains(p, "委") {
		// "在县委、县政府及县公安局的领导下" (a real 2019 county public
		// security bureau's page, whose title names "公安局"): "县政府及县"
		// ends in a level but names organs, no place.
		return ""
	}
	return p
}

// leadWords are verbs and prepositions that open a clause and may stand
// right before a place written in the body ("会同示例区…", "由示例区…").
var leadWords = []string{"会同", "联合", "配合", "协助", "协同", "协调", "组织", "督促", "指导", "根据", "按照", "依据", "通过",
	"由", "经", "向", "对", "在", "与", "和", "及", "同", "为", "将", "受", "并"}

// afterLeadWord returns the place p would be without a lead word it opens
// with, when that rest is a place too (placeBefore's rules), and whether it
// is.
func afterLeadWord(p string) (string, bool) {
	for _, w := range leadWords {
		if rest, ok := strings.CutPrefix(p, w); ok && placeBefore(rest) == rest {
			return rest, true
		}
	}
	return "", false
}

// quoteAll lists each place and name in quotes: "“甲区党政办公室”、“乙区党政办公室”".
func quoteAll(places []string, name string) string {
	q := make([]string, len(places))
	for i, p := range places {
		q[i] = "“" + p + name + "”"
	}
	return strings.Join(q, "、")
}
