package gongkai

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxAgencyName is the longest agency name accepted, in characters. The
// longest real names (a 区 department with its full 市 and 省 prefix) are
// under 60.
const MaxAgencyName = 100

// CleanAgencyName checks an agency name taken from a file or a form and
// returns it trimmed, without the invisible characters that documents carry
// by accident (zero-width spaces and joiners, the byte-order mark, soft
// hyphens): removed, the name reads as it looks, so it cannot pass for a
// different agency that looks the same.
//
// It returns a *Error with CodeInvalid for a name that is empty, longer than
// MaxAgencyName, or holds characters that change how text is shown
// (right-to-left and other direction marks, overrides and isolates) or any
// other control or format character: such a name could be made to look like
// another agency's, and there is no safe way to guess what was meant.
func CleanAgencyName(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", Errorf(CodeInvalid, "机关名称含有无效的字符编码")
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case invisible(r):
			continue
		case isBidi(r):
			return "", Errorf(CodeInvalid, "机关名称含有改变文字方向的不可见字符（U+%04X），可能被用来伪装成其他机关；请删除后重新提交", r)
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(' ')
			continue
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return "", Errorf(CodeInvalid, "机关名称含有不可见的控制字符（U+%04X）；请删除后重新提交", r)
		}
		b.WriteRune(r)
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	if out == "" {
		return "", Errorf(CodeInvalid, "报告缺少机关名称")
	}
	if n := utf8.RuneCountInString(out); n > MaxAgencyName {
		return "", Errorf(CodeInvalid, "机关名称过长（%d 个字，最多 %d 个字）：%s…", n, MaxAgencyName, string([]rune(out)[:20]))
	}
	return out, nil
}

// invisible reports the characters removed from names: they show nothing
// and change no order.
func invisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E':
		return true
	}
	return false
}

// isBidi reports the characters that change the direction text is shown in.
func isBidi(r rune) bool {
	return r == '\u061C' || r == '\u200E' || r == '\u200F' ||
		(r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}
