package generator

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// TestEditorNotesHaveSourcesAndTwins checks the editor's notes as the
// reader gets them: each is an aside labelled in its page's language, ends
// with a source paragraph linking at least one outside source, and the
// twin page holds the same notes in the same order, with the same sources.
func TestEditorNotesHaveSourcesAndTwins(t *testing.T) {
	out := buildReal(t)
	pages := loadBuilt(t, out)
	labels := map[string]string{"pt": "Nota do editor", "en": "Editor's note"}
	type note struct{ sources []string }
	notesOf := func(bp *builtPage) []note {
		var ns []note
		lang := strings.SplitN(bp.file, "/", 2)[0]
		for i, a := range find(bp.doc, isEditorNote) {
			label := find(a, func(n *html.Node) bool { return htmlAttr(n, "id") == htmlAttr(a, "aria-labelledby") })
			if len(label) != 1 || strings.TrimSpace(htmlText(label[0])) != labels[lang] {
				t.Errorf("%s: editor's note %d is not named %q by its aria-labelledby", bp.file, i+1, labels[lang])
			}
			srcs := find(a, func(n *html.Node) bool { return n.Data == "p" && htmlAttr(n, "class") == "editor-note-source" })
			var n note
			if len(srcs) == 1 && srcs[0].Parent == a && lastElement(a) == srcs[0] {
				for _, l := range find(srcs[0], func(n *html.Node) bool { return n.Data == "a" }) {
					if href := htmlAttr(l, "href"); strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://") {
						n.sources = append(n.sources, href)
					}
				}
			}
			if len(n.sources) == 0 {
				t.Errorf("%s: editor's note %d (%.60s…) does not end with a source paragraph that links outside the site", bp.file, i+1, strings.Join(strings.Fields(htmlText(a)), " "))
			}
			ns = append(ns, n)
		}
		return ns
	}
	total := 0
	for file, bp := range pages {
		// Each pair is compared once, from its Portuguese side; a note
		// only in English shows as a count that differs.
		if !strings.HasSuffix(file, "/index.html") || !strings.HasPrefix(file, "pt/") {
			continue
		}
		sw := find(bp.doc, func(n *html.Node) bool {
			return n.Data == "a" && strings.Contains(htmlAttr(n.Parent, "class"), "lang-switch")
		})
		if len(sw) == 0 {
			continue
		}
		twin := pages[strings.TrimPrefix(htmlAttr(sw[0], "href"), "/")+"index.html"]
		if twin == nil {
			continue // TestRealSite reports it
		}
		mine, theirs := notesOf(bp), notesOf(twin)
		total += len(mine)
		if len(mine) != len(theirs) {
			t.Errorf("%s has %d editor's notes, its twin %s has %d: each note needs its translation, in the same order", file, len(mine), twin.file, len(theirs))
			continue
		}
		for i := range mine {
			if !slices.Equal(mine[i].sources, theirs[i].sources) {
				t.Errorf("%s: editor's note %d cites %v, the twin's note %d on %s cites %v: twins cite the same sources in the same order", file, i+1, mine[i].sources, i+1, twin.file, theirs[i].sources)
			}
		}
	}
	if total == 0 {
		t.Error("no editor's notes on the site")
	}
}

