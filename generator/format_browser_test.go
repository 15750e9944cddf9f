package generator

import (
	"go/format"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/goexpert/gointernals/generator/internal/browser"
)

// TestBrowserFormat clicks Format as a reader does, after typing in the
// editor: the whole buffer becomes gofmt's output (not a second copy at
// the cursor), a second Format changes nothing, and undo brings back what
// the reader typed.
func TestBrowserFormat(t *testing.T) {
	t.Parallel()
	tab := channelsPage(t, 2*time.Second)
	const id = channelsID
	root := `[data-playground="` + id + `"]`
	typeCode(t, tab, id, "package main\n\nimport \"fmt\"\n\nfunc main() {\nx:=[]int{1,2}\nfmt.Println( x )\n}\n")
	typed := editorValue(t, tab, id)
	want, err := format.Source([]byte(typed))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 2; i++ {
		tab.Do(t, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` .pg-status').textContent = ''`))
		clickAction(t, tab, root, "format")
		browser.Get(t, tab, 60*time.Second, chromedp.Poll[bool](`document.querySelector('`+root+` .pg-status').textContent === 'Code formatted.'`, chromedp.WithPollingTimeout(0)))
		if got := editorValue(t, tab, id); got != string(want) {
			t.Errorf("after Format %d the editor holds:\n%s\nwant gofmt's:\n%s", i, got, want)
		}
	}
	// The second Format found nothing to change, and changed nothing: one
	// undo step brings back what was typed.
	tab.Do(t, 10*time.Second, chromedp.Focus(root+` [data-editor]`), chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	if got := editorValue(t, tab, id); got != typed {
		t.Errorf("after undo the editor holds:\n%s\nwant what was typed:\n%s", got, typed)
	}
}
