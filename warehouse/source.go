package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gongkai"
)

// Source returns the file report id was read from: its name as uploaded, its
// kind ("xlsx", "html", "text") and its bytes. It returns a *gongkai.Error
// with CodeNotFound when there is no such report or it has no stored file
// (demo reports have none).
func (db *DB) Source(ctx context.Context, id int64) (name, kind string, data []byte, err error) {
	var n, k sql.NullString
	err = db.db.QueryRowContext(ctx, stmt("source_of_report"), id).Scan(&n, &k, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil, gongkai.Errorf(gongkai.CodeNotFound, "报告 %d 没有保存的源文件", id)
	}
	if err != nil {
		return "", "", nil, fmt.Errorf("warehouse: source of report %d: %w", id, err)
	}
	return n.String, k.String, data, nil
}
