package generator

import "github.com/goexpert/gointernals/generator/diagram"

// drawDiagram is how a ```diagram block of the content becomes inline SVG:
// the catalogue of generator/diagram, in the page's language. An unknown
// name comes back as an error, which the markdown stage reports at the
// block's position.
func drawDiagram(name, lang string) (svg []byte, caption string, err error) {
	if svg, err = diagram.Render(name, lang); err != nil {
		return nil, "", err
	}
	caption, err = diagram.Caption(name, lang)
	return svg, caption, err
}
