package generator

import (
	"strings"
	"testing"
)

// The service worker checks every asset against the digest it lists, so
// an asset a stage added after the list was made would be refused in
// every reader's browser. The output makes that order impossible to get
// wrong quietly: once the worker is made, adding panics.
func TestOutputSealedByTheServiceWorker(t *testing.T) {
	out := newOutput()
	url := out.add("a-1234.js", []byte("a"))
	if err := out.addServiceWorker([]byte("/* worker */")); err != nil {
		t.Fatal(err)
	}
	sw := string(out.files["sw.js"])
	sum, _ := out.digest(url)
	if !strings.Contains(sw, `"`+url+`":"`+sum+`"`) || !strings.HasSuffix(sw, "/* worker */") {
		t.Errorf("sw.js = %q; want %s listed with its digest, then the worker", sw, url)
	}
	for name, add := range map[string]func(){
		"add":  func() { out.add("b-5678.js", []byte("b")) },
		"put":  func() { out.put("late.html", nil) },
		"link": func() { out.linkAt("assets/c.wasm", out.links["x"]) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s after the service worker: no panic", name)
				}
			}()
			add()
		}()
	}
}
