package engine

import (
	"strings"
	"testing"
)

// A goto from a select's case back to a label before the select makes
// the interpreter recurse until it dies (selectGotos in detect.go): the
// program is handed to Go. A goto forward, past the select, runs in the
// interpreter (testdata/select_branches.go runs one under both engines).
func TestGotoOutOfASelect(t *testing.T) {
	const head = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\ti := 0\n\tch := make(chan int, 1)\ntop:\n\ti++\n\tch <- i\n\tselect {\n\tcase v := <-ch:\n\t\tfmt.Println(v)\n"
	for _, c := range []struct {
		name, body string
		announced  bool
	}{
		{"back, in an if", "\t\tif v < 3 {\n\t\t\tgoto top\n\t\t}\n\t\tgoto done\n\t}\n", true},
		{"back, the case's last statement", "\t\tif v >= 3 {\n\t\t\tgoto done\n\t\t}\n\t\tgoto top\n\t}\n", true},
		{"forward", "\t\tgoto done\n\t}\n\tgoto top\n", false},
	} {
		src := head + c.body + "done:\n\tfmt.Println(\"end\")\n}\n"
		p, err := Prepare(src)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		why := p.HandOver()
		if got := strings.Contains(why, "goto from a select"); got != c.announced {
			t.Errorf("%s: announced %v, want %v (HandOver %q)\n%s", c.name, got, c.announced, why, src)
		}
	}
}
