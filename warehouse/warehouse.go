// Package warehouse stores annual reports in an embedded DuckDB file and
// answers questions about them: named queries, the read-only SQL sandbox, and
// exports. It is the only package that imports the DuckDB driver.
//
// The schema is a list of numbered, embedded migrations (migrations/*.sql)
// recorded in the table schema_migrations. Loaded data lives in the schema
// "store"; analysts read the views of the main schema (see docs/schema.md).
//
// One process may open a file read-write. Inside it, any number of readers
// (dashboard queries, the sandbox) run beside the single writer: DuckDB's
// MVCC gives each reader a consistent snapshot while a load commits.
package warehouse

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"gongkai"
)

// DefaultPath is where commands keep the warehouse unless told otherwise.
const DefaultPath = "data/gongkai.duckdb"

//go:embed migrations/*.sql
var migrationFS embed.FS

//go:embed sql/*.sql
var stmtFS embed.FS

// stmt returns the text of the embedded statement sql/<name>.sql. A missing
// file is a build defect that every test run catches, hence the panic.
func stmt(name string) string {
	b, err := stmtFS.ReadFile("sql/" + name + ".sql")
	if err != nil {
		panic("warehouse: no statement " + name)
	}
	return string(b)
}

// Options tunes a warehouse. The zero value is what Open uses.
type Options struct {
	// ReadOnly opens the file read-only: no migrations, no loads. Another
	// process may hold it read-only too, but none may hold it read-write.
	// The file must be up to date (see OpenReadOnly), unless Older.
	ReadOnly bool
	// Older, with ReadOnly, accepts a file that has migrations to apply and
	// reads its tables as they are, without the checks of its summary
	// (which assume the current schema): exports use it to get the data out
	// of an older file. Pages and queries must not, as their statements
	// assume the current schema.
	Older bool
	// Threads is DuckDB's worker thread count; 0 means one per CPU.
	Threads int
	// QueryThreads, when above 0 and below Threads, is DuckDB's thread count
	// while no sandbox statement (SQL) runs; Threads is then what OpenWith's
	// checks and the sandbox's statements get. DuckDB's thread count is the
	// instance's, so while a statement runs every query has Threads. With
	// many pages at once, each page's queries already run beside the other
	// pages', and a second DuckDB thread splits each query's scans and hash
	// tables to merge them again while the request's own thread spins
	// waiting for the worker's part: one thread costs less CPU a query, but
	// a lone heavy query then uses one core.
	QueryThreads int
	// MemoryLimit caps the memory DuckDB manages ("2GB") for the whole
	// instance: every query, load and sandbox statement together. Empty
	// means DefaultMemoryLimit, never DuckDB's own default of 80% of RAM,
	// which lets one analyst's query take the machine.
	MemoryLimit string
	// ProcessMemory is the cap on the whole process's memory that the
	// caller set ("3.0GB", serve --process-memory), for the sandbox's
	// message when a statement's strings reach it; empty when none is known.
	// The warehouse does not set it.
	ProcessMemory string
	// TempLimit caps what DuckDB spills to disk beside the database when a
	// query needs more than MemoryLimit; empty means DefaultTempLimit.
	TempLimit string
	// CheckpointThreshold is the size of the write-ahead log ("1GB") at
	// which DuckDB writes it into the file; empty means DuckDB's default
	// (16 MB). A checkpoint costs more the bigger the tables, so at the
	// default a bulk load checkpoints every few groups and its commits grow
	// from 15 % to a third of its CPU on the way to a million reports;
	// BulkCheckpointThreshold keeps them flat. Close checkpoints, and a log
	// left by a crash is replayed at the next Open.
	CheckpointThreshold string
	// SandboxTimeout stops an ad-hoc query (SQL); 0 means 10 seconds.
	SandboxTimeout time.Duration
	// SandboxRows caps the rows SQL returns; 0 means 10,000.
	SandboxRows int
	// SandboxBytes caps the size of a result SQL returns; 0 means 64 MiB.
	SandboxBytes int64
	// SandboxConcurrency is how many SQL statements may run at once; 0
	// means 2, so that dashboards keep threads and memory for themselves.
	SandboxConcurrency int
	// SandboxWait is how long SQL waits for a free slot before answering
	// busy; 0 means 2 seconds.
	SandboxWait time.Duration
}