// isEditorNote says whether n is an editor's note as the site renders it.
func isEditorNote(n *html.Node) bool { return n.Data == "aside" && hasAttr(n, "data-editor-note") }

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func lastElement(n *html.Node) *html.Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// TestNotesChangesAreListedOrAnnotated holds the site to its promise that
// every change to the author's words is visible. Each line of the original
// notes (outside code blocks) must be on a Portuguese page as it was,
// allowing only for markdown escapes; or be there once the typo fixes
// listed on the "About this edition" page are applied (with the one rule
// that page states: a space before an opening parenthesis that follows a
// word); or the words the site changed must be quoted by the editor's note
// placed right under the line. Every listed fix must be used, and both
// languages' About pages must list the same fixes.
//
// Three structural changes are accepted, each only in its own shape: a
// bullet that names a topic may be a heading made of the same words, its
// first letter's case the only difference; a heading of the notes may be
// a page's title (the notes' "## Memória" is the memory page's h1); and a
// heading of the notes may be translated, at the same level, by a
// | `## notes` | `## site` | row of the About pages (rows whose cells are
// headings are heading translations, not typo fixes).
func TestNotesChangesAreListedOrAnnotated(t *testing.T) {
	seed, err := os.ReadFile("testdata/notes.pt.md")
	if err != nil {
		t.Fatal(err)
	}
	fixes := map[string][][2]string{}
	headFixes := map[string][][2]string{}
	titles := map[string]bool{}      // the Portuguese pages' titles
	headings := map[string]bool{}    // their headings, normalized, first letter lowered
	rawHeadings := map[string]bool{} // their heading lines as written, marker included
	var pool []string                // the pages' lines, normalized, notes left out
	type pageLine struct {
		file string
		n    int
		text string
		next []string // the raw lines after it
	}
	var lines []pageLine
	for _, lang := range []string{"pt", "en"} {
		files, _ := filepath.Glob("../content/" + lang + "/*.md")
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			src := string(b)
			if strings.Contains(src, "\ntranslationKey: about\n") {
				fixes[lang], headFixes[lang] = typoFixes(src)
			}
			if lang != "pt" {
				continue
			}
			raw := strings.Split(src, "\n")
			inFront, inFence := false, false
			for i, l := range raw {
				t := strings.TrimSpace(l)
				switch {
				case i == 0 && t == "---":
					inFront = true
				case inFront && t == "---":
					inFront = false
				case inFront && strings.HasPrefix(t, "title:"):
					titles[strings.TrimSpace(strings.TrimPrefix(t, "title:"))] = true
				case strings.HasPrefix(t, "```"):
					inFence = !inFence
				case !inFront && !inFence && l == t && headingLine.MatchString(t):
					rawHeadings[t] = true
					headings[lowerFirst(normNoteLine(t))] = true
				}
				if strings.HasPrefix(t, ">") {
					continue
				}
				lines = append(lines, pageLine{file: filepath.Base(f), n: i + 1, text: normNoteLine(l), next: raw[i+1:]})
				pool = append(pool, normNoteLine(l))
			}
		}
	}
	if len(fixes["pt"]) == 0 {
		t.Fatal("no typo fixes found: the pt page with translationKey about lists them as | `notes` | `site` | rows")
	}
	for _, d := range [][2]string{{"pt", "en"}, {"en", "pt"}} {
		for _, f := range fixes[d[0]] {
			if !slices.Contains(fixes[d[1]], f) {
				t.Errorf("the %s About page lists the typo fix %q → %q, the %s one does not: both list the same", d[0], f[0], f[1], d[1])
			}
		}
		for _, f := range headFixes[d[0]] {
			if strings.Fields(f[0])[0] != strings.Fields(f[1])[0] {
				t.Errorf("the %s About page translates the heading %q as %q, at another level: a translation keeps the level", d[0], f[0], f[1])
			}
			if !slices.Contains(headFixes[d[1]], f) {
				t.Errorf("the %s About page lists the heading translation %q → %q, the %s one does not: both list the same", d[0], f[0], f[1], d[1])
			}
		}
	}
	usedHead := map[[2]string]bool{}
	onPage := map[string]bool{}
	for _, l := range pool {
		onPage[l] = true
	}
	used := map[[2]string]bool{}
	inCode := false
	for i, line := range strings.Split(string(seed), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			inCode = !inCode
			continue
		}
		// Code is proven by the snippet validation and its changes are
		// listed apart; the title line is the site's name.
		if inCode || i == 0 || trimmed == "" {
			continue
		}
		orig := normNoteLine(line)
		if onPage[orig] {
			continue
		}
		if headingLine.MatchString(trimmed) {
			if titles[orig] {
				continue // the heading is the page's title
			}
			translated := false
			for _, f := range headFixes["pt"] {
				if f[0] == trimmed && rawHeadings[f[1]] {
					usedHead[f], translated = true, true
				}
			}
			if translated {
				continue
			}
		}
		fixed := parenSpace.ReplaceAllString(orig, "$1 ($2")
		var applied [][2]string
		for _, f := range fixes["pt"] {
			if next := replaceWords(fixed, f[0], f[1]); next != fixed {
				fixed = next
				applied = append(applied, f)
			}
		}
		// A bullet that became a heading: the same words, the first
		// letter's case aside.
		if onPage[fixed] || (bulletLine.MatchString(trimmed) && headings[lowerFirst(fixed)]) {
			for _, f := range applied {
				used[f] = true
			}
			continue
		}
		// Not a pure typo fix: the line must be on a page with the
		// changed words quoted by the note right under it.
		best, score := -1, 0.0
		fw := strings.Fields(fixed)
		for j, pl := range lines {
			if s := float64(len(lcsWords(fw, strings.Fields(pl.text)))) / float64(max(len(fw), 1)); s > score {
				best, score = j, s
			}
		}
		if best < 0 || score < 0.5 {
			t.Errorf("notes.pt.md:%d is not on the pages: %s", i+1, trimmed)
			continue
		}
		pl := lines[best]
		note := noteUnder(pl.next)
		if note == "" {
			t.Errorf("notes.pt.md:%d was changed on %s:%d, neither by the listed typo fixes nor under an editor's note:\n  notes: %s\n  site:  %s", i+1, pl.file, pl.n, orig, pl.text)
			continue
		}
		for _, f := range applied {
			used[f] = true
		}
		for _, run := range changedRuns(fw, strings.Fields(pl.text)) {
			if !strings.Contains(note, run) {
				t.Errorf("notes.pt.md:%d: the editor's note under %s:%d does not quote what the notes said, %q", i+1, pl.file, pl.n, run)
			}
		}
	}
	for _, f := range fixes["pt"] {
		if !used[f] {
			t.Errorf("the typo fix %q → %q changes no line of the notes: remove it from the About pages", f[0], f[1])
		}
	}
	for _, f := range headFixes["pt"] {
		if !usedHead[f] {
			t.Errorf("the heading translation %q → %q is not one of the notes' headings translated on a page: fix or remove it on the About pages", f[0], f[1])
		}
	}
}

