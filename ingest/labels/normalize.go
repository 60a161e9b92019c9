// Package labels folds report labels for matching (Normalize) and holds the
// dictionary of every format's labels (For), built from the format
// definitions of package gongkai (formats/*.json). The label locator and the
// page-text readers share it, so that a label written in any of the ways
// real reports write it means the same thing in every medium. It depends on
// package gongkai only, so readers below ingest can use it.
package labels

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai"
)

// t2s is the traditional → simplified map for the characters report labels
// use (package gongkai's t2s.txt, which the warehouse's agency names fold
// with too). golang.org/x/text has no such mapping, and a full conversion
// table would be thousands of entries for the few hundred characters labels
// contain; the file says how it was made.
var t2s = gongkai.T2S()

// t2sSet marks the CJK characters t2s maps, so that the common case (a
// character that needs no folding) costs a bit test instead of a map lookup.
var t2sSet = func() *[(cjkLast - cjkFirst + 64) / 64]uint64 {
	var set [(cjkLast - cjkFirst + 64) / 64]uint64
	for r := range t2s {
		if r >= cjkFirst && r <= cjkLast {
			set[(r-cjkFirst)/64] |= 1 << ((r - cjkFirst) % 64)
		}
	}
	return &set
}()

// The block of CJK unified ideographs, where almost every label character is.
const (
	cjkFirst = 0x4E00
	cjkLast  = 0x9FFF
)

// Normalize folds a label for matching, so that the same label written in any
// of the ways real reports write it compares equal:
//   - full-width letters, digits and punctuation become half-width ("（一）" → "(一)", "：" → ":");
//   - every kind of white space, soft break and zero-width character is removed ("商业 企业" → "商业企业");
//   - quotation marks fold to '"' and '\” (“三安全一稳定” → "三安全一稳定");
//   - traditional characters become simplified for the characters labels use (規 → 规);
//   - a parenthesised pinyin syllable after a Chinese character, left by mirror
//     sites, is dropped ("規(guī)章" → "规章");
//   - ASCII letters become lower case.
//
// Normalize is meant for labels; cell values go through ParseValue.
func Normalize(label string) string {
	if Plain(label) {
		return label
	}
	var b strings.Builder
	b.Grow(len(label))
	var prev rune // the last rune written, for the pinyin rule
	for i := 0; i < len(label); {
		r, size := utf8.DecodeRuneInString(label[i:])
		i += size
		r = FoldRune(r)
		if r < 0 {
			continue
		}
		if r == '(' && unicode.Is(unicode.Han, prev) {
			if n := pinyinLen(label[i:]); n > 0 {
				i += n
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// Simplified returns s with the traditional characters t2s maps written in
// simplified script and every other byte as it is. A character is mapped
// only when its simplified form is as long in UTF-8 (every CJK character
// is), so an offset into the result is the same offset into s: a reader
// that matches simplified words can quote the text as it was printed.
func Simplified(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= cjkFirst && r <= cjkLast && t2sSet[(r-cjkFirst)/64]&(1<<((r-cjkFirst)%64)) != 0 {
			if t := t2s[r]; utf8.RuneLen(t) == size {
				if b == nil {
					b = []byte(s)
				}
				utf8.EncodeRune(b[i:], t)
			}
		}
		i += size
	}
	if b == nil {
		return s
	}
	return string(b)
}

// FoldRune maps one rune of a label to its folded form, as Normalize folds
// it (without Normalize's pinyin rule, which needs the runes around), or to
// -1 when the rune is dropped (white space, soft hyphen, zero-width
// characters). Readers that must keep offsets into the original text fold
// rune by rune with it.
func FoldRune(r rune) rune {
	if r >= cjkFirst && r <= cjkLast {
		if t2sSet[(r-cjkFirst)/64]&(1<<((r-cjkFirst)%64)) != 0 {
			return t2s[r]
		}
		return r
	}
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII variants
		r -= 0xFEE0
	case r == 0x00AD || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF:
		return -1
	case unicode.IsSpace(r):
		return -1
	}
	switch r {
	case '“', '”', '„', '‟', '「', '」', '『', '』', '〝', '〞':
		return '"'
	case '‘', '’', '‚', '‛':
		return '\''
	case '・', '‧', '•', '∙':
		return '·'
	}
	if r >= 'A' && r <= 'Z' {
		return r + ('a' - 'A')
	}
	if s, ok := t2s[r]; ok {
		return s
	}
	return r
}

// PinyinLen returns the length in bytes of a parenthesised pinyin syllable's
// rest at the start of s ("guī)" → 5), or 0 when s does not start with one:
// what a reader of sentences drops after a Chinese character and an opening
// parenthesis, as Normalize does.
func PinyinLen(s string) int { return pinyinLen(s) }

// pinyinLen returns the length in bytes of a pinyin syllable and its closing
// parenthesis at the start of s ("guī)" → 5), or 0 when s does not start
// with one. A syllable is one to seven lower-case Latin letters (with tone marks) or
// tone digits, holding at least one letter; pinyin is written in lower case,
// which keeps "(A)" apart.
func pinyinLen(s string) int {
	letters := 0
	for i, n := 0, 0; i < len(s) && n <= 8; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		r2 := r
		if r >= 0xFF01 && r <= 0xFF5E {
			r2 = r - 0xFEE0
		}
		switch {
		case r2 == ')':
			if letters == 0 || n > 7 {
				return 0
			}
			return i + size
		case unicode.Is(unicode.Latin, r2) && unicode.IsLower(r2):
			letters++
		case r2 >= '1' && r2 <= '5':
		default:
			return 0
		}
		i += size
	}
	return 0
}

// Plain reports whether s needs no folding at all (Normalize returns it
// unchanged and FoldRune keeps each of its runes), the common case for values
// and short codes.
func Plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c <= ' ' || (c >= 'A' && c <= 'Z') || c == '"' {
			return false
		}
	}
	return true
}
