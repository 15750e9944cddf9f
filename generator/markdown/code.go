package markdown

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/goexpert/gointernals/generator/snippet/block"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindSnippet is the node kind of a go block taken over by this package.
var KindSnippet = ast.NewNodeKind("Snippet")

// SnippetNode replaces a fenced go block and the output block after it.
type SnippetNode struct {
	ast.BaseBlock
	Snippet *block.Snippet
	Labels  Labels
	// Code is Snippet.Code highlighted (Highlights.get).
	Code []byte
	// Playground is set for a complete program that can run: the page
	// turns it into an editor (playground/web).
	Playground bool
}

func (n *SnippetNode) Kind() ast.NodeKind { return KindSnippet }

func (n *SnippetNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.Snippet.ID}, nil)
}

// codeExtension registers the page transformer and the code renderers.
type codeExtension struct{}

func (e *codeExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(pageTransformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&codeRenderer{}, 100)))
}

// pageTransformer runs this package's passes over a parsed page. The
// conversion state travels in the parser context.
type pageTransformer struct{}

func (pageTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, ok := pc.Get(stateKey).(*state)
	if !ok {
		return // parsed outside Convert: nothing to collect into
	}
	st.collectHeadings(doc)
	st.rewriteLinks(doc)
	st.extractCode(doc)
}

// info is a fenced block's info string: a language and {attributes}.
type info struct {
	lang  string
	attrs map[string]any
}

func parseInfo(raw []byte) (info, error) {
	raw = bytes.TrimSpace(raw)
	lang, rest, _ := bytes.Cut(raw, []byte(" "))
	if i := bytes.IndexByte(lang, '{'); i >= 0 { // "go{norun=...}"
		lang, rest = lang[:i], raw[i:]
	}
	in := info{lang: string(lang), attrs: map[string]any{}}
	rest = bytes.TrimSpace(rest)
	if len(rest) == 0 {
		return in, nil
	}
	if rest[0] != '{' {
		return in, fmt.Errorf("unexpected %q after the language: write attributes as {key=\"value\"}", rest)
	}
	attrs, ok := parser.ParseAttributes(text.NewReader(rest))
	if !ok {
		return in, fmt.Errorf("attributes %s do not parse: write them as {norun=\"why\" output=\"unordered\" exit=2}", rest)
	}
	for _, a := range attrs {
		v := a.Value
		if b, isBytes := v.([]byte); isBytes {
			v = string(b)
		}
		in.attrs[string(a.Name)] = v
	}
	return in, nil
}

// extractCode turns each go block (with the output block after it) into a
// SnippetNode. Nodes are collected first and replaced afterwards: the tree
// is never changed under a walk.
func (st *state) extractCode(root ast.Node) {
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*ast.FencedCodeBlock); ok && entering {
			blocks = append(blocks, b)
		}
		return ast.WalkContinue, nil
	})
	consumed := map[*ast.FencedCodeBlock]bool{}
	index := 0
	for _, b := range blocks {
		if consumed[b] {
			continue
		}
		line, col := st.fencePos(b)
		in, err := parseInfo(infoBytes(b, st.src.Body))
		if err != nil {
			st.errs.Add(st.src.Path, line, col, "%v", err)
			continue
		}
		switch in.lang {
		case "diagram":
			st.placeDiagram(b, line, col)
			continue
		case "output":
			st.errs.Add(st.src.Path, line, col, "an output block must come right after the go block whose output it is")
			continue
		case "go":
		default:
			code := blockText(b, st.src.Body)
			b.Parent().ReplaceChild(b.Parent(), b, &CodeNode{Lang: in.lang, Code: st.src.Highlights.get(in.lang, code)})
			continue
		}
		index++
		sn := st.newSnippet(b, in, index)
		if next, ok := b.NextSibling().(*ast.FencedCodeBlock); ok {
			if nin, err := parseInfo(infoBytes(next, st.src.Body)); err == nil && nin.lang == "output" {
				out := blockText(next, st.src.Body)
				sn.Expected = &out
				sn.ExpectedLine, sn.ExpectedCol = st.fencePos(next)
				sn.ExpectedLine++
				if next.Lines().Len() > 0 {
					sn.ExpectedLine, sn.ExpectedCol = st.pos(next.Lines().At(0).Start)
					sn.ExpectedCol -= next.Lines().At(0).Padding
				}
				consumed[next] = true
				next.Parent().RemoveChild(next.Parent(), next)
			}
		}
		node := &SnippetNode{Snippet: sn, Labels: st.src.Labels, Code: st.src.Highlights.get("go", sn.Code)}
		node.Playground = sn.Attrs.NoRun == "" && block.KindOf(sn.Code) == block.Program
		if node.Playground {
			st.doc.Playgrounds++
		}
		b.Parent().ReplaceChild(b.Parent(), b, node)
		st.doc.Snippets = append(st.doc.Snippets, sn)
	}
}

