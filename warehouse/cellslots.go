package warehouse

import (
	"sync"

	"gongkai"
)

// slotInfo is what preparing a report needs to know of a cell, kept by its
// gongkai.CellSlot (slotInfos) so that a figure costs one lookup of its
// measure instead of a map of its two strings for each use: the duplicate
// check, the stated tables, the summary columns and the rules across years
// hashed each figure's cell three or four times, ~3 of the ~39 CPU-seconds
// a 100k demo load takes.
type slotInfo struct {
	table   string // the measure's table in the catalogue (statedTables)
	summary int    // its exact column in summaryCols (summaryIndex().exact), or -1
	prior   bool   // a measure the rules across years read (priorMeasureSet)
}

var slotInfos = sync.OnceValue(func() []slotInfo {
	infos := make([]slotInfo, gongkai.CellSlots())
	exact, prior := summaryIndex().exact, priorMeasureSet()
	for _, m := range gongkai.Catalogue() {
		for _, a := range gongkai.Applicants {
			s, ok := gongkai.CellSlot(m.Code, a)
			if !ok {
				panic("warehouse: a catalogue measure without a cell slot")
			}
			info := slotInfo{table: m.Table, summary: -1, prior: prior[m.Code]}
			if i, ok := exact[cellKey{m.Code, a}]; ok {
				info.summary = i
			}
			infos[s] = info
		}
	}
	return infos
})

// cellSlots returns each value's gongkai.CellSlot, -1 for a cell without one.
func cellSlots(values []gongkai.Value) []int32 {
	out := make([]int32, len(values))
	for i, v := range values {
		out[i] = -1
		if s, ok := gongkai.CellSlot(v.Measure, v.Applicant); ok {
			out[i] = int32(s)
		}
	}
	return out
}
