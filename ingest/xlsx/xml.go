package xlsx

import (
	"bytes"
	"errors"
	"strconv"
	"unicode/utf8"
)

// xmlScanner is a small pull tokenizer for the parts of a workbook. It is
// several times faster than encoding/xml, which matters because reading
// workbooks is the hot path of a bulk load: it does not build a namespace
// table, validate names or allocate a token per element. It knows just
// enough XML for SpreadsheetML: start, end and self-closing tags with
// attributes, character data with the predefined and numeric entities,
// CDATA, and it skips comments, processing instructions and DOCTYPE. Names
// are compared by their local part, so "x:c" and "c" are the same element.
//
// Malformed input (a tag that never closes) ends the scan with err set; it
// never panics and never reads past the input.
type xmlScanner struct {
	data []byte
	pos  int

	kind       xmlKind
	name       []byte // local name of the current start or end tag
	attrs      []byte // the raw attribute text of the current start tag
	text       []byte // raw character data of the current text token
	cdata      bool   // text is CDATA: no entities to decode
	pendingEnd bool   // the last start tag was self-closing: emit its end next
	err        error
}

type xmlKind int

const (
	xmlEOF xmlKind = iota
	xmlStart
	xmlEnd
	xmlText
)

var errXMLSyntax = errors.New("xml: unterminated markup")

func newXMLScanner(data []byte) *xmlScanner { return &xmlScanner{data: data} }

// next advances to the next token and returns its kind.
func (s *xmlScanner) next() xmlKind {
	if s.pendingEnd {
		s.pendingEnd = false
		s.kind = xmlEnd
		return s.kind
	}
	for {
		if s.pos >= len(s.data) || s.err != nil {
			s.kind = xmlEOF
			return s.kind
		}
		if s.data[s.pos] != '<' {
			end := bytes.IndexByte(s.data[s.pos:], '<')
			if end < 0 {
				end = len(s.data) - s.pos
			}
			s.text = s.data[s.pos : s.pos+end]
			s.cdata = false
			s.pos += end
			s.kind = xmlText
			return s.kind
		}
		rest := s.data[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			if !s.skipPast("-->") {
				return s.fail()
			}
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				return s.fail()
			}
			s.text = rest[len("<![CDATA["):end]
			s.cdata = true
			s.pos += end + len("]]>")
			s.kind = xmlText
			return s.kind
		case bytes.HasPrefix(rest, []byte("<?")):
			if !s.skipPast("?>") {
				return s.fail()
			}
			continue
		case bytes.HasPrefix(rest, []byte("<!")):
			if !s.skipPast(">") {
				return s.fail()
			}
			continue
		}
		return s.tag()
	}
}

func (s *xmlScanner) fail() xmlKind {
	s.err = errXMLSyntax
	s.kind = xmlEOF
	return s.kind
}

func (s *xmlScanner) skipPast(marker string) bool {
	i := bytes.Index(s.data[s.pos:], []byte(marker))
	if i < 0 {
		return false
	}
	s.pos += i + len(marker)
	return true
}

// tag reads a start or end tag at s.pos. A '>' inside a quoted attribute
// value does not end the tag.
func (s *xmlScanner) tag() xmlKind {
	i := s.pos + 1
	end := false
	if i < len(s.data) && s.data[i] == '/' {
		end = true
		i++
	}
	nameStart := i
	for i < len(s.data) && !isXMLSpace(s.data[i]) && s.data[i] != '>' && s.data[i] != '/' {
		i++
	}
	name := s.data[nameStart:i]
	attrStart := i
	for i < len(s.data) && s.data[i] != '>' {
		if c := s.data[i]; c == '"' || c == '\'' {
			// Jump over a quoted value, which may hold '>'.
			end := bytes.IndexByte(s.data[i+1:], c)
			if end < 0 {
				return s.fail()
			}
			i += end + 2
			continue
		}
		i++
	}
	if i >= len(s.data) {
		return s.fail()
	}
	attrs := s.data[attrStart:i]
	s.pos = i + 1
	if colon := bytes.LastIndexByte(name, ':'); colon >= 0 {
		name = name[colon+1:]
	}
	s.name = name
	if end {
		s.kind = xmlEnd
		return s.kind
	}
	if n := len(attrs); n > 0 && attrs[n-1] == '/' {
		attrs = attrs[:n-1]
		s.pendingEnd = true
	}
	s.attrs = attrs
	s.kind = xmlStart
	return s.kind
}

// is reports whether the current tag has the local name n.
func (s *xmlScanner) is(n string) bool { return string(s.name) == n }

// attr returns the decoded value of the attribute of the current start tag
// whose local name is n.
func (s *xmlScanner) attr(n string) (string, bool) {
	v, ok := s.attrRaw(n)
	if !ok {
		return "", false
	}
	return decodeEntities(v), true
}

