package generator

import (
	"crypto/sha256"
	"encoding/base64"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/goexpert/gointernals/generator/internal/headers"
)

// TestHeaders reads the _headers the build wrote for the real site: every
// page gets the site's policy, whose one inline script is the sandbox's,
// by the hash of the file written; pages with playgrounds give the
// sandbox a policy of its own with no requests and that script only.
func TestHeaders(t *testing.T) {
	out := buildWithPlayground(t, 10*time.Second)
	b, err := os.ReadFile(filepath.Join(out, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := headers.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	attr := func(page []byte, name string) string {
		m := regexp.MustCompile(name + `="([^"]*)"`).FindSubmatch(page)
		if m == nil {
			return ""
		}
		return html.UnescapeString(string(m[1]))
	}
	pages, playgrounds := 0, 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		url := "/" + filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator)))
		csp := rules.For(url).Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "object-src 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: policy %q lacks %q", url, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "'unsafe-eval'") {
			t.Errorf("%s: policy %q", url, csp)
		}
		page, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		script := attr(page, "data-pg-sandbox")
		if script == "" {
			return nil
		}
		playgrounds++
		js, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(script)))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(js)
		hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval' "+hash) {
			t.Errorf("%s: the site's policy %q does not allow the sandbox's script %s by its hash %s", url, csp, script, hash)
		}
		own := attr(page, "data-pg-sandbox-policy")
		for _, want := range []string{"default-src 'none'", "connect-src 'none'", "worker-src blob:", "script-src " + hash + " 'wasm-unsafe-eval'"} {
			if !strings.Contains(own, want) {
				t.Errorf("%s: the sandbox's policy %q lacks %q", url, own, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 14 || playgrounds < 8 {
		t.Errorf("%d pages, %d with playgrounds", pages, playgrounds)
	}
}
