package labels

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"gongkai/ingest/doc"
)

// The words of a report outside its tables: its title, its statistics
// period and its section headings. The readers use them for hints (which
// format a page is in, where a run-together line may be cut) and the
// extraction for the report's metadata, so that both read them alike.

// titleRE reads a report title: the agency, then the year, then (for a
// title) the name of the report.
var titleRE = regexp.MustCompile(`^(.*?)((?:19|20)\d\d)年度?(.*)$`)

// yearMarkLeftRE finds a title whose year has no 年 after it, and nothing
// else on its line: "东河区卫生健康委员会 2021政府信息公开工作年度报告" (a real
// 2021 district health commission's title; 年度报告's 年 is the report's).
// The page was refused as no report, its name and year unread.
var yearMarkLeftRE = regexp.MustCompile(`^(\p{Han}{2,40}?) ?((?:19|20)\d\d)((?:政府信息公开|政务公开|信息公开)\p{Han}{0,8}报告)$`)

// yearAfterTitleRE finds a title whose year is in brackets after the
// report's name, and nothing else on its line.
var yearAfterTitleRE = regexp.MustCompile(`^(\p{Han}{2,40}?)((?:政府信息公开|政务公开|信息公开)\p{Han}{0,8}报告)\(((?:19|20)\d\d)年度?\)$`)

// foundedWords end the words before a year of founding, not a report's.
var foundedWords = []string{"成立于", "设立于", "组建于", "建于", "挂牌于", "始建于", "创建于", "建立于"}

// notNameWords are words of a sentence, not of an agency's name: the text
// before a year in "根据《…关于做好2021年政府信息公开工作年度报告…》" or
// "为切实做好2021年…" is a fragment of one.
var notNameWords = []string{"根据", "按照", "依据", "依照", "关于", "为切实", "为进一步", "为做好", "为了", "做好", "现将", "现就",
	"《", "》", "<", ">", ",", "，", "。", ";", "；", ":", "：", "“", "”"}

// bareNames are words that stand for an agency without naming one.
var bareNames = []string{"政府", "人民政府", "本机关", "本单位", "我单位", "本局", "我局", "我委", "本委", "我办", "本办", "我厅", "本厅"}

// selfWords open words that stand for the writing agency without naming
// it: "特向社会公布2012年度本级政府(机关)信息公开工作年度报告" (a real 2012
// municipal office's first sentence) names no agency, and reading
// "本级政府(机关)" for one stored the report under a name no agency has.
// 本溪 (a city) opens with 本 and is a name, so only these words count.
var selfWords = []string{"本级", "本机关", "本单位", "本部门", "本局", "本委", "本办", "本厅", "我"}

// AgencyName reports whether a text can be an agency's name, as agencyName
// does for a title's.
func AgencyName(a string) bool { return agencyName(a) }

// agencyName reports whether a text read before a title's year can be an
// agency's name: not a sentence fragment, not a bare word like "政府". A
// name of two characters is a county, district, city, banner, town or
// township named by one character and its level (沛县, 丰县, 郊区, 津市);
// one whose first character stands for no place (本县, 全市, 我镇, 某县) is
// no name.
func agencyName(a string) bool {
	if n := utf8.RuneCountInString(a); n < 2 || n == 2 && !shortPlaceName(a) || strings.HasPrefix(a, "为") || slices.Contains(bareNames, a) {
		return false
	}
	for _, w := range notNameWords {
		if strings.Contains(a, w) {
			return false
		}
	}
	for _, w := range selfWords {
		if strings.HasPrefix(a, w) {
			return false
		}
	}
	return true
}

// shortPlaceName reports whether a two-character name is a place named by
// one character and its level.
func shortPlaceName(a string) bool {
	first, size := utf8.DecodeRuneInString(a)
	level := a[size:]
	return unicode.Is(unicode.Han, first) && !strings.ContainsRune("本我全该各此某每其上下县区市镇乡省州旗级社辖园景地片街村", first) &&
		slices.Contains([]string{"县", "区", "市", "旗", "镇", "乡"}, level) && !slices.Contains(commonPlaceWords, a)
}

// commonPlaceWords are words of two characters that end in a level but name
// a kind of place, not one place: read before a title's year ("城乡2021年
// 政府信息公开…"), they are no agency. 城区, 郊区 and 矿区 are the names of
// real districts and stay names.
var commonPlaceWords = []string{"城市", "城乡", "城镇", "都市", "新区", "老区", "山区", "林区", "牧区", "灾区", "厂区", "校区", "营区", "集镇", "古镇", "小镇"}

// flipbookPageRE finds the page number a flipbook viewer puts before or
// after a page's title.
var flipbookPageRE = regexp.MustCompile(`(?i)^\s*(?:page|p\.|第)\s*\d{1,4}\s*页?\s*[-–—|:：]\s*|\s*[-–—|]\s*(?:page|p\.|第)\s*\d{1,4}\s*页?\s*$`)

// collectionPieceRE finds the ordinal a site that collects reports sets
// before each one it holds ("第一篇:YYYY年示例市某局…年度报告", "篇2:…"):
// the shape of a real 2009 municipal bureau's report on such a site. It is
// no part of the agency's name, which was stored as "第一篇" with no word.
var collectionPieceRE = regexp.MustCompile(`^\s*(?:第\s*[一二三四五六七八九十百0-9]{1,4}\s*篇|篇\s*[一二三四五六七八九十0-9]{1,3})\s*[:：]\s*`)

// fullDateRE finds a whole date, day and all ("2007年4月5日"): the date a
// statute was promulgated or amended, cited before the report's year in a
// sentence that names the report ("根据《…条例》(2007年4月5日…公布2019年4月3日
// …修订),特向社会公布2020年度…工作报告", a real 2020 tax bureau's page). Its
// year is no report's year: the title's year is one named without a day.
var fullDateRE = regexp.MustCompile(`(?:19|20)\d\d年\d{1,2}月\d{1,2}日`)

