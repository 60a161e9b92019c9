package gongkai

import (
	_ "embed"
	"strings"
	"sync"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// t2sData is the traditional → simplified map for the characters of report
// labels, report words and place names (t2s.txt says how it was made). It
// lives here, below ingest and the warehouse, because both fold with it: the
// readers fold what they read, and the warehouse matches agencies on names
// folded the same way, so that a name stored in traditional script before
// the table held its characters is the same agency as the name read now.
//
//go:embed t2s.txt
var t2sData string

// T2S returns the traditional → simplified pairs of t2s.txt, one entry a
// traditional character. The map is shared: callers must not change it.
var T2S = sync.OnceValue(func() map[rune]rune {
	m := make(map[rune]rune)
	for _, line := range strings.Split(t2sData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rs := []rune(line); len(rs) == 2 {
			m[rs[0]] = rs[1]
		}
	}
	return m
})

// t2sSet marks the characters T2S maps in the block of CJK unified
// ideographs (where all of them are), so that a name with none, the common
// case on every load, costs a bit test a character.
var t2sSet = sync.OnceValue(func() *[(0x9FFF - 0x4E00 + 64) / 64]uint64 {
	var set [(0x9FFF - 0x4E00 + 64) / 64]uint64
	for r := range T2S() {
		if r >= 0x4E00 && r <= 0x9FFF {
			set[(r-0x4E00)/64] |= 1 << ((r - 0x4E00) % 64)
		}
	}
	return &set
})

// simplifiedToo marks the traditional characters of T2S that GB 2312, the
// simplified national set, holds too (於 後 徵 覆 谘): simplified writing
// uses them, and a name may mean them (a real town's name is written with
// 於 in simplified script), where every other traditional character of the
// table is written by no simplified name.
var simplifiedToo = sync.OnceValue(func() map[rune]bool {
	enc := simplifiedchinese.GBK.NewEncoder()
	m := map[rune]bool{}
	for t := range T2S() {
		// GB 2312's Chinese characters are the GBK codes whose two bytes
		// are 0xB0-0xF7 and 0xA1-0xFE.
		out, err := enc.String(string(t))
		if err == nil && len(out) == 2 && out[0] >= 0xB0 && out[0] <= 0xF7 && out[1] >= 0xA1 && out[1] <= 0xFE {
			m[t] = true
		}
	}
	return m
})

// SimplifiedToo reports whether r is a traditional character of T2S that
// simplified writing uses too (於 後 徵 覆 谘): two names that differ by it
// and its simplified form may be two names.
func SimplifiedToo(r rune) bool { return simplifiedToo()[r] }

// SimplifiedName returns an agency name with every traditional character of
// T2S written in simplified script, the fold the readers apply to a title,
// for matching names: "涇溪县教育局" and "泾溪县教育局" are one agency, and so
// are a name read from a title and the same name typed in a cell. It folds
// 於 to 于 too (SimplifiedToo): a name that differs by such a character
// only is matched, and the caller says so. It never fails; a name with no
// such character is returned as it is.
func SimplifiedName(name string) string {
	fold, set := T2S(), t2sSet()
	var b strings.Builder
	for i, r := range name {
		var s rune
		ok := false
		switch {
		case r < 0x2E80: // no Chinese character
		case r >= 0x4E00 && r <= 0x9FFF:
			if set[(r-0x4E00)/64]&(1<<((r-0x4E00)%64)) != 0 {
				s, ok = fold[r]
			}
		default:
			s, ok = fold[r]
		}
		if !ok {
			if b.Len() > 0 {
				b.WriteRune(r)
			}
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(name))
			b.WriteString(name[:i])
		}
		b.WriteRune(s)
	}
	if b.Len() == 0 {
		return name
	}
	return b.String()
}