// DefaultMemoryLimit and DefaultTempLimit are the limits OpenWith sets when
// Options leave them empty.
const (
	DefaultMemoryLimit = "2GB"
	DefaultTempLimit   = "8GB"
)

// BulkCheckpointThreshold is the Options.CheckpointThreshold of processes
// that load many reports in one run (gongkai demo, gongkai ingest).
const BulkCheckpointThreshold = "1GB"

// DB is an open warehouse. It is safe for concurrent use: reads run in
// parallel, writes are serialized by one writer lock.
type DB struct {
	db   *sql.DB
	path string
	opts Options

	policy   *policy       // what the sandbox lets analysts name
	sqlSlots chan struct{} // one per sandbox statement running
	absDir   string        // the folder of the file, scrubbed from messages

	// threadsMu guards wide, the sandbox statements that want
	// Options.Threads (see widen), and the thread count DuckDB is set to.
	threadsMu sync.Mutex
	wide      int

	mu sync.Mutex // the writer: Load and every other write
	// state is what the writer remembers, nil when the file is open
	// read-only. The pointer is set by OpenWith and never changes; what it
	// points to is guarded by mu and read from the file by writer on the
	// first write (see there).
	state *state
	// bulk holds the roll-up sums of the bulk load running (Bulk), nil when
	// none runs; bulkErr says folding them failed. Guarded by mu.
	bulk    *rollupSums
	bulkErr error

	secrets secretCache // who sessions and tokens belong to (auth.go)
	kept    keptStmts   // the named queries' statements kept between runs (kept.go)

	// gen counts the writes that may change what the pages show (loads,
	// confirmations, region corrections), odd while one is under way; see
	// Generation.
	gen atomic.Int64
	// placeGen counts the writes that may change an agency's name, city or
	// level, or add one; see PlaceGeneration.
	placeGen atomic.Int64
	// placesWarm is one more than the place generation at which WarmPlaces
	// last kept every agency's place (0: none), so that a warm-up after a
	// write that moved no place reads none again.
	placesWarm atomic.Int64

	// textIDs holds the ids of the texts cellIDs found in store.texts
	// (string to int64), for the queries that break a figure down.
	textIDs sync.Map
	// narrow keeps narrowSelection's answers until the next write.
	narrow narrowCache
	// caughtUp keeps cellsCaughtUp's answer until the next write or run of
	// the copy by cell.
	caughtUp caughtUpCache
	// cellRows keeps cellStated's answers until the next write or run of
	// the copy by cell.
	cellRows genCache[cellYearsKey, bool]
	// bitYears says whether store.reports holds only years 1990–2100, for
	// region_agencies' form (reportsInBitYears).
	bitYears keptAnswer
	// ranked keeps whether every agency has a name rank (ranksComplete)
	// until the next write; ranksAgree whether the ranks follow the names,
	// read once an open.
	ranked     caughtUpCache
	ranksAgree keptAnswer
	// names keeps agencies' names by id for region_agencies' ranked
	// form (agencyNames); names never change while the file is open.
	names agencyNameCache
	// agencyIDs says whether store.agencies holds each id once, for
	// region_agencies' ranked form (agencyIDsUnique).
	agencyIDs keptAnswer
	// uniqueTexts says whether store.texts holds each text once, for
	// region_rollup's form (textsUnique).
	uniqueTexts keptAnswer
	// catalogue keeps store.measures' codes for region_rollup's form by id
	// (measureCatalogue), read once an open.
	catalogue catalogue
	// texts keeps the texts the report and agency pages named by id
	// (readTexts) until the next write.
	texts textCache
	// places keeps agencies' names, cities and levels by id for
	// region_figure's form named in Go (agencyPlacesByID) until the next
	// write.
	places placeCache
	// rankedAgencies keeps every agency's rank, region and pattern, and
	// patternStatesKept the patterns' states by years, for region_agencies'
	// form in Go (regionAgenciesInGo) until the next write.
	rankedAgencies    rankedAgencyCache
	patternStatesKept patternStateCache
	// statusBits says whether the agencies' bit sets of years count every
	// current report once, for overview_totals' and agencies_list's forms
	// (bitsHoldReports).
	statusBits keptAnswer
	// compareTopOff is set by Open alone, before any query, when the file
	// is read-only and its kept answers of compare_agencies were made by
	// another binary or from other totals (checkCompareTop): none is read.
	compareTopOff bool
	// complement keeps compare_regions' complement form's gate and
	// conditions (compareRegionsComplement).
	complement complementState
	// pieceHigh keeps the highest agency id a match read (matchPiece)
	// until the next write: below pieceBitsMin no request matches a piece
	// for its queries (queryPieceBits).
	pieceHigh genCache[struct{}, int64]
	// qualityCounts keeps what quality_by_year reads (qualityCountsKept)
	// until the next write.
	qualityCounts genCache[struct{}, *qualityCounts]
	// late keeps every row late_publishers lists (lateRowsKept) until the
	// next write.
	late genCache[struct{}, *lateRows]
	// within keeps compare_agencies' deeper kept answer's gate
	// (withinLikely).
	within withinState
}

