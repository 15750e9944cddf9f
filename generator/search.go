package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"github.com/goexpert/gointernals/generator/internal/par"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// The search index of one language: every page cut into sections at its
// h2 and h3 headings, each with the address of its anchor, a title and
// its text. The page script (theme/js/search.js) searches it in the
// reader's browser: the site is small enough that scanning the text beats
// shipping an inverted index, and the text is what excerpts are cut from.
// Folding accents and case is the script's job, on both sides.

// searchSection is one entry of the index, with short JSON keys: the
// index is downloaded by every reader who searches.
type searchSection struct {
	URL   string `json:"u"` // "/pt/canais/#buffer"
	Page  string `json:"p"` // the page's title
	Title string `json:"t"` // the heading; "" for a page's opening
	Text  string `json:"x"`
}

// searchIndex builds the index of one language's pages, in reading order.
// Pages are cut in parallel: parsing their HTML again is most of the work.
func searchIndex(ps []*page) ([]byte, error) {
	secs := make([][]searchSection, len(ps))
	errs := make([]error, len(ps))
	par.N(len(ps), func(i int) {
		if p := ps[i]; p.doc != nil {
			secs[i], errs[i] = sections(p.URL, p.Title, p.doc.HTML)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return json.Marshal(slices.Concat(secs...))
}

// sections cuts a page's HTML at its h2 and h3 headings. Prose, lists,
// tables and captions are kept; code blocks, diagrams and program output
// are left out (they would swamp the prose with identifiers), but inline
// code stays.
func sections(url, title string, body []byte) ([]searchSection, error) {
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
