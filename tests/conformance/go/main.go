// Conformance harness of errcat's Go target (declared by templates/go alone).
//
// Reads a generated catalog.json (the json target) at run time and checks, for
// every entry of every namespace, that the generated package agrees: lookup by
// namespace id + code through the registry, the typed constant (found in the
// generated source: TypeName_NAME of the namespace's type, with the code as
// its value), the typed value as an error (Error(), String()), the message in
// every catalog locale (and the fallbacks), HTTP status, retryable flag, docs
// URL, deprecation; and that codes a namespace does not have are rejected. It
// embeds no expected value, so it runs on any catalog.
//
// The run script next to this file builds it against the generated module
// (replacing the placeholder import path) and runs
//
//	conformance GEN/go GEN/json/catalog.json
//
// Every check is counted; each failure is printed with namespace, code, field,
// expected and actual; the last line is `conformance: N passed, M failed`, and
// the exit status is non-zero if M > 0.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"

	codes "errcat.invalid/generated"
)

type entry struct {
	Code       int64             `json:"code"`
	Name       string            `json:"name"`
	Message    map[string]string `json:"message"`
	HTTP       *int              `json:"http"`
	Retryable  bool              `json:"retryable"`
	DocURL     *string           `json:"doc_url"`
	Deprecated *struct {
		Reason string `json:"reason"`
	} `json:"deprecated"`
}

type namespace struct {
	ID      string  `json:"id"`
	Entries []entry `json:"entries"`
}

type catalog struct {
	Locales       []string    `json:"locales"`
	DefaultLocale string      `json:"default_locale"`
	Namespaces    []namespace `json:"namespaces"`
}

// constant is a typed constant declared in the generated source.
type constant struct {
	typ   string
	value int64
}

var (
	passed   int
	failures []string
)

// check is one counted assertion: actual must deep-equal expected.
func check(ns string, code interface{}, field string, expected, actual interface{}) bool {
	if reflect.DeepEqual(expected, actual) {
		passed++
		return true
	}
	line := fmt.Sprintf("FAIL %s %v %s: expected %#v, actual %#v", ns, code, field, expected, actual)
	failures = append(failures, line)
	fmt.Println(line)
	return false
}

// attempt runs f; a panic is a failed check of field.
func attempt(ns string, code interface{}, field string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			check(ns, code, field, "no panic", fmt.Sprintf("panic: %v", r))
		}
	}()
	f()
}

// constants reads every `const Name Type = value` of the generated package.
func constants(dir string) (map[string]constant, error) {
	found := map[string]constant{}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				v := spec.(*ast.ValueSpec)
				typ, ok := v.Type.(*ast.Ident)
				if !ok || len(v.Names) != 1 || len(v.Values) != 1 {
					continue
				}
				if value, ok := intLiteral(v.Values[0]); ok {
					found[v.Names[0].Name] = constant{typ.Name, value}
				}
			}
		}
	}
	return found, nil
}

func intLiteral(e ast.Expr) (int64, bool) {
	sign := ""
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.SUB {
		sign, e = "-", u.X
	}
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.INT {
		return 0, false
	}
	n, err := strconv.ParseInt(sign+lit.Value, 0, 64)
	return n, err == nil
}

type typed interface {
	error
	fmt.Stringer
	Info() *codes.Info
	Message(locale string) string
	HTTPStatus() int
	Retryable() bool
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: conformance GEN/go GEN/json/catalog.json")
		os.Exit(2)
	}
	consts, err := constants(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var cat catalog
	if err := json.Unmarshal(raw, &cat); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}

	ids := []string{}
	for _, ns := range cat.Namespaces {
		ids = append(ids, ns.ID)
	}
	sort.Strings(ids)
	check("-", "-", "Locales", cat.Locales, codes.Locales)
	check("-", "-", "DefaultLocale", cat.DefaultLocale, codes.DefaultLocale)
	check("-", "-", "NamespaceIDs", ids, codes.NamespaceIDs())
	check("-", "-", "Lookup (unknown namespace)", (*codes.Info)(nil), codes.Lookup("no.such.namespace", 0))
	check("-", "-", "NamespaceByID (unknown)", (*codes.Namespace)(nil), codes.NamespaceByID("no.such.namespace"))

	for _, ns := range cat.Namespaces {
		n := codes.NamespaceByID(ns.ID)
		if !check(ns.ID, "-", "registry entry", true, n != nil) {
			continue
		}
		check(ns.ID, "-", "ID", ns.ID, n.ID)
		check(ns.ID, "-", "entry count", len(ns.Entries), len(n.All()))
		var nsType reflect.Type
		present := map[int64]bool{}
		for _, e := range ns.Entries {
			present[e.Code] = true
			if t := checkEntry(cat, ns, n, e, consts); t != nil {
				check(ns.ID, e.Code, "one type per namespace", true, nsType == nil || nsType == t)
				nsType = t
			}
		}
		probes := []int64{0}
		if len(ns.Entries) > 0 {
			probes = []int64{ns.Entries[len(ns.Entries)-1].Code + 1, ns.Entries[0].Code - 1}
		}
		for _, absent := range probes {
			if present[absent] {
				continue
			}
			check(ns.ID, absent, "Lookup (absent code)", (*codes.Info)(nil), codes.Lookup(ns.ID, absent))
			check(ns.ID, absent, "Err (absent code)", nil, n.Err(absent))
			if nsType == nil || reflect.Zero(nsType).OverflowInt(absent) {
				continue
			}
			v := reflect.New(nsType).Elem()
			v.SetInt(absent)
			value := v.Interface().(typed)
			attempt(ns.ID, absent, "typed value (absent code)", func() {
				check(ns.ID, absent, "Info (absent code)", (*codes.Info)(nil), value.Info())
				check(ns.ID, absent, "Message (absent code)", "", value.Message(""))
				check(ns.ID, absent, "HTTPStatus (absent code)", 0, value.HTTPStatus())
				check(ns.ID, absent, "Error (absent code)", true, strings.Contains(value.Error(), "unknown code"))
			})
		}
	}
	fmt.Printf("conformance: %d passed, %d failed\n", passed, len(failures))
	if len(failures) > 0 {
		os.Exit(1)
	}
}