// Open opens the warehouse at path, creating the file (and its directory) and
// applying pending migrations. It returns a *gongkai.Error with CodeConflict
// when another process holds the file.
func Open(ctx context.Context, path string) (*DB, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenReadOnly opens an existing warehouse read-only, as `gongkai query` does
// while no server runs. The file must exist (else CodeNotFound) and be up to
// date: a file with migrations to apply, or whose summary or roll-up is out of
// step with its reports (edited by hand), is refused with CodeUnavailable and
// a message naming the remedy, one read-write Open, which repairs it.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	return OpenWith(ctx, path, Options{ReadOnly: true})
}

// OpenWith opens the warehouse at path with options; see Open.
//
// Every connection runs with external access disabled (no files but the
// warehouse's own, no network), extension auto-install and auto-load off, and
// the configuration locked, so that ad-hoc SQL cannot reach outside the
// warehouse or loosen these settings. Nothing the warehouse itself does needs
// more: exports write their files through a separate in-memory database.
func OpenWith(ctx context.Context, path string, opts Options) (*DB, error) {
	if err := buildFormTexts(formTexts); err != nil {
		return nil, &gongkai.Error{Code: gongkai.CodeInternal, Message: "内部错误：查询语句无法构建", Err: err}
	}
	if opts.Threads <= 0 {
		opts.Threads = runtime.NumCPU()
	}
	if opts.QueryThreads >= opts.Threads {
		opts.QueryThreads = 0
	}
	if opts.SandboxTimeout <= 0 {
		opts.SandboxTimeout = 10 * time.Second
	}
	if opts.SandboxRows <= 0 {
		opts.SandboxRows = 10000
	}
	if opts.SandboxBytes <= 0 {
		opts.SandboxBytes = 64 << 20
	}
	if opts.SandboxConcurrency <= 0 {
		opts.SandboxConcurrency = 2
	}
	if opts.SandboxWait <= 0 {
		opts.SandboxWait = 2 * time.Second
	}
	if opts.MemoryLimit == "" {
		opts.MemoryLimit = DefaultMemoryLimit
	}
	if opts.TempLimit == "" {
		opts.TempLimit = DefaultTempLimit
	}
	if opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, gongkai.Errorf(gongkai.CodeNotFound, "数据库文件 %s 不存在", path)
		}
	} else if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("warehouse: %w", err)
		}
	}
	cfg := url.Values{}
	if opts.ReadOnly {
		cfg.Set("access_mode", "READ_ONLY")
	}
	cfg.Set("threads", strconv.Itoa(opts.Threads))
	cfg.Set("memory_limit", opts.MemoryLimit)
	cfg.Set("max_temp_directory_size", opts.TempLimit)
	if opts.CheckpointThreshold != "" {
		cfg.Set("checkpoint_threshold", opts.CheckpointThreshold)
	}
	cfg.Set("enable_external_access", "false")
	cfg.Set("autoinstall_known_extensions", "false")
	cfg.Set("autoload_known_extensions", "false")
	if opts.QueryThreads <= 0 {
		cfg.Set("lock_configuration", "true")
	} // else locked below, with the thread count left to widen
	connector, err := duckdb.NewConnector(path+"?"+cfg.Encode(), nil)
	if err != nil {
		return nil, openError(path, err)
	}
	db := &DB{db: sql.OpenDB(fullReads(connector)), path: path, opts: opts, sqlSlots: make(chan struct{}, opts.SandboxConcurrency),
		texts: textCache{max: textCacheMax, keepFull: true}, places: placeCache{max: placeCacheMax, keepFull: true}}
	// database/sql keeps 2 idle connections by default: with more clients
	// than that, every query past the second opened a DuckDB connection and
	// closed it again. Keep enough for the dashboard's concurrent requests
	// (a few per core, each query running on DuckDB's shared threads), the
	// sandbox's slots and the writer.
	db.db.SetMaxIdleConns(4*opts.Threads + opts.SandboxConcurrency + 1)
	if abs, err := filepath.Abs(filepath.Dir(path)); err == nil {
		db.absDir = abs
	}
	if err := db.db.PingContext(ctx); err != nil {
		db.db.Close()
		return nil, openError(path, err)
	}
	if opts.QueryThreads > 0 {
		// The configuration is locked before any other statement runs, as
		// the DSN would, but with the thread count still ours to set.
		// Nothing else can set it: the sandbox runs only a checked SELECT.
		for _, q := range []string{"SET GLOBAL allowed_configs = ['threads']", "SET GLOBAL lock_configuration = true"} {
			if _, err := db.db.ExecContext(ctx, q); err != nil {
				db.db.Close()
				return nil, fmt.Errorf("warehouse: open %s: %w", path, err)
			}
		}
	}
	// After the lock above: a duckdb-go whose rows no longer hold their
	// result where fullread.go reads it fails here, not on every read.
	if err := probeFullReads(ctx, db.db); err != nil {
		db.db.Close()
		return nil, fmt.Errorf("warehouse: open %s: %w", path, err)
	}
	if !opts.ReadOnly {
		if err := db.migrate(ctx); err != nil {
			db.db.Close()
			return nil, err
		}
		// Before the checks that rebuild the summaries from the agencies
		// joined by id, which a doubled id would count twice.
		if err := db.checkAgencyIDs(ctx); err != nil {
			db.db.Close()
			return nil, err
		}
		if err := db.writeCatalogue(ctx); err != nil {
			db.db.Close()
			return nil, err
		}
		if err := db.removeDeadPacks(ctx); err != nil {
			db.db.Close()
			return nil, err
		}
		if err := db.checkSummary(ctx); err != nil {
			db.db.Close()
			return nil, err
		}
		if err := db.checkCells(ctx); err != nil {
			db.db.Close()
			return nil, err
		}
		if err := db.checkStatus(ctx); err != nil {
			db.db.Close()
			return nil, err
		}
		if err := db.checkTotals(ctx); err != nil {
			db.db.Close()
			return nil, err
		}
		if err := db.checkCompareTop(ctx, false); err != nil {
			db.db.Close()
			return nil, err
		}
		db.state = &state{} // read by the first write
	} else if err := db.checkReadOnly(ctx); err != nil {
		db.db.Close()
		return nil, err
	}
	if db.policy, err = loadPolicy(ctx, db.db); err != nil {
		db.db.Close()
		return nil, err
	}
	if err := db.setThreads(ctx, opts.QueryThreads); err != nil {
		db.db.Close()
		return nil, err
	}
	return db, nil
}

