package main

// strings.Builder appends into one growing buffer; it is the cheap way to build a string piece by piece.
import (
	"fmt"
	"strconv"
	"strings"
)

type row struct {
	name  string
	score int
}

func table(rows []row) string {
	var b strings.Builder
	b.WriteString("name,score\n")
	for _, r := range rows {
		b.WriteString(r.name)
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(r.score))
		b.WriteByte('\n')
	}
	return b.String()
}

func main() {
	out := table([]row{{"ann", 91}, {"bob", 78}})
	fmt.Print(out)

	var b strings.Builder
	fmt.Println("empty builder len:", b.Len())
	for i := range 5 {
		if i > 0 {
			b.WriteString(" -> ")
		}
		fmt.Fprintf(&b, "%d", i*i)
	}
	b.WriteRune('✓')
	fmt.Println(b.String())
	fmt.Println("bytes:", b.Len())

	b.Reset()
	b.WriteString("fresh")
	fmt.Println(b.String(), strings.Repeat("=", 3))
}

// Output:
// name,score
// ann,91
// bob,78
// empty builder len: 0
// 0 -> 1 -> 4 -> 9 -> 16✓
// bytes: 25
// fresh ===
