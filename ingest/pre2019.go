package ingest

import "gongkai"

// pre2019Extras reads a pre-2019 report (no official tables).
func pre2019Extras(doc *Document, r *gongkai.Report) {}
