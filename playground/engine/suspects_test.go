package engine

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestCheckSuspects: each program go build rejects for a reason only
// types prove (a method's result count, the address of a map's element,
// a pointer method on one) is reported or handed over on Automatic; the
// same shapes that Go accepts are neither.
func TestCheckSuspects(t *testing.T) {
	const head = "package main\n\ntype P struct{ X int }\n\nfunc (p *P) Move()                  { p.X++ }\nfunc (P) Parse(s string) (int, error) { return 0, nil }\n\n"
	dir := t.TempDir()
	for _, c := range []struct {
		body     string
		rejected bool
	}{
		{"func get() P { return P{} }\n\nfunc main() {\n\tn := get().Parse(\"1\")\n\t_ = n\n}\n", true},
		{"func main() {\n\tm := map[string]P{}\n\t_ = &m[\"a\"]\n}\n", true},
		{"func main() {\n\tm := make(map[string]P)\n\tm[\"a\"].Move()\n}\n", true},
		{"func f(m map[int]int) *int { return &m[1] }\n\nfunc main() { f(nil) }\n", true},
		{"func main() {\n\tm := map[string][]int{}\n\tk := \"a\"\n\t_ = &m[k+\"b\"]\n}\n", true},
		{"func main() {\n\tm := map[string]P{}\n\tk := \"a\"\n\tm[k+\"b\"].Move()\n}\n", true},
		{"func main() {\n\tp := P{}\n\tn, err := p.Parse(\"1\")\n\t_, _ = n, err\n}\n", false},
		{"func main() {\n\ts := []P{{}}\n\t_ = &s[0]\n\ts[0].Move()\n\tm := map[string]*P{\"a\": {}}\n\tm[\"a\"].Move()\n}\n", false},
	} {
		src := head + c.body
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "build", "-o", os.DevNull, "main.go")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if (err != nil) != c.rejected {
			t.Fatalf("%q: go build says %v\n%s", c.body, err, out)
		}
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		// Rejected: reported (mapaddr.go words some), or handed over.
		if why := p.HandOver(); (why != "" || len(p.Errors()) > 0) != c.rejected {
			t.Errorf("%q: HandOver() = %q, Errors() = %v, go build says\n%s", c.body, why, p.Errors(), out)
		}
	}
}