// setThreads sets DuckDB's thread count to n, when n is above 0. DuckDB
// starts or stops its workers at the next statement's start, which waits
// for a stopped worker's task to end. It returns the driver's error.
func (db *DB) setThreads(ctx context.Context, n int) error {
	if n <= 0 {
		return nil
	}
	if _, err := db.db.ExecContext(ctx, "SET GLOBAL threads = "+strconv.Itoa(n)); err != nil {
		return fmt.Errorf("warehouse: threads %d: %w", n, err)
	}
	return nil
}

// widen gives DuckDB Options.Threads until the returned function is called,
// when Options.QueryThreads narrows it otherwise; the calls nest. It
// returns the driver's error, and then a function that does nothing: the
// statement still runs, on fewer threads. The release narrows again when
// no other caller holds it wide; when that fails the instance stays wide,
// which only costs speed.
func (db *DB) widen(ctx context.Context) (func(), error) {
	if db.opts.QueryThreads <= 0 {
		return func() {}, nil
	}
	db.threadsMu.Lock()
	defer db.threadsMu.Unlock()
	if db.wide == 0 {
		if err := db.setThreads(ctx, db.opts.Threads); err != nil {
			return func() {}, err
		}
	}
	db.wide++
	var once sync.Once
	return func() {
		once.Do(func() {
			db.threadsMu.Lock()
			defer db.threadsMu.Unlock()
			if db.wide--; db.wide == 0 {
				db.setThreads(context.Background(), db.opts.QueryThreads)
			}
		})
	}, nil
}

