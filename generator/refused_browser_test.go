package generator

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserAutomaticRefusesAtOnce runs, on Automatic, programs that
// use what neither engine runs (reflect, unsafe.Pointer: the exact engine
// refuses them for the sandbox's sake, policy.Importable and
// policy.UnsafeMisuse): two of a stranger's programs, whose note promised
// the Go toolchain, which then refused them. The page says the refusal at
// once, in the exact engine's words and exit status 1, with no note of a
// hand-over. The stranger's third program, which measures structs with
// unsafe.Sizeof, Alignof and Offsetof, prints what go run prints, on the
// Go toolchain: the interpreter has no unsafe.
func TestBrowserAutomaticRefusesAtOnce(t *testing.T) {
	tab, _ := warmChannels(t, 2*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	for _, c := range []struct{ file, want string }{
		{"testdata/refused/reflect_struct.go", goRunsWords("5:2: package reflect is not available in the playground\n")},
		{"testdata/refused/reflect_basic.go", goRunsWords("5:2: package reflect is not available in the playground\n")},
		{"testdata/refused/unsafe_pointer.go", goRunsWords("10:21: unsafe.Pointer is not allowed in the playground, only unsafe.Sizeof, Alignof and Offsetof\n")},
	} {
		t.Run(c.file, func(t *testing.T) {
			code, err := os.ReadFile(c.file)
			if err != nil {
				t.Fatal(err)
			}
			tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-editor]').value = `+jsString(string(code))))
			state, output, status := runPlayground(t, tab, id, 90*time.Second)
			engine, note := engineOf(t, tab, id)
			if state != "error" || output != c.want || !strings.HasPrefix(status, "exit status 1 ") || engine != "fast" || note != "" {
				t.Errorf("state %s, output %q, status %q, engine %s, note %q; want the refusal %q, exit status 1, no hand-over", state, output, status, engine, note, c.want)
			}
		})
	}
	t.Run("testdata/unsafe_sizeof.go", func(t *testing.T) {
		code, err := os.ReadFile("testdata/unsafe_sizeof.go")
		if err != nil {
			t.Fatal(err)
		}
		want := goRun(t, string(code))
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-editor]').value = `+jsString(string(code))))
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		if engine, _ := engineOf(t, tab, id); state != "done" || output != want || engine != "exact" {
			t.Errorf("state %s, output %q (%s), engine %s; want go run's %q on the Go toolchain", state, output, status, engine, want)
		}
	})
	// An unsafe.Pointer got without naming unsafe or reflect (json's
	// error for a cycle holds a reflect.Value): the interpreter has no
	// encoding/json, and the Go toolchain's compiler refuses both
	// conversions of it into pointers (a security review's attack, which
	// read and wrote memory at an address of its choosing).
	t.Run("testdata/refused/unsafe_through_reflect.go", func(t *testing.T) {
		code, err := os.ReadFile("testdata/refused/unsafe_through_reflect.go")
		if err != nil {
			t.Fatal(err)
		}
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-editor]').value = `+jsString(string(code))))
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		engine, _ := engineOf(t, tab, id)
		const want = "the playground does not convert unsafe.Pointer values"
		if state != "error" || strings.Count(output, want) != 2 || !strings.HasPrefix(status, "exit status 1 ") || engine != "exact" {
			t.Errorf("state %s, output %q, status %q, engine %s; want the Go toolchain's compiler to refuse both conversions (%q), exit status 1", state, output, status, engine, want)
		}
	})
	// The Go toolchain, picked, says the same.
	pickEngine(t, tab, id, "exact")
	code, err := os.ReadFile("testdata/refused/reflect_struct.go")
	if err != nil {
		t.Fatal(err)
	}
	tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-editor]').value = `+jsString(string(code))))
	if state, output, status := runPlayground(t, tab, id, 120*time.Second); state != "error" || output != goRunsWords("5:2: package reflect is not available in the playground\n") || !strings.HasPrefix(status, "exit status 1 ") {
		t.Errorf("picked Go toolchain: state %s, output %q, status %q", state, output, status)
	}
}
