package engine

import "strings"

// Automatic, the page's default engine, runs a program in the interpreter
// unless the interpreter's answer cannot be trusted, and then has the Go
// toolchain run it from the start. The choice is made here, once, for the
// page (playground/wasm) and for the build's validation of snippets
// (generator/snippet, through a child: child.go), so that what the build
// proves is what the page does. It has two halves: BeforeRun, from the
// program's text, and Result.HandedOver, from how a run with
// Options.HandOver ended.

// The reasons BeforeRun gives that are not findings.
const (
	whySyntax     = "the program has a syntax error, which only the Go compiler words as go build does"
	whyMoreErrors = "the program has compile errors the interpreter cannot list as the Go compiler does"
)

// BeforeRun is Automatic's choice before a run, from Prepare's results:
// why the Go toolchain runs the program instead of the interpreter, or ""
// when the interpreter runs it. A syntax error goes to Go (go/parser's
// words are not the compiler's), and so do compile errors the check
// cannot list as go build does (Prepared.ErrorsComplete); a complete list
// stays, since Run reports it as go run would. Otherwise the findings
// decide (Prepared.HandOver).
func BeforeRun(p *Prepared, err error) string {
	switch {
	case err != nil:
		return whySyntax
	case len(p.Errors()) > 0 && !p.ErrorsComplete():
		return whyMoreErrors
	}
	if why := p.HandOver(); why != "" {
		return why + p.floatNote()
	}
	return ""
}

// whyFloats is said after why a program with a conversion of a float to
// an integer type goes to the Go toolchain: there it is compiled for
// js/wasm, whose conversions saturate, where the source pass gives the
// interpreter amd64's (floatConversions). The toolchain in the page is
// left as it is: its output for such a value is js/wasm's, so the page
// says so.
const whyFloats = "; in the Go toolchain here (js/wasm) a float converted to an integer type that cannot hold it saturates, where go run on amd64 gives -1<<63"

// floatNote is whyFloats when the program converts a float to an integer
// type: the lowered code then holds the source pass's helpers for it.
func (p *Prepared) floatNote() string {
	if strings.Contains(p.Code, "func _lowerF2") {
		return whyFloats
	}
	return ""
}

// HandedOver is Automatic's choice once a run with Options.HandOver
// ended: why the Go toolchain runs the program after all (the run stopped
// for it, or the interpreter refused the program: its type checker or its
// limits, where the Go compiler has the last word), or "" when the run's
// output is the program's.
func (r Result) HandedOver() string {
	return handedOver(r.HandOver, r.Refused, r.Err)
}

func handedOver(handOver string, refused bool, err error) string {
	switch {
	case handOver != "":
		return handOver
	case refused && err != nil:
		return err.Error()
	case refused:
		return "the interpreter refused the program"
	}
	return ""
}