// TitleMeta reads agency and year from a title. A strict title must name an
// information-disclosure report after the year; a file name need not.
func TitleMeta(s string, strict bool) (agency string, year int) {
	agency, year = titleMeta(s, strict)
	if year == 0 && strings.ContainsAny(s, "〇○零") && strings.Contains(s, "年") && chineseYearRE.MatchString(s) {
		// "某某局二〇二三年政府信息公开工作年度报告": the year in Chinese
		// numerals (left from session 34). No title was read, and the
		// page was refused for want of an agency.
		agency, year = titleMeta(chineseYearRE.ReplaceAllStringFunc(s, chineseYearInDigits), strict)
	}
	if agency != "" && strings.Contains(s, "於") && strings.Contains(agency, "于") {
		agency = keepYu(s, agency)
	}
	return agency, year
}

// keepYu returns the agency name TitleMeta read from title with the 於 the
// title writes put back where folding made it 于. 於 is a character of
// simplified writing too: a real town in Zhejiang is named with it, and a
// title in simplified script naming it was read as "…于…镇", a name no organ
// has. In a title in traditional script (another character of it folds)
// 於 may be any 于, and the name stays folded.
func keepYu(title, agency string) string {
	for _, r := range title {
		if r != '於' && FoldRune(r) != r && r >= cjkFirst && r <= cjkLast {
			return agency
		}
	}
	// Normalize maps rune to rune, 於 and 于 the same length: the title
	// folded with 於 kept has the name at the same offsets.
	const mark = "\uE000" // a private-use character, three bytes as 於 is
	folded := Normalize(title)
	kept := strings.ReplaceAll(Normalize(strings.ReplaceAll(title, "於", mark)), mark, "於")
	if len(kept) != len(folded) {
		return agency
	}
	if i := strings.Index(folded, agency); i >= 0 {
		return kept[i : i+len(agency)]
	}
	return agency
}

// verbAdverbs are the adverbs a first sentence may set between the organ and
// its verb of compiling ("某局认真编写了…").
var verbAdverbs = []string{"认真", "依法", "及时", "如实", "组织"}

// secondVerbRE finds a verb of publishing joined to the verb of compiling
// before it ("编制和公开了", "编制并发布"), at the start of what follows the
// first verb.
var secondVerbRE = regexp.MustCompile(`^(?:和|并|及|与|、)(?:公开|公布|发布|印发|报送|上报)了?`)

