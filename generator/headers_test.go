package generator

import (
	"crypto/sha256"
	"encoding/base64"
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
// page gets the site's policy, and the playground's sandbox an opaque
// origin, no requests, and only its own script, whose hash in the policy
// and in the page's integrity attribute is the hash of the file written.
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
	pages := 0
	sandbox := ""
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		url := "/" + filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator)))
		csp := rules.For(url).Get("Content-Security-Policy")
		if strings.HasPrefix(url, "/sandbox/") {
			sandbox = url
			return nil
		}
		pages++
		for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: policy %q lacks %q", url, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "'unsafe-eval'") || strings.Contains(csp, "sandbox") {
			t.Errorf("%s: policy %q", url, csp)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 14 || sandbox == "" {
		t.Fatalf("%d pages, sandbox %q", pages, sandbox)
	}
	h := rules.For(sandbox)
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"sandbox allow-scripts", "default-src 'none'", "connect-src 'none'", "worker-src blob:"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the sandbox's policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "allow-same-origin") || strings.Contains(csp, "'self'") && !strings.Contains(csp, "frame-ancestors 'self'") {
		t.Errorf("the sandbox's policy %q lets it reach the site", csp)
	}
	page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(sandbox)))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<script src="(/assets/[^"]+)" integrity="([^"]+)"`).FindStringSubmatch(string(page))
	if m == nil {
		t.Fatalf("the sandbox's page loads no script with integrity: %s", page)
	}
	script, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(m[1])))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(script)
	want := "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	if m[2] != want || !strings.Contains(csp, "script-src '"+want+"'") {
		t.Errorf("the sandbox's script hashes to %s; its page says %s, its policy %q", want, m[2], csp)
	}
	if got := rules.For(m[1]).Get("Access-Control-Allow-Origin"); got != "*" {
		t.Errorf("%s: Access-Control-Allow-Origin %q: the sandbox (an opaque origin) cannot load it", m[1], got)
	}
}
