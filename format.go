package gongkai

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
)

// The format definitions. One file per regime plus common.json for what all
// regimes share (the cover sheet, narrative measures, rules across years).
//
//go:embed formats/*.json
var formatFS embed.FS

// Format is the definition of one report regime: its tables, the labels and
// aliases of their rows and columns, the measure of every cell, and the rules
// its figures obey.
type Format struct {
	ID     string   `json:"id"`     // Format2021, Format2019, FormatPre2019
	Name   string   `json:"name"`   // Chinese name with the instrument that set it
	Years  string   `json:"years"`  // the years it officially covers, for people
	Detect []string `json:"detect"` // labels found only in this format; the locator scores them
	Tables []Table  `json:"tables"`
	Rules  []Rule   `json:"rules"`
	// Derived measures computed from others of the same report, e.g. the
	// 2019-style apps.other as the sum of 2021's three sub-rows.
	Derived []Derived `json:"derived,omitempty"`
	// Measures a format states outside tables (pre2019: narrative and
	// provincial statistics). An entry with only a code marks a canonical
	// measure of the tables as stated in this format too.
	Measures []Measure `json:"measures,omitempty"`
}

// Table is one of the numbered statistics tables (二, 三, 四).
type Table struct {
	ID      string   `json:"id"`      // "proactive", "applications", "reviews"
	Numeral string   `json:"numeral"` // "二", "三", "四": the section numeral it stands under
	Title   string   `json:"title"`   // "主动公开政府信息情况"
	Aliases []string `json:"aliases,omitempty"`
	Blocks  []Block  `json:"blocks"`
}

// Block is one rectangular grid inside a table: a header row of Columns and a
// list of Rows. Table 二 has one block per 第二十条 item; tables 三 and 四 have one.
//
// The measure of a cell is Row.Measure joined with Column.Key by "." (empty
// parts skipped) when Dimension is "measure"; when Dimension is "applicant"
// the measure is Row.Measure and the applicant is Column.Key.
type Block struct {
	Title     string   `json:"title,omitempty"` // "第二十条第（一）项"
	Corner    string   `json:"corner,omitempty"`
	Header    string   `json:"header,omitempty"` // a label spanning all value columns ("申请人情况")
	Dimension string   `json:"dimension"`        // "measure" or "applicant"
	Columns   []Column `json:"columns"`
	Rows      []Row    `json:"rows"`
}

// Column is one value column of a block.
type Column struct {
	Key     string   `json:"key"`
	Label   string   `json:"label"`
	Aliases []string `json:"aliases,omitempty"`
	// Group is the label of a merged header above this column ("法人或其他组织",
	// "行政复议", "行政诉讼"); Subgroup a second such level ("未经复议直接起诉").
	Group    string `json:"group,omitempty"`
	Subgroup string `json:"subgroup,omitempty"`
	Kind     string `json:"kind,omitempty"` // "count" (default), "signed", "money"
	Unit     string `json:"unit,omitempty"` // the unit the format prints in the header ("万元"); empty when none
}

// Row is one row of a block. A Group row carries a label and no figures
// (三、本年度办理结果, （三）不予公开); Parent names the group a row stands under.
type Row struct {
	Measure string   `json:"measure"`
	Label   string   `json:"label"`
	Aliases []string `json:"aliases,omitempty"`
	Group   bool     `json:"group,omitempty"`
	Parent  string   `json:"parent,omitempty"`
	Kind    string   `json:"kind,omitempty"` // overrides the column kind for the whole row
}

// Rule is one arithmetic rule of a format, evaluated on the values of a report.
//
// Kind "sum": sum(LHS) = sum(RHS). With PerApplicant it holds for every
// applicant column; otherwise for applicant "total". The finding stands at the
// first LHS cell.
//
// Kind "parts_within": the figures of RHS that a report states add up to
// no more than LHS (counts are never negative, so the parts read bound the
// sum from below, whatever parts are not stated). For a pre-2019 report's
// outcomes, stated line by line, most of which a page may leave unsaid: a
// sum rule needs every part. A warning, and no figure changes.
//
// Kind "applicant_sum": for every row of Table, the 总计 column equals the sum
// of the other applicant columns; the finding stands at the 总计 cell.
//
// Kind "prior_year": LHS of this year equals the sum of RHS in the same
// agency's report for the previous year (checked when a report is loaded).
//
// Kind "values": every cell holds a value its column kind allows (non-negative
// integer counts, signed deltas, decimal money).
//
// Kind "filled": at least one cell of the statistics tables holds a figure. A
// report whose tables are all blank (an uploaded blank template) would
// otherwise load as a report with no findings; the finding stands at the
// first cell the report has, or nowhere when it has none.
type Rule struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Severity     string   `json:"severity"`
	Kind         string   `json:"kind"`
	Table        string   `json:"table,omitempty"`
	LHS          []string `json:"lhs,omitempty"`
	RHS          []string `json:"rhs,omitempty"`
	PerApplicant bool     `json:"per_applicant,omitempty"`
}

