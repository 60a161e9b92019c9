package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"slices"
)

// figureBlock is how many report ids make a block of store.figures
// (migration 0029): within a block, figures are stored by measure_id,
// applicant_id, report_id and then as stated, so that DuckDB's zone maps let
// a scan for one cell (queries/region_figure.sql) skip the row groups of
// other measures. A block of 2,048 reports is ~430,000 figures, three or four
// row groups: a cell of a block is then one or two row groups, and one
// report's figures are read from its block's row groups. On 31M figures of
// the 1M demo warehouse one cell took 41 ms in load order, 2 ms in blocks
// of 2,048 (7 ms in blocks of 512, 1.5 ms in blocks of 4,096), and one
// report's figures 0.4 ms, 0.9 ms (0.5, 1.3).
const figureBlock = 2048

// figureRef is one figure of a transaction, placed by figureOrder: write w
// of the plan, its values (k: 0 stated, 1 derived), value i, and the ids of
// its measure and applicant as the Appender takes them.
type figureRef struct {
	measure, applicant any
	w, i               int32
	k                  uint8
}

// figureOrder returns the figures of writes (in ascending report id order,
// as the plan makes them) in the order store.figures keeps: by block of
// report ids, then measure_id and applicant_id, then report id, then as the
// report states them. text returns the id of a string in store.texts, boxed
// int32 (plan.text). visit, unless nil, sees the writes and figures in the
// reports' order: each write first with nil ids, then each of its figures
// with its ids; its error stops figureOrder and is returned. A counting sort over the cells of each block: a
// transaction of 4,096 reports has ~800,000 figures and a few hundred
// cells. Reports of one format state their cells in the same order, so the
// cell of a report's i-th value is first looked for at the previous
// report's i-th: the lookups of the measure and applicant ids were most of
// this function's cost.
func figureOrder(writes []*write, text func(string) any, visit func(w *write, measure, applicant any) error) ([]figureRef, error) {
	n := 0
	for _, w := range writes {
		for _, values := range w.it.values() {
			n += len(values)
		}
	}
	type cell struct {
		key                uint64 // measure_id << 32 | applicant_id
		measure, applicant any
		count              int32
	}
	type seen struct {
		measure, applicant string
		slot               int32
	}
	var prev [2][]seen // the previous report's values: their cells by position
	out := make([]figureRef, n)
	refs := make([]figureRef, 0, n)
	slots := make([]int32, 0, n)
	bySlot := map[uint64]int32{}
	var cells []cell
	var order, at []int32
	placed := 0
	for start := 0; start < len(writes); {
		block := writes[start].id / figureBlock
		end := start
		for end < len(writes) && writes[end].id/figureBlock == block {
			end++
		}
		refs, slots, cells = refs[:0], slots[:0], cells[:0]
		clear(bySlot)
		prev[0], prev[1] = prev[0][:0], prev[1][:0]
		for wi := start; wi < end; wi++ {
			if visit != nil {
				if err := visit(writes[wi], nil, nil); err != nil {
					return nil, err
				}
			}
			for k, values := range writes[wi].it.values() {
				for i := range values {
					v := &values[i]
					var s int32
					if i < len(prev[k]) && prev[k][i].measure == v.Measure && prev[k][i].applicant == v.Applicant {
						s = prev[k][i].slot
					} else {
						m, a := text(v.Measure), text(v.Applicant)
						key := uint64(uint32(m.(int32)))<<32 | uint64(uint32(a.(int32)))
						var ok bool
						if s, ok = bySlot[key]; !ok {
							s = int32(len(cells))
							bySlot[key] = s
							cells = append(cells, cell{key: key, measure: m, applicant: a})
						}
						if i < len(prev[k]) {
							prev[k][i] = seen{v.Measure, v.Applicant, s}
						} else {
							prev[k] = append(prev[k], seen{v.Measure, v.Applicant, s})
						}
					}
					cells[s].count++
					if visit != nil {
						if err := visit(writes[wi], cells[s].measure, cells[s].applicant); err != nil {
							return nil, err
						}
					}
					slots = append(slots, s)
					refs = append(refs, figureRef{w: int32(wi), i: int32(i), k: uint8(k)})
				}
			}
		}
		// Each cell's first place: after the cells of smaller ids.
		order = order[:0]
		for s := range cells {
			order = append(order, int32(s))
		}
		slices.SortFunc(order, func(a, b int32) int {
			switch x, y := cells[a].key, cells[b].key; {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		})
		at = slices.Grow(at[:0], len(cells))[:len(cells)]
		pos := int32(placed)
		for _, s := range order {
			at[s] = pos
			pos += cells[s].count
		}
		for j, r := range refs {
			s := slots[j]
			r.measure, r.applicant = cells[s].measure, cells[s].applicant
			out[at[s]] = r
			at[s]++
		}
		placed += len(refs)
		start = end
	}
	return out, nil
}

// migrateFiguresByCell is the Go part of migration 0029, run in its
// transaction after its SQL: it copies store.figures block by block into
// store.figures_by_cell in the order figureOrder gives, checks that the copy
// has every row, and replaces store.figures with it. A block at a time, so
// that each sort holds ~430,000 rows, not the whole table. Its error is the
// database's, or says the copy lost rows; the migration then rolls back whole.
func migrateFiguresByCell(ctx context.Context, tx *sql.Tx) error {
	var lo, hi, n sql.NullInt64
	if err := tx.QueryRowContext(ctx, stmt("figures_extent")).Scan(&lo, &hi, &n); err != nil {
		return err
	}
	if n.Int64 > 0 {
		slog.Info("warehouse: migration 0029: storing the figures in blocks by cell", "figures", n.Int64)
	}
	if lo.Valid {
		for b := lo.Int64 / figureBlock; b <= hi.Int64/figureBlock; b++ {
			if _, err := tx.ExecContext(ctx, stmt("figures_copy_block"), b*figureBlock, b*figureBlock+figureBlock-1); err != nil {
				return err
			}
		}
	}
	var copied int64
	if err := tx.QueryRowContext(ctx, stmt("figures_by_cell_count")).Scan(&copied); err != nil {
		return err
	}
	if copied != n.Int64 {
		return fmt.Errorf("the copy of store.figures has %d rows, not %d", copied, n.Int64)
	}
	_, err := tx.ExecContext(ctx, stmt("figures_swap"))
	return err
}
