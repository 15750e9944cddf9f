// Package markdown turns one page's markdown into HTML with goldmark, and
// gathers what the rest of the build needs to know about it.
//
// The model: Convert parses a page body into goldmark's AST, runs this
// package's transformers over it, and renders it. The transformers never
// mutate the tree while walking it; each collects the nodes it cares about,
// then acts on them:
//
//   - links.go rewrites links written to other pages' files ("canais.md#x")
//     into their URLs, and records every internal link with its position so
//     the build can check the anchors once every page is rendered;
//   - code.go replaces each fenced "go" block (and the "output" block that
//     follows it) by a Snippet node, highlighted by chroma with CSS classes,
//     and other fenced blocks by a Code node, highlighted too; twins share
//     what they highlight (highlight.go). The snippet it records
//     is package block's model: proving it is package snippet's, later in
//     the build, and this package links neither that nor the interpreter
//     (TestNoInterpreter);
//   - a fenced "diagram" block names a diagram of the catalogue, drawn as
//     inline SVG at build time (diagram.go);
//   - headings get stable, accent-free ids (ids.go) and are listed for the
//     table of contents;
//   - a blockquote opened by "[!EDITOR]" is an editor's note, the site's
//     correction beside the author's words, with its source
//     (editornote.go).
//
// Every problem is a diag.Error at the file line of the construct, so the
// author sees "content/pt/canais.md:88:9: ...". Positions come from
// goldmark's byte offsets into the body, shifted by the front matter's
// lines.
package markdown

import (
	"bytes"
	"sort"

	"github.com/goexpert/gointernals/generator/diag"
	"github.com/goexpert/gointernals/generator/snippet/block"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Source is one page's markdown with what is needed to position errors and
// resolve links.
type Source struct {
	Path     string // for errors: "content/pt/canais.md"
	File     string // inside the content FS: "pt/canais.md"; relative links resolve from its directory
	Lang     string // "pt"
	Slug     string // used in snippet ids
	Body     []byte
	BodyLine int // file line of Body's first line
	Labels   Labels
	// Highlights, when set, is shared with the conversion of the page's
	// twin, which shows most of the same code: a block already
	// highlighted for one is not highlighted again.
	Highlights *Highlights
}

// Labels are the words the rendered HTML itself needs, in the page's
// language.
type Labels struct {
	Output string // caption of a snippet's output: "Saída"
	Sample string // caption of a recorded output matched by a pattern: "Saída de exemplo"
	Code   string // accessible name of a code block: "Código Go"
}

// Resolver maps link destinations to the site's pages. Resolve receives
// the linking page's file and the destination path as written (without
// fragment) and returns the target page's URL; ok is false when no page
// matches.
type Resolver interface {
	Resolve(fromFile, dest string) (url string, ok bool)
}

// Heading is an entry of the table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is an internal link whose fragment must exist on its target page.
type Link struct {
	URL      string // target page URL: "/pt/canais/"
	Fragment string // without '#'; "" when none
	Line     int
	Col      int
}

// Doc is a converted page.
type Doc struct {
	HTML     []byte
	Headings []Heading // h2 and h3, in order, for the table of contents
	IDs      map[string]bool
	Links    []Link
	Snippets []*block.Snippet
	// Playgrounds counts the snippets that run in the page.
	Playgrounds int
}

// Converter converts pages. It is safe for concurrent use.
type Converter struct {
	md       goldmark.Markdown
	diagrams DiagramFunc
}

// DiagramFunc draws the catalogue diagram name in language lang: its
// inline SVG and a one-sentence caption. An unknown name is an error whose
// text tells the author what exists.
type DiagramFunc func(name, lang string) (svg []byte, caption string, err error)

// Option configures a Converter.
type Option func(*Converter)

// WithDiagrams makes ```diagram blocks draw with f. Without it, a diagram
// block is an error.
func WithDiagrams(f DiagramFunc) Option { return func(c *Converter) { c.diagrams = f } }

// New returns a Converter with GitHub-flavoured markdown and this
// package's extensions.
func New(opts ...Option) *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, &codeExtension{}, &editorNoteExtension{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(&headingRenderer{}, 100)),
		),
	)
	c := &Converter{md: md}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Convert renders src. Errors do not stop the conversion: the Doc is
// complete as far as it can be, so a build reports all problems at once.
func (c *Converter) Convert(src Source, res Resolver) (*Doc, diag.List) {
	st := &state{src: src, res: res, diagrams: c.diagrams, lines: lineStarts(src.Body), doc: &Doc{IDs: map[string]bool{}}}
	pctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pctx.Set(stateKey, st)
	root := c.md.Parser().Parse(text.NewReader(src.Body), parser.WithContext(pctx))
	var buf bytes.Buffer
	if err := c.md.Renderer().Render(&buf, src.Body, root); err != nil {
		st.errs.Add(src.Path, 0, 0, "rendering: %v", err)
	}
	st.doc.HTML = buf.Bytes()
	return st.doc, st.errs
}

var stateKey = parser.NewContextKey()

// state is one conversion's working set.
type state struct {
	src      Source
	res      Resolver
	diagrams DiagramFunc
	placed   map[string]int // line of each diagram already on the page
	lines    []int          // byte offset of each body line's start
	doc      *Doc
	errs     diag.List
}

func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// pos converts a body byte offset into a file line and column.
func (st *state) pos(off int) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	i := sort.Search(len(st.lines), func(i int) bool { return st.lines[i] > off }) - 1
	return st.src.BodyLine + i, off - st.lines[i] + 1
}

func (st *state) collectHeadings(root ast.Node) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		id, _ := h.AttributeString("id")
		idStr := string(id.([]byte))
		st.doc.IDs[idStr] = true
		if h.Level == 2 || h.Level == 3 {
			st.doc.Headings = append(st.doc.Headings, Heading{Level: h.Level, ID: idStr, Text: plainText(h, st.src.Body)})
		}
		return ast.WalkSkipChildren, nil
	})
}

// plainText is the text content of n, without markup.
func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for ch := t.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if tx, ok := ch.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