func (st *state) newSnippet(b *ast.FencedCodeBlock, in info, index int) *block.Snippet {
	fenceLine, fenceCol := st.fencePos(b)
	slug := st.src.Slug
	if slug == "" {
		slug = "home"
	}
	sn := &block.Snippet{
		ID:    fmt.Sprintf("%s-%s-%d", st.src.Lang, slug, index),
		Page:  st.src.Path,
		Lang:  st.src.Lang,
		Index: index,
		Line:  fenceLine + 1,
		Col:   fenceCol,
		Code:  blockText(b, st.src.Body),
	}
	if b.Lines().Len() > 0 {
		sn.Line, sn.Col = st.pos(b.Lines().At(0).Start)
		sn.Col -= b.Lines().At(0).Padding
	}
	for name, v := range in.attrs {
		switch name {
		case "norun":
			s, ok := v.(string)
			if !ok || strings.TrimSpace(s) == "" {
				st.errs.Add(st.src.Path, fenceLine, fenceCol, "snippet %d: norun needs the reason in words: {norun=\"why it cannot run\"}", index)
			}
			sn.Attrs.NoRun = s
		case "output":
			switch v {
			case "unordered":
				sn.Attrs.Unordered = true
			case "pattern":
				sn.Attrs.Pattern = true
			default:
				st.errs.Add(st.src.Path, fenceLine, fenceCol, "snippet %d: output=%q is unknown; the values are output=\"unordered\" and output=\"pattern\"", index, fmt.Sprint(v))
			}
		case "godebug":
			s, _ := v.(string)
			if !godebugSetting.MatchString(s) {
				st.errs.Add(st.src.Path, fenceLine, fenceCol, "snippet %d: godebug=%q is not a GODEBUG value: write settings as {godebug=\"gctrace=1\"}, several separated by commas", index, fmt.Sprint(v))
			}
			sn.Attrs.GoDebug = s
		case "engine":
			if v != "exact" {
				st.errs.Add(st.src.Path, fenceLine, fenceCol, "snippet %d: engine=%q is unknown; the only value is engine=\"exact\" (the Go toolchain; without it the page picks)", index, fmt.Sprint(v))
			}
			sn.Attrs.Exact = true
		case "exit":
			n, ok := toInt(v)
			if !ok || n < 0 || n > 255 {
				st.errs.Add(st.src.Path, fenceLine, fenceCol, "snippet %d: exit must be a status from 0 to 255, e.g. {exit=2}", index)
			}
			sn.Attrs.Exit = n
		default:
			st.errs.Add(st.src.Path, fenceLine, fenceCol, "snippet %d: unknown attribute %q (known: norun, output, exit, engine, godebug)", index, name)
		}
	}
	if sn.Attrs.GoDebug != "" && !sn.Attrs.Exact {
		st.errs.Add(st.src.Path, fenceLine, fenceCol, "snippet %d: godebug needs engine=\"exact\": the interpreter's runtime is not the program's", index)
	}
	if sn.Attrs.Pattern && !sn.Attrs.Exact {
		st.errs.Add(st.src.Path, fenceLine, fenceCol, "snippet %d: output=\"pattern\" needs engine=\"exact\": the interpreter's figures are not Go's, so only go run's output is matched against a pattern", index)
	}
	return sn
}

// godebugSetting is a GODEBUG value: name=value pairs separated by commas.
var godebugSetting = regexp.MustCompile(`^[a-z0-9]+=[a-zA-Z0-9._-]+(,[a-z0-9]+=[a-zA-Z0-9._-]+)*$`)

func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		return int(x), x == float64(int(x))
	case int64:
		return int(x), true
	case int:
		return x, true
	case string:
		n, err := strconv.Atoi(x)
		return n, err == nil
	}
	return 0, false
}

// fencePos is the file position of a fenced block's opening fence.
func (st *state) fencePos(b *ast.FencedCodeBlock) (int, int) {
	return st.pos(b.Pos())
}

func infoBytes(b *ast.FencedCodeBlock, src []byte) []byte {
	if b.Info == nil {
		return nil
	}
	return b.Info.Segment.Value(src)
}

