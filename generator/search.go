package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
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
// code stays. It reads the HTML as a stream of tokens: building the tree
// (html.Parse) cost three times as much, and the markdown stage's HTML
// needs none of the parser's repairs (TestSectionsAsTheTreeHas).
func sections(url, title string, body []byte) ([]searchSection, error) {
	z := html.NewTokenizer(bytes.NewReader(body))
	cur := &searchSection{URL: url, Page: title}
	var out []searchSection
	var text, heading strings.Builder
	flush := func() {
		cur.Text = norm.NFC.String(strings.Join(strings.Fields(text.String()), " "))
		if cur.Text != "" || cur.Title != "" {
			out = append(out, *cur)
		}
		text.Reset()
	}
	// skip is the element whose content is left out, and depth how many
	// of it are open; inHeading is the h2 or h3 being read.
	var skip, inHeading atom.Atom
	depth := 0
	id := ""
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return nil, err
			}
			flush()
			return out, nil
		case html.TextToken:
			switch {
			case skip != 0:
			case inHeading != 0:
				heading.Write(z.Text())
			default:
				text.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if a == skip && tt == html.StartTagToken {
					depth++
				}
				continue
			}
			if inHeading != 0 {
				continue
			}
			switch a {
			case atom.Pre, atom.Svg, atom.Script, atom.Style, atom.Button:
				if tt == html.StartTagToken {
					skip, depth = a, 1
				}
			case atom.H2, atom.H3:
				id = ""
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "id" {
						id = string(v)
						break
					}
				}
				if tt == html.StartTagToken {
					inHeading = a
				}
				heading.Reset()
			case atom.P, atom.Li, atom.Td, atom.Th, atom.Figcaption, atom.Blockquote, atom.Br, atom.Div:
				text.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skip != 0:
				if a == skip {
					if depth--; depth == 0 {
						skip = 0
					}
				}
			case inHeading != 0 && a == inHeading:
				inHeading = 0
				flush()
				cur = &searchSection{URL: url + "#" + id, Page: title, Title: norm.NFC.String(strings.Join(strings.Fields(heading.String()), " "))}
			}
		}
	}
}
