package warehouse

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gongkai"
)

// Source files are kept beside the database, content-addressed by SHA-256,
// in pack files: <db>.sources/000001.pack holds the files of one committed
// group back to back, and store.sources says where each is. A pack is
// written and synced before the transaction that names it commits, so a
// committed report always has its file; a crash in between leaves a pack no
// row names, which is never reused. One file per group instead of one per
// report: creating a thousand small files cost more than the load itself,
// and the bytes inside DuckDB made a load three times slower.

// sourceDir is the folder of the pack files.
func (db *DB) sourceDir() string { return db.path + ".sources" }

func (db *DB) packPath(pack int32) string {
	return filepath.Join(db.sourceDir(), fmt.Sprintf("%06d.pack", pack))
}

// sourceRef is where one source file is kept.
type sourceRef struct {
	sha          string
	pack         int32
	offset, size int64
}

// writeSources writes the source files of the writes that carry one into a
// new pack file and syncs it. It returns where each went.
func (db *DB) writeSources(ws []*write) ([]sourceRef, error) {
	var refs []sourceRef
	var f *os.File
	var offset int64
	for _, w := range ws {
		data := w.it.req.Source
		if data == nil {
			continue
		}
		if f == nil {
			var err error
			if f, err = db.newPack(); err != nil {
				return nil, err
			}
			defer f.Close()
		}
		if _, err := f.Write(data); err != nil {
			return nil, err
		}
		refs = append(refs, sourceRef{sha: w.it.sha, pack: db.state.nextPack - 1, offset: offset, size: int64(len(data))})
		offset += int64(len(data))
	}
	if f != nil {
		if err := f.Sync(); err != nil {
			return nil, err
		}
	}
	return refs, nil
}

// newPack creates the next pack file. A number whose file exists (left by a
// group that never committed) is skipped, never overwritten.
func (db *DB) newPack() (*os.File, error) {
	if err := os.MkdirAll(db.sourceDir(), 0o755); err != nil {
		return nil, err
	}
	for {
		n := db.state.nextPack
		db.state.nextPack++
		f, err := os.OpenFile(db.packPath(n), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		return f, err
	}
}

// removeDeadPacks deletes the pack files no committed report names: those
// of loads that died between writing their pack and committing. It runs at
// Open, before any load of this process, and only while this process holds
// the file read-write, so no load can be writing one.
func (db *DB) removeDeadPacks(ctx context.Context) error {
	entries, err := os.ReadDir(db.sourceDir())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("warehouse: source packs: %w", err)
	}
	used := map[int32]bool{}
	err = scanRows(ctx, db.db, stmt("source_packs"), nil, func(rows *sql.Rows) error {
		var p int32
		if err := rows.Scan(&p); err != nil {
			return err
		}
		used[p] = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("warehouse: source packs: %w", err)
	}
	for _, e := range entries {
		var n int32
		if len(e.Name()) != len("000000.pack") || e.IsDir() {
			continue
		}
		if _, err := fmt.Sscanf(e.Name(), "%06d.pack", &n); err != nil || used[n] {
			continue
		}
		if err := os.Remove(filepath.Join(db.sourceDir(), e.Name())); err != nil {
			return fmt.Errorf("warehouse: remove a dead source pack: %w", err)
		}
	}
	return nil
}

// Source returns the file report id was read from: its name as uploaded, its
// kind ("xlsx", "html", "text") and its bytes. It returns a *gongkai.Error
// with CodeNotFound when there is no such report or it has no stored file
// (demo reports have none).
func (db *DB) Source(ctx context.Context, id int64) (name, kind string, data []byte, err error) {
	return db.SourceReserved(ctx, id, nil)
}

// SourceReserved is Source that first calls reserve (when not nil) with the
// file's size, before its bytes are read into memory: a server bounds the
// memory of the files it is sending at once there (a reserve error is
// returned as it is). The caller releases what it reserved once done with
// the bytes.
func (db *DB) SourceReserved(ctx context.Context, id int64, reserve func(size int64) error) (name, kind string, data []byte, err error) {
	var ref sourceRef
	err = db.db.QueryRowContext(ctx, stmt("source_of_report"), id).Scan(&name, &kind, &ref.sha, &ref.pack, &ref.offset, &ref.size)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil, gongkai.Errorf(gongkai.CodeNotFound, "报告 %d 没有保存的源文件", id)
	}
	if err != nil {
		return "", "", nil, fmt.Errorf("warehouse: source of report %d: %w", id, err)
	}
	f, err := os.Open(db.packPath(ref.pack))
	if err != nil {
		return "", "", nil, &gongkai.Error{Code: gongkai.CodeNotFound, Message: fmt.Sprintf("报告 %d 的源文件缺失", id), Err: err}
	}
	defer f.Close()
	if reserve != nil {
		if err := reserve(ref.size); err != nil {
			return "", "", nil, err
		}
	}
	data = make([]byte, ref.size)
	if _, err := f.ReadAt(data, ref.offset); err != nil && !errors.Is(err, io.EOF) {
		return "", "", nil, fmt.Errorf("warehouse: source of report %d: %w", id, err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != ref.sha {
		return "", "", nil, &gongkai.Error{Code: gongkai.CodeInternal, Message: "源文件已损坏",
			Err: fmt.Errorf("warehouse: source of report %d does not match its SHA-256", id)}
	}
	return name, kind, data, nil
}
