package markdown

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// An editor's note is the site speaking beside the author's notes: what
// they say, what is true, and where to check it. It is a blockquote whose
// first line is the marker alone, and whose last paragraph names the
// source with at least one link:
//
//	> [!EDITOR]
//	> As notas dizem "…"; na verdade, …
//	>
//	> Fonte: [runtime/proc.go: findRunnable](https://…)
//
// The marker borrows GitHub's alert syntax, so the file still reads as a
// quote in any markdown viewer, and the original notes contain neither
// blockquotes nor "[!", so a note cannot be mistaken for the author's
// words. A note is rendered as <aside data-editor-note>, named by a
// visible label in the page's language.

// editorMarker opens a note; matched without regard to case, as GitHub
// matches its alerts.
const editorMarker = "[!EDITOR]"

// noteWords are a note's words in one language: its label and the words
// its source paragraph may start with.
type noteWords struct {
	label   string
	sources []string
}

var editorNoteWords = map[string]noteWords{
	"pt": {label: "Nota do editor", sources: []string{"Fonte:", "Fontes:"}},
	"en": {label: "Editor's note", sources: []string{"Source:", "Sources:"}},
}

func wordsFor(lang string) noteWords {
	if w, ok := editorNoteWords[lang]; ok {
		return w
	}
	return editorNoteWords["en"]
}

// KindEditorNote is the node kind of an editor's note.
var KindEditorNote = ast.NewNodeKind("EditorNote")

// EditorNoteNode replaces a blockquote that starts with the marker. Its
// children are the note's paragraphs, the marker line removed; the last
// one is the source.
type EditorNoteNode struct {
	ast.BaseBlock
	ID    string // of the aside; ID+"-label" names it
	Label string // "Nota do editor"
	// Sources are the external links of the source paragraph, in order.
	Sources []string
}

func (n *EditorNoteNode) Kind() ast.NodeKind { return KindEditorNote }

func (n *EditorNoteNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID, "Sources": strings.Join(n.Sources, " ")}, nil)
}

// editorNoteExtension turns marked blockquotes into editor's notes.
type editorNoteExtension struct{}

func (e *editorNoteExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(editorNoteTransformer{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&editorNoteRenderer{}, 100)))
}

type editorNoteTransformer struct{}

func (editorNoteTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, ok := pc.Get(stateKey).(*state)
	if !ok {
		return
	}
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering && isEditorNote(q, st.src.Body) {
			quotes = append(quotes, q)
			// A note inside a note is reported by its outer note.
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for i, q := range quotes {
		st.makeEditorNote(q, i+1, pc)
	}
}

// firstLine is the first source line of a blockquote's first paragraph,
// trimmed; nil when the quote does not start with a paragraph.
func firstLine(q *ast.Blockquote, src []byte) (*ast.Paragraph, text.Segment, bool) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return nil, text.Segment{}, false
	}
	return p, p.Lines().At(0), true
}

// isEditorNote reports whether q's first line starts with the marker.
func isEditorNote(q *ast.Blockquote, src []byte) bool {
	_, seg, ok := firstLine(q, src)
	if !ok {
		return false
	}
	line := bytes.TrimSpace(seg.Value(src))
	return len(line) >= len(editorMarker) && strings.EqualFold(string(line[:len(editorMarker)]), editorMarker)
}