// checkEntry checks one entry; it returns the namespace's type, seen through the entry.
func checkEntry(cat catalog, ns namespace, n *codes.Namespace, e entry, consts map[string]constant) (t reflect.Type) {
	c := func(field string, expected, actual interface{}) bool {
		return check(ns.ID, e.Code, field, expected, actual)
	}
	attempt(ns.ID, e.Code, "entry", func() {
		info := codes.Lookup(ns.ID, e.Code)
		if !c("Lookup (found)", true, info != nil) {
			return
		}
		c("Name", e.Name, info.Name)
		c("Code", e.Code, info.Code)
		c("Namespace", ns.ID, info.Namespace)
		c("Namespace.Lookup (same Info)", info, n.Lookup(e.Code))
		http := 0
		if e.HTTP != nil {
			http = *e.HTTP
		}
		docURL, deprecated := "", ""
		if e.DocURL != nil {
			docURL = *e.DocURL
		}
		if e.Deprecated != nil {
			deprecated = e.Deprecated.Reason
		}
		c("HTTPStatus", http, info.HTTPStatus)
		c("Retryable", e.Retryable, info.Retryable)
		c("DocURL", docURL, info.DocURL)
		c("Deprecated", deprecated, info.Deprecated)

		err := n.Err(e.Code)
		value, ok := err.(typed)
		if !c("Err (a typed value with the code's methods)", true, ok) {
			return
		}
		t = reflect.TypeOf(err)
		c("type is an integer", true, t.Kind() == reflect.Int32 || t.Kind() == reflect.Int64)
		c("typed value", e.Code, reflect.ValueOf(err).Int())
		name := t.Name() + "_" + e.Name
		c("typed constant "+name, constant{t.Name(), e.Code}, consts[name])
		fallback := standIn(e.Message, cat.DefaultLocale, cat.Locales)
		c("Error()", e.Name+": "+fallback, err.Error())
		c("String()", e.Name, value.String())
		c("Info()", info, value.Info())
		c("typed HTTPStatus()", http, value.HTTPStatus())
		c("typed Retryable()", e.Retryable, value.Retryable())
		for i, locale := range cat.Locales {
			expected, ok := e.Message[locale]
			if !ok {
				expected = fallback
			}
			if i < len(info.Messages) {
				c(fmt.Sprintf("Messages[%d] (%s)", i, locale), expected, info.Messages[i])
			} else {
				c(fmt.Sprintf("Messages[%d] (%s)", i, locale), expected, nil)
			}
			c("Info.Message("+locale+")", expected, info.Message(locale))
			c("Message("+locale+")", expected, value.Message(locale))
			// Tags match in any case, with `_` for `-`.
			variant := strings.ReplaceAll(strings.ToUpper(locale), "-", "_")
			c("Message("+variant+")", expected, value.Message(variant))
		}
		c("Message (no locale)", fallback, value.Message(""))
		// No catalog locale is "x-none" (a language subtag has 2 or 3 letters).
		c("Message (unknown locale)", fallback, value.Message("x-none"))
	})
	return t
}

// standIn is the text that stands in where a locale has none: the default
// locale's, else (missing-translation lowered) the first the message has in
// catalog order.
func standIn(message map[string]string, defaultLocale string, locales []string) string {
	for _, l := range append([]string{defaultLocale}, locales...) {
		if m, ok := message[l]; ok {
			return m
		}
	}
	return ""
}