// Derived is a measure computed as the sum of others when a report lacks it.
type Derived struct {
	Measure string   `json:"measure"`
	Sum     []string `json:"sum"`
}

// Common is what every regime shares: the cover sheet fields, measures stated
// only in the narrative, and rules across years.
type Common struct {
	Cover     []CoverField `json:"cover"`
	Narrative []Measure    `json:"narrative"`
	Rules     []Rule       `json:"rules"`
}

// CoverField is one labelled field of the cover sheet of a workbook. Key is
// a report attribute ("agency", "year", "province", "city", "county", "level",
// "published") or empty when the field is a figure, in which case Measure
// names it.
type CoverField struct {
	Key      string   `json:"key,omitempty"`
	Measure  string   `json:"measure,omitempty"`
	Label    string   `json:"label"`
	Aliases  []string `json:"aliases,omitempty"`
	Required bool     `json:"required,omitempty"`
	Hint     string   `json:"hint,omitempty"`
}

// Measure is one entry of the measure catalogue.
type Measure struct {
	Code    string   `json:"code"`
	Label   string   `json:"label"`        // Chinese, e.g. "行政许可 本年处理决定数量"
	Table   string   `json:"table"`        // table id, or "narrative"
	Group   string   `json:"group"`        // the block title or row group
	Formats []string `json:"formats"`      // the regimes that have it
	Unit    string   `json:"unit"`         // "件", "条", "万元", "" when unstated
	Kind    string   `json:"kind"`         // "count", "signed", "money"
	ByApp   bool     `json:"by_applicant"` // true when it has the seven applicant columns
	Derived bool     `json:"derived,omitempty"`
}

// Cell returns the measure and applicant of the cell at row r and column c of the block.
func (b *Block) Cell(r Row, c Column) (measure, applicant string) {
	if b.Dimension == "applicant" {
		return r.Measure, c.Key
	}
	parts := make([]string, 0, 2)
	for _, p := range []string{r.Measure, c.Key} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "."), ApplicantTotal
}

// CellKind returns the value kind of the cell at row r and column c: the
// row's kind when it sets one, else the column's, else "count".
func CellKind(r Row, c Column) string {
	switch {
	case r.Kind != "":
		return r.Kind
	case c.Kind != "":
		return c.Kind
	}
	return "count"
}

// Table returns the table with the given id, or nil.
func (f *Format) Table(id string) *Table {
	for i := range f.Tables {
		if f.Tables[i].ID == id {
			return &f.Tables[i]
		}
	}
	return nil
}

var loadOnce = sync.OnceValues(loadFormats)

type formatSet struct {
	formats   []*Format
	untabled  []*Format // formats without tables (pre2019): not in Formats, found by FormatByID
	common    *Common
	catalogue []Measure
	byCode    map[string]Measure
	// measureIndex is each catalogue measure's place in catalogue, for
	// CellSlot.
	measureIndex map[string]int
}

// Formats returns the format definitions, newest first. It panics if the
// embedded definitions are malformed: that is a build defect, caught by the
// package's tests, not a run-time condition.
func Formats() []*Format {
	return mustLoad().formats
}

