package ingest

import "gongkai"

// ReadXLSX reads a workbook into one Grid per worksheet. Placeholder until the
// xlsx reader lands (owned by the xlsx work; replace this file).
func ReadXLSX(data []byte) (*Document, error) {
	return nil, gongkai.Errorf(gongkai.CodeInvalid, "暂不支持 .xlsx")
}
