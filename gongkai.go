// Package gongkai holds the domain of the project: the annual government
// information-disclosure report (政府信息公开工作年度报告) as a value, the findings
// that validation attaches to it, and the definitions of the report formats.
//
// Every other package imports this one and nothing here imports them:
// ingest turns files into Reports, warehouse stores them, dashboard shows them.
// The format definitions (formats/*.json) are data; code that knows a format
// (label matching, rules, the blank template, the official-layout rendering,
// the measure catalogue) reads them instead of hard-coding labels.
package gongkai

import (
	"errors"
	"fmt"
	"strings"
)

// Regime identifiers, as stored in Report.Format.
const (
	Format2021    = "2021"
	Format2019    = "2019"
	FormatPre2019 = "pre2019"
)

// Severities of a Finding.
const (
	SeverityError   = "error"   // the report contradicts itself, or a cell cannot be read
	SeverityWarning = "warning" // suspicious, but possibly right
)

// Applicant values. Every measure outside table 三 has applicant ApplicantTotal.
const (
	ApplicantNatural       = "natural"
	ApplicantBusiness      = "business"
	ApplicantResearch      = "research"
	ApplicantNGO           = "ngo"
	ApplicantLegalServices = "legal_services"
	ApplicantOther         = "other"
	ApplicantTotal         = "total"
)

// Applicants lists the applicant dimension of table 三 in the official column order.
var Applicants = []string{
	ApplicantNatural, ApplicantBusiness, ApplicantResearch, ApplicantNGO,
	ApplicantLegalServices, ApplicantOther, ApplicantTotal,
}

// Report is one agency's annual report for one year, as the source states it.
// Values are never corrected: a report that breaks the rules keeps its figures
// and carries Findings that say where and how.
type Report struct {
	Agency string `json:"agency"`
	Year   int    `json:"year"`   // the year the data covers, not the publication year
	Format string `json:"format"` // Format2021, Format2019 or FormatPre2019

	// Region and level, when the source states them (cover sheet); empty means unknown.
	Province string `json:"province,omitempty"`
	City     string `json:"city,omitempty"`
	County   string `json:"county,omitempty"`
	Level    string `json:"level,omitempty"`

	Published string `json:"published,omitempty"` // publication date as YYYY-MM-DD, when stated
	Source    Source `json:"source"`

	Values   []Value   `json:"values"`
	Findings []Finding `json:"findings"`
	Sections []Section `json:"sections,omitempty"`
}

// Source describes the file a report was read from.
type Source struct {
	Kind   string `json:"kind"` // "xlsx", "html" or "text"
	Name   string `json:"name"` // the file name as uploaded
	SHA256 string `json:"sha256,omitempty"`
	Size   int64  `json:"size,omitempty"`
}

// Value is one figure of a report: a measure (canonical code, see
// report-format.md) for one applicant column. Number is nil when the source
// leaves the cell blank (or "/", "-", "无"): blank is stored as blank, and
// counts as 0 only inside sums.
type Value struct {
	Measure   string   `json:"measure"`
	Applicant string   `json:"applicant"`
	Number    *float64 `json:"value"`
	Unit      string   `json:"unit,omitempty"` // a unit the cell itself names ("元", "万元"); empty when unstated
	Raw       string   `json:"raw"`            // the cell text exactly as read
	At        string   `json:"at"`             // where a person finds it: "表三!D12", "line 87"
	// Source is SourceNarrative for a figure read from a sentence of the
	// report's text rather than from a table cell; empty for table cells
	// (and cover-sheet fields). Raw then holds the sentence.
	Source string `json:"source,omitempty"`
}

// Limits of a figure gongkai stores. A float64 holds every number of at most
// FigureDigits significant digits exactly as printed, and below MaxFigure
// (15 digits before the point) a figure of whole units is one of those; sums
// of such figures fit the roll-up's DECIMAL(38, 6) many times over. No
// report states a number near MaxFigure (a country's fees are about 1e12
// 元), so a figure beyond either limit is a typo or a cell run together:
// ingest leaves it blank with an error finding at its cell, the warehouse
// refuses one from a caller that bypasses ingest, and migration 0019 blanks
// those an older loader stored, each with a finding.
//
// RollupDecimals is how many decimals the roll-up counts (万元 to the 分):
// ingest warns at an amount of more, which the roll-up counts rounded.
const (
	MaxFigure      = 1e15
	FigureDigits   = 15
	RollupDecimals = 6
)

