package browser

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestMain(m *testing.M) {
	code := m.Run()
	Close()
	os.Exit(code)
}

// TestAttributeReadsThePage: Attribute waits for its element, tells a
// missing attribute from an empty one, and reads each value the page has
// just set.
func TestAttributeReadsThePage(t *testing.T) {
	tab := New(t)
	base := ServeHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><title>a</title><div id="a" data-empty=""></div>
<script>setTimeout(() => { const b = document.createElement('div'); b.id = 'b'; b.dataset.x = 'late'; document.body.append(b); }, 300);</script>`)
	}))
	tab.Do(t, 30*time.Second, chromedp.Navigate(base+"/"), chromedp.WaitReady(`#a`))
	if Get(t, tab, 10*time.Second, chromedp.Evaluate[bool](`!!document.getElementById('b')`)) {
		t.Log("#b was there before Attribute was asked: its wait is not tried this time")
	}
	if got := Get(t, tab, 30*time.Second, Attribute(`#b`, "data-x")); got != (chromedp.AttributeResult{Value: "late", Exists: true}) {
		t.Errorf("an element added later: %+v", got)
	}
	if got := Get(t, tab, 10*time.Second, Attribute(`#a`, "data-empty")); got != (chromedp.AttributeResult{Value: "", Exists: true}) {
		t.Errorf("an empty attribute: %+v", got)
	}
	if got := Get(t, tab, 10*time.Second, Attribute(`#a`, "data-missing")); got.Exists || got.Value != "" {
		t.Errorf("a missing attribute: %+v", got)
	}
	for i := range 50 {
		want := fmt.Sprintf("s%d", i)
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.getElementById('a').dataset.state = '`+want+`'`))
		if got := Get(t, tab, 10*time.Second, Attribute(`#a`, "data-state")).Value; got != want {
			t.Fatalf("set to %q, read %q", want, got)
		}
	}
}

// TestNoCachedAttributeReads: the module's tests read attributes with
// Attribute, never chromedp's AttributeValue, Attributes or
// AttributesAll, whose copy of the DOM can be behind the page
// (Attribute's comment).
func TestNoCachedAttributeReads(t *testing.T) {
	// chromedp's Attributes and AttributesAll read the same copy.
	cached := []string{"chromedp." + "AttributeValue(", "chromedp." + "Attributes(", "chromedp." + "AttributesAll("}
	seen := 0
	err := filepath.WalkDir("../../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "public" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && path != "../../..") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		seen++
		for n, line := range strings.Split(string(b), "\n") {
			for _, c := range cached {
				if strings.Contains(line, c) {
					t.Errorf("%s:%d: reads attributes with %s; use browser.Attribute", path, n+1, strings.TrimSuffix(c, "("))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 50 {
		t.Errorf("read %d Go files of the module; it has more: is the walk's root the module's?", seen)
	}
}
