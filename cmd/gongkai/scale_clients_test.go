package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/dashboard"
	"gongkai/warehouse"
)

var (
	scaleClientsDB      = flag.String("scale-clients", "", "bench-scale: a warehouse whose pages are served under each -scale-clients-configs in turn, in this process (read-only); a %d in it is the configuration's number, for a symbolic link to the file of its own (DuckDB opens a file once a process, with one configuration); empty skips")
	scaleClientsConfigs = flag.String("scale-clients-configs", "threads=0,slots=2;threads=1,slots=2", "bench-scale: -scale-clients' server configurations, ';'-separated, each ','-separated key=value: threads (DuckDB's, 0 one a core), slots (page concurrency, 0 no limit), procs (GOMAXPROCS while it runs), mem (DuckDB's memory limit)")
	scaleClientsRounds  = flag.Int("scale-clients-rounds", 3, "bench-scale: -scale-clients rounds; each serves every configuration the same requests, in turn, alternating the order")
	scaleClientsN       = flag.Int("scale-clients-n", 88, "bench-scale: -scale-clients page requests a configuration serves per round and per client count")
	scaleClientsCounts  = flag.String("scale-clients-counts", "1,8", "bench-scale: -scale-clients closed-loop client counts")
)

// clientsConfig is one server configuration -scale-clients compares.
type clientsConfig struct {
	name                  string
	threads, slots, procs int
	mem                   string
	db                    *warehouse.DB
	srv                   http.Handler
	lat                   map[int][]time.Duration // by client count, every round's
	cpu                   map[int]time.Duration   // by client count, summed over rounds
	wall                  map[int]time.Duration
	reqs                  map[int]int
}

func parseClientsConfigs(t *testing.T, s string) []*clientsConfig {
	var out []*clientsConfig
	for _, c := range strings.Split(s, ";") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		cf := &clientsConfig{name: c, slots: defaultPageConcurrency, mem: serveMemoryLimit, lat: map[int][]time.Duration{},
			cpu: map[int]time.Duration{}, wall: map[int]time.Duration{}, reqs: map[int]int{}}
		for _, kv := range strings.Split(c, ",") {
			k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
			if !ok {
				t.Fatalf("-scale-clients-configs %q: %q is not key=value", s, kv)
			}
			var err error
			switch k {
			case "threads":
				cf.threads, err = strconv.Atoi(v)
			case "slots":
				cf.slots, err = strconv.Atoi(v)
			case "procs":
				cf.procs, err = strconv.Atoi(v)
			case "mem":
				cf.mem = v
			default:
				err = fmt.Errorf("unknown key")
			}
			if err != nil {
				t.Fatalf("-scale-clients-configs %q: %q: %v", s, kv, err)
			}
		}
		out = append(out, cf)
	}
	return out
}

// TestScaleClients compares server configurations (DuckDB's threads and
// memory limit, the page slots, GOMAXPROCS) on the same warehouse in one
// process: each configuration opens the file read-only on its own and has
// its own router, and every round serves each configuration the same
// bench-scale requests (random filters, page cache off, serve's request
// log written nowhere) to one client and then to eight closed-loop clients,
// one configuration after the other, the order reversed every other round,
// so that the machine's swings fall on all of them alike. It prints each
// configuration's p50/p95 over all rounds per client count, and the
// process's CPU per request (every thread, DuckDB's workers too).
//
// DuckDB opens a file once a process with one configuration, and a symbolic
// link resolves to the same file: give each configuration a hard link of
// its own (ln FILE dir/m0.duckdb; ln FILE dir/m1.duckdb …) and -scale-clients
// 'dir/m%d.duckdb'. Their buffer pools are their own; the OS's page cache is
// shared. The pages are written to a recorder, not a socket, so a slot is
// given back (admission.go) as soon as the page is rendered.
func TestScaleClients(t *testing.T) {
	if *scaleClientsDB == "" {
		t.Skip("run with -scale-clients PATH")
	}
	ctx := context.Background()
	cfgs := parseClientsConfigs(t, *scaleClientsConfigs)
	var counts []int
	for _, s := range strings.Split(*scaleClientsCounts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			t.Fatalf("-scale-clients-counts %q", *scaleClientsCounts)
		}
		counts = append(counts, n)
	}
	var gen *filterGen
	for i, c := range cfgs {
		path := *scaleClientsDB
		if strings.Contains(path, "%d") {
			path = fmt.Sprintf(path, i)
		}
		db, err := warehouse.OpenWith(ctx, path, warehouse.Options{ReadOnly: true, MemoryLimit: c.mem, Threads: c.threads})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if gen == nil {
			gen = newFilterGen(t, db)
		}
		c.db = db
		// serve's request log, written nowhere.
		c.srv = dashboard.New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), dashboard.Options{CacheEntries: -1, Public: true,
			PageConcurrency: c.slots})
	}
	procs := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(procs)
	fmt.Fprintf(os.Stdout, "# clients on %s, %d rounds of %d requests, load average %.1f at start\n", *scaleClientsDB, *scaleClientsRounds, *scaleClientsN, loadAverage())
	for round := range *scaleClientsRounds {
		for _, n := range counts {
			reqs := gen.requests(*scaleClientsN)
			for i := range cfgs {
				c := cfgs[i]
				if round%2 == 1 {
					c = cfgs[len(cfgs)-1-i]
				}
				if c.procs > 0 {
					runtime.GOMAXPROCS(c.procs)
				} else {
					runtime.GOMAXPROCS(procs)
				}
				cpu0, t0 := processCPU(), time.Now()
				byPage := closedLoop(reqs, n, func(r scaleRequest) time.Duration {
					rec := httptest.NewRecorder()
					start := time.Now()
					c.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, r.path, nil))
					d := time.Since(start)
					if rec.Code != http.StatusOK {
						t.Errorf("GET %s: %d %.300s", r.path, rec.Code, rec.Body.String())
					}
					return d
				})
				c.cpu[n] += processCPU() - cpu0
				c.wall[n] += time.Since(t0)
				c.reqs[n] += len(reqs)
				var all []time.Duration
				for _, ds := range byPage {
					all = append(all, ds...)
				}
				c.lat[n] = append(c.lat[n], all...)
				fmt.Fprintf(os.Stdout, "round %d  %d clients  %-40s p50 %7s  p95 %7s  cpu/req %6.1f ms  load %.1f\n", round, n, c.name,
					ms(pct(all, 50)), ms(pct(all, 95)), float64((processCPU()-cpu0).Microseconds())/1000/float64(len(reqs)), loadAverage())
			}
		}
	}
	runtime.GOMAXPROCS(procs)
	fmt.Fprintf(os.Stdout, "# all rounds\n")
	for _, n := range counts {
		for _, c := range cfgs {
			fmt.Fprintf(os.Stdout, "%d clients  %-40s p50 %7s  p95 %7s  max %7s  cpu/req %6.1f ms  %.1f req/s\n", n, c.name,
				ms(pct(c.lat[n], 50)), ms(pct(c.lat[n], 95)), ms(pct(c.lat[n], 100)),
				float64(c.cpu[n].Microseconds())/1000/float64(c.reqs[n]), float64(c.reqs[n])/c.wall[n].Seconds())
		}
	}
}
