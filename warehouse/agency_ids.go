package warehouse

import (
	"context"
	"fmt"

	"gongkai"
)

// checkAgencyIDs refuses a warehouse whose store.agencies holds an agency id
// more than once (sql/agency_ids_unique.sql). The writer never makes one (an
// agency is written with its first report under a new id, never deleted or
// renumbered), so only a hand edit of the file does; then every page and
// query that joins the agencies by id counts that agency's reports and
// figures once per row, and the totals are wrong without a word. Which row
// is the agency's Open cannot tell, so it repairs nothing: the file is
// refused, read-write or read-only, with a message that names the id. The
// answer is kept (agencyIDsUnique) for region_agencies' ranked form, so the
// check costs one pass over the ids once an open (~170,000 at 1M reports).
//
// Its error is a *gongkai.Error with CodeUnavailable when an id is doubled;
// other errors are the database's.
func (db *DB) checkAgencyIDs(ctx context.Context) error {
	unique, err := db.agencyIDsUnique(ctx)
	if err != nil {
		return fmt.Errorf("warehouse: check agency ids: %w", err)
	}
	if unique {
		return nil
	}
	var id, n int64
	if err := db.db.QueryRowContext(ctx, stmt("agency_ids_duplicate")).Scan(&id, &n); err != nil {
		return fmt.Errorf("warehouse: find a doubled agency id: %w", err)
	}
	return gongkai.Errorf(gongkai.CodeUnavailable,
		"数据库文件 %s 的机关表（store.agencies）中机关编号 %d 出现了 %d 次（文件在 gongkai 之外被修改过）：按编号关联机关的页面和查询会把该机关的报告和数字重复计算；哪一行是对的无法判断，未打开：请删去多余的行后再打开"+
			" / agency id %d appears %d times in store.agencies of %s (edited outside gongkai): pages and queries would count its reports once per row; remove the extra rows, then open it", db.path, id, n, id, n, db.path)
}