var (
	headingLine = regexp.MustCompile(`^#{1,6}\s`)
	bulletLine  = regexp.MustCompile(`^[-*]\s`)
)

// lowerFirst is s with its first letter lowered.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// parenSpace finds an opening parenthesis right after a word, with
// something other than ")" inside: "LIFO(Last", not "fork()".
var parenSpace = regexp.MustCompile(`([^\s(\[])\(([^\s)])`)

var fixRow = regexp.MustCompile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|\\s*$")

// typoFixes reads the | `notes` | `site` | rows of an About page: the
// typo fixes, and apart the heading translations, whose two cells are
// headings (| `## Runtime Architecture` | `## Arquitetura do runtime` |).
func typoFixes(src string) (typos, headings [][2]string) {
	for _, l := range strings.Split(src, "\n") {
		m := fixRow.FindStringSubmatch(strings.TrimSpace(l))
		switch {
		case m == nil:
		case headingLine.MatchString(m[1]) && headingLine.MatchString(m[2]):
			headings = append(headings, [2]string{m[1], m[2]})
		default:
			typos = append(typos, [2]string{m[1], m[2]})
		}
	}
	return typos, headings
}

var (
	selfLink   = regexp.MustCompile(`\[(https?://[^\]\s]+)\]\((https?://[^)\s]+)\)`)
	mdEscape   = regexp.MustCompile(`\\([\\.>#*_\[\]()-])`)
	listMarker = regexp.MustCompile(`^(#+|[-*])\s+`)
)

// normNoteLine is a markdown line as its words read: without indentation,
// list or heading marker, backslash escapes, or a link whose text is its
// address.
func normNoteLine(l string) string {
	l = listMarker.ReplaceAllString(strings.TrimSpace(l), "")
	l = selfLink.ReplaceAllStringFunc(l, func(m string) string {
		s := selfLink.FindStringSubmatch(m)
		if s[1] == s[2] {
			return s[1]
		}
		return m
	})
	return strings.TrimSpace(mdEscape.ReplaceAllString(l, "$1"))
}