// attrRaw returns the undecoded value of the attribute whose local name is
// n, without allocating; callers that only compare or parse it use this.
func (s *xmlScanner) attrRaw(n string) ([]byte, bool) {
	a := s.attrs
	for {
		i := 0
		for i < len(a) && isXMLSpace(a[i]) {
			i++
		}
		a = a[i:]
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return nil, false
		}
		key := a[:eq]
		for len(key) > 0 && isXMLSpace(key[len(key)-1]) {
			key = key[:len(key)-1]
		}
		a = a[eq+1:]
		for len(a) > 0 && isXMLSpace(a[0]) {
			a = a[1:]
		}
		if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
			return nil, false
		}
		end := bytes.IndexByte(a[1:], a[0])
		if end < 0 {
			return nil, false
		}
		val := a[1 : 1+end]
		a = a[end+2:]
		if colon := bytes.LastIndexByte(key, ':'); colon >= 0 {
			key = key[colon+1:]
		}
		if string(key) == n {
			return val, true
		}
	}
}

// textValue returns the decoded character data of the current text token.
func (s *xmlScanner) textValue() string {
	if s.cdata {
		return string(s.text)
	}
	return decodeEntities(s.text)
}

// elementText collects the character data up to the end of the element
// whose start tag was just read, including text of nested elements, and
// leaves the scanner on its end tag.
func (s *xmlScanner) elementText() string {
	if s.pendingEnd {
		s.next()
		return ""
	}
	// The common case, <v>12</v>: one text token, then the end tag.
	save := s.pos
	if s.next() == xmlText && !s.cdata {
		text := s.text
		if s.next() == xmlEnd {
			return decodeEntities(text)
		}
	}
	s.pos, s.pendingEnd, s.kind = save, false, xmlStart
	var b []byte
	depth := 1
	for {
		switch s.next() {
		case xmlEOF:
			return string(b)
		case xmlStart:
			depth++
		case xmlEnd:
			depth--
			if depth == 0 {
				return string(b)
			}
		case xmlText:
			if s.cdata {
				b = append(b, s.text...)
			} else {
				b = append(b, decodeEntities(s.text)...)
			}
		}
	}
}

// elementBytes is elementText for callers that only parse the text: in the
// common case it returns the bytes of the input without copying them.
func (s *xmlScanner) elementBytes() []byte {
	if s.pendingEnd {
		s.next()
		return nil
	}
	save := s.pos
	if s.next() == xmlText && !s.cdata {
		text := s.text
		if s.next() == xmlEnd && bytes.IndexByte(text, '&') < 0 {
			return text
		}
	}
	s.pos, s.pendingEnd, s.kind = save, false, xmlStart
	return []byte(s.elementText())
}

// skipElement skips to the end of the element whose start tag was just read.
func (s *xmlScanner) skipElement() {
	depth := 1
	for depth > 0 {
		switch s.next() {
		case xmlEOF:
			return
		case xmlStart:
			depth++
		case xmlEnd:
			depth--
		}
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// decodeEntities replaces the five predefined entities and numeric
// character references. Unknown or malformed references stay as they are.
func decodeEntities(b []byte) string {
	amp := bytes.IndexByte(b, '&')
	if amp < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for amp >= 0 {
		out = append(out, b[:amp]...)
		b = b[amp:]
		semi := bytes.IndexByte(b, ';')
		if semi < 0 || semi > 12 {
			out = append(out, '&')
			b = b[1:]
		} else {
			ref := b[1:semi]
			if r, ok := entityRune(ref); ok {
				out = utf8.AppendRune(out, r)
				b = b[semi+1:]
			} else {
				out = append(out, '&')
				b = b[1:]
			}
		}
		amp = bytes.IndexByte(b, '&')
	}
	return string(append(out, b...))
}

func entityRune(ref []byte) (rune, bool) {
	switch string(ref) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ref[1] == 'x' || ref[1] == 'X' {
		n, err = strconv.ParseUint(string(ref[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ref[1:]), 10, 32)
	}
	if err != nil || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}

// decodeXString undoes the _xHHHH_ escaping SpreadsheetML uses for control
// characters in strings (Excel writes a carriage return as "_x000D_").
func decodeXString(s string) string {
	if len(s) < 7 || !containsXEscape(s) {
		return s
	}
	var b []byte
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b = utf8.AppendRune(b, rune(n))
				i += 7
				continue
			}
		}
		b = append(b, s[i])
		i++
	}
	return string(b)
}

func containsXEscape(s string) bool {
	for i := 0; i+6 < len(s); i++ {
		if s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			return true
		}
	}
	return false
}
