package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// TestOnly checks only's reading of type sets on each parameter of f
// below: the parameter's name says which predicate holds for it.
func TestOnly(t *testing.T) {
	const src = `package p

type Str interface{ ~string | ~int }
type Text string
type MyS interface{ ~string }
type Stringer interface{ String() string }

func f[
	chanC ~chan int,
	chanRecv ~<-chan int | ~chan int,
	chanNamed interface{ ~chan int; Stringer },
	stringS ~string,
	stringI interface{ Str; ~string },
	stringU Text | MyS,
	funcF interface{ Stringer; ~func() },
	funcU ~func(int) | ~func(),
	noneAny any,
	noneMethods Stringer,
	noneMixed ~string | ~chan int,
	noneStr Str,
	noneComparable comparable,
](chanC, chanRecv, chanNamed, stringS, stringI, stringU, funcF, funcU, noneAny, noneMethods, noneMixed, noneStr, noneComparable) {
}

var plain chan int
var named Text
var fn func()
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var conf types.Config
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	if _, err := conf.Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	preds := map[string]func(types.Type) bool{"chan": isChan, "string": isString, "func": isSignature}
	checked := 0
	for id, obj := range info.Defs {
		tn, ok := obj.(*types.TypeName)
		var ty types.Type
		switch {
		case ok && isTypeParam(tn.Type()):
			ty = tn.Type()
		case id.Name == "plain" || id.Name == "named" || id.Name == "fn":
			ty = obj.Type()
		default:
			continue
		}
		want := map[string]bool{
			"chan":   strings.HasPrefix(id.Name, "chan") || id.Name == "plain",
			"string": strings.HasPrefix(id.Name, "string") || id.Name == "named",
			"func":   strings.HasPrefix(id.Name, "func") || id.Name == "fn",
		}
		for name, pred := range preds {
			if got := only(ty, pred); got != want[name] {
				t.Errorf("only(%s, is %s) = %v, want %v", id.Name, name, got, want[name])
			}
		}
		checked++
	}
	if checked != 16 {
		t.Errorf("checked %d types, want 16", checked)
	}
	if only(nil, isChan) {
		t.Error("only(nil) = true")
	}
}
