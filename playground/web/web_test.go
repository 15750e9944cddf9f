package web

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/goexpert/gointernals/playground/policy"
)

// TestOutputLimit holds the page scripts' output limit (output.js, which
// runner.js and playground.js import) to Go's, policy.OutputLimit, which
// the interpreter's worker applies.
func TestOutputLimit(t *testing.T) {
	b, err := Files.ReadFile("output.js")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^export const OUTPUT_LIMIT = (\d+) << (\d+);`).FindSubmatch(b)
	if m == nil {
		t.Fatal("output.js: no export const OUTPUT_LIMIT = a << b;")
	}
	x, _ := strconv.Atoi(string(m[1]))
	n, _ := strconv.Atoi(string(m[2]))
	if got := x << n; got != policy.OutputLimit {
		t.Errorf("output.js: OUTPUT_LIMIT is %d; policy.OutputLimit is %d", got, policy.OutputLimit)
	}
}