// makeEditorNote checks the note that q holds and puts it in q's place.
// A malformed note is reported at the quote's line and left as the
// blockquote it is.
func (st *state) makeEditorNote(q *ast.Blockquote, index int, pc parser.Context) {
	words := wordsFor(st.src.Lang)
	p, seg, _ := firstLine(q, st.src.Body)
	raw := seg.Value(st.src.Body)
	line, col := st.pos(seg.Start + len(raw) - len(bytes.TrimLeft(raw, " \t")))
	fail := func(format string, args ...any) {
		st.errs.Add(st.src.Path, line, col, "editor's note: "+format, args...)
	}
	if rest := bytes.TrimSpace(bytes.TrimSpace(raw)[len(editorMarker):]); len(rest) > 0 {
		fail("%s stands alone on the note's first line; start the text on the next line", editorMarker)
		return
	}
	nested := false
	_ = ast.Walk(q, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if inner, ok := n.(*ast.Blockquote); ok && entering && inner != q && isEditorNote(inner, st.src.Body) {
			nested = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if nested {
		fail("a note cannot hold another note")
		return
	}
	// The note's blocks: the first paragraph without the marker line
	// (when it has more lines), then the quote's other blocks. Nothing
	// is changed until the note is known to be well formed.
	var blocks []ast.Node
	if p.Lines().Len() > 1 {
		blocks = append(blocks, p)
	}
	for c := p.NextSibling(); c != nil; c = c.NextSibling() {
		blocks = append(blocks, c)
	}
	example := fmt.Sprintf("%s [runtime/proc.go: findRunnable](https://github.com/golang/go/blob/go1.26.8/src/runtime/proc.go)", words.sources[0])
	if len(blocks) == 0 {
		fail("the note is empty: say what is true, then end with its source, e.g. %q", example)
		return
	}
	last, ok := blocks[len(blocks)-1].(*ast.Paragraph)
	if ok && last == p {
		ok = false // the source cannot share the marker's paragraph
	}
	if !ok || !startsWithAny(plainText(last, st.src.Body), words.sources) {
		fail("a note ends with its source, a paragraph of its own starting %q, e.g. %q", words.sources[0], example)
		return
	}
	if len(blocks) < 2 {
		fail("the note gives a source but says nothing: write what is true before it")
		return
	}
	var sources []string
	_ = ast.Walk(last, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			if u, err := url.Parse(string(l.Destination)); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
				sources = append(sources, string(l.Destination))
			}
		}
		return ast.WalkContinue, nil
	})
	if len(sources) == 0 {
		fail("the source paragraph has no link: link the file, release note or package doc, e.g. %q", example)
		return
	}
	dropMarkerLine(p, seg)
	if p.Lines().Len() == 0 {
		q.RemoveChild(q, p)
	}
	last.SetAttributeString("class", []byte("editor-note-source"))
	id := string(pc.IDs().Generate([]byte(fmt.Sprintf("editor-note-%d", index)), KindEditorNote))
	note := &EditorNoteNode{ID: id, Label: words.label, Sources: sources}
	note.SetBlankPreviousLines(q.HasBlankPreviousLines())
	for _, b := range blocks {
		note.AppendChild(note, b) // moves b out of q
	}
	q.Parent().ReplaceChild(q.Parent(), q, note)
}

// dropMarkerLine removes from p the inline nodes of its first line (the
// marker), with the line break that ends it.
func dropMarkerLine(p *ast.Paragraph, first text.Segment) {
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= first.Stop {
			break
		}
		p.RemoveChild(p, c)
		if t.SoftLineBreak() || t.HardLineBreak() {
			break
		}
		c = next
	}
	lines := p.Lines()
	rest := text.NewSegments()
	for i := 1; i < lines.Len(); i++ {
		rest.Append(lines.At(i))
	}
	p.SetLines(rest)
}

func startsWithAny(s string, prefixes []string) bool {
	s = strings.TrimSpace(s)
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// editorNoteRenderer writes a note as an aside named by its visible label.
type editorNoteRenderer struct{}

func (r *editorNoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindEditorNote, r.render)
}

func (r *editorNoteRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	note := n.(*EditorNoteNode)
	if entering {
		id := html.EscapeString(note.ID)
		fmt.Fprintf(w, `<aside class="editor-note" id="%s" data-editor-note aria-labelledby="%s-label">`+"\n", id, id)
		fmt.Fprintf(w, `<p class="editor-note-label" id="%s-label">%s</p>`+"\n", id, html.EscapeString(note.Label))
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</aside>\n")
	return ast.WalkContinue, nil
}
