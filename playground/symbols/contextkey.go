package symbols

// contextKey is a context key of one of the program's types, as the
// source pass hands it to package context (ContextKey): the interpreter
// holds a value of the program's type as a value of its underlying type,
// so that ctxKey("user") was the key "user", and a context printed it as
// user where Go prints main.ctxKey. Two keys are equal when their types
// (the name reflect gives, and the source pass's number for the type, which
// tells apart two types of one name declared in different functions) and
// their values are, as Go compares keys of one type.
type contextKey struct {
	name string
	id   int
	v    any
}

// String is what package context prints of a key that is no Stringer:
// its type's name.
func (k contextKey) String() string { return k.name }

// ContextKey wraps a context key of the program's type named name.
func ContextKey(v any, name string, id int) any { return contextKey{name, id, v} }
