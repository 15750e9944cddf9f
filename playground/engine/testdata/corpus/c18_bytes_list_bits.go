package main

// bytes, container/list and math/bits run in the interpreter: a Buffer written by Fprintf, a list of
// values of the program, bit counts.
import (
	"bytes"
	"container/list"
	"fmt"
	"math/bits"
	"strings"
)

type item struct {
	name string
	n    int
}

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello ")
	fmt.Fprintf(&buf, "%d-%s", 42, "x")
	buf.WriteByte('!')
	fmt.Println(buf.String(), buf.Len())
	fmt.Println(&buf)
	fields := bytes.Fields([]byte("  a b  c "))
	fmt.Println(len(fields), string(bytes.Join(fields, []byte(","))))
	fmt.Println(bytes.Equal([]byte("x"), []byte("x")), bytes.Contains([]byte("gopher"), []byte("ph")))
	fmt.Printf("%q\n", bytes.ToUpper([]byte("abc")))
	l := list.New()
	l.PushBack(item{"a", 1})
	l.PushFront(item{"b", 2})
	l.PushBack(3)
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Println(e.Value)
		if it, ok := e.Value.(item); ok && it.n > 0 {
			fmt.Println("item", it.n)
		}
	}
	fmt.Println(l.Len())
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros64(1), bits.TrailingZeros(8), bits.Len(1023))
	hi, lo := bits.Mul64(1<<63, 4)
	fmt.Println(hi, lo, bits.Reverse8(1), bits.RotateLeft32(1, -1))
	var sb strings.Builder
	r := bytes.NewReader([]byte("line1\nline2"))
	b := make([]byte, 4)
	for {
		n, err := r.Read(b)
		sb.Write(b[:n])
		if err != nil {
			break
		}
	}
	fmt.Println(sb.String())
	fmt.Printf("%v %T\n", bytes.MinRead, buf)
}

// Output:
// hello 42-x! 11
// hello 42-x!
// 3 a,b,c
// true true
// "ABC"
// {b 2}
// item 2
// {a 1}
// item 1
// 3
// 3
// 8 63 3 10
// 2 0 128 2147483648
// line1
// line2
// 512 bytes.Buffer