// titleMeta is TitleMeta with every character folded (Normalize).
func titleMeta(s string, strict bool) (agency string, year int) {
	// readTitle tries every grid cell: cheap tests first keep the regular
	// expression off almost all of them. 年 and 告 (of 报告) are written the
	// same in traditional script, so they are tested before folding.
	if !strings.Contains(s, "年") || (strict && !strings.Contains(s, "告") && !strings.Contains(s, "年报")) {
		return "", 0
	}
	whole := s // the text before its first sentence is cut from it
	limit := 300
	if len(s) > 300 && strict {
		// A paragraph whose first sentence names the report ("根据《…条例》
		// (2007年4月5日…修订),特向社会公布2020年度…工作报告。全文包括…"):
		// that sentence, without the statute's dates, is the title.
		// It may be long when it cites three statutes ("按照《…条例》…、
		// 《…格式(试行)》、《福建省…办法》…要求,特向社会公布2024年度永安市
		// 卫生健康局信息公开年度报告", a real 2024 municipal health bureau's,
		// 112 characters), so its limit is twice a title's.
		if i := strings.Index(s, "。"); i > 0 {
			s, limit = s[:i], 600
		} else if i := strings.Index(s, "报告》"); i > 0 {
			// "…我局组织编制了《苍溪县自然资源局2024年政府信息公开工作年度
			// 报告》(以下简称《年度报告》),…全文由总体情况、" (a real 2024
			// county bureau's first sentence, cut by the text reader at its
			// list of sections, with no full stop): the title it compiles,
			// in book-title marks, ends what names the report.
			s, limit = s[:i+len("报告》")], 600
		}
		if strings.Contains(s, "月") && strings.Contains(s, "日") && fullDateRE.MatchString(s) {
			s = fullDateRE.ReplaceAllString(s, "")
		}
	}
	if len(s) > limit {
		return "", 0
	}
	// A flipbook viewer titles every page of the report with its number
	// ("Page 8 - 示例县…年度报告", "…年度报告 - 第8页"), which is no part of
	// the agency's name.
	s = flipbookPageRE.ReplaceAllString(s, "")
	if strings.Contains(s, "篇") {
		s = collectionPieceRE.ReplaceAllString(s, "")
	}
	// Folded like a label: mirror sites publish titles in traditional script.
	s = Normalize(s)
	if strings.Contains(s, "月") && strings.Contains(s, "日") && strings.Contains(s, "公") && fullDateRE.MatchString(s) {
		s = fullDateRE.ReplaceAllString(s, "")
	}
	// A page's table of metadata labels its title ("标   题 县政府办2022年度
	// …年度报告"): the label is no part of the agency's name.
	// "公报标题黄石市卫健委2019年…" (a real 2019 commission's page, its
	// bulletin's table of metadata): the label run on to the title.
	// "| 名称 | 示例管理区2025年…年度报告 |" (the shape of a real 2025
	// zone's page, its table of metadata kept as a pipe row): the label
	// in its cell, the row's bar before it. The page was refused for the
	// name "|名称|示例管理区".
	// "• 中文名:YYYY年度政府信息公开年度报告" (the shape of a real 2010
	// report copied into an encyclopedia's page, its infobox kept as a
	// bulleted line): the infobox's label, after its bullet, was stored as
	// the agency ("·中文名"), with no word.
	// "信息名称 | 示例市某公司2008年…年度报告 | 发布机构 | …" (the shape of
	// a real 2008 public company's page, its catalogue's row of metadata):
	// the name was read as "信息名称|示例市某公司" and the page refused.
	for _, label := range []string{"公报标题", "文件标题", "标题", "题名", "信息名称", "文件名称", "中文名称", "中文名", "名称"} {
		if rest, ok := strings.CutPrefix(strings.TrimLeft(s, "|·•・‧∙ "), label); ok {
			s = strings.TrimLeft(rest, ":|")
			break
		}
	}
	if strict && len(s) < 200 {
		s = yearMarkLeftRE.ReplaceAllString(s, "${1}${2}年${3}")
		// "示例区市场监管局政府信息公开工作年度报告(2024年度)" (the shape of a
		// real 2024 district bureau's title): the year in brackets after
		// the report's name. The name was read as everything before the
		// year, 报告 and all, and the page was refused.
		if strings.HasSuffix(s, ")") && strings.Contains(s, "报告(") {
			s = yearAfterTitleRE.ReplaceAllString(s, "${1}${3}年${2}")
		}
	}
	m := titleRE.FindStringSubmatch(s)
	if m == nil {
		return "", 0
	}
	if strict && strings.Contains(m[1], "于") && hasSuffixAny(m[1], foundedWords...) {
		// "示例区某街道办事处成立于1990年,…现公布…2024年度报告" (the shape of a
		// real 2024 street office's first sentence, shorter): the year of
		// its founding, and the name with the verb, were read as the
		// report's ("…办事处成立于", 1990), with no word.
		return "", 0
	}
	if strict && strings.Contains(s, "实际") {
		if a, y := workCompiled(s); a != "" {
			return a, y
		}
	}
	if strict && !(strings.Contains(m[3], "公开") && (strings.Contains(m[3], "报告") || annualReportTitle(m[3]))) && !matterBeforeYear(m[1], m[3]) && !publishedSituation(m[1], m[3], whole) {
		return "", 0
	}
	agency = m[1]
	if a, ok := strings.CutPrefix(agency, m[2]); ok && strict {
		// "2025示例县某乡2025年度政府信息公开工作年度报告" (the shape of a
		// real 2025 township's title, its site's year set before it with
		// no 年): the year said twice is no part of the name, whose digits
		// had the page refused.
		agency = a
	}
	subject := "" // the subject of the verb of publishing, when nothing follows it
	if strict {
		// "根据《…条例》…,特向社会公布2020年度国家税务总局某市税务局政府
		// 信息公开工作报告", "…要求,现公布某镇2015年…年度报告" (real pages
		// with no title line, whose first sentence names the report): the
		// name is what follows the verb of publishing, before the year or
		// after it.
		// "现公开大冶市卫生健康局2024年…", "编制杭州市余杭区卫生健康局2024
		// 年…", "特编制高科技电子产业园2018年度…" (real pages of 2024 and
		// 2018) publish or compile it in other words; "现公开来凤经济开发区
		// 信息公开2018年度报告" (a real 2018 zone's) names the report's matter
		// after the agency, which is no part of its name.
		// "本年报是根据…要求,由武进区卫生健康局编制的2024年度政府信息公开
		// 年度报告" (a real 2024 district health bureau's first sentence):
		// the name is the compiler's, between 由 and 编制.
		compiler := false
		if i := strings.LastIndex(agency, "由"); i >= 0 {
			if name, ok := strings.CutSuffix(strings.TrimSuffix(agency[i+len("由"):], "的"), "编制"); ok {
				agency, compiler = name, true
				// "由示例县某局办公室编制的YYYY年度…报告": an office
				// compiles its organ's report, or its government's
				// (人民政府办公室), not its own; it was stored as the
				// agency. No name here, as CompilerName gives none: a
				// name after the year may give it, or the opening's
				// other words (ingest's officeNamed, CompilerOffice).
				if compilerOffice(name) {
					agency = ""
				}
			}
		}
		// "现发布《安徽省某中学2022年…年度报告》" and "编制了《某供电公司
		// 2020年度信息公开年度报告》" (real 2022 and 2020 pages, a school's
		// and a state power company's) publish or compile it in other
		// words still; the 了 and the book-title mark are no part of the
		// name.
		for _, verb := range []string{"特向社会公布", "向社会公布", "现予公布", "现公布", "现发布", "现将", "现公开", "特编制", "编制", "编写"} {
			if compiler {
				break
			}
			if i := strings.LastIndex(agency, verb); i >= 0 {
				head := agency[:i]
				// "现编制形成《示例市司法局2023年…》" (a real 2023
				// municipal justice bureau's): 形成 is the verb's too.
				agency = strings.TrimPrefix(strings.TrimPrefix(agency[i+len(verb):], "了"), "形成")
				// "…要求,编制和公开了2025年度信息公开年度报告" (the shape
				// of a real 2025 district bureau's sentence, with no name):
				// a second verb joined to the first is the verb's too. The
				// report was stored under the name "和公开了".
				agency = secondVerbRE.ReplaceAllString(agency, "")
				for _, matter := range reportMatters {
					if a, ok := strings.CutSuffix(agency, matter); ok && a != "" {
						agency = a
						break
					}
				}
				// "…的要求,绍兴市某区某街道特编制2023年政府信息公开年度
				// 报告" (a real 2023 street office's first sentence): with
				// no name after the verb or the year, the name is the
				// verb's subject, back to the mark that opens its clause.
				// It must end as an organ's name does: "并结合我乡工作实际
				// 编制2012年我乡…报告" (a real 2012 township's) has none.
				// "…工作要求,某市司法局认真编写了2025年…年度报告" (the shape
				// of a real 2025 municipal justice bureau's first sentence):
				// an adverb between the subject and the verb is no part of
				// the name, which was refused.
				cand := head[strings.LastIndexAny(head, ",;:》)")+1:]
				for _, adv := range verbAdverbs {
					if c, ok := strings.CutSuffix(cand, adv); ok {
						cand = c
						break
					}
				}
				// "…,由某局办公室编制了YYYY年…报告", "受某县人民政府委托,某中心
				// 编写了YYYY年度全县…报告": an organ compiling a report for
				// another (its office's; the government's) is not
				// certainly the report's: no name here (the opening's
				// other words may give the organ, ingest's officeNamed).
				// "由某局办公室" was stored as an agency.
				if hasSuffixAny(cand, organEndings...) && !strings.Contains(cand, "我") &&
					!strings.HasPrefix(cand, "由") && !strings.Contains(head, "委托") {
					subject = cand
				}
				break
			}
		}
	}
	// "示例县教育局转发 2024年政府信息公开工作年度报告", "示例县人民政府办公室
	// 转发示例县青柳镇2024年…" (the shapes of real pages reposting a report):
	// the organ that passes a report on is no part of the name, and need not
	// be the report's agency (an office reposting a town's); the name was
	// stored as "示例县教育局转发". The name is what follows the verb; with
	// none there, the title names no agency (PassedOnBy says who passed it
	// on), unless the year is followed by one.
	if name, _, ok := passedOn(agency); ok {
		agency = name
	}
	// "关于示例县教育局2024年…报告" (a notice's title about the report): 关于
	// opens the title and is no part of the name, which was refused.
	agency = strings.TrimPrefix(agency, "关于")
	if strict && strings.Trim(agency, "《》<>\"'[]【】()-_—、,.。: ") == "" {
		// "2021年度某局政府信息公开工作年度报告": the agency follows the year.
		// A year and a comma open a sentence ("2023年，修订完善了信息公开
		// 相关制度，…预决算报告4个"), whose words are no agency's name.
		if strings.HasPrefix(m[3], ",") || strings.HasPrefix(m[3], "、") || strings.HasPrefix(m[3], ";") || strings.HasPrefix(m[3], ":") {
			return "", 0
		}
		for _, name := range []string{"政府信息公开", "政务公开", "信息公开"} {
			if i := strings.Index(m[3], name); i > 0 {
				agency = m[3][:i]
				if name == "政府信息公开" && strings.HasSuffix(agency, "人民") {
					// "2012年泾县人民政府信息公开年度报告" (a real 2012
					// county's title): 政府 is the name's and the report's.
					agency += "政府"
				}
				break
			}
		}
	}
	if strict && subject != "" && !agencyName(trimName(agency)) {
		// With no name after the verb, the words after the year may give
		// none either ("政府" of "政府信息公开…"): the subject is the name.
		agency = subject
	}
	// "特向社会公布国家税务总局佛山市税务局(以下简称“佛山市税务局”,下文类同)
	// 2021年…年度报告" (a real 2021 municipal tax bureau's first sentence):
	// the short name the report goes on to use, in brackets after the
	// name, is no part of it; its comma left the page with no name.
	agency = shortNameRE.ReplaceAllString(agency, "")
	// Text that ends a sentence before the year ("(二)依申请公开方面。2021
	// 年度，民意乡未收到…零报告") is no name: trimmed, it would pass for one.
	if strings.ContainsAny(agency, "。,;!?") {
		agency = ""
	}
	agency = trimName(agency)
	agency = strings.TrimSuffix(agency, "关于")
	// "示例县教育局政府信息公开工作2025年度报告" (a title that puts the
	// matter before the year, as the first sentences of a real 2021 power
	// company's and a real 2024 street office's pages do after their verb
	// of publishing): the matter is no part of the name, which was stored
	// as "示例县教育局政府信息公开工作" with no word. Its 政府 is the name's
	// after 人民 or a bare place ("示例县人民政府信息公开…", "示例镇政府信息
	// 公开…").
	agency = cutMatter(agency)
	if slices.Contains(reportMatters, agency) {
		// "宝坻区消防救援支队" over "政府信息公开工作2025年度报告" (a real
		// 2025 fire detachment's title on two lines): the matter before
		// the year is no name, and was stored as the agency
		// "政府信息公开工作". The line above may name it (SplitTitleAgency).
		agency = ""
	}
	// "海關總署發布2012年政府信息公開工作年度報告" (a real 2012 news page's
	// headline): the verb of publishing after the name is no part of it,
	// and the name was stored as "海关总署发布". What stands before the verb
	// is the name only when it ends as an organ's does; else none is read.
	// "示例县教育局公开2024年…" says it with 公开.
	for _, verb := range []string{"发布", "公布", "公开"} {
		if a, ok := strings.CutSuffix(agency, verb); ok {
			agency = ""
			if hasSuffixAny(a, organEndings...) {
				agency = a
			}
			break
		}
	}
	// An agency's name is Chinese and short; "report-2021年.xlsx" names none.
	// No organ's name holds 报告: "政府信息公开工作年度报告" is a title's.
	if utf8.RuneCountInString(agency) > 40 || strings.Contains(agency, "报告") || strings.ContainsAny(agency, "0123456789") ||
		!strings.ContainsFunc(agency, func(r rune) bool { return unicode.Is(unicode.Han, r) }) || !agencyName(agency) {
		agency = ""
	}
	year, _ = strconv.Atoi(m[2])
	if strict && agency == "" && strings.Contains(m[3], m[2]+"年") {
		// "北杜街道依法依规开展2023年政府信息工作,现编制《北杜街道办事处2023
		// 年政府信息公开工作年度报告》" (a real 2023 street office's first
		// sentence): the year is named twice, and the title the sentence
		// publishes follows the second.
		if a, y := TitleMeta(m[3], true); y == year {
			agency = a
		}
	}
	return agency, year
}

