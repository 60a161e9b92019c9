package dashboard

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"mime"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"gongkai"
	"gongkai/template"
)

// The upload page works in two steps: 预检 parses and validates a file and
// shows its findings with nothing loaded; 载入 then loads that same file.
// Between the steps the file waits here, in memory, under a random token
// bound to the account that checked it, so that nobody has to choose it
// again and nobody else can load it. The stage is small and forgetful: a
// file not loaded within stageTTL, or pushed out by newer ones beyond
// stageFiles or stageBytes, must be checked again.
const (
	stageTTL   = 30 * time.Minute
	stageFiles = 32
	stageBytes = 128 << 20
)

type stagedFile struct {
	user, name string
	data       []byte
	at         time.Time
}

type stage struct {
	mu    sync.Mutex
	files map[string]*stagedFile
	order []string // tokens, oldest first
	bytes int64
}

func newStage() *stage { return &stage{files: map[string]*stagedFile{}} }

// put keeps a checked file for user and returns its token.
func (s *stage) put(user, name string, data []byte) string {
	b := make([]byte, 16)
	rand.Read(b)
	token := hex.EncodeToString(b)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire(time.Now())
	s.files[token] = &stagedFile{user: user, name: name, data: data, at: time.Now()}
	s.order = append(s.order, token)
	s.bytes += int64(len(data))
	for len(s.order) > 1 && (len(s.order) > stageFiles || s.bytes > stageBytes) {
		s.drop(s.order[0])
	}
	return token
}

// get returns the file staged under token for user; ok is false for an
// unknown, expired or someone else's token.
func (s *stage) get(user, token string) (name string, data []byte, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire(time.Now())
	f := s.files[token]
	if f == nil || f.user != user {
		return "", nil, false
	}
	return f.name, f.data, true
}

// remove forgets a file once it is loaded.
func (s *stage) remove(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.drop(token)
}

func (s *stage) expire(now time.Time) {
	for len(s.order) > 0 {
		if f := s.files[s.order[0]]; f != nil && now.Sub(f.at) < stageTTL {
			return
		}
		s.drop(s.order[0])
	}
}

func (s *stage) drop(token string) {
	if f := s.files[token]; f != nil {
		s.bytes -= int64(len(f.data))
		delete(s.files, token)
	}
	for i, t := range s.order {
		if t == token {
			s.order = append(s.order[:i], s.order[i+1:]...)
			break
		}
	}
}

// stageUser is whom a staged file belongs to: the account, or "" for an
// anonymous visitor of a server without accounts.
func stageUser(c echo.Context) string {
	if u := userOf(c); u != nil {
		return u.Name
	}
	return ""
}

// uploadTemplate is GET /upload/template?format=2021|2019: the blank
// official workbook, written by the same template writer as `gongkai
// template`, so that agencies fill in exactly what gongkai reads.
func (h *handler) uploadTemplate(c echo.Context) error {
	format := c.QueryParam("format")
	if format == "" {
		format = gongkai.Format2021
	}
	f := gongkai.FormatByID(format)
	if f == nil || len(f.Tables) == 0 || format == gongkai.FormatPre2019 {
		return invalid("没有 %q 格式的模板：可选 2021 或 2019。", format)
	}
	var buf bytes.Buffer
	if err := template.WriteTemplate(&buf, format); err != nil {
		return err
	}
	name := "政府信息公开工作年度报告模板（" + format + "年格式）.xlsx"
	c.Response().Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	return c.Blob(http.StatusOK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buf.Bytes())
}