// replaceWords replaces old by new in s where old is not part of a longer
// word, so that fixing "sera" leaves "serão" alone.
func replaceWords(s, old, new string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, old)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(old):])
		if (i > 0 && isWordRune(before)) || (i+len(old) < len(s) && isWordRune(after)) {
			b.WriteString(s[:i+len(old)])
		} else {
			b.WriteString(s[:i] + new)
		}
		s = s[i+len(old):]
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// noteUnder is the text of the editor's notes that start on the first
// non-blank line of next, "" when that line opens none.
func noteUnder(next []string) string {
	var b strings.Builder
	started := false
	for _, l := range next {
		t := strings.TrimSpace(l)
		if !started && t == "" {
			continue
		}
		if !strings.HasPrefix(t, ">") {
			break
		}
		if !started && !strings.EqualFold(t, "> [!EDITOR]") {
			return ""
		}
		started = true
		b.WriteString(strings.TrimSpace(strings.TrimPrefix(t, ">")) + " ")
	}
	return strings.NewReplacer("`", "", "*", "").Replace(b.String())
}

// lcsWords is a longest common subsequence of a and b, as indexes into a.
func lcsWords(a, b []string) []int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	var out []int
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			out = append(out, i)
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// changedRuns are the runs of a's words that are not in b, each joined by
// spaces, without the punctuation around it.
func changedRuns(a, b []string) []string {
	kept := map[int]bool{}
	for _, i := range lcsWords(a, b) {
		kept[i] = true
	}
	var runs []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, strings.Trim(strings.Join(cur, " "), `.,:;!?"'()`))
			cur = nil
		}
	}
	for i, w := range a {
		if kept[i] {
			flush()
			continue
		}
		cur = append(cur, w)
	}
	flush()
	return runs
}

// goRelease is the release of Go the notes cite (links to
// github.com/golang/go at that tag), the Go the project builds with.
const goRelease = "go1.26.8"