// blockText is a fenced block's content with the list indentation goldmark
// already removed; tabs inside the code are kept as written.
func blockText(b ast.Node, src []byte) string {
	var sb strings.Builder
	lines := b.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		sb.WriteString(strings.Repeat(" ", seg.Padding))
		sb.Write(seg.Value(src))
	}
	return sb.String()
}

// codeRenderer renders snippets and the remaining fenced blocks with
// chroma, using CSS classes so that one stylesheet serves light and dark.
type codeRenderer struct{}

var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderFenced)
	reg.Register(KindSnippet, r.renderSnippet)
	reg.Register(KindCode, r.renderCode)
	reg.Register(KindDiagram, r.renderDiagram)
}

func (r *codeRenderer) renderFenced(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	b := n.(*ast.FencedCodeBlock)
	// Only blocks with an error are left to render here (an info string
	// that does not parse, a stray output block, a diagram not drawn):
	// extractCode replaced the others, and reported these.
	in, _ := parseInfo(infoBytes(b, src))
	writeCode(w, in.lang, highlighted(lexers.Get(in.lang), blockText(b, src)), "")
	return ast.WalkSkipChildren, nil
}

func (r *codeRenderer) renderCode(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		c := n.(*CodeNode)
		writeCode(w, c.Lang, c.Code, "")
	}
	return ast.WalkSkipChildren, nil
}

func (r *codeRenderer) renderSnippet(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	s := n.(*SnippetNode)
	sn := s.Snippet
	fixed := ""
	if sn.Attrs.Exact {
		fixed = ` data-engine-fixed="exact"`
	}
	if sn.Attrs.GoDebug != "" {
		fixed += ` data-godebug="` + html.EscapeString(sn.Attrs.GoDebug) + `"`
	}
	if s.Playground {
		fmt.Fprintf(w, `<div class="snippet" id="%s" data-snippet="%s" data-playground="%s"%s data-state="idle">`, sn.ID, sn.ID, sn.ID, fixed)
	} else {
		fmt.Fprintf(w, `<div class="snippet" id="%s" data-snippet="%s"%s>`, sn.ID, sn.ID, fixed)
	}
	writeCode(w, "go", s.Code, s.Labels.Code)
	switch {
	case sn.Expected != nil && sn.Attrs.Pattern:
		// The pattern is the build's check; the reader sees what the
		// build's run printed, which the build puts in place of the
		// marker once it has validated the snippet.
		fmt.Fprintf(w, `<div class="output" data-sample><div class="output-label">%s</div><pre tabindex="0"><samp>%s</samp></pre></div>`,
			html.EscapeString(s.Labels.Sample), SampleMarker(sn.ID))
	case sn.Expected != nil:
		fmt.Fprintf(w, `<div class="output"><div class="output-label">%s</div><pre tabindex="0"><samp>%s</samp></pre></div>`,
			html.EscapeString(s.Labels.Output), html.EscapeString(*sn.Expected))
	}
	_, _ = w.WriteString("</div>\n")
	return ast.WalkSkipChildren, nil
}

// SampleMarker stands in a page's HTML for the output the build's run of
// a snippet with {output="pattern"} printed; the build replaces it with
// that output, escaped, once the snippet is validated.
func SampleMarker(id string) string { return "\x00sample:" + id + "\x00" }

// writeCode writes code, highlighted, as a <pre> with chroma's classes.
// label, when set, names the block for screen readers.
func writeCode(w util.BufWriter, lang string, code []byte, label string) {
	cls := "code"
	if lang != "" {
		cls += " language-" + html.EscapeString(lang)
	}
	_, _ = w.WriteString(`<pre class="` + cls + `" tabindex="0"`)
	if label != "" {
		_, _ = w.WriteString(` aria-label="` + html.EscapeString(label) + `"`)
	}
	_, _ = w.WriteString("><code>")
	_, _ = w.Write(code)
	_, _ = w.WriteString("</code></pre>\n")
}

// KindCode is the node kind of a fenced block highlighted as it is: any
// language but go, output and diagram, which have nodes of their own.
var KindCode = ast.NewNodeKind("Code")

// CodeNode replaces a fenced block by its highlighted code.
type CodeNode struct {
	ast.BaseBlock
	Lang string
	Code []byte // highlighted (Highlights.get)
}

func (n *CodeNode) Kind() ast.NodeKind { return KindCode }

func (n *CodeNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lang": n.Lang}, nil)
}
