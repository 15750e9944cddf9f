package generator

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// builtPage is one parsed HTML file of a built site.
type builtPage struct {
	file string // slash path inside the output: "pt/canais/index.html"
	raw  []byte
	doc  *html.Node
	ids  map[string]bool
}

// eachHTML calls f with the slash path inside dir ("pt/canais/index.html")
// and the bytes of every HTML file under dir, in lexical order.
func eachHTML(t *testing.T, dir string, f func(rel string, b []byte)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		f(filepath.ToSlash(rel), b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// loadBuilt parses every HTML file under dir; a file that does not parse
// fails the test.
func loadBuilt(t *testing.T, dir string) map[string]*builtPage {
	t.Helper()
	pages := map[string]*builtPage{}
	eachHTML(t, dir, func(rel string, b []byte) {
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s does not parse as HTML: %v", rel, err)
			return
		}
		bp := &builtPage{file: rel, raw: b, doc: doc, ids: map[string]bool{}}
		walk(doc, func(n *html.Node) {
			if id := htmlAttr(n, "id"); id != "" {
				if bp.ids[id] {
					t.Errorf("%s: id %q is used twice", bp.file, id)
				}
				bp.ids[id] = true
			}
		})
		pages[bp.file] = bp
	})
	return pages
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) {
		if match(c) {
			out = append(out, c)
		}
	})
	return out
}

// checkSite walks every page of a built site for what a reader would trip
// over: internal links and #anchors that lead nowhere, assets that are
// missing, text escaped twice, and language switches that do not lead to
// the twin page and back.
func checkSite(t *testing.T, dir string) map[string]*builtPage {
	t.Helper()
	pages := loadBuilt(t, dir)
	if len(pages) == 0 {
		t.Fatalf("no HTML under %s", dir)
	}
	exists := func(p string) bool {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		return err == nil
	}
	for _, bp := range pages {
		walk(bp.doc, func(n *html.Node) {
			if n.Type == html.TextNode {
				for _, bad := range []string{"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#34;"} {
					if strings.Contains(n.Data, bad) {
						t.Errorf("%s: text %q is escaped twice (shows %s)", bp.file, strings.TrimSpace(n.Data), bad)
					}
				}
			}
			for _, key := range []string{"href", "src"} {
				ref := htmlAttr(n, key)
				if ref == "" || n.Data == "link" && htmlAttr(n, "rel") == "alternate" || n.Data == "link" && htmlAttr(n, "rel") == "canonical" {
					continue
				}
				u, err := url.Parse(ref)
				if err != nil {
					t.Errorf("%s: %s %q does not parse", bp.file, key, ref)
					continue
				}
				if u.Scheme != "" || u.Host != "" {
					continue
				}
				target := bp
				if u.Path != "" {
					p := u.Path
					if !strings.HasPrefix(p, "/") {
						p = path.Join("/", path.Dir(bp.file), p)
					}
					file := strings.TrimPrefix(p, "/")
					if strings.HasSuffix(p, "/") {
						file += "index.html"
					}
					if !exists(file) {
						t.Errorf("%s: %s %q leads nowhere (no %s)", bp.file, key, ref, file)
						continue
					}
					target = pages[file]
				}
				if u.Fragment != "" && target != nil && !target.ids[u.Fragment] {
					t.Errorf("%s: link %q: no id %q on %s", bp.file, ref, u.Fragment, target.file)
				}
			}
		})
	}
	// The language switch leads to a page whose switch leads back.
	for _, bp := range pages {
		sw := find(bp.doc, func(n *html.Node) bool {
			return n.Data == "a" && strings.Contains(htmlAttr(n.Parent, "class"), "lang-switch")
		})
		if len(sw) == 0 {
			continue
		}
		twinFile := strings.TrimPrefix(htmlAttr(sw[0], "href"), "/") + "index.html"
		twin := pages[twinFile]
		if twin == nil {
			t.Errorf("%s: language switch leads to %s, which is not a page", bp.file, twinFile)
			continue
		}
		back := find(twin.doc, func(n *html.Node) bool {
			return n.Data == "a" && strings.Contains(htmlAttr(n.Parent, "class"), "lang-switch")
		})
		if len(back) == 0 || strings.TrimPrefix(htmlAttr(back[0], "href"), "/")+"index.html" != bp.file {
			t.Errorf("%s: the twin %s does not switch back to it", bp.file, twinFile)
		}
	}
	return pages
}
