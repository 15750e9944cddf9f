// Package diagram draws the site's diagrams of the Go runtime as inline
// SVG, at build time, from plain Go descriptions: boxes, circles, arrows
// and labels placed on a canvas (svg.go), with text measured from a table
// of font metrics (metrics.go) so that no label overflows its shape.
//
// Each diagram of the catalogue is a function that draws it in one
// language from its own table of labels. Render returns the SVG for a name
// and a language; the markdown stage places it where a ```diagram block
// names it.
//
// The drawings carry no colour: every shape has classes, and CSS (the
// stylesheet returned by CSS, bundled with the theme) colours them from
// custom properties, so diagrams follow light and dark mode and print in
// black and white. Colour never carries meaning alone: the tri-colour
// states are also written and stroked differently.
//
// The rules the tests hold every diagram to, in both languages: it parses
// as XML; it names itself (role="img", <title>, <desc>); every label fits
// its shape; no text is smaller than 11 px on a 360 px wide phone (the
// viewBox is 720 wide, so no font is under 22 units); it stays under 8 KB
// gzipped; and its bytes are the same on every build.
package diagram

import (
	"fmt"
	"slices"
	"strings"
)

// Width of every diagram's viewBox: a text column is about 700 px wide.
const Width = 720

// Sizes of text, in viewBox units: at a 360 px phone width, the smallest
// renders at 11 px.
const (
	small  = 22.0
	normal = 24.0
	large  = 26.0
)

// entry is a diagram of the catalogue.
type entry struct {
	draw    func(lang string) *canvas
	caption [2]string // pt, en
}

var catalogue = map[string]entry{}

func register(name string, captionPT, captionEN string, draw func(lang string) *canvas) {
	catalogue[name] = entry{draw: draw, caption: [2]string{captionPT, captionEN}}
}

// Names lists the catalogue, sorted.
func Names() []string {
	var names []string
	for n := range catalogue {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func langIndex(lang string) (int, error) {
	switch lang {
	case "pt":
		return 0, nil
	case "en":
		return 1, nil
	}
	return 0, fmt.Errorf("diagrams are drawn in pt and en, not %q", lang)
}

func lookup(name string) (entry, error) {
	e, ok := catalogue[name]
	if !ok {
		return entry{}, fmt.Errorf("unknown diagram %q: the catalogue has %s", name, strings.Join(Names(), ", "))
	}
	return e, nil
}

// Render returns the inline SVG of diagram name in language lang.
func Render(name, lang string) ([]byte, error) {
	e, err := lookup(name)
	if err != nil {
		return nil, err
	}
	if _, err := langIndex(lang); err != nil {
		return nil, err
	}
	return e.draw(lang).svg(), nil
}

// Caption is the diagram's one-sentence caption in lang.
func Caption(name, lang string) (string, error) {
	e, err := lookup(name)
	if err != nil {
		return "", err
	}
	i, err := langIndex(lang)
	if err != nil {
		return "", err
	}
	return e.caption[i], nil
}

// tr picks the label of lang from a pt/en pair.
func tr(lang string, pt, en string) string {
	if lang == "pt" {
		return pt
	}
	return en
}
