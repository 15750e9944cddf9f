package generator

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestBrowserRunAfterFlood: a run stopped for its output says that the
// page shows the first part of what it printed (the page drops what it
// had not written yet: laying out a megabyte at once would freeze it),
// and leaves nothing of itself behind: on Automatic with the Go toolchain
// loaded, a stopped run's early hand-over (its timer still holding the
// run's id) once fired into the next run, which failed "Could not load
// the interpreter: stopped" with a note about the stopped run.
func TestBrowserRunAfterFlood(t *testing.T) {
	tab, _ := warmChannels(t, 20*time.Second)
	const id = channelsID

	// The toolchain loaded, so that Automatic may hand over early.
	pickEngine(t, tab, id, "exact")
	typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"warm\")\n}\n")
	if state, output, status := runPlayground(t, tab, id, 180*time.Second); state != "done" || output != "warm\n" {
		t.Fatalf("exact warm-up: state %s, output %q, status %q", state, output, status)
	}
	pickEngine(t, tab, id, "auto")

	var want strings.Builder
	for i := range 10000 {
		fmt.Fprintln(&want, "flood line", i)
	}
	hello := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello after a flood\")\n}\n"
	for try := range 2 {
		typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println(\"flood line\", i)\n\t}\n}\n")
		state, output, status := runPlayground(t, tab, id, 60*time.Second)
		if state != "error" || !strings.Contains(status, "10,000 lines") || !strings.Contains(status, "first part") {
			t.Errorf("flood %d: state %s, status %q", try, state, status)
		}
		if output == "" || !strings.HasPrefix(want.String(), output) {
			t.Errorf("flood %d: the page shows %q... ending %q; want the first part of the program's output", try, output[:min(len(output), 40)], output[max(0, len(output)-40):])
		}
		typeCode(t, tab, id, hello)
		state, output, status = runPlayground(t, tab, id, 60*time.Second)
		engine, note := engineOf(t, tab, id)
		if state != "done" || output != "hello after a flood\n" || engine != "fast" || note != "" {
			t.Errorf("run after flood %d: state %s, output %q, status %q, engine %s, note %q", try, state, output, status, engine, note)
		}
	}
}

// TestBrowserExitStatusIsAByte: an exit status is what go run reports on
// the machines it runs on, a byte (Linux keeps the low 8 bits of the
// code): os.Exit(256) ends as a normal end, os.Exit(-1) with status 255,
// on either engine.
func TestBrowserExitStatusIsAByte(t *testing.T) {
	tab, _ := warmChannels(t, 20*time.Second)
	const id = channelsID
	for _, engine := range []string{"fast", "exact"} {
		pickEngine(t, tab, id, engine)
		for _, c := range []struct {
			code, state, status string
		}{
			{"256", "done", "exit status 0 "},
			{"-1", "error", "exit status 255 "},
		} {
			typeCode(t, tab, id, "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"exiting\")\n\tos.Exit("+c.code+")\n}\n")
			state, output, status := runPlayground(t, tab, id, 180*time.Second)
			if state != c.state || output != "exiting\n" || !strings.HasPrefix(status, c.status) {
				t.Errorf("%s, os.Exit(%s): state %s, output %q, status %q; want %s, %q", engine, c.code, state, output, status, c.state, c.status)
			}
		}
	}
}
