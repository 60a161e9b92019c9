package warehouse

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai"
)

// SchemaView is one analyst view, or one selection macro (Macro set, with
// its parameters as Columns), as the SQL workbench's schema browser lists it.
type SchemaView struct {
	Name    string
	Macro   bool
	Columns []SchemaColumn
}

// SchemaColumn is a column of a view (or a parameter of a macro), with its
// DuckDB type and its Chinese meaning from docs/schema.md.
type SchemaColumn struct {
	Name, Type, Meaning string
}

// Schema returns what analysts may query: the views of the main schema in
// the documented order (ExportViews first, any other after, by name), then
// the selection macros. Errors are the warehouse's, never the caller's.
func (db *DB) Schema(ctx context.Context) ([]SchemaView, error) {
	rows, err := db.db.QueryContext(ctx, stmt("schema_columns"))
	if err != nil {
		return nil, fmt.Errorf("warehouse: schema: %w", err)
	}
	byName := map[string]*SchemaView{}
	var names []string
	for rows.Next() {
		var view string
		var c SchemaColumn
		if err := rows.Scan(&view, &c.Name, &c.Type); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: schema: %w", err)
		}
		v, ok := byName[view]
		if !ok {
			v = &SchemaView{Name: view}
			byName[view] = v
			names = append(names, view)
		}
		c.Meaning = gongkai.ColumnMeaning(c.Name)
		v.Columns = append(v.Columns, c)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: schema: %w", err)
	}
	var out []SchemaView
	for _, n := range ExportViews {
		if v, ok := byName[n]; ok {
			out = append(out, *v)
			delete(byName, n)
		}
	}
	for _, n := range names {
		if v, ok := byName[n]; ok {
			out = append(out, *v)
		}
	}
	macros, err := db.schemaMacros(ctx)
	if err != nil {
		return nil, err
	}
	return append(out, macros...), nil
}

func (db *DB) schemaMacros(ctx context.Context) ([]SchemaView, error) {
	rows, err := db.db.QueryContext(ctx, stmt("schema_macros"))
	if err != nil {
		return nil, fmt.Errorf("warehouse: schema macros: %w", err)
	}
	var out []SchemaView
	for rows.Next() {
		var name string
		var params []any
		if err := rows.Scan(&name, &params); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: schema macros: %w", err)
		}
		v := SchemaView{Name: name, Macro: true}
		for _, p := range params {
			s := fmt.Sprint(p)
			v.Columns = append(v.Columns, SchemaColumn{Name: s, Meaning: gongkai.ColumnMeaning(s)})
		}
		out = append(out, v)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: schema macros: %w", err)
	}
	return out, nil
}

// SavedQuery is an analyst's named query of the SQL workbench.
type SavedQuery struct {
	ID      int64
	Name    string
	SQL     string
	SavedBy string
	// OwnerID is the account that first saved it, which (or an admin) may
	// change or delete it; 0 for one saved before owners were kept, or
	// whose owner could not be told, which only admins change.
	OwnerID int64
	// Owner is the owner's account name now; "" when OwnerID is 0 or the
	// account is gone (its queries are then the admins').
	Owner string
	// OwnerWas is the name the owner had when saving, kept for the
	// message about a query whose owner's account is gone.
	OwnerWas string
	SavedAt  time.Time // when it was last saved, UTC (0120)
}

// MayChange reports whether account u (nil: unknown) may replace or delete
// q: an admin, or the account that owns it, by id, so that an account
// created later under the name of a removed one does not inherit its
// queries.
func (q SavedQuery) MayChange(u *User) bool {
	return isAdminUser(u) || (u != nil && !u.Disabled && q.OwnerID != 0 && q.OwnerID == u.ID)
}

// isAdminUser reports whether u is an enabled admin account.
func isAdminUser(u *User) bool {
	return u != nil && !u.Disabled && u.Role == RoleAdmin
}

// ownerArgs are the saver's name, id and admin flag as the saved-query
// statements bind them: "", NULL and false for an unknown account.
func ownerArgs(u *User) (string, any, bool) {
	if u == nil || u.ID == 0 {
		return "", nil, false
	}
	return u.Name, u.ID, isAdminUser(u)
}

// Limits of a saved query, so that the list stays a list.
const (
	MaxSavedQueryName = 100   // characters
	MaxSavedQuerySQL  = 20000 // bytes, as the console accepts
)

