// Package headers reads the site's _headers file, the host's format for
// HTTP response headers, so that the servers the project runs itself (the
// dev server, the browser tests' server) answer with exactly the headers
// the hosted site sends: the same Content-Security-Policy, the same
// sandbox for the playground's frame, the same caching.
//
// The format: a line holding a path pattern starts a rule; the indented
// "Name: value" lines under it are its headers; # starts a comment. In a
// pattern, * matches the rest of the path and :name one segment. Every
// rule whose pattern matches a path applies, in file order, and a later
// rule's value of a header replaces an earlier one's, as Netlify's own
// tools apply them (the site sets Cache-Control in two rules that way).
package headers

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Rule is one path pattern and its headers, in file order.
type Rule struct {
	Pattern string
	Values  [][2]string
	re      *regexp.Regexp
}

// Rules are the rules of one file, in order.
type Rules []Rule

// Parse reads a _headers file. Errors name the line.
func Parse(b []byte) (Rules, error) {
	var rules Rules
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line[0] != ' ' && line[0] != '\t':
			if !strings.HasPrefix(trimmed, "/") {
				return nil, fmt.Errorf("_headers:%d: a rule starts with a path (/...), not %q", n, trimmed)
			}
			rules = append(rules, Rule{Pattern: trimmed, re: compile(trimmed)})
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok || len(rules) == 0 || strings.TrimSpace(name) == "" {
				return nil, fmt.Errorf("_headers:%d: want \"Name: value\" indented under a path, got %q", n, trimmed)
			}
			r := &rules[len(rules)-1]
			r.Values = append(r.Values, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	return rules, sc.Err()
}

func compile(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i, seg := range strings.Split(pattern, "/") {
		if i > 0 {
			b.WriteString("/")
		}
		if strings.HasPrefix(seg, ":") {
			b.WriteString("[^/]+")
			continue
		}
		for j, part := range strings.Split(seg, "*") {
			if j > 0 {
				b.WriteString(".*")
			}
			b.WriteString(regexp.QuoteMeta(part))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// Apply sets on h the headers of every rule that matches path.
func (rs Rules) Apply(h http.Header, path string) {
	for _, r := range rs {
		if r.re.MatchString(path) {
			for _, v := range r.Values {
				h.Set(v[0], v[1])
			}
		}
	}
}

// For returns the headers of path.
func (rs Rules) For(path string) http.Header {
	h := http.Header{}
	rs.Apply(h, path)
	return h
}

// Load reads dir/_headers; a directory without one has no rules.
func Load(dir string) (Rules, error) {
	b, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(b)
}
