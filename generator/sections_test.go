package generator

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/goexpert/gointernals/generator/content"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// TestSectionsAsTheTreeHas: the search index's sections, cut from a
// stream of tokens, are what a walk of the parsed tree gives, for every
// page of the real site and of the benchmarks' site, and for HTML that
// nests what the cut leaves out.
func TestSectionsAsTheTreeHas(t *testing.T) {
	bodies := map[string][]byte{
		"nested": []byte(`<p>a <svg><svg><text>x</text></svg><text>y</text></svg> b</p><h2 id="h">T <code>c</code><button>copy</button></h2><ul><li>one<li>two</ul><pre><code>skip <b>me</b></code></pre><br/>end &amp; &lt;tag&gt;<h3 id="k">K</h3><table><tr><td>c1</td><td>c2</td></tr></table><div>d<button>run</button></div>`),
		"empty":  nil,
		"heads":  []byte(`<h2 id="a">A</h2><h3 id="b">B</h3>text<h2>no id</h2>`),
	}
	for _, fsys := range []struct {
		name string
		fs   func() (*content.Site, error)
	}{
		{"content", func() (*content.Site, error) {
			site, errs := content.Load(os.DirFS("../content"), "content")
			if len(errs) > 0 {
				return nil, errs
			}
			return site, nil
		}},
		{"generated", func() (*content.Site, error) {
			site, errs := content.Load(generatedSite(20), "generated")
			if len(errs) > 0 {
				return nil, errs
			}
			return site, nil
		}},
	} {
		site, err := fsys.fs()
		if err != nil {
			t.Fatal(err)
		}
		pages, errs := convert(context.Background(), site)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for _, ps := range pages {
			for _, p := range ps {
				bodies[p.Path] = p.doc.HTML
			}
		}
	}
	if len(bodies) < 40 {
		t.Fatalf("only %d pages to compare", len(bodies))
	}
	for name, body := range bodies {
		got, err := sections("/u/", "Page", body)
		if err != nil {
			t.Fatal(err)
		}
		want, err := sectionsByTree("/u/", "Page", body)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: sections\n%q\nthe tree's\n%q", name, got, want)
		}
	}
	if got, _ := sections("/u/", "P", bodies["nested"]); len(got) != 3 || got[0].Text != "a b" || got[1].Title != "T ccopy" || got[1].Text != "one two end & <tag>" {
		t.Errorf("the nested sample: %q", got)
	}
}

// sectionsByTree is sections as it was written first, walking the tree
// html.Parse builds: the reference the streaming version must agree with.
func sectionsByTree(url, title string, body []byte) ([]searchSection, error) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	cur := &searchSection{URL: url, Page: title}
	var out []searchSection
	var text strings.Builder
	flush := func() {
		cur.Text = norm.NFC.String(strings.Join(strings.Fields(text.String()), " "))
		if cur.Text != "" || cur.Title != "" {
			out = append(out, *cur)
		}
		text.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Pre, atom.Svg, atom.Script, atom.Style, atom.Button:
				return
			case atom.H2, atom.H3:
				flush()
				cur = &searchSection{URL: url + "#" + htmlAttr(n, "id"), Page: title, Title: norm.NFC.String(strings.Join(strings.Fields(htmlText(n)), " "))}
				return
			case atom.P, atom.Li, atom.Td, atom.Th, atom.Figcaption, atom.Blockquote, atom.Br, atom.Div:
				text.WriteByte(' ')
			}
		}
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	flush()
	return out, nil
}

// htmlAttr is n's attribute key, "" when n is not an element or has none.
func htmlAttr(n *html.Node, key string) string {
	if n.Type != html.ElementNode {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// htmlText is the text of n and everything below it.
func htmlText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
