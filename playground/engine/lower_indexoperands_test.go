package engine

var _ = addCases("indexOperands",
	// Go reads k before assigning it: m["a"] is set.
	rewriteCase{
		body: `k := "a"
m := map[string]int{}
k, m[k] = "b", 5
fmt.Println(k, m)`,
		lowered: `k := "a"
m := map[string]int{}
{ _lowerK1 := k; k, m[_lowerK1] = "b", 5 }
fmt.Println(k, m)`,
		out: "b map[a:5]\n",
	},
	// A field assigned, read as an index on the same left side.
	rewriteCase{
		decls: `type cursor struct{ key string }`,
		body: `c := cursor{"a"}
seen := map[string]int{}
c.key, seen[c.key] = "b", 1
fmt.Println(c, seen)`,
		lowered: `c := cursor{"a"}
seen := map[string]int{}
{ _lowerK1 := c.key; c.key, seen[_lowerK1] = "b", 1 }
fmt.Println(c, seen)`,
		out: "{b} map[a:1]\n",
	},
	// An index that only reads other variables, or a slice's, the same.
	rewriteCase{
		body: `i, j := 0, 1
xs := []int{0, 0}
m := map[int]int{}
i, xs[i], m[i+j] = 1, 9, 7
fmt.Println(i, xs, m)`,
		lowered: `i, j := 0, 1
xs := []int{0, 0}
m := map[int]int{}
{ _lowerK1 := i; _lowerK2 := i+j; i, xs[_lowerK1], m[_lowerK2] = 1, 9, 7 }
fmt.Println(i, xs, m)`,
		out: "1 [9 0] map[1:7]\n",
	},
)
