package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/unicode/norm"
)

// headingIDs gives headings ids that survive edits elsewhere on the page and
// read well in a URL: accents stripped ("Memória no Go" → "memoria-no-go"),
// lowercase, hyphens between words, and -1, -2... on repeats. goldmark's own
// generator keeps accented letters, so links would differ between a
// pt-BR keyboard and an English one.
type headingIDs struct {
	used map[string]bool
}

var _ parser.IDs = (*headingIDs)(nil)

// reservedIDs are used by the theme's own elements; a heading with the same
// text gets a suffix instead.
var reservedIDs = []string{"main", "sidebar", "contents"}

func newHeadingIDs() *headingIDs {
	s := &headingIDs{used: map[string]bool{}}
	for _, id := range reservedIDs {
		s.used[id] = true
	}
	return s
}

func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }

// Slugify lowercases s, strips accents and joins words with single hyphens.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent left over by NFD: drop it
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	return b.String()
}
