package markdown

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// rewriteLinks resolves links to other pages. Authors link to the file
// ("canais.md#tipos-de-channels"), which works in any markdown viewer; the
// site needs the page's URL. Site-absolute links ("/en/memory/") are
// accepted too. External links and mailto: are left alone.
func (st *state) rewriteLinks(root ast.Node) {
	var links []*ast.Link
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		st.rewriteLink(l)
	}
}

func (st *state) rewriteLink(l *ast.Link) {
	dest := string(l.Destination)
	line, col := st.pos(l.Pos())
	u, err := url.Parse(dest)
	if err != nil {
		st.errs.Add(st.src.Path, line, col, "link %q does not parse: %v", dest, err)
		return
	}
	if u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return // external: not ours to check without the network
	}
	target := ""
	switch {
	case u.Path == "":
		target = "" // same page
	default:
		var ok bool
		target, ok = st.res.Resolve(st.src.File, u.Path)
		if !ok {
			hint := "link to the page's file, e.g. canais.md or ../en/channels.md"
			if strings.HasSuffix(u.Path, ".md") {
				hint = "no such page: check the file name"
			}
			st.errs.Add(st.src.Path, line, col, "link %q leads nowhere: %s", dest, hint)
			return
		}
	}
	st.doc.Links = append(st.doc.Links, Link{URL: target, Fragment: u.Fragment, Line: line, Col: col})
	if target == "" {
		return
	}
	if u.Fragment != "" {
		target += "#" + u.Fragment
	}
	l.Destination = []byte(target)
}
