package dashboard

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// staticHandler serves the embedded styles, scripts and vendor assets. They
// change only with the binary, so browsers may cache them for a day. Text
// assets go out gzip-compressed to browsers that accept it (ECharts is 1 MB
// as it is, about 330 KB compressed): each is compressed once, on its first
// request, and kept in memory, so that no request pays for compression
// again and nothing is added to the build.
func staticHandler() echo.HandlerFunc {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	files := http.StripPrefix("/static/", http.FileServer(http.FS(filesOnly{sub})))
	var gz gzipCache
	started := time.Now()
	return func(c echo.Context) error {
		hd := c.Response().Header()
		hd.Set("Cache-Control", "public, max-age=86400")
		name := strings.TrimPrefix(c.Request().URL.Path, "/static/")
		if compressible(name) {
			hd.Add("Vary", "Accept-Encoding")
			if acceptsGzip(c.Request().Header.Get("Accept-Encoding")) {
				if data, ok := gz.get(sub, name); ok {
					hd.Set("Content-Encoding", "gzip")
					hd.Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
					http.ServeContent(c.Response(), c.Request(), name, started, bytes.NewReader(data))
					return nil
				}
			}
		}
		files.ServeHTTP(c.Response(), c.Request())
		return nil
	}
}

// compressible reports whether an asset is text worth compressing.
func compressible(name string) bool {
	switch path.Ext(name) {
	case ".js", ".css", ".json", ".svg", ".map", ".txt":
		return true
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header admits gzip: named
// (or *) without q=0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
			continue
		}
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.TrimSpace(k) == "q" {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		if q > 0 {
			return true
		}
	}
	return false
}

// gzipCache holds the compressed form of each asset asked for, made once.
type gzipCache struct {
	mu    sync.Mutex
	items map[string]*gzipItem
}

type gzipItem struct {
	once sync.Once
	data []byte
	ok   bool
}

// get returns the gzip form of the asset name of fsys; ok is false when
// there is no such file (the file server then answers 404).
func (g *gzipCache) get(fsys fs.FS, name string) ([]byte, bool) {
	g.mu.Lock()
	if g.items == nil {
		g.items = map[string]*gzipItem{}
	}
	it := g.items[name]
	if it == nil {
		it = &gzipItem{}
		g.items[name] = it
	}
	g.mu.Unlock()
	it.once.Do(func() {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
		zw.Write(raw)
		zw.Close()
		it.data, it.ok = buf.Bytes(), true
	})
	return it.data, it.ok
}
