package markdown

import (
	"bytes"
	"html"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Highlights keeps the code blocks a conversion highlighted, for the
// conversions of pages that show the same code: twins. The author
// translates the prose and keeps most of the code (in content/, 26 of
// a language's 43 distinct fenced blocks are in its twin as they are), and
// highlighting is most of a page's conversion: chroma's lexers are
// regular expressions run over the code. The build shares one Highlights
// between a page and its twin, and no further, so that what is kept is
// freed with them and a site that repeats a block on every page gains
// nothing a real site would not.
//
// A nil *Highlights keeps nothing. It is safe for concurrent use.
type Highlights struct {
	mu   sync.Mutex
	done map[highlightKey][]byte
	runs int // blocks highlighted: the others were found in done
}

type highlightKey struct{ lang, code string }

// get returns code highlighted as lang, highlighting it unless h has it.
// The bytes are shared: they must not be changed.
func (h *Highlights) get(lang, code string) []byte {
	if h == nil {
		return highlighted(lexers.Get(lang), code)
	}
	k := highlightKey{lang, code}
	h.mu.Lock()
	b, ok := h.done[k]
	h.mu.Unlock()
	if ok {
		return b
	}
	b = highlighted(lexers.Get(lang), code)
	h.mu.Lock()
	if h.done == nil {
		h.done = map[highlightKey][]byte{}
	}
	h.done[k] = b
	h.runs++
	h.mu.Unlock()
	return b
}

// highlighted is code as chroma's spans, or escaped plain text when there
// is no lexer or chroma fails: formatted aside first, so that a failure
// part-way leaves nothing of its half behind the plain text.
func highlighted(lexer chroma.Lexer, code string) []byte {
	if lexer != nil {
		if it, err := chroma.Coalesce(lexer).Tokenise(nil, code); err == nil {
			var b bytes.Buffer
			if formatter.Format(&b, styles.Fallback, it) == nil {
				return b.Bytes()
			}
		}
	}
	return []byte(html.EscapeString(code))
}
