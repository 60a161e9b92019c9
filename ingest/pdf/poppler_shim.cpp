//go:build cgo && !nopoppler

// The worker's PDF engine: poppler's C++ interface, whose page::text_list()
// gives the words of poppler's TextOutputDev, the same words and boxes
// pdftotext -bbox prints (compared on every fixture in testdata/media).
// The words are written in pdftotext's XHTML so that one parser (parseBBox)
// reads both engines' output.

#include "poppler_shim.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

// quiet drops poppler's messages about damaged objects: the worker's stderr
// is not read, and a damaged file is reported by the result.
void quiet(const std::string &, void *) {}

void escape(std::string &s, const std::string &text) {
    for (char c : text) {
        switch (c) {
        case '&': s += "&amp;"; break;
        case '<': s += "&lt;"; break;
        case '>': s += "&gt;"; break;
        case '"': s += "&quot;"; break;
        case '\'': s += "&apos;"; break;
        default: s += c;
        }
    }
}

void num(std::string &s, const char *name, double v) {
    char b[64];
    snprintf(b, sizeof b, " %s=\"%f\"", name, v);
    s += b;
}

} // namespace

extern "C" int gk_pdf_bbox(const char *data, int len, int max_pages, long max_out, char **out, long *out_len) {
    static bool once = [] { poppler::set_debug_error_function(quiet, nullptr); return true; }();
    (void)once;
    try {
        // load_from_raw_data reads from data without copying it, so data
        // outlives the document.
        std::unique_ptr<poppler::document> d(poppler::document::load_from_raw_data(data, len));
        if (!d) {
            return GK_DAMAGED;
        }
        if (d->is_locked()) {
            return GK_PASSWORD;
        }
        std::string s = "<doc>\n";
        int n = d->pages();
        if (n > max_pages) {
            n = max_pages;
        }
        for (int i = 0; i < n; i++) {
            std::unique_ptr<poppler::page> p(d->create_page(i));
            if (!p) {
                return GK_DAMAGED;
            }
            // The crop box: text_list's coordinates start at its corner.
            poppler::rectf r = p->page_rect();
            s += "<page";
            num(s, "width", r.width());
            num(s, "height", r.height());
            s += ">\n";
            for (auto &w : p->text_list()) {
                poppler::rectf b = w.bbox();
                s += "<word";
                num(s, "xMin", b.left());
                num(s, "yMin", b.top());
                num(s, "xMax", b.right());
                num(s, "yMax", b.bottom());
                s += ">";
                poppler::byte_array u = w.text().to_utf8();
                escape(s, std::string(u.begin(), u.end()));
                s += "</word>\n";
                if ((long)s.size() > max_out) {
                    return GK_TOO_LARGE;
                }
            }
            s += "</page>\n";
        }
        s += "</doc>\n";
        *out = (char *)malloc(s.size());
        if (!*out) {
            return GK_TOO_LARGE;
        }
        memcpy(*out, s.data(), s.size());
        *out_len = (long)s.size();
        return GK_OK;
    } catch (...) {
        return GK_DAMAGED;
    }
}
