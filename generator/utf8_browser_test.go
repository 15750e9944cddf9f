package generator

import (
	"strings"
	"testing"
	"time"
)

// TestBrowserOutputNotUTF8: bytes that are not UTF-8 ("世"[1:]) can only
// be shown as U+FFFD, where go run's terminal gets the bytes: the page
// says so above the output, on both engines. A character written in two
// pieces is valid and shown whole, with no note: the interpreter's
// batches and the runner's decoders keep a cut character for the next
// bytes.
func TestBrowserOutputNotUTF8(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 10*time.Second)
	const id = channelsID
	const note = "bytes that are not UTF-8"
	invalid := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"世\"[1:], len(\"世\"[1:]))\n}\n"
	split := "package main\n\nimport (\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\tb := []byte(\"世界\\n\")\n\tos.Stdout.Write(b[:1])\n\ttime.Sleep(50 * time.Millisecond)\n\tos.Stdout.Write(b[1:4])\n\ttime.Sleep(50 * time.Millisecond)\n\tos.Stdout.Write(b[4:])\n}\n"
	for _, engine := range []string{"fast", "exact"} {
		pickEngine(t, tab, id, engine)
		setCode(t, tab, id, invalid)
		state, output, status := runPlayground(t, tab, id, 120*time.Second)
		if _, shown := engineOf(t, tab, id); state != "done" || output != "\uFFFD\uFFFD 2\n" || !strings.Contains(shown, note) {
			t.Errorf("%s: invalid UTF-8: state %s, output %q (%s), note %q; want \"\\uFFFD\\uFFFD 2\\n\" and a note that says %q", engine, state, output, status, shown, note)
		}
		// A character cut at the very end: what the decoders still hold
		// goes out, one U+FFFD, under the note.
		setCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Print(\"世\"[:2])\n}\n")
		state, output, status = runPlayground(t, tab, id, 120*time.Second)
		if _, shown := engineOf(t, tab, id); state != "done" || output != "\uFFFD" || !strings.Contains(shown, note) {
			t.Errorf("%s: a cut character at the end: state %s, output %q (%s), note %q; want \"\\uFFFD\" and the note", engine, state, output, status, shown)
		}
		// A U+FEFF at the start of a batch is the program's (the
		// interpreter's batches went through a TextDecoder that drops
		// it), and a character cut where the other stream is written to
		// waits for its own stream's next bytes.
		bom := "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Printf(\"\\uFEFF%d|\", i)\n\t\ttime.Sleep(30 * time.Millisecond)\n\t}\n}\n"
		runsLikeGoRun(t, tab, id, engine+": U+FEFF at each batch's start", bom)
		across := "package main\n\nimport (\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\tos.Stdout.Write([]byte(\"a\\xE2\\x82\"))\n\ttime.Sleep(30 * time.Millisecond)\n\tos.Stderr.Write([]byte(\"E\\n\"))\n\ttime.Sleep(30 * time.Millisecond)\n\tos.Stdout.Write([]byte(\"\\xAC\\n\"))\n}\n"
		setCode(t, tab, id, across)
		state, output, status = runPlayground(t, tab, id, 120*time.Second)
		if _, shown := engineOf(t, tab, id); state != "done" || output != "aE\n€\n" || strings.Contains(shown, note) {
			t.Errorf("%s: a character cut across a write to stderr: state %s, output %q (%s), note %q; want \"aE\\n€\\n\" and no note", engine, state, output, status, shown)
		}
		setCode(t, tab, id, split)
		state, output, status = runPlayground(t, tab, id, 120*time.Second)
		if _, shown := engineOf(t, tab, id); state != "done" || output != goRun(t, split) || strings.Contains(shown, note) {
			t.Errorf("%s: a character in pieces: state %s, output %q (%s), note %q; want go run's %q and no note", engine, state, output, status, shown, goRun(t, split))
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
