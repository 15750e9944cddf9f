package web

import (
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/goexpert/gointernals/playground/policy"
)

// TestGuardHoldsUnsafeToPolicy runs the exact engine's guard (guard.js,
// under Node) and policy.UnsafeMisuse, which the interpreter's check and
// the build's apply, on the same programs: each refuses a program the
// other refuses, at the same line, in the same words. Among them, what a
// stranger's review found the guard let through on reading its tokens: a
// package named in another script (import ü "unsafe"), unsafe.Slice on
// the line after the float 1. (a dot before a name was taken for a
// field's), and the same behind an escaped path.
func TestGuardHoldsUnsafeToPolicy(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("Node is required under CI=true: .ci/run installs Debian's nodejs package")
		}
		t.Skip("no node on PATH: install Debian's nodejs package")
	}
	programs := map[string]string{
		"layout":        "import (\n\t\"fmt\"\n\t\"unsafe\"\n)\n\ntype S struct {\n\ta bool\n\tb int64\n}\n\nfunc main() {\n\tfmt.Println(unsafe.Sizeof(S{}), unsafe.Alignof(S{}.b), unsafe . /* c */ Offsetof(S{}.b), \"unsafe.Pointer\") // unsafe.Add\n}\n",
		"pointer":       "import \"unsafe\"\n\nfunc main() {\n\tx := 1\n\tprintln(*(*int)(unsafe.Pointer(&x)))\n}\n",
		"after 1.":      "import \"unsafe\"\n\nvar x uintptr\n\nfunc main() {\n\t_ = 1.\n\tunsafe.Slice(&x, 4)[2] = 1\n}\n",
		"after 1. /**/": "import \"unsafe\"\n\nvar x uintptr\n\nfunc main() {\n\t_ = 1./*\n*/unsafe.Slice(&x, 4)[2] = 1\n}\n",
		"ü":             "import ü \"unsafe\"\n\nfunc main() {\n\tx := 1\n\tprintln(*(*int)(ü.Add(ü.Pointer(&x), 0)))\n}\n",
		"π escaped":     "import π \"\\x75nsafe\"\n\nfunc main() {\n\tprintln(π.Sizeof(0), π.String(nil, 0))\n}\n",
		"escaped":       "import u \"\\u0075nsafe\"\n\nfunc main() {\n\tprintln(u.Sizeof(0))\n}\n",
		"variadic":      "import \"unsafe\"\n\nfunc f(p ...unsafe.Pointer) {}\n\nfunc main() { f() }\n",
		"two names":     "import (\n\tu \"unsafe\"\n\tv \"unsafe\"\n)\n\nfunc main() {\n\tprintln(u.Sizeof(0))\n\tprintln(v.StringData(\"\"))\n}\n",
		"field":         "import \"unsafe\"\n\ntype T struct{ unsafe int }\n\nfunc main() { println(unsafe.Sizeof(T{})) }\n",
		"shadowed":      "import \"unsafe\"\n\nfunc main() {\n\tprintln(unsafe.Sizeof(0))\n\tunsafe := 1\n\tprintln(unsafe)\n}\n",
		"blank":         "import _ \"unsafe\"\n\nfunc main() {}\n",
		"dot":           "import . \"unsafe\"\n\nfunc main() { println(Sizeof(0)) }\n",
	}
	var names, srcs []string
	for name, body := range programs {
		names = append(names, name)
		srcs = append(srcs, "package main\n\n"+body)
	}
	src, err := Files.ReadFile("guard.js")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	run := "import { refuse } from './guard.mjs';\nimport { readFileSync } from 'fs';\nconsole.log(JSON.stringify(JSON.parse(readFileSync(0, 'utf8')).map((c) => refuse(c))));\n"
	for name, b := range map[string][]byte{"guard.mjs": src, "run.mjs": []byte(run)} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, _ := json.Marshal(srcs)
	cmd := exec.Command(node, filepath.Join(dir, "run.mjs"))
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var guard []string
	if err := json.Unmarshal(out, &guard); err != nil {
		t.Fatalf("node printed %q: %v", out, err)
	}
	for i, s := range srcs {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "main.go", s, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s: %v", names[i], err)
		}
		want := ""
		for _, spec := range f.Imports {
			if path, _ := strconv.Unquote(spec.Path.Value); path == "unsafe" {
				if pos, msg := policy.UnsafeMisuse(f, spec); msg != "" && want == "" {
					want = fmt.Sprintf("./main.go:%d: %s", fset.Position(pos).Line, msg)
				}
			}
		}
		// The guard's column counts UTF-16 units, Go's bytes: the line
		// and the words are compared.
		got := guard[i]
		if first, rest, ok := strings.Cut(got, "\n"); ok && rest == "" {
			if parts := strings.SplitN(first, ":", 4); len(parts) == 4 {
				got = strings.Join([]string{parts[0], parts[1], parts[3]}, ":")
			}
		}
		if got != want {
			t.Errorf("%s: the guard says %q, the policy %q", names[i], guard[i], want)
		}
		if strings.Contains(names[i], "layout") || names[i] == "escaped" {
			if want != "" {
				t.Errorf("%s: refused (%s); a program may measure Go's layout", names[i], want)
			}
		} else if want == "" {
			t.Errorf("%s: not refused", names[i])
		}
	}
}