// FormatByID returns the definition of the given regime, or nil. It also
// finds the regimes without tables (pre2019), which Formats leaves out.
func FormatByID(id string) *Format {
	for _, f := range Formats() {
		if f.ID == id {
			return f
		}
	}
	for _, f := range mustLoad().untabled {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// CommonDefs returns the definitions shared by all regimes.
func CommonDefs() *Common { return mustLoad().common }

// Catalogue returns every measure code the formats define, sorted by code.
func Catalogue() []Measure { return mustLoad().catalogue }

// CatalogueByCode returns the catalogue keyed by measure code.
func CatalogueByCode() map[string]Measure { return mustLoad().byCode }

func mustLoad() *formatSet {
	s, err := loadOnce()
	if err != nil {
		panic(err)
	}
	return s
}

func loadFormats() (*formatSet, error) {
	entries, err := formatFS.ReadDir("formats")
	if err != nil {
		return nil, err
	}
	s := &formatSet{byCode: map[string]Measure{}}
	for _, e := range entries {
		data, err := formatFS.ReadFile(path.Join("formats", e.Name()))
		if err != nil {
			return nil, err
		}
		if e.Name() == "common.json" {
			s.common = new(Common)
			if err := json.Unmarshal(data, s.common); err != nil {
				return nil, fmt.Errorf("formats/common.json: %w", err)
			}
			continue
		}
		f := new(Format)
		if err := json.Unmarshal(data, f); err != nil {
			return nil, fmt.Errorf("formats/%s: %w", e.Name(), err)
		}
		if len(f.Tables) == 0 {
			s.untabled = append(s.untabled, f)
			continue
		}
		s.formats = append(s.formats, f)
	}
	if s.common == nil {
		return nil, fmt.Errorf("formats/common.json is missing")
	}
	sort.Slice(s.formats, func(i, j int) bool { return s.formats[i].ID > s.formats[j].ID })
	add := func(m Measure, format string) {
		if old, ok := s.byCode[m.Code]; ok {
			old.Formats = appendUnique(old.Formats, format)
			s.byCode[m.Code] = old
			return
		}
		if format != "" {
			m.Formats = []string{format}
		}
		s.byCode[m.Code] = m
	}
	for _, f := range s.formats {
		for _, t := range f.Tables {
			for _, b := range t.Blocks {
				group := b.Title
				for _, r := range b.Rows {
					if r.Group {
						group = r.Label
						continue
					}
					if b.Dimension == "applicant" {
						add(Measure{Code: r.Measure, Label: r.Label, Table: t.ID, Group: groupOf(b, r),
							Unit: "件", Kind: CellKind(r, Column{}), ByApp: true}, f.ID)
						continue
					}
					for _, c := range b.Columns {
						code, _ := b.Cell(r, c)
						label := strings.TrimSpace(strings.Join(nonEmpty(c.Group, c.Subgroup, r.Label, c.Label), " "))
						unit := c.Unit
						kind := CellKind(r, c)
						if unit == "" && kind != "money" {
							unit = "件"
						}
						add(Measure{Code: code, Label: label, Table: t.ID, Group: group, Unit: unit, Kind: kind}, f.ID)
					}
				}
			}
		}
	}
	// Derived measures last, so that a measure one format states in a table
	// keeps that table's label and shape.
	for _, f := range s.formats {
		for _, d := range f.Derived {
			if _, ok := s.byCode[d.Measure]; ok {
				add(Measure{Code: d.Measure}, f.ID)
				continue
			}
			add(Measure{Code: d.Measure, Label: d.Measure, Table: "applications", Kind: "count", Unit: "件", ByApp: true, Derived: true}, f.ID)
		}
	}
	for _, m := range s.common.Narrative {
		add(m, "")
	}
	// Measures stated outside tables last, so that a code-only entry marks
	// an existing measure as stated in that format too.
	for _, f := range append(append([]*Format(nil), s.formats...), s.untabled...) {
		for _, m := range f.Measures {
			add(m, f.ID)
		}
	}
	for _, m := range s.byCode {
		s.catalogue = append(s.catalogue, m)
	}
	sort.Slice(s.catalogue, func(i, j int) bool { return s.catalogue[i].Code < s.catalogue[j].Code })
	s.measureIndex = make(map[string]int, len(s.catalogue))
	for i, m := range s.catalogue {
		s.measureIndex[m.Code] = i
	}
	return s, nil
}

func groupOf(b Block, r Row) string {
	if r.Parent != "" {
		return r.Parent
	}
	return b.Title
}

func nonEmpty(ss ...string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func appendUnique(ss []string, s string) []string {
	if s == "" {
		return ss
	}
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}