// passOnVerbs are the verbs of an organ passing on a report in its title:
// reposting (转发, 转载), issuing (印发), sending up (报送, 上报, 呈报, 转报),
// printing (刊发, 刊登), and publishing (发布, 公布) another's. Who passes
// a report on is no part of its agency's name, and need not be its agency.
var passOnVerbs = []string{"转发", "转载", "印发", "报送", "上报", "呈报", "转报", "刊发", "刊登", "发布", "公布"}

// publishVerbs are the verbs of passOnVerbs an organ says of its own
// report: "示例县教育局发布2024年…" publishes its own.
var publishVerbs = []string{"发布", "公布"}

// passedOn splits the words before a title's year at its last verb of
// passing the report on (passOnVerbs): name is the words after the verb
// ("示例县青柳镇" of "示例县人民政府办公室转发示例县青柳镇"), by the words
// before it, ok whether there is such a verb. A verb counts only after
// nothing, an organ's name (organEndings) or 关于: "示例县新闻发布中心" is a
// name. With nothing after a verb of publishing, name is by when it ends as
// an organ's name does (the organ publishes its own report); with nothing
// after another verb, or after 关于 (a notice that publishes a report, the
// notice's organ's or its government's), name is "" (who passes a report
// on need not be its agency).
func passedOn(words string) (name, by string, ok bool) {
	at, end := -1, -1
	for _, v := range passOnVerbs {
		if i := strings.LastIndex(words, v); i >= 0 && i > at {
			head := strings.TrimSuffix(strings.TrimRight(words[:i], nameCutset), "关于")
			if head == "" || hasSuffixAny(head, organEndings...) {
				at, end = i, i+len(v)
			}
		}
	}
	if at < 0 {
		return words, "", false
	}
	by = strings.TrimRight(words[:end], nameCutset)
	name = strings.TrimPrefix(strings.TrimLeft(words[end:], nameCutset+"了"), "的")
	if strings.Trim(name, nameCutset) == "" {
		name = ""
		if head := strings.TrimRight(words[:at], nameCutset); hasSuffixAny(by, publishVerbs...) && hasSuffixAny(head, organEndings...) {
			name = head
		}
	}
	return name, by, true
}