// SavedQueries returns the saved queries by name.
func (db *DB) SavedQueries(ctx context.Context) ([]SavedQuery, error) {
	rows, err := db.db.QueryContext(ctx, stmt("saved_query_list"))
	if err != nil {
		return nil, fmt.Errorf("warehouse: saved queries: %w", err)
	}
	var out []SavedQuery
	for rows.Next() {
		var q SavedQuery
		if err := rows.Scan(&q.ID, &q.Name, &q.SQL, &q.SavedBy, &q.Owner, &q.OwnerID, &q.OwnerWas, &q.SavedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("warehouse: saved queries: %w", err)
		}
		out = append(out, q)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("warehouse: saved queries: %w", err)
	}
	return out, nil
}

// SaveQuery stores query under name for everyone who may use the workbench
// and returns its id. by is the account saving it (nil when unknown), which
// owns a new one (by its id); a query already saved under name is replaced
// only when by owns it or is an admin. The text is not run here: it is checked
// by the sandbox whenever it runs. A *gongkai.Error with CodeInvalid says
// what is wrong with an empty or oversized name or text, one with
// CodeForbidden whose the name is; other errors are the warehouse's.
func (db *DB) SaveQuery(ctx context.Context, name, query string, by *User) (int64, error) {
	name, query = strings.TrimSpace(name), strings.TrimSpace(query)
	switch {
	case name == "":
		return 0, gongkai.Errorf(gongkai.CodeInvalid, "请为查询填写名称")
	case utf8.RuneCountInString(name) > MaxSavedQueryName || strings.ContainsFunc(name, isControl):
		return 0, gongkai.Errorf(gongkai.CodeInvalid, "查询名称最多 %d 个字，且不能含控制字符", MaxSavedQueryName)
	case query == "":
		return 0, gongkai.Errorf(gongkai.CodeInvalid, "请输入要保存的 SQL 查询语句")
	case len(query) > MaxSavedQuerySQL:
		return 0, gongkai.Errorf(gongkai.CodeInvalid, "SQL 语句过长：最多 %d 字节", MaxSavedQuerySQL)
	}
	var id int64
	byName, byID, admin := ownerArgs(by)
	err := db.db.QueryRowContext(ctx, stmt("saved_query_save"), name, query, byName, byID, admin,
		time.Now().UTC()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		if err := db.notYours(ctx, name, 0, "修改"); err != nil {
			return 0, err
		}
		return 0, gongkai.Errorf(gongkai.CodeConflict, "保存时同名的查询刚被删除，请再保存一次")
	}
	if err != nil {
		return 0, fmt.Errorf("warehouse: save query %q: %w", name, err)
	}
	return id, nil
}

// DeleteSavedQuery removes the saved query with the given id when account by
// (nil when unknown) owns it or is an admin; an id that is not there is no
// error. A *gongkai.Error
// with CodeForbidden says whose the query is; other errors are the
// warehouse's.
func (db *DB) DeleteSavedQuery(ctx context.Context, id int64, by *User) error {
	var gone int64
	_, byID, admin := ownerArgs(by)
	err := db.db.QueryRowContext(ctx, stmt("saved_query_delete"), id, byID, admin).Scan(&gone)
	if errors.Is(err, sql.ErrNoRows) {
		return db.notYours(ctx, "", id, "删除")
	}
	if err != nil {
		return fmt.Errorf("warehouse: delete saved query %d: %w", id, err)
	}
	return nil
}

// notYours is the refusal of a change (what: 修改, 删除) to the saved query
// named name or numbered id, saying whose it is; nil when there is none (a
// query deleted meanwhile: nothing to refuse).
func (db *DB) notYours(ctx context.Context, name string, id int64, what string) error {
	var ownerID int64
	var owner, was string
	err := db.db.QueryRowContext(ctx, stmt("saved_query_owner"), name, id).Scan(&ownerID, &owner, &was)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("warehouse: saved query owner: %w", err)
	case ownerID == 0:
		return gongkai.Errorf(gongkai.CodeForbidden, "这条查询的保存者无法确认（保存于记录保存者账户之前），只有管理员可以%s；可以另存为新的名称", what)
	case owner == "":
		return gongkai.Errorf(gongkai.CodeForbidden, "这条查询的保存者（%s）的账户已不存在，只有管理员可以%s；可以另存为新的名称", was, what)
	}
	return gongkai.Errorf(gongkai.CodeForbidden, "这条查询是 %s 保存的，只有保存者或管理员可以%s；可以另存为新的名称", owner, what)
}

// isControl reports characters a name must not hold: controls, and the
// invisible and direction-changing marks that make look-alike names.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) ||
		(r >= 0x2066 && r <= 0x2069) || r == 0xfeff
}
