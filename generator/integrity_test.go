package generator

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/goexpert/gointernals/generator/assets"
	"golang.org/x/net/html"
)

// sriOf is b's digest as the site writes it: "sha256-<base64>".
func sriOf(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// TestIntegrityDigests checks every digest the build writes against the
// files it wrote: each page's scripts and style sheets carry an integrity
// attribute that is their file's, /sw.js lists every hashed asset it
// serves with its file's digest (the manifest of the standard library's
// archives among them), data-pg-exact gives the exact engine's tools'
// digests inflated and the manifest's, and the manifest each archive's.
func TestIntegrityDigests(t *testing.T) {
	out := buildWithPlayground(t, 10*time.Second)
	file := func(url string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(url, "/"))))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	tags := 0
	var exact string
	eachHTML(t, out, func(rel string, b []byte) {
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		for _, n := range find(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
			a := map[string]string{}
			for _, at := range n.Attr {
				a[at.Key] = at.Val
			}
			if n.Data == "html" && a["data-pg-exact"] != "" {
				exact = a["data-pg-exact"]
			}
			url := ""
			switch {
			case n.Data == "script" && a["src"] != "":
				url = a["src"]
			case n.Data == "link" && a["rel"] == "stylesheet":
				url = a["href"]
			default:
				continue
			}
			tags++
			if want := sriOf(file(url)); a["integrity"] != want {
				t.Errorf("%s: %s has integrity %q, its file %s", rel, url, a["integrity"], want)
			}
		}
	})
	if tags == 0 {
		t.Fatal("no script or style sheet found")
	}

	sw := string(file("/sw.js"))
	_, rest, ok := strings.Cut(sw, "self.ASSETS=")
	if !ok {
		t.Fatalf("/sw.js does not set self.ASSETS:\n%.300s", sw)
	}
	var listed map[string]string
	if err := json.NewDecoder(strings.NewReader(rest)).Decode(&listed); err != nil {
		t.Fatalf("self.ASSETS: %v", err)
	}
	var urls []string
	err := filepath.WalkDir(filepath.Join(out, "assets"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, path)
			urls = append(urls, "/"+filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, url := range urls {
		if strings.HasSuffix(url, ".gz") || strings.HasSuffix(url, ".br") {
			if _, ok := listed[url]; ok {
				t.Errorf("/sw.js lists %s, which the exact engine's worker fetches and checks itself", url)
			}
			continue
		}
		if want := sriOf(file(url)); listed[url] != want {
			t.Errorf("/sw.js gives %s the digest %q, its file %s", url, listed[url], want)
		}
		delete(listed, url)
	}
	for url := range listed {
		t.Errorf("/sw.js lists %s, which is not in assets/", url)
	}

	if exact == "" {
		t.Fatal("no page has data-pg-exact")
	}
	var x struct {
		Compile, Link, Stdlib string
		SHA256                map[string]string
	}
	if err := json.Unmarshal([]byte(exact), &x); err != nil {
		t.Fatal(err)
	}
	// inflated is the brotli file at url decoded, which its gzipped copy
	// (for a host that drops the Content-Encoding) must inflate to.
	inflated := func(url string) []byte {
		t.Helper()
		plain, err := io.ReadAll(brotli.NewReader(bytes.NewReader(file(url))))
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(file(assets.GzipName(url))))
		if err != nil {
			t.Fatalf("%s: %v", assets.GzipName(url), err)
		}
		if gz, err := io.ReadAll(zr); err != nil || !bytes.Equal(gz, plain) {
			t.Errorf("%s does not inflate to what %s decodes to (%v)", assets.GzipName(url), url, err)
		}
		return plain
	}
	for _, url := range []string{x.Compile, x.Link} {
		if want := sriOf(inflated(url)); x.SHA256[url] != want {
			t.Errorf("data-pg-exact gives %s the digest %q, its file inflated %s", url, x.SHA256[url], want)
		}
	}
	// The manifest of the standard library's archives: its digest in the
	// page (and in /sw.js, checked above), each archive's in it.
	manifest := file(x.Stdlib)
	if want := sriOf(manifest); x.SHA256[x.Stdlib] != want || !strings.HasSuffix(x.Stdlib, ".json") {
		t.Errorf("data-pg-exact gives the manifest %s the digest %q, its file %s", x.Stdlib, x.SHA256[x.Stdlib], want)
	}
	var m assets.Manifest
	if err := json.Unmarshal(manifest, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Packages) < 200 || m.Packages["encoding/json"].URL == "" || !m.Packages["encoding/json"].Importable || m.Packages["syscall/js"].Importable {
		t.Fatalf("the manifest lists %d archives; encoding/json %+v, syscall/js %+v", len(m.Packages), m.Packages["encoding/json"], m.Packages["syscall/js"])
	}
	archives := 0
	for _, url := range urls {
		if strings.HasPrefix(url, "/assets/std/") {
			archives++
		}
	}
	if archives != 2*len(m.Packages) {
		t.Errorf("/assets/std/ holds %d files, the manifest lists %d archives (each a brotli file and a gzipped copy)", archives, len(m.Packages))
	}
	for p, e := range m.Packages {
		if !strings.HasPrefix(e.URL, "/assets/std/") || !strings.HasSuffix(e.URL, ".a.br") {
			t.Errorf("%s is published as %s", p, e.URL)
			continue
		}
		if int64(len(file(e.URL))) != e.Size {
			t.Errorf("%s: the manifest says %d bytes, the file has %d", e.URL, e.Size, len(file(e.URL)))
		}
		if want := sriOf(inflated(e.URL)); e.SHA256 != want {
			t.Errorf("the manifest gives %s the digest %q, its file inflated %s", e.URL, e.SHA256, want)
		}
		for _, q := range e.Imports {
			if _, ok := m.Packages[q]; !ok {
				t.Errorf("%s imports %s, which the manifest lacks", p, q)
			}
		}
	}
}