// PassedOnBy returns the words of a title that name who passed the report
// on when the title names no agency whose report it is ("示例县教育局转发" of
// "示例县教育局转发2024年政府信息公开工作年度报告"), or "". The page's reader
// says so when no other line names the agency.
func PassedOnBy(s string) string {
	agency, year := TitleMeta(s, true)
	if year == 0 || agency != "" {
		return ""
	}
	m := titleRE.FindStringSubmatch(Normalize(s))
	if m == nil {
		return ""
	}
	if name, by, ok := passedOn(m[1]); ok && name == "" {
		return by
	}
	return ""
}

// shortNameRE finds the short name a text gives in brackets after a name:
// "(以下简称“佛山市税务局”,下文类同)".
var shortNameRE = regexp.MustCompile(`\(以下(?:简称|称)[^()]*\)`)

// workCompiledRE finds the first sentence that compiles the report from
// one year's work of a named agency: "结合2023年示例街道各科室的信息公开工作
// 实际情况编制本报告", "根据2023年示例市司法局信息公开工作实际编制而成" (real
// 2023 pages of a street office and a municipal justice bureau, which name
// the report nowhere else). The name is between the year and the work's
// matter; 各科室 and 各部门 are the agency's parts, no part of its name.
var workCompiledRE = regexp.MustCompile(`(?:结合|根据)((?:19|20)\d\d)年度?([^,;:。《》()]{2,40}?)(?:各科室|各部门|各单位)?的?(?:政府信息公开|政务公开|信息公开)工作的?实际(?:情况)?,?(?:编制|制作)(?:发布)?(?:本报告|本年报|本年度报告|而成)`)

// workCompiled reads the agency and year of a first sentence that compiles
// the report from the agency's year of work (workCompiledRE). The name must
// be one (agencyName) and end as an organ's does: "结合2023年我局…" and
// "结合2023年全区…" name none. A zone's is not taken: a zone's own pages
// name it by its kind alone ("结合2019年高新区政府信息公开工作实际编制而成",
// a real 2019 page of a city's 国家高新区), which is every city's zone's
// name. It returns "", 0 otherwise.
func workCompiled(s string) (agency string, year int) {
	ms := workCompiledRE.FindAllStringSubmatch(s, -1)
	if ms == nil {
		return "", 0
	}
	m := ms[len(ms)-1]
	a := trimName(m[2])
	if !agencyName(a) || !hasSuffixAny(a, organEndings...) || strings.ContainsAny(a, "0123456789") ||
		hasSuffixAny(a, "开发区", "高新区", "园区", "新区", "保税区", "示范区", "试验区", "合作区", "管委会") {
		return "", 0
	}
	year, _ = strconv.Atoi(m[1])
	return a, year
}

// compilerRE finds who compiled a report in a first sentence that names no
// year: "本年度报告是根据…的要求,由示例市示例区司法局编制。" (a real 2024
// district justice bureau's page, whose year is stated elsewhere or not at
// all). The rules it compiled by may stand between the name and 编制: "本报告
// 由示例镇人民政府按照《…条例》(以下简称《条例》)和《…格式》(…)要求编制。"
// (the shape of a real 2024 town's page, refused for want of a name).
var compilerRE = regexp.MustCompile(`由([^,;:。《》由]{2,40}?)(?:(?:按照|根据|依据|依照)[^。]{0,200}?(?:要求|规定))?(?:负责)?编制(?:而成)?(?:。|$|,)`)

// selfCompiledRE finds an organ, the subject of a clause, compiling its own
// report ("X结合单位实际,编制本单位…报告"): the clause before 编制 opens
// after a comma or the sentence's start, and the report is said to be the
// organ's own (本单位, 本局, 本机关, 本部门; not 本县, 本区: a government
// office compiles its government's).
var selfCompiledRE = regexp.MustCompile(`(?:^|,)([^,;:。《》]{2,40}?)(?:结合[^,;:。《》]{0,16}?)?,?编制(?:了)?本(?:单位|局|机关|部门)`)