// TestEditorNotesNameWhatGoHas holds the editor's notes to the Go source
// they cite, as far as a test can read it: the meaning of a claim needs a
// reader, but a name that is not there, or no longer is, needs none.
//
//   - A link into Go's repository is at goRelease and names a file of the
//     installed Go (a line anchor aside); for a .go or .s file, each name its
//     text gives after the file ("runtime/proc.go: newproc1, gfget"; free
//     words such as "package comment" aside) is in that file.
//   - Each name in the note's code (`gcComputeStartingStackSize`,
//     `if c.qcount < c.dataqsiz`, `GODEBUG=adaptivestackstart=0`) is in a
//     cited file or another file of its package; a file name (`mgc.go`)
//     is a file of a cited package; a GOEXPERIMENT names experiments
//     internal/goexperiment has. A span is the author's words, and not
//     checked, only where it stands whole in the original notes or on
//     the page outside the editor's notes.
//
// A note that cites no Go source (the handshake's, which cites the
// build's own compile error) is not checked here. The installed Go is
// the reference: another patch release of Go 1.26 is checked as it is,
// with a line saying so.
func TestEditorNotesNameWhatGoHas(t *testing.T) {
	out := buildReal(t)
	pages := loadBuilt(t, out)
	env, err := exec.Command("go", "env", "GOROOT", "GOVERSION").Output()
	if err != nil {
		t.Fatal(err)
	}
	goroot, version, _ := strings.Cut(strings.TrimSpace(string(env)), "\n")
	if version != goRelease {
		t.Logf("the notes cite %s; checking them against the installed %s", goRelease, version)
	}
	original, err := os.ReadFile("testdata/notes.pt.md")
	if err != nil {
		t.Fatal(err)
	}
	read := map[string]string{} // path under GOROOT → its text, "" if missing
	file := func(rel string) string {
		if s, ok := read[rel]; ok {
			return s
		}
		b, _ := os.ReadFile(filepath.Join(goroot, filepath.FromSlash(rel)))
		read[rel] = string(b)
		return read[rel]
	}
	// whole says whether s stands in text with no letter, digit or _
	// right before or after it.
	res := map[string]*regexp.Regexp{}
	whole := func(text, s string) bool {
		re := res[s]
		if re == nil {
			re = regexp.MustCompile(`(^|[^\w])` + regexp.QuoteMeta(s) + `($|[^\w])`)
			res[s] = re
		}
		return re.MatchString(text)
	}
	experiments := strings.ToLower(file("src/internal/goexperiment/flags.go"))
	name := regexp.MustCompile(`^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$`)
	word := regexp.MustCompile(`[A-Za-z_]\w*`)
	const repo = "https://github.com/golang/go/blob/"
	checked, spans := 0, 0
	for _, f := range slices.Sorted(maps.Keys(pages)) {
		bp := pages[f]
		// The page's text outside the editor's notes.
		var outside strings.Builder
		var walkText func(*html.Node)
		walkText = func(n *html.Node) {
			if isEditorNote(n) {
				return
			}
			if n.Type == html.TextNode {
				outside.WriteString(n.Data)
				outside.WriteByte(' ')
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walkText(c)
			}
		}
		walkText(bp.doc)
		for i, a := range find(bp.doc, isEditorNote) {
			where := fmt.Sprintf("%s: editor's note %d", f, i+1)
			var cited []string // the cited .go files and their packages' files
			dirs := map[string]bool{}
			for _, l := range find(a, func(n *html.Node) bool { return n.Data == "a" }) {
				at, ok := strings.CutPrefix(htmlAttr(l, "href"), repo)
				if !ok {
					continue
				}
				ref, rel, _ := strings.Cut(at, "/")
				rel, _, _ = strings.Cut(rel, "#")
				if ref != goRelease {
					t.Errorf("%s links Go's source at %s: the notes cite %s", where, ref, goRelease)
					continue
				}
				text := file(rel)
				if text == "" {
					t.Errorf("%s links %s, which is not in %s", where, rel, goroot)
					continue
				}
				if !strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, ".s") {
					continue
				}
				cited = append(cited, text)
				dirs[path.Dir(rel)] = true
				_, names, _ := strings.Cut(htmlText(l), ": ")
				for n := range strings.SplitSeq(names, ",") {
					if n = strings.TrimSpace(n); !name.MatchString(n) {
						continue
					}
					for _, part := range strings.Split(n, ".") {
						if !whole(text, part) {
							t.Errorf("%s names %s in %s, which has no %s", where, n, rel, part)
						}
					}
				}
			}
			if len(cited) == 0 {
				continue
			}
			checked++
			var files []string // base names of the cited packages' files
			for d := range dirs {
				matches, _ := filepath.Glob(filepath.Join(goroot, filepath.FromSlash(d), "*"))
				for _, p := range matches {
					files = append(files, filepath.Base(p))
					if strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".s") {
						rel, _ := filepath.Rel(goroot, p)
						cited = append(cited, file(filepath.ToSlash(rel)))
					}
				}
			}
			for _, c := range find(a, func(n *html.Node) bool { return n.Data == "code" }) {
				code := htmlText(c)
				if whole(string(original), code) || whole(outside.String(), code) {
					continue // the author's words, quoted
				}
				spans++
				switch exp, isExp := strings.CutPrefix(code, "GOEXPERIMENT="); {
				case isExp:
					for e := range strings.SplitSeq(exp, ",") {
						e = strings.TrimPrefix(e, "no")
						if !regexp.MustCompile(`(?m)^\t` + regexp.QuoteMeta(e) + `\s+bool\b`).MatchString(experiments) {
							t.Errorf("%s: `%s`: internal/goexperiment has no experiment %s", where, code, e)
						}
					}
				case regexp.MustCompile(`^\w+\.(go|s)$`).MatchString(code):
					if !slices.Contains(files, code) {
						t.Errorf("%s: `%s` is no file of the cited packages", where, code)
					}
				default:
					for _, w := range word.FindAllString(code, -1) {
						if !slices.ContainsFunc(cited, func(text string) bool { return whole(text, w) }) {
							t.Errorf("%s: `%s`: %s is in none of the cited files or their packages", where, code, w)
						}
					}
				}
			}
		}
	}
	t.Logf("%d notes cite Go's source; %d names in their code checked", checked, spans)
	if checked < 20 {
		t.Errorf("checked %d notes that cite Go's source; the site has more than 20", checked)
	}
}
