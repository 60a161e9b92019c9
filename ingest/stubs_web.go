package ingest

import "gongkai"

// Placeholders until the web readers land (owned by the web-text work;
// replace this file with html.go, text.go, narrative.go …).

// ReadHTML reads an HTML page into grids (its tables) and lines (the text outside them).
func ReadHTML(data []byte) (*Document, error) {
	return nil, gongkai.Errorf(gongkai.CodeInvalid, "暂不支持 HTML")
}

// ReadText reads published page text into grids and lines.
func ReadText(data []byte) (*Document, error) {
	return nil, gongkai.Errorf(gongkai.CodeInvalid, "暂不支持文本")
}

// webExtras adds what only web sources carry: metadata from the page lines
// (title, statistics period, publication date), narrative figures and their
// contradictions with the tables, and the pre-2019 narrative measures.
// Called by Extract after the tables are located, before validation.
func webExtras(doc *Document, r *gongkai.Report) {}
