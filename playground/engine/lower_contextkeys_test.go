package engine

import (
	"strings"
	"testing"
)

var _ = addCases("contextKeys",
	// Keys of the program's types: found by a key of the same type and
	// value only, and printed by their type's name.
	rewriteCase{
		decls: `type ctxKey string

type idKey struct{ a, b int }

func mk(i int) idKey { return idKey{i, i} }

func user(ctx context.Context) any { return ctx.Value(ctxKey("user")) }`,
		body: `ctx := context.WithValue(context.Background(), ctxKey("user"), "gopher")
ctx = context.WithValue(ctx, mk(1), 7)
ctx = context.WithValue(ctx, &idKey{}, "ptr")
fmt.Println(user(ctx), ctx.Value("user"), ctx.Value(mk(1)), ctx.Value(idKey{1, 1}), ctx.Value(struct{ a, b int }{1, 1}))
fmt.Println(ctx)`,
		lowered: `ctx := context.WithValue(context.Background(), _lowerRT.ContextKey(ctxKey("user"), "main.ctxKey", 1), "gopher")
ctx = context.WithValue(ctx, _lowerRT.ContextKey([]idKey{mk(1)}[0], "main.idKey", 2), 7)
ctx = context.WithValue(ctx, _lowerRT.ContextKey(&idKey{}, "*main.idKey", 3), "ptr")
fmt.Println(user(ctx), ctx.Value("user"), ctx.Value(_lowerRT.ContextKey([]idKey{mk(1)}[0], "main.idKey", 2)), ctx.Value(_lowerRT.ContextKey(idKey{1, 1}, "main.idKey", 2)), ctx.Value(_lowerRT.ContextKey(struct{ a, b int }{1, 1}, "struct { a int; b int }", 4)))
fmt.Println(ctx)`,
		loweredDecls: `type ctxKey string

type idKey struct{ a, b int }

func mk(i int) idKey { return idKey{i, i} }

func user(ctx context.Context) any { return ctx.Value(_lowerRT.ContextKey(ctxKey("user"), "main.ctxKey", 1)) }`,
		out: "gopher <nil> 7 7 <nil>\ncontext.Background.WithValue(main.ctxKey, gopher).WithValue(main.idKey, int).WithValue(*main.idKey, ptr)\n",
	},
)

// What contextKeys cannot make exact is announced: a key held in an
// interface, a value of the program's type (a printed context names its
// type), a type declared in a function, a key type with String.
func TestContextKeysLeft(t *testing.T) {
	for _, body := range []string{
		"func get(ctx context.Context, k any) any { return ctx.Value(k) }\n\nfunc main() {\n\tfmt.Println(get(context.WithValue(context.Background(), key(1), 1), key(1)))\n}\n",
		"type User struct{ Name string }\n\nfunc main() {\n\tfmt.Println(context.WithValue(context.Background(), key(1), User{\"ann\"}))\n}\n",
		"func main() {\n\ttype local int\n\tfmt.Println(context.WithValue(context.Background(), local(1), 1))\n}\n",
		"func (k key) String() string { return \"k\" }\n\nfunc main() {\n\tfmt.Println(context.WithValue(context.Background(), key(1), 1).Value(1))\n}\n",
		"type my struct{ context.Context }\n\nfunc (my) Value(k any) any { return k == key(1) }\n\nfunc main() {\n\tfmt.Println(context.WithValue(my{context.Background()}, key(1), 1).Value(key(1)))\n}\n",
	} {
		src := "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\ntype key int\n\n" + body
		p, err := Prepare(src)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.HandOver(), "context") {
			t.Errorf("not announced:\n%s", src)
		}
	}
}
