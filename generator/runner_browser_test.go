package generator

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserExactEngineProgramsOwnWords runs, on the exact engine,
// programs that print Go's words for a deadlock themselves. The runner
// holds the runtime's deadlock report until the program ends, to take
// the browser's goroutine out of it (runner.js); what a program prints is
// never held or reworded: it shows as the program goes on, and as it is
// when the program exits with status 2 itself. Each program is a subtest.
func TestBrowserExactEngineProgramsOwnWords(t *testing.T) {
	tab, _ := warmChannels(t, 2*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	pickEngine(t, tab, id, "exact")
	const words = "fatal error: all goroutines are asleep - deadlock!"
	for _, c := range []struct {
		name, code            string
		state, output, status string // status: a part of it
	}{{
		// The program goes on after its words, until the time limit
		// (2 s here) stops it: what it printed is shown.
		name:   "os.Stderr, then goes on",
		code:   "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\tfmt.Fprintln(os.Stderr, \"" + words + "\")\n\ttime.Sleep(100 * time.Millisecond)\n\tfmt.Println(\"still running\")\n\ttime.Sleep(time.Hour)\n}\n",
		state:  "error",
		output: words + "\nstill running\n",
		status: "did not end within 2 s",
	}, {
		name:   "println, then goes on",
		code:   "package main\n\nimport \"time\"\n\nfunc main() {\n\tprintln(\"" + words + "\")\n\ttime.Sleep(100 * time.Millisecond)\n\tprintln(\"still running\")\n\ttime.Sleep(time.Hour)\n}\n",
		state:  "error",
		output: words + "\nstill running\n",
		status: "did not end within 2 s",
	}, {
		name:   "println, then prints on",
		code:   "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tprintln(\"" + words + "\")\n\tfmt.Println(\"still running\")\n\ttime.Sleep(time.Hour)\n}\n",
		state:  "error",
		output: words + "\nstill running\n",
		status: "did not end within 2 s",
	}, {
		// Exit status 2, as Go's report ends a program, and the words as
		// the program wrote them, not Go's for a Goexit in main.
		name:   "os.Stderr, then os.Exit(2)",
		code:   "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Fprintln(os.Stderr, \"" + words + "\")\n\tos.Exit(2)\n}\n",
		state:  "error",
		output: words + "\n",
		status: "exit status 2",
	}, {
		name:   "println, then os.Exit(2)",
		code:   "package main\n\nimport \"os\"\n\nfunc main() {\n\tprintln(\"" + words + "\")\n\tos.Exit(2)\n}\n",
		state:  "error",
		output: words + "\n",
		status: "exit status 2",
	}, {
		// Go's runtime writes its words in two pieces, and so can print.
		name:   "print in pieces, then goes on",
		code:   "package main\n\nimport \"time\"\n\nfunc main() {\n\tprint(\"fatal error: \", \"" + words[len("fatal error: "):] + "\", \"\\n\")\n\ttime.Sleep(100 * time.Millisecond)\n\tprintln(\"still running\")\n\ttime.Sleep(time.Hour)\n}\n",
		state:  "error",
		output: words + "\nstill running\n",
		status: "did not end within 2 s",
	}, {
		name:   "print in pieces, then os.Exit(2)",
		code:   "package main\n\nimport \"os\"\n\nfunc main() {\n\tprint(\"fatal error: \", \"" + words[len("fatal error: "):] + "\", \"\\n\")\n\tos.Exit(2)\n}\n",
		state:  "error",
		output: words + "\n",
		status: "exit status 2",
	}} {
		t.Run(c.name, func(t *testing.T) {
			if c.status == "exit status 2" {
				if want := goRunFails(t, c.code); want != c.output {
					t.Fatalf("go run prints %q; the test expects %q", want, c.output)
				}
			}
			tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [data-editor]').value = `+jsString(c.code)))
			state, output, status := runPlayground(t, tab, id, 90*time.Second)
			if state != c.state || output != c.output || !strings.Contains(status, c.status) {
				t.Errorf("state %s, output %q, status %q; want %s, %q, %q", state, output, status, c.state, c.output, c.status)
			}
			if engine, _ := engineOf(t, tab, id); engine != "exact" {
				t.Errorf("ran on the %s engine", engine)
			}
		})
	}
}
