//go:build cgo && !nopoppler

package pdf

// #cgo pkg-config: poppler-cpp
// #cgo CXXFLAGS: -std=c++17 -O2
// #include <stdlib.h>
// #include "poppler_shim.h"
import "C"

import "unsafe"

// engine is poppler linked into this binary. It is called only in a worker
// process (worker.go), never in the server's, so that a PDF that crashes
// poppler or takes its memory takes only the worker down.
var engine = popplerBBox

// popplerBBox returns the words of data in pdftotext -bbox's XHTML with
// status statusOK, or one of the other statuses and no output.
func popplerBBox(data []byte) (byte, []byte) {
	if len(data) == 0 {
		return statusDamaged, nil
	}
	buf := C.CBytes(data)
	defer C.free(buf)
	var out *C.char
	var n C.long
	switch C.gk_pdf_bbox((*C.char)(buf), C.int(len(data)), C.int(maxPages), C.long(maxOutput), &out, &n) {
	case C.GK_OK:
		defer C.free(unsafe.Pointer(out))
		return statusOK, C.GoBytes(unsafe.Pointer(out), C.int(n))
	case C.GK_PASSWORD:
		return statusPassword, nil
	case C.GK_TOO_LARGE:
		return statusTooLarge, nil
	}
	return statusDamaged, nil
}
