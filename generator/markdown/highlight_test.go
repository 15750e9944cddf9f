package markdown

import (
	"bytes"
	"errors"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// brokenLexer fails, as a lexer with a bug would.
type brokenLexer struct{}

func (brokenLexer) Config() *chroma.Config                         { return &chroma.Config{Name: "broken"} }
func (brokenLexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer { return brokenLexer{} }
func (brokenLexer) SetAnalyser(func(string) float32) chroma.Lexer  { return brokenLexer{} }
func (brokenLexer) AnalyseText(string) float32                     { return 0 }
func (brokenLexer) Tokenise(*chroma.TokeniseOptions, string) (chroma.Iterator, error) {
	return nil, errors.New("lexer bug")
}

// Code that cannot be highlighted is shown as text, escaped, once.
// (chroma's formatter reads every token before it writes, so spans
// half-written before a failure needed a failing writer; highlighted
// formats aside, so none can reach the page.)
func TestHighlightedFallsBackToText(t *testing.T) {
	code := "package main // <x>"
	want := "package main // &lt;x&gt;"
	for name, lexer := range map[string]chroma.Lexer{"failing lexer": brokenLexer{}, "no lexer": nil} {
		if got := string(highlighted(lexer, code)); got != want {
			t.Errorf("%s: highlighted = %q; want %q", name, got, want)
		}
	}
}

// Twins sharing a Highlights get the same pages as without it, and a
// block the first highlighted is not highlighted again for the second;
// the same code in another language is highlighted as that language.
func TestHighlightsShareTwinsCode(t *testing.T) {
	body := []byte("Texto.\n\n```go\npackage main\n\nfunc main() { println(\"<b>\") }\n```\n```output\n<b>\n```\n\n```text\nG > P > M\n```\n\n```yaml\nG > P > M\n```\n")
	conv := New()
	convert := func(lang string, hl *Highlights) []byte {
		t.Helper()
		doc, errs := conv.Convert(Source{Path: "content/" + lang + "/p.md", File: lang + "/p.md", Lang: lang, Slug: "p", Body: body, BodyLine: 1, Highlights: hl}, fakeSite{})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		return doc.HTML
	}
	alonePT, aloneEN := convert("pt", nil), convert("en", nil)
	hl := new(Highlights)
	if pt := convert("pt", hl); !bytes.Equal(pt, alonePT) {
		t.Errorf("a Highlights changed the page:\n%s\nwant\n%s", pt, alonePT)
	}
	if hl.runs != 3 {
		t.Errorf("the page highlighted %d blocks; want 3 (go, text and yaml: the same code in two languages is two blocks)", hl.runs)
	}
	if en := convert("en", hl); !bytes.Equal(en, aloneEN) {
		t.Errorf("a shared Highlights changed the twin:\n%s\nwant\n%s", en, aloneEN)
	}
	if hl.runs != 3 {
		t.Errorf("after the twin, %d blocks highlighted; want still 3", hl.runs)
	}
}
