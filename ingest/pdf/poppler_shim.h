// The C interface of poppler_shim.cpp, which cgo can call: poppler's own
// interface is C++.
#ifndef GONGKAI_POPPLER_SHIM_H
#define GONGKAI_POPPLER_SHIM_H
#ifdef __cplusplus
extern "C" {
#endif

enum { GK_OK = 0, GK_DAMAGED = 1, GK_PASSWORD = 2, GK_TOO_LARGE = 3 };

// gk_pdf_bbox reads the words of the first max_pages pages of the PDF in
// data and writes them to *out (malloc'd, the caller frees it) in the XHTML
// shape of `pdftotext -bbox`. It returns GK_OK, GK_DAMAGED when poppler
// cannot open the file, GK_PASSWORD when it needs a password, and
// GK_TOO_LARGE when the output would pass max_out bytes; *out is set only
// with GK_OK.
int gk_pdf_bbox(const char *data, int len, int max_pages, long max_out, char **out, long *out_len);

#ifdef __cplusplus
}
#endif
#endif