// workOfRE finds the agency a first sentence compiles the report from the
// work of, named in full before its short name: "结合X(以下简称“Y”)".
var workOfRE = regexp.MustCompile(`结合([^,;:。《》()由]{2,40}?)\(以下简称`)

// CompilerName returns the agency a page's first sentence says compiled
// its report ("本年度报告…由X编制。"), or "". The sentence must speak of the
// report (报告 or 年报 before 由). The compiler is the agency only when it is
// an organ of its own: an office or a section that compiles its
// government's or street's report ("由某区人民政府信息公开办编制", "由某
// 街道党政办公室综合科编制", "由某县政务公开领导小组办公室编制", real pages
// of 2016 and 2023) names another agency than the report's, so a name that
// ends in 办公室, 办, 室, 科, 股 or 组, or holds 公开, gives none. A sentence
// that compiles the report from the work of an agency named in full before
// its short name ("结合X(以下简称“Y”)…", workOfRE) names X, under the same
// rules.
func CompilerName(s string) string {
	s = Normalize(s)
	if i := strings.Index(s, "。"); i >= 0 {
		s = s[:i+len("。")]
	}
	if len(s) > 600 {
		return ""
	}
	m := compilerRE.FindStringSubmatchIndex(s)
	if m == nil {
		// "本报告…结合国家税务总局示例区税务局(以下简称“示例区税务
		// 局”)政府信息公开工作有关统计数据撰写", "结合示例县某镇人民
		// 政府(以下简称“镇政府”)2025年度政府信息公开工作实际编制"
		// (real 2022 and 2025 pages of a tax bureau and a town): the
		// agency whose work the report is of, named in full before its
		// short name.
		m = workOfRE.FindStringSubmatchIndex(s)
	}
	self := false
	if m == nil {
		// "根据…通知要求,示例县市场监督管理局结合单位实际,编制本单位2022年度
		// 政务公开工作年度报告。" (a real 2022 county bureau's first
		// sentence, its only name): the organ compiles its own report.
		if m = selfCompiledRE.FindStringSubmatchIndex(s); m != nil {
			self = true
		}
	}
	if m == nil {
		return ""
	}
	head := s[:m[0]]
	if self {
		head = s[m[1]:]
	}
	if !strings.Contains(head, "报告") && !strings.Contains(head, "年报") {
		return ""
	}
	a := trimName(s[m[2]:m[3]])
	// "…规定,由莆田第二中學編制。" (a real 2014 middle school's first
	// sentence): a school compiles its own report, and its name ends as a
	// school's does, not an organ's.
	if !agencyName(a) || !hasSuffixAny(a, organEndings...) && !hasSuffixAny(a, schoolEndings...) || compilerOffice(a) || strings.ContainsAny(a, "0123456789") {
		return ""
	}
	if self {
		// "局办公室和示例县市场监督管理局结合…,编制本单位…": several
		// organs, no one name.
		for _, sep := range []string{"和", "及", "与", "、"} {
			if i := strings.Index(a, sep); i > 0 && hasSuffixAny(a[:i], organEndings...) {
				return ""
			}
		}
	}
	// "由示例县人民政府办公室委托示例大学编制", "由示例县人民政府聘请示例学院
	// 编制", "由第三方机构示例大学编制": the words between 由 and 编制 name
	// another party with the one that compiled, or a hired one, not the
	// report's agency; they were stored as one agency's name.
	if hasAny(a, compilerOthers...) {
		return ""
	}
	// "由示例县教育局指导示例中学编制", "由示例县教育局和示例第一中学编制",
	// "由全县中小学编制", "由示例县各中小学校编制": a school's ending after an
	// organ that guides it, a list of compilers, or many schools (ddae676
	// read each as one school's name, with no word). A school's own name
	// holds none of these.
	if !hasSuffixAny(a, organEndings...) && hasAny(a, schoolOthers...) {
		return ""
	}
	// "由示例大学公共管理学院编制": a college, institute or centre of a
	// university compiles a report for the agency that hires it; no agency
	// is named inside a university's or a college's name. It was stored as
	// the agency's name, with no word (学院 ends in 院, an organ's ending).
	for _, school := range []string{"大学", "学院"} {
		if i := strings.Index(a, school); i >= 0 && i+len(school) < len(a) {
			return ""
		}
	}
	for _, r := range a {
		if !unicode.Is(unicode.Han, r) && r != '(' && r != ')' {
			return ""
		}
	}
	return a
}

// compilerOffice reports whether the name of a report's compiler is an
// office's or a section's (it ends in 办公室, 办, 室, 科, 股 or 组, or holds
// 公开): such a compiler works for an organ, its own or its government's,
// and its name is not the report's agency.
func compilerOffice(a string) bool {
	return hasSuffixAny(a, "办公室", "办", "室", "科", "股", "组") || strings.Contains(a, "公开")
}

// compilerOthers are words between 由 and 编制 that name a party besides
// the compiler, or the compiler as one hired: no agency's name holds them.
var compilerOthers = []string{"委托", "聘请", "会同", "协助", "牵头", "第三方", "受托"}

// schoolOthers are words that, before a school's ending, make the words
// no one school's name: an organ guiding it, a list, many schools, a
// whole area's schools.
var schoolOthers = []string{"指导", "组织", "联合", "和", "及", "与", "、", "各", "全县", "全市", "全区", "全镇", "全乡", "中小学", "机构",
	"局", "委员会", "政府", "办公室"}

// schoolEndings are the words a school's name ends in.
var schoolEndings = []string{"中学", "小学", "学校", "大学", "学院", "幼儿园"}

