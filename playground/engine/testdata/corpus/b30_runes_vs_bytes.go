package main

// A string is bytes: len counts bytes, indexing yields bytes, but range decodes UTF-8 runes.
import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println("len (bytes):", len(s))
	fmt.Println("runes:", utf8.RuneCountInString(s), len([]rune(s)))

	// Indexing gives a byte; s[1] is the first byte of the two-byte é.
	fmt.Printf("s[1] = %d (%#x), s[0] = %c\n", s[1], s[1], s[0])

	// range steps by rune; the index jumps over multibyte characters.
	for i, r := range "aé世" {
		fmt.Printf("byte %d: %q U+%04X size %d\n", i, r, r, utf8.RuneLen(r))
	}

	// Slicing by byte offsets can cut a rune in half.
	cut := s[:2]
	fmt.Println("s[:2] valid UTF-8:", utf8.ValidString(cut), strconv.Quote(cut))

	// Quote escapes non-printable bytes; QuoteToASCII also escapes non-ASCII runes.
	fmt.Println(strconv.Quote("tab\t世"), strconv.QuoteToASCII("tab\t世"))

	r, size := utf8.DecodeRuneInString("世界")
	fmt.Printf("first rune %c takes %d bytes\n", r, size)

	rs := []rune(s)
	fmt.Println("last rune via []rune:", string(rs[len(rs)-1]))
}

// Output:
// len (bytes): 14
// runes: 9 9
// s[1] = 195 (0xc3), s[0] = h
// byte 0: 'a' U+0061 size 1
// byte 1: 'é' U+00E9 size 2
// byte 3: '世' U+4E16 size 3
// s[:2] valid UTF-8: false "h\xc3"
// "tab\t世" "tab\t\u4e16"
// first rune 世 takes 3 bytes
// last rune via []rune: 界
