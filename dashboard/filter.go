package dashboard

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/warehouse"
)

// filter is the state of a dashboard page's filter bar. It lives in the URL
// (year, year_from, year_to, province, city, level, agency) so that a view can
// be bookmarked and shared; parseFilter is the one place that reads it.
type filter struct {
	YearFrom, YearTo int
	Province, City   string
	Level            string
	Agency           string // a part of an agency's name

	// Swapped is set by parsePageFilter when the URL's 起始年度 was after its
	// 结束年度 and the two were exchanged; the page says so.
	Swapped bool
}

// Limits on filter values: years a report can cover, and text lengths that
// no real province, city, level or agency name exceeds.
const (
	minYear      = 2000
	maxYear      = 2100
	maxNameRunes = 100
)

// parseFilter reads and validates the filter parameters of q. The error is a
// gongkai.Error with code invalid whose message names the bad parameter.
// year is either one year ("2021") or a range ("2019-2022"); year_from and
// year_to set one end each. A range whose start is after its end is an
// error here (the API); pages use parsePageFilter.
func parseFilter(q url.Values) (filter, error) {
	f, err := parsePageFilter(q)
	if err == nil && f.Swapped {
		return filter{}, invalid("年份范围不正确：起始年份 %d 晚于结束年份 %d。", f.YearTo, f.YearFrom)
	}
	return f, err
}

// parsePageFilter is parseFilter for pages: a 起始年度 after the 结束年度 is
// not an error there (a person picks the two in separate dropdowns, in any
// order) but exchanged, with Swapped set for the page to say so.
func parsePageFilter(q url.Values) (filter, error) {
	var f filter
	if v := strings.TrimSpace(q.Get("year")); v != "" {
		from, to, found := strings.Cut(v, "-")
		if !found {
			to = from
		}
		var err error
		if f.YearFrom, err = parseYear(from); err != nil {
			return f, err
		}
		if f.YearTo, err = parseYear(to); err != nil {
			return f, err
		}
	}
	for _, p := range []struct {
		key string
		dst *int
	}{{"year_from", &f.YearFrom}, {"year_to", &f.YearTo}} {
		if v := strings.TrimSpace(q.Get(p.key)); v != "" {
			y, err := parseYear(v)
			if err != nil {
				return f, err
			}
			*p.dst = y
		}
	}
	if f.YearFrom != 0 && f.YearTo != 0 && f.YearFrom > f.YearTo {
		f.YearFrom, f.YearTo, f.Swapped = f.YearTo, f.YearFrom, true
	}
	return parseNames(q, f)
}

// parseNames reads the text parameters of the filter into f.
func parseNames(q url.Values, f filter) (filter, error) {
	for _, p := range []struct {
		key, label string
		dst        *string
	}{
		{"province", "省份", &f.Province}, {"city", "地市", &f.City},
		{"level", "层级", &f.Level}, {"agency", "机构名称", &f.Agency},
	} {
		v, err := parseText(q.Get(p.key), p.label)
		if err != nil {
			return f, err
		}
		*p.dst = v
	}
	return f, nil
}

func parseYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 {
		return 0, invalid("年份格式不正确：“%s”。请填写四位数字年份，如 2021，或年份范围，如 2019-2022。", clip(s))
	}
	if y < minYear || y > maxYear {
		return 0, invalid("年份超出范围：%d。请填写 %d 至 %d 之间的年份。", y, minYear, maxYear)
	}
	return y, nil
}

func parseText(s, label string) (string, error) {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", invalid("%s包含无效字符。", label)
	}
	if utf8.RuneCountInString(s) > maxNameRunes {
		return "", invalid("%s过长：最多 %d 个字。", label, maxNameRunes)
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "", invalid("%s包含控制字符。", label)
	}
	return s, nil
}

// parsePage reads a 1-based page number; absent means 1.
func parsePage(q url.Values, key string) (int, error) {
	v := strings.TrimSpace(q.Get(key))
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 1_000_000 {
		return 0, invalid("页码不正确：“%s”。", clip(v))
	}
	return n, nil
}

// clip shortens what a user typed before it is echoed in a message.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 20 {
		return s
	}
	return string([]rune(s)[:20]) + "…"
}

// warehouse returns the filter as the warehouse reads it.
func (f filter) warehouse() warehouse.Filter {
	return warehouse.Filter{
		YearFrom: f.YearFrom, YearTo: f.YearTo,
		Province: f.Province, City: f.City, Level: f.Level, Agency: f.Agency,
	}
}

// values returns the filter as canonical URL parameters.
func (f filter) values() url.Values {
	v := url.Values{}
	switch {
	case f.YearFrom != 0 && f.YearFrom == f.YearTo:
		v.Set("year", strconv.Itoa(f.YearFrom))
	default:
		if f.YearFrom != 0 {
			v.Set("year_from", strconv.Itoa(f.YearFrom))
		}
		if f.YearTo != 0 {
			v.Set("year_to", strconv.Itoa(f.YearTo))
		}
	}
	for k, s := range map[string]string{"province": f.Province, "city": f.City, "level": f.Level, "agency": f.Agency} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return v
}

// Query returns the filter as a URL query string without the leading "?".
func (f filter) Query() string { return f.values().Encode() }

// With returns the query string of the filter with key set to value (or
// removed when value is empty), for links that change one parameter.
func (f filter) With(key, value string) string {
	v := f.values()
	if key == "year" {
		v.Del("year_from")
		v.Del("year_to")
	}
	if value == "" {
		v.Del(key)
	} else {
		v.Set(key, value)
	}
	return v.Encode()
}

// Empty reports whether the filter selects everything.
func (f filter) Empty() bool { f.Swapped = false; return f == filter{} }

// YearLabel describes the selected years for headings ("2021年", "2019—2022年", "全部年度").
func (f filter) YearLabel() string {
	switch {
	case f.YearFrom == 0 && f.YearTo == 0:
		return "全部年度"
	case f.YearFrom == f.YearTo:
		return strconv.Itoa(f.YearFrom) + "年"
	case f.YearFrom == 0:
		return strconv.Itoa(f.YearTo) + "年及以前"
	case f.YearTo == 0:
		return strconv.Itoa(f.YearFrom) + "年及以后"
	}
	return strconv.Itoa(f.YearFrom) + "—" + strconv.Itoa(f.YearTo) + "年"
}
