package xmlsheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strings"

	"gongkai/ingest/doc"
)

// ReadODS reads an OpenDocument spreadsheet (.ods): each table a grid;
// repeated rows and columns laid out (empty ones only skipped);
// number-columns-spanned and number-rows-spanned merge; a float or currency
// cell reads as its stored office:value, a date as its
// office:date-value. Its cells' locations read like a workbook's ("表三!D12").
//
// It returns a *gongkai.Error (CodeInvalid) for a damaged file, one without
// content.xml or tables, or one larger than a report can be.
func ReadODS(data []byte) (*doc.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, invalid("文件已损坏，无法作为 OpenDocument 表格（.ods）打开", err)
	}
	var content *zip.File
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			content = f
		}
	}
	if content == nil {
		return nil, invalid("不是 OpenDocument 表格：缺少 content.xml", nil)
	}
	if content.UncompressedSize64 > maxXML {
		return nil, invalid("表格过大，不像年度报告", nil)
	}
	rc, err := content.Open()
	if err != nil {
		return nil, invalid("OpenDocument 表格已损坏，无法解压", err)
	}
	defer rc.Close()

	b := &book{}
	var s *sheet
	row, col := 0, 0
	rowRepeat := 1
	type pending struct {
		col, repeat int
		text        string
	}
	var cells []pending // the cells of the row being read
	var text strings.Builder
	inCell, paras := false, 0
	cellRepeat, value := 1, ""
	laid := 0 // cells laid out, against the limit, before merges
	err = tokens(rc, "OpenDocument 表格", func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "table":
				if t.Name.Space != "" && !strings.Contains(t.Name.Space, "table") {
					return nil
				}
				var err error
				if s, err = b.add("ods", attr(t, "name")); err != nil {
					return err
				}
				row = 0
			case "table-row":
				rowRepeat = count(t, "number-rows-repeated", 1, maxRows)
				cells, col = cells[:0], 0
			case "table-cell", "covered-table-cell":
				inCell, paras = true, 0
				text.Reset()
				cellRepeat = count(t, "number-columns-repeated", 1, maxCols)
				value = ""
				switch attr(t, "value-type") {
				case "float", "currency":
					value = number(attr(t, "value"))
				case "date":
					value = attr(t, "date-value")
				}
				across, down := count(t, "number-columns-spanned", 1, maxCols), count(t, "number-rows-spanned", 1, maxRows)
				if s != nil && (across > 1 || down > 1) {
					s.merges = append(s.merges, [4]int{row, col, down - 1, across - 1})
				}
			case "p":
				if inCell && paras > 0 {
					text.WriteByte(' ')
				}
				paras++
			case "s", "tab", "line-break":
				if inCell {
					text.WriteByte(' ')
				}
			}
		case xml.CharData:
			if inCell {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "table-cell", "covered-table-cell":
				v := strings.TrimSpace(text.String())
				if value != "" && (v == "" || number(strings.ReplaceAll(strings.TrimSuffix(v, "%"), ",", "")) != "") {
					v = value // shown rounded or formatted: the stored number
				}
				if v != "" {
					cells = append(cells, pending{col, cellRepeat, v})
				}
				col += cellRepeat
				inCell = false
			case "table-row":
				if s == nil || len(cells) == 0 {
					row += rowRepeat
					return nil
				}
				// A repeated row with text is laid out as often as it
				// repeats, within the limits.
				for k := 0; k < rowRepeat && row+k < maxRows; k++ {
					for _, c := range cells {
						for j := 0; j < c.repeat && c.col+j < maxCols; j++ {
							if laid++; laid > maxGridCells {
								return invalid("表格的单元格过多，不像年度报告", nil)
							}
							s.set(row+k, c.col+j, c.text)
						}
					}
				}
				row += rowRepeat
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.finish("ods")
}
