package generator

import (
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
	"github.com/goexpert/gointernals/playground/web"
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

// TestBrowserOutputLinesStayWhole: a line the program printed whole shows
// as one line, however slowly the page lays it out. Output goes into
// blocks (output.js), each a line of its own on the page; a block that a
// slow frame ended in the middle of a line once put the rest of the line
// on the next one, so a line of 2,000 characters mixing writing
// directions showed as three. The page's main thread is slowed fourfold,
// as a phone's would be, so that frames are slow on any machine. Lines
// longer than 4,096 characters are shown wrapped, on purpose; these are
// shorter.
func TestBrowserOutputLinesStayWhole(t *testing.T) {
	t.Parallel()
	tab, _ := warmChannels(t, 20*time.Second)
	const id = channelsID
	pickEngine(t, tab, id, "fast")
	if _, err := chromedp.Call(tab.Ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		t.Fatal(err)
	}
	code := "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\nfunc main() {\n\tfor _, n := range []int{1000, 2000, 1500} {\n\t\tfmt.Println(strings.Repeat(\"a\\u05d0\", n))\n\t}\n\tfmt.Print(\"one \")\n\tfmt.Println(\"line\")\n}\n"
	setCode(t, tab, id, code)
	state, output, status := runPlayground(t, tab, id, 180*time.Second)
	if want := goRun(t, code); state != "done" || output != want {
		t.Fatalf("state %s, status %q, output of %d characters (want %d)", state, status, len(output), len(want))
	}
	// What each block holds, and whether it ends a line.
	blocks := browser.Get(t, tab, 10*time.Second, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-playground="`+id+`"] [data-output] .pg-block')].map((b) => b.textContent.length + (/[\r\n]$/.test(b.textContent) ? ' whole' : ' cut'))`))
	for i, b := range blocks[:len(blocks)-1] {
		if strings.HasSuffix(b, " cut") {
			t.Errorf("block %d of %d ends in the middle of a line (%s): the rest of it shows on the next line; blocks: %v", i+1, len(blocks), b, blocks)
			break
		}
	}
}

// TestBrowserOutputSlowFrames holds the page's guard against output too
// costly to show (output.js: onslow) to what it is for, under clocks that
// make every frame slow. A stalled machine's (each frame takes 300 ms
// whatever it lays out, as on a busy laptop or a slow phone) must not stop
// legitimate output: a few long lines of mixed directions, like
// TestBrowserOutputLinesStayWhole's, and 160,000 characters of plain
// lines are shown whole. The guard once judged by time alone, and stopped
// the first on loaded machines and the second under any stall. Costly
// text's clock (each character laid out costs 5 ms) must stop the long
// output after a few frames' worth, rather than keep the reader waiting
// on a page that hardly answers; and the long lines before a frame lays
// out thousands of characters in one piece. Text that turns costly after
// a stall is stopped within a block of it, the most a frame writes
// however large the share a stall earned. Costly text under a stall that
// stays is stopped before a large share: a frame of a few characters that
// took far longer than the large one (over twice as long, or over 2 s) is
// no stall, which costs about the same whatever a frame lays out. Output
// runs alone in a page of its own, so that nothing but the clock decides.
func TestBrowserOutputSlowFrames(t *testing.T) {
	t.Parallel()
	src, err := fs.ReadFile(web.Files, "output.js")
	if err != nil {
		t.Fatal(err)
	}
	page := fstest.MapFS{
		"output.js":  {Data: src},
		"index.html": {Data: []byte(`<!doctype html><pre id="out" style="height: 10em; overflow: auto"></pre><script type="module">import { Output } from './output.js'; window.Output = Output;</script>`)},
	}
	tab := browser.New(t)
	tab.Do(t, 20*time.Second, chromedp.Navigate(browser.ServeHandler(t, http.FileServerFS(page))+"/index.html"))
	browser.Get(t, tab, 10*time.Second, chromedp.Poll[bool](`typeof window.Output === 'function'`))
	// show drains text through a fresh Output under a clock that stalls
	// (each reading adds stall ms) until the page holds cheap characters,
	// then adds after ms and charges cost ms for each character added
	// since the last reading: whether all of it was shown, and how much of
	// it was.
	const show = `async (text, cheap, stall, after, cost) => {
  const pre = document.getElementById('out');
  pre.textContent = '';
  let now = 0, seen = 0;
  performance.now = () => {
    const n = pre.textContent.length;
    now += n < cheap ? stall : after + cost * (n - seen) + 1;
    seen = n;
    return now;
  };
  const out = new Output(pre);
  out.append('stdout', text);
  const whole = await out.drain();
  return [whole ? 1 : 0, pre.textContent.length];
}`
	lines := strings.Repeat("a\u05d0", 1000) + "\n" + strings.Repeat("a\u05d0", 2000) + "\n" + strings.Repeat("a\u05d0", 1500) + "\none line\n"
	long := strings.Repeat(strings.Repeat("x", 79)+"\n", 2000)
	short := strings.Repeat(strings.Repeat("y", 63)+"\n", 2500)
	const stalled, costly = 1 << 30, 0
	for _, c := range []struct {
		name  string
		text  string
		cheap int // characters shown under the stalling clock
		// ms a reading adds under the stall, and after it, besides the
		// ms each new character costs after it
		stall, after, cost int
		whole              bool
		most               int // characters shown at most when stopped
	}{
		{"three long lines, stalled", lines, stalled, 300, 0, 0, true, 0},
		{"a long output, stalled", long, stalled, 300, 0, 0, true, 0},
		{"three long lines, costly", lines, costly, 0, 0, 5, false, 1024},
		{"a long output, costly", long, costly, 0, 0, 5, false, 1024},
		// 20,000 characters under the stall, then a frame's block at
		// most of costly text: a stall's share is no excuse for it.
		{"a long output, stalled, then costly", long, 20000, 300, 0, 5, false, 20000 + 4096 + 80},
		// Lines of 64 characters: the first frame's 16 in 300 ms, then one
		// a frame in 1261 ms (over twice as long), or in 2461 ms after
		// 1500 (over 2 s): costly text under a stall, stopped before a
		// large share.
		{"short lines, stalled, then costly under the stall", short, 1025, 300, 300, 15, false, 1024 + 4*64},
		{"short lines, stalled long, then costly under the stall", short, 1025, 1500, 1500, 15, false, 1024 + 4*64},
	} {
		args := fmt.Sprintf("%s, %d, %d, %d, %d", jsString(c.text), c.cheap, c.stall, c.after, c.cost)
		got := browser.Get(t, tab, 60*time.Second, chromedp.Evaluate[[]int](`(`+show+`)(`+args+`)`, chromedp.EvalAwaitPromise))
		units := len(utf16.Encode([]rune(c.text)))
		t.Logf("%s: whole %d, %d of %d characters shown", c.name, got[0], got[1], units)
		switch whole := got[0] == 1; {
		case whole != c.whole:
			t.Errorf("%s: shown whole %v, want %v (%d of %d characters shown)", c.name, whole, c.whole, got[1], units)
		case whole && got[1] != units:
			t.Errorf("%s: %d of %d characters shown", c.name, got[1], units)
		case !whole && got[1] > c.most:
			t.Errorf("%s: %d characters shown before it was stopped, each costing %d ms: more than %d", c.name, got[1], c.cost, c.most)
		}
	}
}
