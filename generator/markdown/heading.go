package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// headingRenderer makes every heading a link to itself, so a reader can
// copy the address of a section; the table of contents uses the same ids.
type headingRenderer struct{}

func (r *headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.render)
}

func (r *headingRenderer) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	h := n.(*ast.Heading)
	id, _ := h.AttributeString("id")
	idb, _ := id.([]byte)
	// A heading that already holds a link cannot be wrapped in another.
	wrap := len(idb) > 0 && !hasLink(h)
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte("0123456"[h.Level])
		if len(idb) > 0 {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML(idb))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		if wrap {
			_, _ = w.WriteString(`<a class="self" href="#`)
			_, _ = w.Write(util.EscapeHTML(idb))
			_, _ = w.WriteString(`">`)
		}
		return ast.WalkContinue, nil
	}
	if wrap {
		_, _ = w.WriteString("</a>")
	}
	_, _ = w.WriteString("</h")
	_ = w.WriteByte("0123456"[h.Level])
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

func hasLink(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := c.(*ast.Link); ok {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
