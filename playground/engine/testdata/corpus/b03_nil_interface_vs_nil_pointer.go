package main

// An interface holding a nil pointer is not a nil interface: it still carries a dynamic type.
import "fmt"

type LookupError struct{ key string }

func (e *LookupError) Error() string {
	if e == nil {
		return "nil *LookupError"
	}
	return "no such key: " + e.key
}

func lookup(key string) *LookupError {
	if key == "" {
		return &LookupError{key: "(empty)"}
	}
	return nil
}

// Buggy: the nil *LookupError is wrapped in a non-nil error.
func validate(key string) error {
	return lookup(key)
}

// Fixed: return a literal nil when there is no error.
func validateFixed(key string) error {
	if e := lookup(key); e != nil {
		return e
	}
	return nil
}

func main() {
	var zero error
	fmt.Printf("zero error: nil=%v type=%T\n", zero == nil, zero)

	err := validate("id")
	fmt.Printf("validate: nil=%v type=%T msg=%q\n", err == nil, err, err.Error())

	err = validateFixed("id")
	fmt.Printf("validateFixed: nil=%v type=%T\n", err == nil, err)

	err = validateFixed("")
	fmt.Println("validateFixed(\"\"):", err)
}

// Output:
// zero error: nil=true type=<nil>
// validate: nil=false type=*main.LookupError msg="nil *LookupError"
// validateFixed: nil=true type=<nil>
// validateFixed(""): no such key: (empty)