// openError turns a driver error on open into a message a person can act on.
func openError(path string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Could not set lock") || strings.Contains(msg, "Conflicting lock"):
		// Only DuckDB's file lock: "lock" alone also matches "block" in a
		// corruption error.
		return &gongkai.Error{Code: gongkai.CodeConflict,
			Message: fmt.Sprintf("数据库文件 %s 正被另一个进程使用（例如正在运行的 gongkai serve），请稍后再试或停止该进程", path), Err: err}
	case strings.Contains(msg, "created with a newer version of DuckDB") ||
		strings.Contains(msg, "Trying to read a database file with version number"):
		// A file written by a later gongkai (a newer DuckDB storage
		// version): this binary cannot read it, and nothing was changed.
		return &gongkai.Error{Code: gongkai.CodeInvalid, Message: fmt.Sprintf(
			"数据库文件 %s 由更新版本的 gongkai 写入（DuckDB 存储格式更新），此版本无法读取；文件未被改动：请使用写入它的或更新的 gongkai", path), Err: err}
	case strings.Contains(msg, "Corrupt database file"):
		return &gongkai.Error{Code: gongkai.CodeInvalid, Message: fmt.Sprintf("数据库文件 %s 已损坏（校验和不符），无法打开：请从备份恢复", path), Err: err}
	case strings.Contains(msg, "not a valid DuckDB database") || strings.Contains(msg, "file is not"):
		return &gongkai.Error{Code: gongkai.CodeInvalid, Message: fmt.Sprintf("%s 不是 DuckDB 数据库文件", path), Err: err}
	}
	return &gongkai.Error{Code: gongkai.CodeInternal, Message: "无法打开数据库", Err: fmt.Errorf("warehouse: open %s: %w", path, err)}
}

// Close checkpoints and closes the warehouse.
func (db *DB) Close() error {
	db.kept.close()
	return db.db.Close()
}

// Generation returns a number that changes with every write that may
// change the reports, agencies or figures (Load, LoadPrepared, Confirm,
// SetAgencyRegion, the end of a Bulk, RankAgencies and CopyCells when they
// change something), whether it succeeded or not. It is odd while such a
// write is under way, from before its first commit to after its last, and
// even otherwise. A result read after Generation returned g is of the one
// state the warehouse held at g when Unchanged(g) holds once it is read:
// only then may it be kept with g, and a value kept with g is current while
// Generation still returns g. A result read while it is odd may be of the
// state before the write, the state after, or of both in parts (a reader
// of two statements): it is answered or checked again, never kept. Before,
// the generation moved only after the commit, so a request that read the
// committed rows before it moved kept them, or gave them what was kept at
// the old generation (an agency listed under its old city by its new one:
// TestCommitBeforeGeneration). Logins, sessions and the audit log do not
// change it.
func (db *DB) Generation() int64 { return db.gen.Load() }

// Unchanged reports whether g, returned by Generation before a read, is
// even and still the generation: no write was under way or came while the
// read ran, so that what it read is of the state of g and may be kept
// with g.
func (db *DB) Unchanged(g int64) bool { return g&1 == 0 && db.gen.Load() == g }

