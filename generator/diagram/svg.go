package diagram

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
)

// canvas is one diagram being drawn: primitives in drawing order, in user
// units of a viewBox of width w and height h. It also records what the
// tests check: every label with the room it was given, and every text
// size.
type canvas struct {
	id    string // "mpg-pt": prefixes element ids, unique on a page
	w, h  float64
	title string
	desc  string
	body  bytes.Buffer
	fits  []fit
	sizes []float64
	depth int // open groups
}

// fit is a label and the width it must fit in.
type fit struct {
	label string
	size  float64
	bold  bool
	room  float64
}

func newCanvas(name, lang string, w, h float64, title, desc string) *canvas {
	return &canvas{id: name + "-" + lang, w: w, h: h, title: title, desc: desc}
}

// num formats a coordinate: one decimal at most, no trailing zeros, so the
// bytes are the same on every machine.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

func esc(s string) string { return html.EscapeString(s) }

const pad = 10 // room kept on each side of a label inside its shape

// box draws a rectangle of class cls with a label centred in it; "\n"
// splits the label into lines.
func (c *canvas) box(x, y, w, h float64, cls, label string, size float64) {
	fmt.Fprintf(&c.body, `<rect class="%s" x="%s" y="%s" width="%s" height="%s" rx="6"/>`, cls, num(x), num(y), num(w), num(h))
	if label != "" {
		c.label(x+w/2, y+h/2, w-2*pad, label, size, strings.Contains(cls, "strong"))
	}
}

// label writes lines of text centred on (cx, cy), each fitting room.
func (c *canvas) label(cx, cy, room float64, label string, size float64, bold bool) {
	lines := strings.Split(label, "\n")
	lh := size * 1.2
	top := cy - lh*float64(len(lines)-1)/2
	cls := "t"
	if bold {
		cls = "t b"
	}
	for i, l := range lines {
		c.fits = append(c.fits, fit{label: l, size: size, bold: bold, room: room})
		c.sizes = append(c.sizes, size)
		fmt.Fprintf(&c.body, `<text class="%s" x="%s" y="%s" font-size="%s" text-anchor="middle" dominant-baseline="central">%s</text>`,
			cls, num(cx), num(top+lh*float64(i)), num(size), esc(l))
	}
}

// text writes free text anchored at (x, y): "start", "middle" or "end".
// room, when positive, is the width it must fit in.
func (c *canvas) text(x, y float64, s string, size float64, cls, anchor string, room float64) {
	c.sizes = append(c.sizes, size)
	if room > 0 {
		c.fits = append(c.fits, fit{label: s, size: size, bold: strings.Contains(cls, "b"), room: room})
	}
	fmt.Fprintf(&c.body, `<text class="t %s" x="%s" y="%s" font-size="%s" text-anchor="%s" dominant-baseline="central">%s</text>`,
		cls, num(x), num(y), num(size), anchor, esc(s))
}

// circle draws a circle with a centred label.
func (c *canvas) circle(cx, cy, r float64, cls, label string, size float64) {
	fmt.Fprintf(&c.body, `<circle class="%s" cx="%s" cy="%s" r="%s"/>`, cls, num(cx), num(cy), num(r))
	if label != "" {
		c.label(cx, cy, 2*r-8, label, size, strings.Contains(cls, "strong"))
	}
}

// arrow draws a straight line from (x1, y1) to (x2, y2) with a head.
func (c *canvas) arrow(x1, y1, x2, y2 float64, cls string) {
	fmt.Fprintf(&c.body, `<path class="ln %s" d="M%s %sL%s %s" marker-end="url(#%s-h)"/>`, cls, num(x1), num(y1), num(x2), num(y2), c.id)
}

// path draws an SVG path, with an arrowhead when head is set.
func (c *canvas) path(d, cls string, head bool) {
	m := ""
	if head {
		m = fmt.Sprintf(` marker-end="url(#%s-h)"`, c.id)
	}
	fmt.Fprintf(&c.body, `<path class="ln %s" d="%s"%s/>`, cls, d, m)
}

// line draws a line without a head.
func (c *canvas) line(x1, y1, x2, y2 float64, cls string) {
	fmt.Fprintf(&c.body, `<path class="ln %s" d="M%s %sL%s %s"/>`, cls, num(x1), num(y1), num(x2), num(y2))
}

// group opens a <g>; attrs are extra attributes, already formatted.
func (c *canvas) group(cls string, attrs string) {
	c.depth++
	fmt.Fprintf(&c.body, `<g class="%s"%s>`, cls, attrs)
}

func (c *canvas) end() {
	c.depth--
	c.body.WriteString("</g>")
}

// svg is the finished drawing: role="img", named by its <title> and
// <desc> in the page's language, scaling to its container.
func (c *canvas) svg() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="dg" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-t %s-d">`,
		num(c.w), num(c.h), c.id, c.id)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, c.id, esc(c.title), c.id, esc(c.desc))
	fmt.Fprintf(&b, `<defs><marker id="%s-h" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="hd" d="M0 0L10 5L0 10z"/></marker></defs>`, c.id)
	b.Write(c.body.Bytes())
	b.WriteString("</svg>")
	return b.Bytes()
}
