package warehouse

import (
	"math"
	"testing"

	"gongkai"
)

// TestPriorCells holds the compact encoding of the figures the rules across
// years read to what was added: blanks, counts, negative, fractional and
// huge figures, and −0, which must not come back as 0.
func TestPriorCells(t *testing.T) {
	keys, _ := priorKeys()
	if len(keys) < 3 {
		t.Fatalf("only %d cells the rules read", len(keys))
	}
	figures := []*float64{nil, gongkai.Float(0), gongkai.Float(12), gongkai.Float(-7), gongkai.Float(2.5),
		gongkai.Float(1e300), gongkai.Float(1 << 60), gongkai.Float(math.Copysign(0, -1)), gongkai.Float(123456789)}
	for _, v := range figures {
		var pc priorCells
		pc.add(keys[0], gongkai.Float(1))
		pc.add(keys[len(keys)-1], v)
		pc.add(cellKey{"no.such.measure", "total"}, gongkai.Float(9)) // not a cell the rules read: dropped
		pc = pc.clip()
		if len(pc) != cap(pc) {
			t.Errorf("clip left %d bytes of %d unused", cap(pc)-len(pc), cap(pc))
		}
		got, ok := pc.get(keys[len(keys)-1])
		switch {
		case !ok:
			t.Errorf("%v: cell lost", v)
		case (got == nil) != (v == nil):
			t.Errorf("%v: got %v", v, got)
		case v != nil && math.Float64bits(*got) != math.Float64bits(*v):
			t.Errorf("%v: got %v", *v, *got)
		}
		if _, ok := pc.get(keys[1]); ok && len(keys) > 2 {
			t.Errorf("a cell never added is stated")
		}
		if vals := pc.values(); len(vals) != 2 || *vals[keys[0]].Number != 1 {
			t.Errorf("values: %v", vals)
		}
	}
}
