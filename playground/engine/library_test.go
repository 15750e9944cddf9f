package engine

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// calls exercises functions of the interpreter's generic packages, each
// printing one line, the one go run prints (want). The supported ones must
// run and print it; the others must still
// fail, so that an upgrade of the interpreter that fixes one shows here and
// genericSupported can grow. Those the source pass replaces (libCalls) must
// run once lowered, and Detect must then say nothing of them.
var calls = map[string]struct{ code, want string }{
	"slices.Contains":         {`fmt.Println(slices.Contains([]int{1}, 1))`, "true"},
	"slices.ContainsFunc":     {`fmt.Println(slices.ContainsFunc([]int{1}, func(a int) bool { return a == 1 }))`, "true"},
	"slices.Index":            {`fmt.Println(slices.Index([]int{1}, 1))`, "0"},
	"slices.IndexFunc":        {`fmt.Println(slices.IndexFunc([]int{1}, func(a int) bool { return a == 1 }))`, "0"},
	"slices.EqualFunc":        {`fmt.Println(slices.EqualFunc([]int{1}, []int{1}, func(a, b int) bool { return a == b }))`, "true"},
	"slices.CompareFunc":      {`fmt.Println(slices.CompareFunc([]int{1}, []int{1}, func(a, b int) int { return a - b }))`, "0"},
	"maps.DeleteFunc":         {`m := map[int]int{1: 1}; maps.DeleteFunc(m, func(k, v int) bool { return k == 1 }); fmt.Println(m)`, "map[]"},
	"cmp.Less":                {`fmt.Println(cmp.Less(1, 2))`, "true"},
	"cmp.Compare":             {`fmt.Println(cmp.Compare("a", "b"))`, "-1"},
	"cmp.Ordered":             {`fmt.Println(less[int](1, 2))`, "true"},
	"slices.Equal":            {`fmt.Println(slices.Equal([]int{1}, []int{1}))`, "true"},
	"slices.Sort":             {`s := []int{2, 1}; slices.Sort(s); fmt.Println(s)`, "[1 2]"},
	"slices.Reverse":          {`s := []int{2, 1}; slices.Reverse(s); fmt.Println(s)`, "[1 2]"},
	"slices.Max":              {`fmt.Println(slices.Max([]int{2, 1}))`, "2"},
	"maps.Clone":              {`fmt.Println(maps.Clone(map[int]int{1: 1}))`, "map[1:1]"},
	"maps.Keys":               {`fmt.Println(maps.Keys(map[int]int{1: 1}) != nil)`, "true"},
	"cmp.Or":                  {`fmt.Println(cmp.Or(0, 3))`, "3"},
	"slices.Insert":           {`fmt.Println(slices.Insert([]int{1}, 0, 2))`, "[2 1]"},
	"slices.Delete":           {`fmt.Println(slices.Delete([]int{1, 2}, 0, 1))`, "[2]"},
	"slices.DeleteFunc":       {`fmt.Println(slices.DeleteFunc([]int{1, 2}, func(a int) bool { return a == 1 }))`, "[2]"},
	"slices.Compact":          {`fmt.Println(slices.Compact([]int{1, 1, 2}))`, "[1 2]"},
	"slices.CompactFunc":      {`fmt.Println(slices.CompactFunc([]int{1, 1, 2}, func(a, b int) bool { return a == b }))`, "[1 2]"},
	"slices.Replace":          {`fmt.Println(slices.Replace([]int{1, 2}, 0, 1, 3, 4))`, "[3 4 2]"},
	"slices.Grow":             {`fmt.Println(cap(slices.Grow([]int(nil), 3)) >= 3)`, "true"},
	"slices.Clip":             {`fmt.Println(cap(slices.Clip(make([]int, 1, 5))))`, "1"},
	"slices.Concat":           {`fmt.Println(slices.Concat([]int{1}, []int{2}))`, "[1 2]"},
	"slices.Repeat":           {`fmt.Println(slices.Repeat([]int{1}, 2))`, "[1 1]"},
	"slices.Compare":          {`fmt.Println(slices.Compare([]int{1}, []int{2}))`, "-1"},
	"slices.IsSortedFunc":     {`fmt.Println(slices.IsSortedFunc([]int{2, 1}, func(a, b int) int { return a - b }))`, "false"},
	"slices.MinFunc":          {`fmt.Println(slices.MinFunc([]int{2, 1}, func(a, b int) int { return a - b }))`, "1"},
	"slices.MaxFunc":          {`fmt.Println(slices.MaxFunc([]int{2, 1}, func(a, b int) int { return a - b }))`, "2"},
	"slices.BinarySearchFunc": {`fmt.Println(slices.BinarySearchFunc([]int{1, 3}, 3, func(a, b int) int { return a - b }))`, "1 true"},
	"maps.Equal":              {`fmt.Println(maps.Equal(map[int]int{1: 1}, map[int]int{1: 1}))`, "true"},
	"maps.EqualFunc":          {`fmt.Println(maps.EqualFunc(map[int]int{1: 1}, map[int]int{1: 2}, func(a, b int) bool { return a < b }))`, "true"},
	"sync.OnceValue":          {`fmt.Println(sync.OnceValue(func() int { return 1 })())`, "1"},
	"sync.OnceValues":         {`fmt.Println(sync.OnceValues(func() (int, error) { return 1, nil })())`, "1 <nil>"},
}

func TestGenericLibraryAsMeasured(t *testing.T) {
	for name, c := range calls {
		call := c.code
		t.Run(name, func(t *testing.T) {
			pkg, _, _ := strings.Cut(name, ".")
			extra := ""
			if name == "cmp.Ordered" {
				extra = "func less[T cmp.Ordered](a, b T) bool { return a < b }\n\n"
			}
			src := fmt.Sprintf("package main\n\nimport (\n\t%q\n\t\"fmt\"\n)\n\n%sfunc main() {\n\t%s\n}\n", pkg, extra, call)
			var out, errb bytes.Buffer
			res := interpret(context.Background(), &Prepared{Source: src, Code: src, pm: &posMap{orig: src, lowered: src}}, Options{Stdout: &out, Stderr: &errb, Timeout: 5 * time.Second})
			works := res.Status == 0 && out.String() == c.want+"\n"
			if works != genericSupported[name] {
				t.Errorf("%s: runs=%v but genericSupported says %v (status %d, err %v, stdout %q)", name, works, genericSupported[name], res.Status, res.Err, out.String())
			}
			_, lowered := libCalls[name]
			_, nested := nestedCalls[name]
			if lowered || nested {
				out.Reset()
				res := Run(context.Background(), src, Options{Stdout: &out, Stderr: &errb, Timeout: 5 * time.Second})
				if res.Status != 0 || out.String() != c.want+"\n" {
					t.Errorf("%s, lowered: status %d, err %v, stdout %q", name, res.Status, res.Err, out.String())
				}
				if found := Detect(src); len(found) > 0 {
					t.Errorf("%s is lowered, yet Detect says %v", name, found)
				}
				return
			}
			if found := Detect(src); genericSupported[name] == (len(found) > 0) {
				t.Errorf("%s: Detect says %v", name, found)
			}
		})
	}
}
