package warehouse

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// fingerprintBefore is fingerprint as it was written before session 31
// (hash/fnv over a copy of each character), kept to hold the faster one
// to it: signatures are stored, and a new load compares with them.
func fingerprintBefore(text string) []uint32 {
	runes := []rune(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text))
	if len(runes) < minSimilarRunes {
		return nil
	}
	params := minhashParams()
	sig := make([]uint32, sigSize)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	var buf [shingle * 4]byte
	for i := 0; i+shingle <= len(runes); i++ {
		n := 0
		for _, r := range runes[i : i+shingle] {
			n += copy(buf[n:], string(r))
		}
		h.Reset()
		h.Write(buf[:n])
		x := h.Sum64()
		for k, p := range params {
			if v := uint32((p[0]*x + p[1]) >> 32); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// TestFingerprintAsBefore: every text gets the signature the former code
// gave it, white space, characters outside the BMP, bytes that are not
// UTF-8 and U+FFFD itself included, on both sides of the shortest length
// judged.
func TestFingerprintAsBefore(t *testing.T) {
	pieces := []string{"本机关", "政府信息公开", "，", "。", "2024", "年", " ", "\t", "\n", "\u3000", "\u00a0",
		"𠀀", "😀", "\xff", "\xe4\xb8", "\ufffd", "a", "Z", "（一）", "\xed\xa0\x80"}
	rng := rand.New(rand.NewPCG(31, 5))
	texts := []string{"", "太短", strings.Repeat("某县某局全年主动公开政府信息若干条。", 8)}
	for n := 0; n < 400; n++ {
		var b strings.Builder
		for k := rng.IntN(160); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	judged := 0
	for _, text := range texts {
		got, want := fingerprint(text), fingerprintBefore(text)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("fingerprint(%q) = %v, before %v", text, got, want)
		}
		if got != nil {
			judged++
		}
	}
	if judged < 50 || judged == len(texts) {
		t.Fatalf("%d of %d texts long enough to judge: the lengths do not reach both sides of %d", judged, len(texts), minSimilarRunes)
	}
}
