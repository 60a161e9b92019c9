package dashboard

import (
	"fmt"
	htmltemplate "html/template"
	"strconv"
	"strings"
)

// This file writes in Go the markup of the official tables (the "official"
// partial, shared by the roll-up pages, the report page and the upload
// page) and of the roll-up's two agency lists, byte for byte as
// html/template wrote it from the templates they replace. Executed by
// html/template, each of the ~229 cells was about ten actions, each action
// a reflect call of an escaper: ~4-5 ms of CPU a /regions request at a
// million reports, most of its render. TestOfficialTablesAsTheTemplate and
// TestRollupListsAsTheTemplate hold the output equal to the templates',
// hostile text in every field.

// writeText writes s escaped as html/template escapes a string in element
// content or in a quoted attribute (its htmlReplacementTable): NUL, the
// double and single quotes, &, +, < and >. Every other byte (invalid UTF-8
// included) is written as it is, as html/template writes it.
func writeText(b *strings.Builder, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(r)
		written = i + 1
	}
	b.WriteString(s[written:])
}

// writeURL writes s as html/template writes a string that is a whole
// quoted href: a scheme other than http, https or mailto becomes
// "#ZgotmplZ"; then every byte outside the URL characters is
// percent-encoded (lower-case hex, valid %XX escapes kept), and '&' and
// '+' are escaped for the attribute. The links written here are built by
// the handlers (paths with encoded queries), which this leaves as they are
// but for the '&'.
func writeURL(b *strings.Builder, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			b.WriteByte(c)
		case strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			b.WriteByte(c)
		case c == '&':
			b.WriteString("&amp;")
		case c == '+':
			b.WriteString("&#43;")
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// officialTablesHTML is the "official" partial: ts as the official tables,
// every text escaped (writeText, writeURL). No tables write two newlines,
// as the partial did.
func officialTablesHTML(ts []officialTable) htmltemplate.HTML {
	var b strings.Builder
	b.Grow(64 << 10)
	b.WriteString("\n")
	for _, t := range ts {
		b.WriteString("\n<section class=\"card official\">\n  <h2>")
		writeText(&b, t.Numeral)
		b.WriteString("、")
		writeText(&b, t.Title)
		b.WriteString("</h2>\n  ")
		for _, k := range t.Blocks {
			b.WriteString("\n  ")
			if k.Title != "" {
				b.WriteString("<h3>")
				writeText(&b, k.Title)
				b.WriteString("</h3>")
			}
			b.WriteString("\n  <div class=\"table-wrap\"><table class=\"official-table\">\n    <thead>")
			for _, hr := range k.Headers {
				b.WriteString("<tr>")
				for _, h := range hr {
					b.WriteString("<th")
					if h.Colspan > 1 {
						b.WriteString(` colspan="`)
						b.WriteString(strconv.Itoa(h.Colspan))
						b.WriteString(`"`)
					}
					if h.Rowspan > 1 {
						b.WriteString(` rowspan="`)
						b.WriteString(strconv.Itoa(h.Rowspan))
						b.WriteString(`"`)
					}
					b.WriteString(">")
					writeText(&b, h.Text)
					b.WriteString("</th>")
				}
				b.WriteString("</tr>")
			}
			b.WriteString("</thead>\n    <tbody>\n    ")
			for _, r := range k.Rows {
				b.WriteString("<tr")
				if r.Group {
					b.WriteString(` class="group"`)
				}
				b.WriteString(">\n      <th scope=\"row\"")
				if r.Indent {
					b.WriteString(` class="indent"`)
				}
				if r.Group {
					b.WriteString(` colspan="99"`)
				}
				b.WriteString(">")
				writeText(&b, r.Label)
				b.WriteString("</th>\n      ")
				for _, c := range r.Cells {
					b.WriteString(`<td class="num`)
					if c.Severity != "" {
						b.WriteString(" cell-")
						writeText(&b, c.Severity)
					}
					if c.Narrative {
						b.WriteString(" from-narrative")
					}
					b.WriteString(`"`)
					if title := c.Title(); title != "" {
						b.WriteString(` title="`)
						writeText(&b, title)
						b.WriteString(`"`)
					}
					b.WriteString(">")
					if c.URL != "" {
						b.WriteString(`<a href="`)
						writeURL(&b, c.URL)
						b.WriteString(`">`)
						if c.Text != "" {
							writeText(&b, c.Text)
						} else {
							b.WriteString(`<span class="blank" aria-label="未填报">·</span>`)
						}
						b.WriteString("</a>")
					} else {
						writeText(&b, c.Text)
					}
					if c.Narrative {
						b.WriteString(`<sup class="narrative-mark" aria-label="来自正文">正文</sup>`)
					}
					b.WriteString("</td>")
				}
				b.WriteString("\n    </tr>")
			}
			b.WriteString("\n    </tbody>\n  </table></div>\n  ")
		}
		b.WriteString("\n</section>\n")
	}
	b.WriteString("\n")
	return htmltemplate.HTML(b.String())
}

// MissingListHTML is the list items of the agencies missing from the sum,
// each linking to the agency, its city after it.
func (r *rollup) MissingListHTML() htmltemplate.HTML {
	var b strings.Builder
	for _, a := range r.MissingList {
		b.WriteString(`<li><a href="`)
		writeURL(&b, a.AgencyURL)
		b.WriteString(`">`)
		writeText(&b, a.Name)
		b.WriteString("</a>")
		if a.City != "" {
			b.WriteString(` <span class="meta">`)
			writeText(&b, a.City)
			b.WriteString("</span>")
		}
		b.WriteString("</li>")
	}
	return htmltemplate.HTML(b.String())
}

// ReportedListHTML is the list items of the agencies in the sum, each
// linking to its report, with the report's errors when it has any.
func (r *rollup) ReportedListHTML() htmltemplate.HTML {
	var b strings.Builder
	for _, a := range r.ReportedList {
		b.WriteString(`<li><a href="`)
		writeURL(&b, a.ReportURL)
		b.WriteString(`">`)
		writeText(&b, a.Name)
		b.WriteString("</a>")
		if a.Errors != 0 {
			b.WriteString(` <span class="badge badge-error">错误 `)
			b.WriteString(strconv.FormatInt(a.Errors, 10))
			b.WriteString("</span>")
		}
		b.WriteString("</li>")
	}
	return htmltemplate.HTML(b.String())
}

// dataTableHTML is the "table" partial: the data table of a chart, of
// 地区比较 and 报送与质量's lists and of the SQL console's result (a
// dataTable or a *dataTable), byte for byte as the template wrote it. A
// chart's table is rendered, hidden, under every chart; executed by
// html/template each cell was five actions (the numeric flag, the link, the
// text), ~4 % of a page's CPU at a million reports under eight clients.
// TestDataTableAsTheTemplate holds it equal to the template's. It returns
// an error where the template did: a nil table, or a row wider than the
// numeric flags.
func dataTableHTML(v any) (htmltemplate.HTML, error) {
	var dt *dataTable
	switch t := v.(type) {
	case dataTable:
		dt = &t
	case *dataTable:
		dt = t
	}
	if dt == nil {
		return "", fmt.Errorf("table: %T is not a data table", v)
	}
	var b strings.Builder
	b.Grow(256 + 48*len(dt.Columns)*(len(dt.Rows)+1))
	b.WriteString("\n<div class=\"table-wrap\"><table class=\"grid\">\n  <thead><tr>")
	for _, c := range dt.Columns {
		b.WriteString("<th>")
		writeText(&b, c)
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead>\n  <tbody>\n  \n  ")
	for r, row := range dt.Rows {
		b.WriteString("<tr>")
		for i, c := range row {
			if i >= len(dt.Numeric) {
				return "", fmt.Errorf("table: cell %d of row %d has no numeric flag (%d)", i, r, len(dt.Numeric))
			}
			b.WriteString("<td")
			if dt.Numeric[i] {
				b.WriteString(` class="num"`)
			}
			b.WriteString(">")
			if l := dt.Link(r, i); l != "" {
				b.WriteString(`<a href="`)
				writeURL(&b, l)
				b.WriteString(`">`)
				writeText(&b, c)
				b.WriteString("</a>")
			} else {
				writeText(&b, c)
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	if len(dt.Rows) == 0 {
		b.WriteString(`<tr><td colspan="`)
		b.WriteString(strconv.Itoa(len(dt.Columns)))
		b.WriteString(`" class="empty">暂无数据</td></tr>`)
	}
	b.WriteString("\n  </tbody>\n</table></div>\n")
	return htmltemplate.HTML(b.String()), nil
}
