package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// KindDiagram is the node kind of a placed diagram.
var KindDiagram = ast.NewNodeKind("Diagram")

// DiagramNode replaces a ```diagram block by the drawing it names.
type DiagramNode struct {
	ast.BaseBlock
	Name    string
	SVG     []byte
	Caption string
}

func (n *DiagramNode) Kind() ast.NodeKind { return KindDiagram }

func (n *DiagramNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// placeDiagram draws the diagram named in block b's body and puts it in
// the block's place.
func (st *state) placeDiagram(b ast.Node, line, col int) {
	name := strings.TrimSpace(blockText(b, st.src.Body))
	if st.diagrams == nil {
		st.errs.Add(st.src.Path, line, col, "diagram %q: this build draws no diagrams", name)
		return
	}
	if name == "" || strings.ContainsAny(name, " \n") {
		st.errs.Add(st.src.Path, line, col, "a diagram block holds one diagram name, e.g. ```diagram\\nmpg\\n```")
		return
	}
	// A drawing's ids (title, description, arrow heads) are its name's:
	// twice on a page they would clash.
	if first, ok := st.placed[name]; ok {
		st.errs.Add(st.src.Path, line, col, "diagram %q is already on this page, at line %d: place it once", name, first)
		return
	}
	if st.placed == nil {
		st.placed = map[string]int{}
	}
	st.placed[name] = line
	svg, caption, err := st.diagrams(name, st.src.Lang)
	if err != nil {
		st.errs.Add(st.src.Path, line, col, "%v", err)
		return
	}
	b.Parent().ReplaceChild(b.Parent(), b, &DiagramNode{Name: name, SVG: svg, Caption: caption})
}

func (r *codeRenderer) renderDiagram(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	d := n.(*DiagramNode)
	_, _ = w.WriteString(`<figure class="diagram" data-diagram="` + html.EscapeString(d.Name) + `">`)
	_, _ = w.Write(d.SVG)
	if d.Caption != "" {
		_, _ = w.WriteString("<figcaption>" + html.EscapeString(d.Caption) + "</figcaption>")
	}
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkSkipChildren, nil
}
