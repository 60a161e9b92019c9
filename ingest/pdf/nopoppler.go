//go:build !cgo || nopoppler

package pdf

// engine is nil in a build without poppler (-tags nopoppler, or without
// cgo): PDFs are then read by pdftotext, a process per report.
var engine func([]byte) (byte, []byte)
