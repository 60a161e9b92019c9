package dashboard

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/warehouse"
)

// pointTips is evaluated in the page: for every chart, the first data
// item whose category or series name holds markup (a hostile agency's
// name), as [chart id, series index, data index].
const pointTips = `(function () {
  var out = [];
  document.querySelectorAll('.chart').forEach(function (el) {
    var c = echarts.getInstanceByDom(el);
    if (!c) return;
    var series = c.getModel().getSeries();
    for (var s = 0; s < series.length; s++) {
      var d = series[s].getData();
      for (var i = 0; i < d.count(); i++) {
        if ((d.getName(i) || '').indexOf('<') >= 0 || (series[s].name || '').indexOf('<') >= 0) {
          out.push([el.id, s, i]);
          return;
        }
      }
    }
  });
  return out;
})()`

// TestBrowserTooltipsEscape shows, in headless Chromium, the tooltip of
// every chart item named by an agency whose name holds markup (uploaded by
// its own account), and reads the tooltip's HTML: ECharts renders tooltips
// as HTML, so the name must reach it escaped (ECharts 5.6's default
// tooltips escape names; the charts carry no formatter of their own for
// tooltips). A guard, which passed before (review s38); the page's CSP
// (script-src 'self') would stop an injected handler, not the markup.
func TestBrowserTooltipsEscape(t *testing.T) {
	exe := chromium(t)
	db := emptyDB(t)
	hostileUploads(t, db)
	srv := httptest.NewServer(New(db, testLogger(t), Options{}))
	defer srv.Close()
	bl := &browserLog{origin: srv.URL, seen: map[string]bool{}}
	ctx, cancel := newBrowser(t, exe, bl.listen)
	defer cancel()
	admin, _ := testUser(t, db, warehouse.RoleAdmin)
	browserLogin(t, ctx, srv.URL, admin.Name, testPassword)
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, scancel := context.WithTimeout(ctx, 30*time.Second)
		defer scancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	shown := 0
	for _, path := range []string{"/", "/licensing", "/proactive", "/applications", "/compare", "/quality"} {
		run("open "+path, chromedp.Navigate(srv.URL+path), chromedp.WaitReady(chromedp.CSS("footer")), chromedp.Sleep(500*time.Millisecond))
		sctx, scancel := context.WithTimeout(ctx, 10*time.Second)
		v, err := chromedp.Run(sctx, chromedp.Evaluate[[]byte](pointTips))
		scancel()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var points [][3]any
		if err := jsonUnmarshal(v, &points); err != nil {
			t.Fatalf("%s: %v (%s)", path, err, v)
		}
		for _, p := range points {
			show := fmt.Sprintf(`(function () { var el = document.getElementById(%q); var c = echarts.getInstanceByDom(el);
  el.scrollIntoView({block: 'center'}); c.dispatchAction({type: 'showTip', seriesIndex: %v, dataIndex: %v}); return true; })()`, p[0], p[1], p[2])
			read := fmt.Sprintf(`(function () { var el = document.getElementById(%q); var out = '';
  el.querySelectorAll('div').forEach(function (d) { if (d.innerHTML.indexOf('测试') >= 0 && d.children.length > 0 && !d.querySelector('canvas')) out += d.innerHTML; });
  return out; })()`, p[0])
			sctx, scancel := context.WithTimeout(ctx, 10*time.Second)
			_, err := chromedp.Run(sctx, chromedp.Evaluate[bool](show))
			var html string
			// The tooltip is drawn after the action, later on a loaded
			// machine: read until it shows, for up to 3 s.
			for try := 0; err == nil && html == "" && try < 20; try++ {
				time.Sleep(150 * time.Millisecond)
				html, err = chromedp.Run(sctx, chromedp.Evaluate[string](read))
			}
			scancel()
			if err != nil {
				t.Fatalf("%s %v: %v", path, p, err)
			}
			if html == "" {
				t.Logf("%s %v: no tooltip shown", path, p)
				continue
			}
			shown++
			t.Logf("%s %v: %.200s", path, p, html)
			if strings.Contains(html, "<img src=x") || strings.Contains(html, "<script>") {
				t.Errorf("%s %v: the tooltip holds the name as markup: %.300s", path, p, html)
			}
		}
	}
	if shown == 0 {
		t.Error("no tooltip with a hostile name was shown: the test proves nothing")
	}
	t.Logf("%d tooltips read", shown)
	for _, b := range bl.take() {
		t.Logf("browser: %s", b)
	}
}
