package markdown

import (
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