// writing marks a write under way (Generation odd): writers call it with
// db.mu held before their first commit, and defer wrote. Those that may
// change nothing (RankAgencies, CopyCells) call it just before the commit
// of a change and end with settle.
func (db *DB) writing() {
	if db.gen.Load()&1 == 0 {
		db.gen.Add(1)
	}
}

// placesMoving marks a write under way that may change an agency's name,
// city or level, or add one (PlaceGeneration odd): called with db.mu held,
// after writing and before the commit; wrote ends it.
func (db *DB) placesMoving() {
	if db.placeGen.Load()&1 == 0 {
		db.placeGen.Add(1)
	}
}

// wrote marks the end of a write that may have changed the data; callers
// defer it while holding db.mu, after their last commit. The generation
// moves to the next even number, from an even one too (a write that did
// not reach writing still moves it, as it always did); PlaceGeneration
// moves when placesMoving marked it, before the generation.
func (db *DB) wrote() {
	if wroteHook != nil {
		wroteHook()
	}
	if db.placeGen.Load()&1 == 1 {
		db.placeGen.Add(1)
	}
	db.gen.Add(2 - db.gen.Load()&1)
}

// settle ends a write that may have changed nothing: wrote when writing
// marked one under way, else nothing (the generation and what is kept
// with it stay). Deferred with db.mu held.
func (db *DB) settle() {
	if db.gen.Load()&1 == 1 {
		db.wrote()
	}
}

// PlaceGeneration returns a number that changes, as Generation does (odd
// while under way), with the writes that may change an agency's name, city
// or level or add an agency: a load that adds one or moves one to the
// region its report states (load.go's writeAll), a confirmation that moves
// one, and SetAgencyRegion. The places kept for region_figure's form named
// in Go (placeCache) are kept with it, so that the writes that change no
// place (a load of reports of known agencies, CopyCells, RankAgencies)
// leave them kept.
func (db *DB) PlaceGeneration() int64 { return db.placeGen.Load() }

// placesUnchanged is Unchanged of PlaceGeneration.
func (db *DB) placesUnchanged(g int64) bool { return g&1 == 0 && db.placeGen.Load() == g }

// wroteHook, when set (by a test), runs in wrote before the generation
// moves: after the write's last commit.
var wroteHook func()

// Path returns the file the warehouse was opened from.
func (db *DB) Path() string { return db.path }

// migration is one embedded migrations/NNNN_name.sql file.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("warehouse: migration %s is not named NNNN_name.sql", e.Name())
		}
		b, err := migrationFS.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies the migrations not yet recorded, each in its own
// transaction together with its record.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.db.ExecContext(ctx, stmt("schema_migrations")); err != nil {
		return fmt.Errorf("warehouse: migrate: %w", err)
	}
	applied := map[int]bool{}
	rows, err := db.db.QueryContext(ctx, stmt("migrations_applied"))
	if err != nil {
		return fmt.Errorf("warehouse: migrate: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("warehouse: migrate: %w", err)
		}
		applied[v] = true
	}
	// rows.Err too: a read that ended short (fullread.go) must not run
	// applied migrations again.
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("warehouse: migrate: %w", err)
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, stmt("migration_record"), m.version, m.name, time.Now().UTC())
			return err
		})
		if err != nil {
			return fmt.Errorf("warehouse: migration %04d_%s: %w", m.version, m.name, err)
		}
	}
	return nil
}

// writeCatalogue rewrites store.measures from the format definitions, so that
// the catalogue always matches the binary that reads it.
func (db *DB) writeCatalogue(ctx context.Context) error {
	err := db.withConn(ctx, func(conn *sql.Conn) error {
		return inConnTx(ctx, conn, func() error {
			if _, err := conn.ExecContext(ctx, stmt("measures_clear")); err != nil {
				return err
			}
			return appendRows(conn, "measures", func(a *duckdb.Appender) error {
				for _, m := range gongkai.Catalogue() {
					formats := m.Formats
					if formats == nil {
						formats = []string{}
					}
					if err := a.AppendRow(m.Code, m.Label, m.Table, m.Group, formats, m.Unit, m.Kind, m.ByApp, m.Derived); err != nil {
						return err
					}
				}
				return nil
			})
		})
	})
	if err != nil {
		return fmt.Errorf("warehouse: measure catalogue: %w", err)
	}
	return nil
}

