package web

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongkai"
)

// decodeWeb returns data as UTF-8 text. The encoding is detected, not
// assumed: a byte-order mark wins; then valid UTF-8 is taken as UTF-8 (pages
// often declare a charset they are not in, so a declaration never overrides
// bytes that are valid UTF-8); then, for HTML, a declared non-UTF-8 charset
// (<meta charset>) is honoured; everything else is read as GB18030, the
// superset of GBK and GB2312 that Chinese government sites use.
//
// It returns a *gongkai.Error when the bytes decode to nothing usable.
func decodeWeb(data []byte, isHTML bool) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:]), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), data)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), data)
	case utf8.Valid(data):
		return string(data), nil
	}
	if isHTML {
		if e, name, _ := charset.DetermineEncoding(data, ""); e != nil && name != "" &&
			name != "utf-8" && name != "windows-1252" && !strings.HasPrefix(name, "gb") {
			return decodeWith(e, data)
		}
	}
	return decodeWith(simplifiedchinese.GB18030, data)
}

func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", gongkai.Errorf(gongkai.CodeInvalid, "无法识别文件的字符编码（既不是 UTF-8，也不是 GBK/GB18030）")
	}
	// A decoder replaces bytes it cannot map with U+FFFD; the text stays
	// usable and the labels around it still match.
	return string(out), nil
}
