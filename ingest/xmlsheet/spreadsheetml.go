package xmlsheet

import (
	"bytes"
	"encoding/xml"
	"strings"

	"gongkai/ingest/doc"
)

// ReadSpreadsheetML reads an Excel 2003 XML workbook (SpreadsheetML): each
// Worksheet a grid; ss:Index skips, ss:MergeAcross and ss:MergeDown merge;
// a Number cell reads as its stored number. Its cells' locations read like a
// workbook's ("表三!D12").
//
// It returns a *gongkai.Error (CodeInvalid) for XML that does not parse, a
// workbook without worksheets, or one larger than a report can be.
func ReadSpreadsheetML(data []byte) (*doc.Document, error) {
	b := &book{}
	var s *sheet
	row, col := -1, -1
	var text strings.Builder
	inData, typ := false, ""
	skip := 0 // columns a merge takes after the cell being read
	err := tokens(bytes.NewReader(data), "Excel 2003 XML 表格", func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Worksheet":
				var err error
				if s, err = b.add("xls", attr(t, "Name")); err != nil {
					return err
				}
				row = -1
			case "Row":
				row = count(t, "Index", row+2, maxRows+1) - 1
				col = -1
			case "Cell":
				col = count(t, "Index", col+2, maxCols+1) - 1
				text.Reset()
				typ = ""
				across, down := count(t, "MergeAcross", 0, maxCols), count(t, "MergeDown", 0, maxRows)
				if s != nil && (across > 0 || down > 0) {
					s.merges = append(s.merges, [4]int{row, col, down, across})
				}
				skip = across
			case "Data":
				inData, typ = true, attr(t, "Type")
			}
		case xml.CharData:
			if inData {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Data":
				inData = false
			case "Cell":
				if s == nil {
					col += skip
					skip = 0
					return nil
				}
				v := strings.TrimSpace(text.String())
				if typ == "Number" {
					if n := number(v); n != "" {
						v = n
					}
				}
				s.set(row, col, v)
				// The next cell without an index comes after the merge.
				col += skip
				skip = 0
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.finish("xls")
}