// SourceNarrative marks a Value read from the narrative: a report without
// the statutory tables states its figures in sentences.
const SourceNarrative = "narrative"

// Finding is one problem found in a report. At names the place as a person
// reads it ("表三!D12", "line 87"); RowLabel and ColumnLabel give the labels of
// that cell when there is one. For sum rules Expected and Actual hold the two
// sides.
type Finding struct {
	Rule        string   `json:"rule"`
	Severity    string   `json:"severity"`
	At          string   `json:"at"`
	RowLabel    string   `json:"row,omitempty"`
	ColumnLabel string   `json:"column,omitempty"`
	Measure     string   `json:"measure,omitempty"`
	Applicant   string   `json:"applicant,omitempty"`
	Message     string   `json:"message"`
	Expected    *float64 `json:"expected,omitempty"`
	Actual      *float64 `json:"actual,omitempty"`
}

// Section is one numbered narrative section of a report (一、总体情况 …).
type Section struct {
	Numeral string `json:"numeral"` // "一" … "六"
	Title   string `json:"title"`
	Text    string `json:"text"`
	At      string `json:"at,omitempty"`
}

// Lookup returns the value of measure for applicant, and whether the report has it.
func (r *Report) Lookup(measure, applicant string) (Value, bool) {
	for _, v := range r.Values {
		if v.Measure == measure && v.Applicant == applicant {
			return v, true
		}
	}
	return Value{}, false
}

// CountSeverities counts the findings of severity error and the rest
// (warnings).
func CountSeverities(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Float returns a pointer to f; findings and values use pointers so that
// "absent" and "zero" stay apart.
func Float(f float64) *float64 { return &f }

// Error is an error whose Message is safe to show to a user (in Chinese) as it
// is. Code classifies it for the caller (HTTP status, exit code); Err, when
// set, is the underlying cause for the logs.
type Error struct {
	Code    string // one of the Code* constants
	Message string
	Err     error
}

// Error codes.
const (
	CodeInvalid     = "invalid"     // bad input: a file that is not a report, a bad filter, bad SQL
	CodeNotFound    = "not_found"   // no such agency, report, query
	CodeForbidden   = "forbidden"   // not allowed for this user
	CodeConflict    = "conflict"    // already there
	CodeTimeout     = "timeout"     // the work took too long and was stopped
	CodeBusy        = "busy"        // too much of the same work runs already: try again later
	CodeUnavailable = "unavailable" // a part of the server cannot run (the PDF reader): the administrator must act
	CodeInternal    = "internal"    // anything else: the user sees a generic message
)

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with code and a formatted user-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err when it is (or wraps) an *Error, and
// CodeInternal otherwise.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// ErrorMessage returns the user-safe message of err when it is (or wraps) an
// *Error, and a generic message otherwise, so that internal detail never
// reaches a user.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != CodeInternal {
		return e.Message
	}
	return "内部错误，请稍后重试或联系管理员。"
}

// MeasureLabel returns the Chinese label of a measure code from the catalogue,
// or the code itself when it is unknown.
func MeasureLabel(code string) string {
	if m, ok := CatalogueByCode()[code]; ok {
		return m.Label
	}
	return code
}

// ApplicantLabel returns the Chinese column label of an applicant code.
func ApplicantLabel(a string) string {
	switch a {
	case ApplicantNatural:
		return "自然人"
	case ApplicantBusiness:
		return "商业企业"
	case ApplicantResearch:
		return "科研机构"
	case ApplicantNGO:
		return "社会公益组织"
	case ApplicantLegalServices:
		return "法律服务机构"
	case ApplicantOther:
		return "其他"
	case ApplicantTotal:
		return "总计"
	}
	return strings.TrimSpace(a)
}
