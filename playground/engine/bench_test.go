package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkSourcePass measures what the fast engine adds before it
// interprets: parsing, lowering and Detect, on the longest program of the
// corpus (its line count is reported). The playground's budget is 20 ms
// for a 100-line program; this measures the pass natively, and the
// browser runs the same code as WebAssembly, several times slower.
func BenchmarkSourcePass(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*.go"))
	var src string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if len(data) > len(src) {
			src = string(data)
		}
	}
	b.ReportMetric(float64(strings.Count(src, "\n")), "lines")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Prepare(src); err != nil {
			b.Fatal(err)
		}
	}
}
