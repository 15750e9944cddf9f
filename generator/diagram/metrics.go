package diagram

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// advance and advanceBold hold the advance widths of the printable ASCII
// characters, in thousandths of an em, regular and bold: for each character
// the wider of DejaVu Sans (what "system-ui" and "sans-serif" resolve to on
// many Linux desktops, and the widest of the common system faces) and
// Liberation Sans (Arial's metrics). Labels are laid out from these, so a
// box is wide enough for its text in the widest face a reader is likely to
// have; Segoe UI, Roboto and San Francisco set narrower and only leave more
// room. Measured with the browser's canvas measureText at 1000 px.
// TestLabelsFitInTheBrowser checks the result as actually rendered.
var advance = [95]int{
	318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, // space ! " # $ % & ' ( ) * + , - . /
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 556, // 0-9 : ; < = > ?
	1015, 684, 686, 722, 770, 667, 611, 778, 752, 295, 500, 667, 557, 863, 748, 787, // @ A-O
	667, 787, 722, 667, 611, 732, 684, 989, 685, 667, 685, 390, 337, 390, 838, 556, // P-Z [ \ ] ^ _
	500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, // ` a-o
	635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, // p-z { | } ~
}

var advanceBold = [95]int{
	348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, // space ! " # $ % & ' ( ) * + , - . /
	696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, // 0-9 : ; < = > ?
	1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 556, 775, 637, 995, 837, 850, // @ A-O
	733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 556, // P-Z [ \ ] ^ _
	500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, // ` a-o
	716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, // p-z { | } ~
}

// wideRune is the width assumed for a character outside the table (arrows,
// symbols): wide, so the layout errs on the side of room.
const wideRune = 1000

// runeWidth is the advance of r in thousandths of an em. Accented letters
// take the width of their base letter.
func runeWidth(r rune, bold bool) int {
	table := &advance
	if bold {
		table = &advanceBold
	}
	if r >= 32 && r < 127 {
		return table[r-32]
	}
	if d := norm.NFD.String(string(r)); len(d) > 0 {
		base := []rune(d)[0]
		if base != r && base >= 32 && base < 127 {
			return table[base-32]
		}
	}
	if unicode.IsSpace(r) {
		return table[0]
	}
	return wideRune
}

// TextWidth is the width of s set at size (user units), bold when asked.
func TextWidth(s string, size float64, bold bool) float64 {
	total := 0
	for _, r := range s {
		total += runeWidth(r, bold)
	}
	return float64(total) * size / 1000
}
