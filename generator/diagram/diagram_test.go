package diagram

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.svg")

func each(t *testing.T, f func(t *testing.T, name, lang string)) {
	if len(Names()) < 3 {
		t.Fatalf("catalogue has only %v", Names())
	}
	for _, name := range Names() {
		for _, lang := range []string{"pt", "en"} {
			t.Run(name+"-"+lang, func(t *testing.T) { f(t, name, lang) })
		}
	}
}

// TestGolden pins every diagram's bytes; -update rewrites them for review.
func TestGolden(t *testing.T) {
	each(t, func(t *testing.T, name, lang string) {
		svg, err := Render(name, lang)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := Render(name, lang)
		if !bytes.Equal(svg, again) {
			t.Fatal("two renders differ")
		}
		file := filepath.Join("testdata", name+"-"+lang+".svg")
		if *update {
			if err := os.WriteFile(file, svg, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test ./generator/diagram -update)", err)
		}
		if !bytes.Equal(svg, want) {
			t.Errorf("%s changed; if on purpose, run go test ./generator/diagram -update and review the diff", file)
		}
	})
}

// TestAccessibleAndWellFormed parses each diagram as XML and checks that
// it names itself in its language.
func TestAccessibleAndWellFormed(t *testing.T) {
	each(t, func(t *testing.T, name, lang string) {
		svg, _ := Render(name, lang)
		dec := xml.NewDecoder(bytes.NewReader(svg))
		var title, desc string
		var root xml.StartElement
		var in string
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("not XML: %v", err)
			}
			switch e := tok.(type) {
			case xml.StartElement:
				if root.Name.Local == "" {
					root = e
				}
				in = e.Name.Local
			case xml.CharData:
				switch in {
				case "title":
					title += string(e)
				case "desc":
					desc += string(e)
				}
			case xml.EndElement:
				in = ""
			}
		}
		attrs := map[string]string{}
		for _, a := range root.Attr {
			attrs[a.Name.Local] = a.Value
		}
		id := name + "-" + lang
		if root.Name.Local != "svg" || attrs["role"] != "img" || attrs["aria-labelledby"] != id+"-t "+id+"-d" || !strings.HasPrefix(attrs["viewBox"], "0 0 720 ") {
			t.Errorf("root element %s %v", root.Name.Local, attrs)
		}
		if len(title) < 5 || len(desc) < 40 {
			t.Errorf("title %q, desc %q: a diagram must say what it shows", title, desc)
		}
		if regexp.MustCompile(`(fill|stroke)="#`).Match(svg) {
			t.Error("colours must come from CSS classes, not attributes")
		}
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(svg)
		w.Close()
		if buf.Len() > 8<<10 {
			t.Errorf("%d bytes gzipped, over 8 KB", buf.Len())
		}
	})
}

// TestLegibleAndFitting: no text under 11 px on a 360 px wide phone, and
// every label within its shape by the font metrics.
func TestLegibleAndFitting(t *testing.T) {
	each(t, func(t *testing.T, name, lang string) {
		i, _ := langIndex(lang)
		_ = i
		c := catalogue[name].draw(lang)
		for _, s := range c.sizes {
			if px := s * 360 / c.w; px < 11 {
				t.Errorf("text of size %v renders at %.1f px on a phone", s, px)
			}
		}
		for _, f := range c.fits {
			if w := TextWidth(f.label, f.size, f.bold); w > f.room {
				t.Errorf("label %q is %.0f wide, its room %.0f", f.label, w, f.room)
			}
		}
		if c.depth != 0 {
			t.Errorf("%d groups left open", c.depth)
		}
	})
}

func TestUnknownNameAndLanguage(t *testing.T) {
	if _, err := Render("nope", "pt"); err == nil || !strings.Contains(err.Error(), `unknown diagram "nope": the catalogue has`) {
		t.Errorf("unknown name: %v", err)
	}
	if _, err := Render(Names()[0], "fr"); err == nil {
		t.Error("unknown language accepted")
	}
}

func TestTextWidth(t *testing.T) {
	// "ação" measures as "acao": accents take their base letter's width.
	if TextWidth("ação", 20, false) != TextWidth("acao", 20, false) {
		t.Error("accented letters should measure as their base letter")
	}
	if w := TextWidth("iii", 10, false); w != 3*278*10/1000.0 {
		t.Errorf("width of iii at 10: %v", w)
	}
	if TextWidth("→", 10, false) != 10 {
		t.Error("unknown runes should count a full em")
	}
}
