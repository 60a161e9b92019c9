package main

import (
	"bufio"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startLimited serves a handler that reads the whole body and answers "ok"
// with the given limits on a real listener at 127.0.0.1, for as long as the
// test runs.
func startLimited(t *testing.T, l limits) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			return
		}
		io.WriteString(w, "ok")
	})
	srv := l.server(h, slog.New(slog.DiscardHandler))
	go srv.Serve(l.listen(ln))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// closedWithin reports whether the server closes conn within d: a read
// returns EOF or a reset, not a deadline.
func closedWithin(conn net.Conn, d time.Duration) bool {
	conn.SetReadDeadline(time.Now().Add(d))
	_, err := io.Copy(io.Discard, conn)
	var ne net.Error
	return !(errors.As(err, &ne) && ne.Timeout())
}

// TestServerLimits opens real connections that send slowly or not at all
// and checks that the server cuts each off at its limit.
func TestServerLimits(t *testing.T) {
	l := limits{readHeader: 200 * time.Millisecond, read: 400 * time.Millisecond, write: time.Second,
		idle: 300 * time.Millisecond, maxHeader: 4 << 10, maxConns: 3}
	addr := startLimited(t, l)
	dial := func() net.Conn {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		return conn
	}

	t.Run("headers never finished", func(t *testing.T) {
		conn := dial()
		io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n")
		if !closedWithin(conn, 3*time.Second) {
			t.Error("a client that never finished its headers was not cut off")
		}
	})
	t.Run("body never finished", func(t *testing.T) {
		conn := dial()
		io.WriteString(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nsome bytes")
		if !closedWithin(conn, 3*time.Second) {
			t.Error("a client that never finished its body was not cut off")
		}
	})
	t.Run("idle keep-alive", func(t *testing.T) {
		conn := dial()
		io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("first request: %v", err)
		}
		resp.Body.Close()
		if !closedWithin(conn, 3*time.Second) {
			t.Error("an idle keep-alive connection was not closed")
		}
	})
	t.Run("headers too large", func(t *testing.T) {
		conn := dial()
		io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "+strings.Repeat("a", 64<<10)+"\r\n\r\n")
		conn.SetReadDeadline(time.Now().Add(3 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil || resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("64 KiB of headers: %v %v, want 431", resp, err)
		}
	})
	t.Run("every connection held by a slow client", func(t *testing.T) {
		for i := 0; i < l.maxConns+2; i++ {
			io.WriteString(dial(), "GET / HTTP/1.1\r\n")
		}
		client := &http.Client{Timeout: 5 * time.Second}
		start := time.Now()
		resp, err := client.Get("http://" + addr + "/healthz")
		if err != nil {
			t.Fatalf("a request behind slow clients: %v", err)
		}
		resp.Body.Close()
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("answered after %v", took)
		}
	})
}

func TestTrustedProxyFlag(t *testing.T) {
	var c cidrList
	for _, v := range []string{"10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8"} {
		if err := c.Set(v); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
	if c.String() != "10.0.0.0/8,127.0.0.1/32,::1/128,fd00::/8" {
		t.Errorf("parsed %s", c.String())
	}
	if err := c.Set("10.0.0/8x"); err == nil {
		t.Error("a bad CIDR was accepted")
	}

}