// reportMatters are the matter a report is of, written after the agency's
// name and before the year in a title that puts the year last ("来凤经济
// 开发区信息公开2018年度报告", "台州电业局政府信息公开工作2021年度报告"):
// no part of the name. Longest first.
var reportMatters = []string{"政府信息公开工作", "政务公开工作", "信息公开工作", "政府信息公开", "政务公开", "信息公开"}

// cutMatter returns name without the report's matter at its end
// (reportMatters), or name when it ends in none or is the matter alone. A
// 政府 the matter opens with is kept after 人民 or a place's bare level
// (县, 市, 区, 镇, 乡, 旗): "示例县人民政府信息公开" is 示例县人民政府's.
func cutMatter(name string) string {
	for _, matter := range reportMatters {
		a, ok := strings.CutSuffix(name, matter)
		if !ok || a == "" {
			continue
		}
		if strings.HasPrefix(matter, "政府") && hasSuffixAny(a, "人民", "县", "市", "区", "镇", "乡", "旗") {
			a += "政府"
		}
		return a
	}
	return name
}

// matterBeforeYear reports whether a title that names no disclosure after
// its year names it before: the text before the year ends with a matter
// (reportMatters) and the text after it is the report's name alone
// ("报告", "工作报告"). "现公开来凤经济开发区信息公开2018年度报告" (a real 2018
// zone's first sentence) was rejected for want of 公开 after the year.
func matterBeforeYear(before, after string) bool {
	if !hasSuffixAny(before, reportMatters...) {
		return false
	}
	switch strings.TrimRight(after, "。.》 ") {
	case "报告", "工作报告", "年度报告", "工作年度报告":
		return true
	}
	return false
}

// annualReportTitle reports whether the text after a title's year ends in
// the short name of the report, 年报: "汤浦镇2009年政府信息公开工作年报 |" (a
// real 2009 town's title, in a mirror's table row). Only at the end: a
// sentence that goes on ("…工作实际编制而成。本年报由…") is no title.
func annualReportTitle(after string) bool {
	return strings.HasSuffix(strings.TrimRight(after, " |。.》"), "年报")
}

// publishedSituation reports whether a first sentence that names no report
// after its year publishes the year's disclosure situation, and the text it
// opens calls what it publishes a report: "特向社会公布广元市统计局2024年
// 政府信息公开情况。报告全文包括…" (a real 2024 municipal statistics
// bureau's page, rejected for want of 报告 in its first sentence). The text
// before the year must hold the verb of publishing, the text after it must
// be the situation alone.
func publishedSituation(before, after, whole string) bool {
	switch strings.TrimRight(after, "。.") {
	case "政府信息公开情况", "政府信息公开工作情况", "政务公开情况", "政务公开工作情况", "信息公开情况", "信息公开工作情况":
	default:
		return false
	}
	return hasAny(before, "特向社会公布", "向社会公布", "现予公布", "现公布", "现发布", "现公开") && strings.Contains(whole, "报告")
}

// hasAny reports whether s holds any of the words.
func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hasSuffixAny reports whether s ends with any of the words.
func hasSuffixAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// nameCutset holds the marks around an agency's name in a title: book-title
// marks, brackets, dashes and stray punctuation.
const nameCutset = "《》<>\"'[]【】()-_—、,.。: "

// trimName trims nameCutset from both ends of a name read before a title's
// year, but keeps a closing parenthesis that closes one opened in the name:
// "海关总署(本级机关)" and "某区司法局(区行政复议局)" are names that end in
// their own parenthesis, and trimming it would name another agency.
func trimName(s string) string {
	// "【图文】嘉兴市市场监督管理局2022年度…报告" (a real 2022 city bureau's
	// title): a tag in brackets before the name is no part of it; the name
	// was stored as "图文】嘉兴市市场监督管理局". No name holds a closing
	// bracket, so all before the last one goes.
	for _, closing := range []string{"】", "]"} {
		if i := strings.LastIndex(s, closing); i >= 0 && strings.Trim(s[i+len(closing):], nameCutset) != "" {
			s = s[i+len(closing):]
		}
	}
	s = strings.TrimLeft(s, nameCutset)
	// "特向社会公布2019年度某镇政府(机关)信息公开年度报告" (a real 2019
	// town's first sentence, its only name): the template's "本级政府(机关)"
	// with the name put in, and "(机关)" left. It was stored as part of the
	// name ("某镇政府(机关)"), a name no organ has; "(本级机关)" is a
	// name's own and stays.
	if t := strings.TrimSuffix(s, "(机关)"); t != s && agencyName(t) {
		s = t
	}
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(nameCutset, r) || r == ')' && strings.Count(s, "(") >= strings.Count(s, ")") {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// organEndings are the words an agency's name ends in. A line that is
// nothing but such a name may be the first line of a title set on two lines
// ("得荣县卫生健康局" over "2019年政府信息公开工作年度报告"); a line ending
// otherwise (site navigation, a heading) is no name.
var organEndings = []string{"局", "委", "办", "办公室", "院", "府", "政府", "厅", "处", "所", "站", "中心", "镇", "乡", "街道",
	"办事处", "委员会", "室", "馆", "队", "会", "部", "署", "区", "县", "市", "旗"}

// SplitTitleAgency reads the agency of a title set on two lines: name is the
// line above title. It returns the name when title names an
// information-disclosure report with no agency before it (it starts with
// the year, or with the report's name) and name is a bare agency name: two
// (a place named by one character and its level, agencyName) to thirty Chinese characters (parentheses allowed), no digits, no
// punctuation, not a bare word like "政府", ending in an organ's word. Else "".
func SplitTitleAgency(name, title string) string {
	name, title = strings.TrimSpace(Normalize(name)), strings.TrimSpace(Normalize(title))
	if !strings.Contains(title, "公开") || !strings.Contains(title, "报告") {
		return ""
	}
	// "宁强县民政局" over "关于2023年政府信息公开年度报告".
	title = strings.TrimPrefix(title, "关于")
	rest := strings.TrimLeft(title, "0123456789")
	if len(rest) < len(title) {
		if len(title)-len(rest) != 4 || !strings.HasPrefix(rest, "年") {
			return ""
		}
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "年"), "度")
	}
	if !strings.HasPrefix(rest, "政府信息公开") && !strings.HasPrefix(rest, "政务公开") && !strings.HasPrefix(rest, "信息公开") {
		return ""
	}
	n := utf8.RuneCountInString(name)
	if n < 2 || n > 30 || !agencyName(name) || strings.Contains(name, "公开") || strings.Contains(name, "报告") {
		return ""
	}
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) && r != '(' && r != ')' {
			return ""
		}
	}
	if strings.HasSuffix(name, "网站") {
		// "示例县人民政府门户网站": a site's header over the title, whose
		// 站 is no organ's (水文站 is).
		return ""
	}
	if hasSuffixAny(name, organEndings...) {
		return name
	}
	return ""
}