// withConn runs fn on one connection of the pool.
func (db *DB) withConn(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return fn(conn)
}

// inTx runs fn in a transaction, committing when it returns nil.
//
// The transaction has a connection of its own, so that a BEGIN that failed
// can be rolled back on it as begin does: database/sql would hand a
// connection whose BEGIN failed straight back to the pool.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		rollback(conn)
		return err
	}
	if err := fn(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil && !errors.Is(rerr, sql.ErrTxDone) {
			discard(conn)
		}
		return err
	}
	return tx.Commit()
}

// rollbackSQL is the statement rollback runs; a test makes it fail.
var rollbackSQL = "ROLLBACK"

// rollback ends the transaction open on conn, on a context of its own (the
// caller's may be done), and returns the ROLLBACK's error. When that is not
// DuckDB's "no transaction is active" (a ROLLBACK whose memory DuckDB's
// allocator refused at the server's budget, say), conn is discarded
// instead of going back to the pool, where a connection left inside its
// transaction fails every statement that takes it with "Current transaction
// is aborted": 7,453 analysts' statements and pages of every kind in one
// run of TestServeMemorySoak -serve-soak-big (session 36).
func rollback(conn *sql.Conn) error {
	_, err := conn.ExecContext(context.Background(), rollbackSQL)
	if err != nil && !strings.Contains(err.Error(), "no transaction is active") {
		discard(conn)
	}
	return err
}

// discard closes conn's connection instead of returning it to the pool
// (database/sql drops one whose use ends in driver.ErrBadConn).
func discard(conn *sql.Conn) {
	conn.Raw(func(any) error { return driver.ErrBadConn })
}

// inConnTx runs fn inside an explicit transaction on conn. Appenders need the
// raw connection, which database/sql hides behind a *sql.Tx, so the
// transaction is opened by statement instead.
func inConnTx(ctx context.Context, conn *sql.Conn, fn func() error) error {
	if err := begin(ctx, conn, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		// A fresh context: the rollback must run even when ctx was canceled.
		if rerr := rollback(conn); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	// Not on ctx: duckdb-go reports a COMMIT that a canceled ctx
	// interrupted as failed even when DuckDB had committed (1,175 of 2,000
	// tries with the cancellation spread around it), and a Load that
	// returned that error left the writer's state (its next agency, report
	// and text ids) behind what was stored, so the next load reused them.
	// The work is done once fn returns; the commit is not the request's to
	// stop.
	_, err := conn.ExecContext(context.Background(), "COMMIT")
	if err != nil {
		rollback(conn)
	}
	return err
}

// appendRows opens an Appender on store.<table>, lets fill add rows, and
// flushes them.
func appendRows(conn *sql.Conn, table string, fill func(*duckdb.Appender) error) error {
	return conn.Raw(func(dc any) error {
		c, err := duckConn(dc)
		if err != nil {
			return err
		}
		a, err := duckdb.NewAppender(c, "", "store", table)
		if err != nil {
			return err
		}
		if err := fill(a); err != nil {
			a.Close()
			return err
		}
		return a.Close()
	})
}

// begin runs stmt, a BEGIN, on conn. When it fails, the transaction it may
// have opened is rolled back on a context of its own, and the BEGIN's error
// is returned: duckdb-go reports a BEGIN that a canceled ctx interrupted as
// failed even when DuckDB had run it, and a connection left inside that
// transaction would go back to the pool, where its reads see the data of
// the moment it began and every later BEGIN on it fails
// (TestCanceledBeginLeavesNoTransaction). The ROLLBACK's own error is
// dropped: with no transaction open, it is the expected outcome.
func begin(ctx context.Context, conn *sql.Conn, stmt string) error {
	if _, err := conn.ExecContext(ctx, stmt); err != nil {
		rollback(conn)
		return err
	}
	return nil
}