// Period is the statistics period a report states.
type Period struct {
	Year, EndYear int
	Text          string // the sentence's words that state it
	Line          int    // the line it is on
}

// The end's year may be left out when it is the start's ("自2023年1月1日起至
// 12月31日止"). "自2009年1月1日《条例》实施之日起,至2009年12月31日止" (the
// shape of a real 2009 street office's first report) names the statute's
// coming into force after the start, and a comma before the end: the page,
// with no title and no table, was refused as no report.
var periodRE = regexp.MustCompile(`((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:《[^》]{1,20}》(?:施行|实施|生效)之日)?\s*(?:起)?\s*,?\s*(?:至|到|-|—|~)\s*(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日`)

// gluedStartRE finds a period's start whose year lost its 年 ("统计期限为
// 20231月1日至12月31日", the shape of a real 2023 county bureau's page, a
// site that drops the character): the year and 1月1日, no digit before.
var gluedStartRE = regexp.MustCompile(`(^|[^0-9])((?:19|20)\d\d)(1月1日)`)

// StatPeriod finds the sentence stating the statistics period
// ("统计期限自2021年1月1日起至2021年12月31日止").
func StatPeriod(lines []doc.Line) (Period, bool) {
	for _, l := range lines {
		t := width.Fold.String(l.Text)
		if !strings.Contains(t, "统计") && !strings.Contains(t, "期限") && !strings.Contains(t, "时限") {
			continue
		}
		m := periodRE.FindStringSubmatch(t)
		if m == nil && strings.Contains(t, "1月1日") {
			m = periodRE.FindStringSubmatch(gluedStartRE.ReplaceAllString(t, "${1}${2}年${3}"))
		}
		if m == nil && strings.Contains(t, "月") && strings.Contains(t, "日") {
			// "统计期限为二〇二三年一月一日至二〇二三年十二月三十一日": the
			// period in Chinese numerals, as the signature's date may be
			// (left from session 34). It was no period: a title's year
			// went unchecked against it, and a page without one was
			// refused. Text is the period in digits.
			m = periodRE.FindStringSubmatch(chineseDatesInDigits(t))
		}
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		e := y
		if m[4] != "" {
			e, _ = strconv.Atoi(m[4])
		}
		return Period{Year: y, EndYear: e, Text: m[0], Line: l.N}, true
	}
	return Period{}, false
}

// Numerals of the sections: six in the 2019 and 2021 formats, up to eight
// in pre-2019 reports.
var Numerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// BareTitles are section titles some reports print without their numeral.
var BareTitles = map[string]string{
	"总体情况": "一", "基本情况": "一", "概述": "一", "基本情况概述": "一",
	"主动公开政府信息情况": "二", "收到和处理政府信息公开申请情况": "三",
	"政府信息公开行政复议、行政诉讼情况": "四", "因政府信息公开工作被申请行政复议和提起行政诉讼情况": "四",
	"存在的主要问题及改进情况": "五", "政府信息公开工作存在的主要问题及改进情况": "五", "其他需要报告的事项": "六",
}

// BareTitleKeys are BareTitles folded by Normalize, for matching headings.
var BareTitleKeys = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for t, n := range BareTitles {
		m[Normalize(t)] = n
	}
	return m
})

// LeadingHeading splits a line that starts with a heading and runs on with
// the paragraph under it ("四、政府信息公开行政复议、行政诉讼情况 2020年，我局
// 未被申请行政复议…", a heading set inline, or joined to its paragraph by a
// PDF's reader): head is the text up to its first "情况", when that comes
// before any comma or full stop, within forty characters, and rest is the
// text after it. ok is false, and head and rest empty, when s is not such a
// line (a line of a heading alone included).
func LeadingHeading(s string) (head, rest string, ok bool) {
	s = strings.TrimSpace(s)
	i := strings.Index(s, "情况")
	if i < 0 {
		return "", "", false
	}
	head = s[:i+len("情况")]
	if strings.ContainsAny(head, "，。；,;") || utf8.RuneCountInString(head) > 40 {
		return "", "", false
	}
	rest = strings.TrimSpace(s[len(head):])
	if strings.Trim(rest, "。.:： ") == "" {
		return "", "", false
	}
	return head, rest, true
}

// SectionNumeral returns the numeral of a section heading ("五、存在的主要问题…")
// or "" when s is not one.
func SectionNumeral(s string) string {
	s = strings.TrimSpace(s)
	for _, n := range Numerals {
		// Prefix, then separator: concatenating n+sep allocated 40 strings
		// for every line.
		rest, ok := strings.CutPrefix(s, n)
		if !ok {
			continue
		}
		for _, sep := range []string{"、", "．", ".", " "} {
			if strings.HasPrefix(rest, sep) && utf8.RuneCountInString(s) <= 40 && !strings.Contains(s, "。") {
				return n
			}
		}
	}
	return ""
}
