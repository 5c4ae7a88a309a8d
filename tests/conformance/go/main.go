// Conformance harness of errcat's Go target (declared by templates/go alone).
//
// Reads a generated catalog.json (the json target) at run time and checks, for
// every entry of every namespace, that the generated package agrees: lookup by
// namespace id + code through the registry, the typed constant (found in the
// generated source: TypeName_NAME of the namespace's type, with the code as
// its value, marked Deprecated as go doc reads it when the entry is), the
// typed value as an error (Error(), String()), the message in
// every catalog locale (and the fallbacks), HTTP status, retryable flag, docs
// URL, deprecation; what go doc shows of each constant's and namespace type's
// doc comment (every line of the message, description, cause, solution and
// deprecation as written: paragraphs and preformatted lines only, no heading,
// list, link or curly quote made of a text); the typed formatter of every message with placeholders,
// in every locale; Error (its Error(), Unwrap, errors.Is and errors.As against
// the code, and its JSON: the shape every language's error writes); and that
// codes a namespace does not have are rejected. It embeds
// no expected value, so it runs on any catalog; the locale each tag of
// tests/conformance/locale-choice.json chooses (the table of the catalog's
// locales, which every language's harness checks alike) is read from there.
//
// Go cannot look up a package's functions by name at run time: the run script
// lists the generated package's exported functions in funcs (funcs.go, next to
// this file when it is built), and the formatters are found there by name.
//
// The run script next to this file builds it against the generated module
// (replacing the placeholder import path) and runs
//
//	conformance GEN/go GEN/json/catalog.json tests/conformance/locale-choice.json
//
// Every check is counted; each failure is printed with namespace, code, field,
// expected and actual; the last line is `conformance: N passed, M failed`, and
// the exit status is non-zero if M > 0.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	codes "errcat.invalid/generated"
)

type entry struct {
	Code        int64             `json:"code"`
	Name        string            `json:"name"`
	Params      []string          `json:"params"`
	Message     map[string]string `json:"message"`
	Description map[string]string `json:"description"`
	Cause       map[string]string `json:"cause"`
	Solution    map[string]string `json:"solution"`
	HTTP        *int              `json:"http"`
	Retryable   bool              `json:"retryable"`
	DocURL      *string           `json:"doc_url"`
	Deprecated  *struct {
		Reason     string  `json:"reason"`
		ReplacedBy *string `json:"replaced_by"`
	} `json:"deprecated"`
}

type namespace struct {
	ID          string            `json:"id"`
	Title       map[string]string `json:"title"`
	Description map[string]string `json:"description"`
	Entries     []entry           `json:"entries"`
}

type catalog struct {
	Version       *string             `json:"version"`
	Locales       []string            `json:"locales"`
	DefaultLocale string              `json:"default_locale"`
	Fallbacks     map[string][]string `json:"fallbacks"`
	Namespaces    []namespace         `json:"namespaces"`
}

// constant is a typed constant declared in the generated source.
type constant struct {
	typ   string
	value int64
	// deprecated is true when its doc comment has a paragraph that starts
	// "Deprecated: ", as go doc, gopls and staticcheck read it.
	deprecated bool
}

var (
	passed   int
	failures []string
	// funcs holds every exported function of the generated package, by name
	// (set by the generated funcs.go).
	funcs = map[string]interface{}{}
	// chosen holds the pairs of locale-choice.json's table for the catalog's
	// locales: the asked tag, the chosen locale or nil (none: the default locale).
	chosen [][]*string
)

type localeChoice struct {
	Catalogs []struct {
		Locales []string    `json:"locales"`
		Chosen  [][]*string `json:"chosen"`
	} `json:"catalogs"`
}

// check is one counted assertion: actual must deep-equal expected.
// majorSuffix is the suffix Go's semantic import versioning requires of the
// module path at a catalog version: "/vN" from major version 2 on, else none.
func majorSuffix(version *string) string {
	if version == nil {
		return ""
	}
	major, err := strconv.Atoi(strings.SplitN(*version, ".", 2)[0])
	if err != nil || major < 2 {
		return ""
	}
	return "/v" + strconv.Itoa(major)
}

// modulePathSuffix is the major version suffix ("/v2") of the module path in
// dir's go.mod, or "" when its last element is none.
func modulePathSuffix(dir string) string {
	raw, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return "unreadable go.mod: " + err.Error()
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "module ") {
			path := strings.TrimSpace(strings.TrimPrefix(line, "module "))
			last := path[strings.LastIndex(path, "/")+1:]
			if n, err := strconv.Atoi(strings.TrimPrefix(last, "v")); err == nil && last[0] == 'v' && n >= 2 {
				return "/" + last
			}
			return ""
		}
	}
	return "no module line in go.mod"
}

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

// deprecatedFuncs holds every package-level func whose doc has a "Deprecated: "
// paragraph, as constants reads them.
var deprecatedFuncs = map[string]bool{}

// docs holds the doc comment of every package-level constant and type, by name,
// as constants reads them.
var docs = map[string]*ast.CommentGroup{}

// constants reads every `const Name Type = value` of the generated package (and
// which funcs are deprecated).
func constants(dir string) (map[string]constant, error) {
	found := map[string]constant{}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil && deprecated(fn.Doc) {
				deprecatedFuncs[fn.Name.Name] = true
			}
			g, ok := decl.(*ast.GenDecl)
			if ok && g.Tok == token.TYPE && len(g.Specs) == 1 {
				docs[g.Specs[0].(*ast.TypeSpec).Name.Name] = g.Doc
			}
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
					found[v.Names[0].Name] = constant{typ.Name, value, deprecated(g.Doc)}
					docs[v.Names[0].Name] = g.Doc
				}
			}
		}
	}
	return found, nil
}

// deprecated tells whether doc has a "Deprecated: " paragraph.
func deprecated(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, paragraph := range strings.Split(doc.Text(), "\n\n") {
		if strings.HasPrefix(paragraph, "Deprecated: ") {
			return true
		}
	}
	return false
}

// shown is what go doc shows of a doc comment, line by line: each paragraph's and
// preformatted block's lines. Anything else (a heading, a list, a link or a link
// definition, a doc link to a name) is a failure, named in the second result. Every
// bracketed name counts as one the package or an import declares, so that no text
// could become a link, whatever the package holds.
func shown(doc *ast.CommentGroup) ([]string, string) {
	if doc == nil {
		return nil, "no doc comment"
	}
	p := comment.Parser{
		LookupPackage: func(name string) (string, bool) { return name, token.IsIdentifier(name) },
		LookupSym:     func(recv, name string) bool { return true },
	}
	d := p.Parse(doc.Text())
	if len(d.Links) > 0 {
		return nil, "a link definition"
	}
	var lines []string
	for _, block := range d.Content {
		switch b := block.(type) {
		case *comment.Paragraph:
			var s strings.Builder
			for _, t := range b.Text {
				switch t := t.(type) {
				case comment.Plain:
					s.WriteString(string(t))
				case *comment.Link:
					// A URL, shown as written.
					if !t.Auto {
						return nil, "a link"
					}
					for _, u := range t.Text {
						s.WriteString(string(u.(comment.Plain)))
					}
				default:
					return nil, fmt.Sprintf("%T in a paragraph", t)
				}
			}
			lines = append(lines, strings.Split(s.String(), "\n")...)
		case *comment.Code:
			for _, l := range strings.Split(b.Text, "\n") {
				if l != "" {
					lines = append(lines, l)
				}
			}
		default:
			return nil, fmt.Sprintf("a %T", b)
		}
	}
	return lines, ""
}

// visibleEscape is how a comment writes an invisible or control character.
var visibleEscape = regexp.MustCompile(`\\u\{([0-9a-f]+)\}`)

// textLines is what a doc comment shows of texts, each after its label: each line
// (split at every line break, trimmed, a tab a space), empty ones left out, and
// every `\u{…}` as its character, as in the shown lines it is compared with.
func textLines(labelled ...string) []string {
	unescape := func(s string) string {
		return visibleEscape.ReplaceAllStringFunc(s, func(e string) string {
			n, _ := strconv.ParseInt(visibleEscape.FindStringSubmatch(e)[1], 16, 32)
			return string(rune(n))
		})
	}
	lines := []string{}
	breaks := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n")
	for _, text := range labelled {
		for _, l := range strings.Split(breaks.Replace(text), "\n") {
			if l = strings.ReplaceAll(strings.TrimSpace(l), "\t", " "); l != "" {
				lines = append(lines, unescape(l))
			}
		}
	}
	return lines
}

// checkDoc checks that go doc shows of name's doc comment the lines of texts.
func checkDoc(ns string, code interface{}, name string, texts []string) {
	lines, problem := shown(docs[name])
	if problem == "" {
		lines = textLines(lines...)
	}
	check(ns, code, "doc comment of "+name, []interface{}{textLines(texts...), ""}, []interface{}{lines, problem})
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
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: conformance GEN/go GEN/json/catalog.json locale-choice.json")
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
	raw, err = os.ReadFile(os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var choice localeChoice
	if err := json.Unmarshal(raw, &choice); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, t := range choice.Catalogs {
		if reflect.DeepEqual(t.Locales, cat.Locales) {
			chosen = t.Chosen
		}
	}

	ids := []string{}
	for _, ns := range cat.Namespaces {
		ids = append(ids, ns.ID)
	}
	sort.Strings(ids)
	check("-", "-", "go.mod module path's major version suffix", majorSuffix(cat.Version), modulePathSuffix(os.Args[1]))
	check("-", "-", "Locales", cat.Locales, codes.Locales)
	check("-", "-", "DefaultLocale", cat.DefaultLocale, codes.DefaultLocale)
	check("-", "-", "NamespaceIDs", ids, codes.NamespaceIDs())
	check("-", "-", "Lookup (unknown namespace)", (*codes.Info)(nil), codes.Lookup("no.such.namespace", 0))
	check("-", "-", "NamespaceByID (unknown)", (*codes.Namespace)(nil), codes.NamespaceByID("no.such.namespace"))
	check("-", "-", fmt.Sprintf("a table of locale-choice.json for %q", cat.Locales), true, len(chosen) > 0)
	for _, pair := range chosen {
		asked, want := *pair[0], cat.DefaultLocale
		if pair[1] != nil {
			want = *pair[1]
		}
		attempt("-", "-", fmt.Sprintf("LocaleIndex(%q)", asked), func() {
			check("-", "-", fmt.Sprintf("LocaleIndex(%q)", asked), want, cat.Locales[codes.LocaleIndex(asked)])
		})
	}

	global := func(field string, expected, actual interface{}) bool { return check("-", "-", field, expected, actual) }
	attempt("-", "-", "JSON of an Error without a code, or a nil *Error", func() {
		checkJSON(global, "JSON (nil Code)", &codes.Error{Message: escapable}, nil, nil, nil, escapable)
		var none *codes.Error
		text, err := none.MarshalJSON()
		global("nil *Error: MarshalJSON", []interface{}{"null", nil}, []interface{}{string(text), err})
		text, err = json.Marshal(none)
		global("nil *Error: json.Marshal", []interface{}{"null", nil}, []interface{}{string(text), err})
		text, err = json.Marshal(map[string]error{"error": none})
		global("nil *Error in an error: json.Marshal", []interface{}{`{"error":null}`, nil}, []interface{}{string(text), err})
	})

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
		if nsType != nil {
			texts := []string{shownIn(cat, ns.Title, cat.DefaultLocale)}
			if ns.Description != nil {
				texts = append(texts, shownIn(cat, ns.Description, cat.DefaultLocale))
			}
			texts = append(texts, nsType.Name()+" is a code of the namespace "+ns.ID+"; it is an error.")
			checkDoc(ns.ID, "-", nsType.Name(), texts)
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
				// What every language says of a code its namespace lacks; an Error
				// with it reads the same (then its message, if it has one).
				unknown := fmt.Sprintf("code %d is not defined in namespace %s", absent, ns.ID)
				check(ns.ID, absent, "Error (absent code)", unknown, value.Error())
				code := value.(codes.Code)
				check(ns.ID, absent, "NewError (absent code)", unknown, codes.NewError(code, "", nil).Error())
				check(ns.ID, absent, "Error with a message (absent code)", unknown+": formatted: the cause",
					(&codes.Error{Code: code, Message: "formatted", Cause: errors.New("the cause")}).Error())
				// Its JSON has what is known: the namespace and number, no name.
				id, number := ns.ID, absent
				c := func(field string, expected, actual interface{}) bool {
					return check(ns.ID, absent, field, expected, actual)
				}
				checkJSON(c, "JSON of NewError (absent code)", codes.NewError(code, "", nil), &id, &number, nil, "")
				checkJSON(c, "JSON (absent code, a message to escape)", &codes.Error{Code: code, Message: escapable}, &id, &number, nil, escapable)
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
		c("typed constant "+name, constant{t.Name(), e.Code, e.Deprecated != nil}, consts[name])
		texts := []string{shownIn(cat, e.Message, cat.DefaultLocale)}
		for _, t := range []struct {
			label string
			text  map[string]string
		}{{"", e.Description}, {"Cause: ", e.Cause}, {"Solution: ", e.Solution}} {
			// A description that repeats the message is not said twice.
			if t.text != nil && !(t.label == "" && shownIn(cat, t.text, cat.DefaultLocale) == texts[0]) {
				texts = append(texts, t.label+shownIn(cat, t.text, cat.DefaultLocale))
			}
		}
		if e.Deprecated != nil {
			texts = append(texts, "Deprecated: "+e.Deprecated.Reason)
			if e.Deprecated.ReplacedBy != nil {
				texts = append(texts, "Use "+t.Name()+"_"+*e.Deprecated.ReplacedBy+" instead.")
			}
		}
		checkDoc(ns.ID, e.Code, name, texts)
		fromCode := reflect.ValueOf(funcs[t.Name()+"FromCode"])
		if c(t.Name()+"FromCode exists", true, fromCode.IsValid()) {
			got := fromCode.Call([]reflect.Value{reflect.ValueOf(e.Code)})
			c("FromCode", []interface{}{err, true}, []interface{}{got[0].Interface(), got[1].Interface()})
			// A code of a narrower type, widened by 2^32: not the namespace's, and
			// not converted into the code it wraps to.
			if t.Kind() == reflect.Int32 {
				got = fromCode.Call([]reflect.Value{reflect.ValueOf(e.Code + 1<<32)})
				c("FromCode (wrapping to the code)", []interface{}{reflect.Zero(t).Interface(), false}, []interface{}{got[0].Interface(), got[1].Interface()})
			}
		}
		// By name: the catalog's exactly, no other case, as in every language.
		fromName := reflect.ValueOf(funcs[t.Name()+"FromName"])
		if c(t.Name()+"FromName exists", true, fromName.IsValid()) {
			got := fromName.Call([]reflect.Value{reflect.ValueOf(e.Name)})
			c("FromName", []interface{}{err, true}, []interface{}{got[0].Interface(), got[1].Interface()})
			for _, miss := range []string{strings.ToLower(e.Name), "", "NO_SUCH_NAME_"} {
				if named(ns, miss) {
					continue
				}
				got = fromName.Call([]reflect.Value{reflect.ValueOf(miss)})
				c(fmt.Sprintf("FromName(%q)", miss), []interface{}{reflect.Zero(t).Interface(), false}, []interface{}{got[0].Interface(), got[1].Interface()})
				c(fmt.Sprintf("LookupName(%q)", miss), (*codes.Info)(nil), n.LookupName(miss))
			}
		}
		c("LookupName (same Info)", info, n.LookupName(e.Name))
		fallback := shownIn(cat, e.Message, cat.DefaultLocale)
		c("Error()", label(ns.ID, e)+": "+fallback, err.Error())
		c("String()", e.Name, value.String())
		c("Info()", info, value.Info())
		c("typed HTTPStatus()", http, value.HTTPStatus())
		c("typed Retryable()", e.Retryable, value.Retryable())
		for i, locale := range cat.Locales {
			expected := shownIn(cat, e.Message, locale)
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
			// The withdrawn code of its language (older Android reports `iw` for
			// Hebrew) finds the locale, as its language does.
			if legacy, ok := legacyVariant(locale); ok {
				c("Message("+legacy+")", expected, value.Message(legacy))
			}
			// A Kelvin sign lowers to `k` in Unicode but is no ASCII letter: no locale.
			if lang, _, _ := strings.Cut(locale, "-"); strings.Contains(lang, "k") {
				kelvin := strings.ReplaceAll(locale, "k", "\u212a")
				c(fmt.Sprintf("Message(%q)", kelvin), fallback, value.Message(kelvin))
			}
		}
		for _, pair := range chosen {
			want := fallback
			if pair[1] != nil {
				want = shownIn(cat, e.Message, *pair[1])
			}
			c(fmt.Sprintf("Message(%q)", *pair[0]), want, value.Message(*pair[0]))
		}
		c("Message (no locale)", fallback, value.Message(""))
		// No catalog locale is "x-none" (a language subtag has 2 or 3 letters).
		c("Message (unknown locale)", fallback, value.Message("x-none"))
		checkFormatter(cat, e, t.Name(), fallback, c)
		if code, ok := err.(codes.Code); c("a codes.Code", true, ok) {
			checkError(cat, ns.ID, e, code, fallback, c)
		}
		// Every lookup hands out a copy: changing what one returned (Messages
		// too) changes no later lookup's, nor any other goroutine's.
		messages := append([]string(nil), info.Messages...)
		for _, got := range []*codes.Info{info, value.Info()} {
			got.Name, got.HTTPStatus, got.Retryable = "CHANGED", 1, !e.Retryable
			for i := range got.Messages {
				got.Messages[i] = "changed"
			}
		}
		for i, got := range n.All() {
			got.Messages[0] = "changed"
			n.All()[i].Messages[0] = "changed"
		}
		again := codes.Lookup(ns.ID, e.Code)
		c("Lookup after changing returned copies", []interface{}{e.Name, http, e.Retryable, messages},
			[]interface{}{again.Name, again.HTTPStatus, again.Retryable, again.Messages})
		c("Message after changing returned copies", fallback, value.Message(""))
		c("Error() after changing returned copies", label(ns.ID, e)+": "+fallback, err.Error())
	})
	return t
}

// checkFormatter finds the formatter of e (TypeName_FormatEntryName, matched
// ignoring case and underscores) and calls it in every locale with a distinct
// value per parameter: it must give the locale's text (or the one that stands
// in) with each placeholder replaced by its value.
func checkFormatter(cat catalog, e entry, typeName string, fallback string, c func(string, interface{}, interface{}) bool) {
	squash := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }
	wanted := squash(typeName + "Format" + e.Name)
	var name string
	for n := range funcs {
		if squash(n) == wanted {
			name = n
		}
	}
	if len(e.Params) == 0 {
		c("formatter (none without params)", "", name)
		return
	}
	if !c("formatter "+typeName+"_Format… (found)", true, name != "") {
		return
	}
	// A deprecated code's formatter is deprecated too, for gopls and staticcheck.
	c(name+" deprecated", e.Deprecated != nil, deprecatedFuncs[name])
	f := reflect.ValueOf(funcs[name])
	ft := f.Type()
	typedOK := ft.NumIn() == len(e.Params)+1 && ft.NumOut() == 1 && ft.Out(0).Kind() == reflect.String
	for i := 0; typedOK && i < ft.NumIn(); i++ {
		typedOK = ft.In(i).Kind() == reflect.String
	}
	if !c(name+" (func(locale string, one string per param) string)", true, typedOK) {
		return
	}
	values := map[string]string{}
	args := []reflect.Value{reflect.ValueOf("")}
	for i, p := range e.Params {
		values[p] = fmt.Sprintf("<%d:%s>", i, p)
		args = append(args, reflect.ValueOf(values[p]))
	}
	for _, locale := range cat.Locales {
		text := shownIn(cat, e.Message, locale)
		args[0] = reflect.ValueOf(locale)
		c(name+"("+locale+")", substitute(text, values), f.Call(args)[0].String())
	}
	args[0] = reflect.ValueOf("x-none")
	c(name+"(unknown locale)", substitute(fallback, values), f.Call(args)[0].String())
	// An empty string is a value, as in every language.
	empty := map[string]string{}
	for i, p := range e.Params {
		empty[p] = ""
		args[i+1] = reflect.ValueOf("")
	}
	for _, locale := range cat.Locales {
		args[0] = reflect.ValueOf(locale)
		c(name+"("+locale+", empty values)", substitute(shownIn(cat, e.Message, locale), empty), f.Call(args)[0].String())
	}
}

// substitute replaces each placeholder of s ({name}: a lower_snake name in
// single braces, not inside {{ }}, one of values) with its value; every other
// brace is text.
func substitute(s string, values map[string]string) string {
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '{' && (i == 0 || s[i-1] != '{') && (i+1 >= len(s) || s[i+1] != '{') {
			j := i + 1
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' || s[j] == '_') {
				j++
			}
			closes := j < len(s) && s[j] == '}' && (j+1 >= len(s) || s[j+1] != '}')
			name := s[i+1 : j]
			if v, ok := values[name]; closes && name != "" && name[0] >= 'a' && name[0] <= 'z' && ok {
				out.WriteString(v)
				i = j
				continue
			}
		}
		out.WriteByte(s[i])
	}
	return out.String()
}

// named tells whether an entry of ns has the name.
func named(ns namespace, name string) bool {
	for _, e := range ns.Entries {
		if e.Name == name {
			return true
		}
	}
	return false
}

// label is a code as errors show it: "NAME (ns/code)".
func label(ns string, e entry) string {
	return fmt.Sprintf("%s (%s/%d)", e.Name, ns, e.Code)
}

// checkError checks codes.Error with code: its message in every locale, its
// Error() text with and without a cause, Unwrap, and errors.Is / errors.As
// through a wrapping error.
func checkError(cat catalog, ns string, e entry, code codes.Code, fallback string, c func(string, interface{}, interface{}) bool) {
	for _, locale := range cat.Locales {
		expected := shownIn(cat, e.Message, locale)
		err := codes.NewError(code, locale, nil)
		c("NewError("+locale+").Message", expected, err.Message)
		c("NewError("+locale+").Error()", label(ns, e)+": "+expected, err.Error())
		c("NewError("+locale+").Unwrap()", nil, err.Unwrap())
	}
	cause := errors.New("the cause")
	err := &codes.Error{Code: code, Message: "formatted", Cause: cause}
	c("Error() (with a cause)", label(ns, e)+": formatted: the cause", err.Error())
	c("Unwrap() (the cause)", cause, errors.Unwrap(err))
	wrapped := fmt.Errorf("wrapped: %w", err)
	c("errors.Is (the code)", true, errors.Is(wrapped, code))
	c("errors.Is (the cause)", true, errors.Is(wrapped, cause))
	other := reflect.New(reflect.TypeOf(code)).Elem()
	other.SetInt(reflect.ValueOf(code).Int() ^ 1)
	c("errors.Is (another code)", false, errors.Is(wrapped, other.Interface().(error)))
	var asError *codes.Error
	c("errors.As (*Error)", true, errors.As(wrapped, &asError) && asError == err)
	var asCode codes.Code
	c("errors.As (Code)", true, errors.As(wrapped, &asCode) && asCode == code)
	typed := reflect.New(reflect.TypeOf(code))
	c("errors.As (the namespace's type)", true, errors.As(wrapped, typed.Interface()) && typed.Elem().Interface() == code)
	var notCoded *strconv.NumError
	c("errors.As (an unrelated type)", false, errors.As(wrapped, &notCoded))
	c("errors.Is (a bare code, no Error)", false, errors.Is(cause, code))
	// A nil *Error in an error interface: its methods answer, they do not panic.
	var none *codes.Error
	var nilErr error = none
	c("nil *Error: Error()", "<nil>", nilErr.Error())
	c("nil *Error: errors.Is", false, errors.Is(nilErr, code))
	c("nil *Error: errors.As", false, errors.As(nilErr, &asCode))
	c("nil *Error: Unwrap", nil, errors.Unwrap(nilErr))
	// JSON: the shape every language's error writes.
	id, number := ns, e.Code
	checkJSON(c, "JSON of NewError", codes.NewError(code, "", nil), &id, &number, &e.Name, fallback)
	checkJSON(c, "JSON (a message to escape)", &codes.Error{Code: code, Message: escapable, Cause: cause}, &id, &number, &e.Name, escapable)
}

// escapable is a message with what a JSON string escapes, and what it need not:
// a quote, a backslash, a new line, U+0001, HTML's specials, a non-ASCII
// letter, U+2028 (which encoding/json escapes and JSON.stringify does not).
const escapable = "a \"quote\", a \\ backslash,\na new line, \u0001, <b>&amp;</b>, \u00e9t\u00e9, \u2028."

// jsonString is s as JavaScript's JSON.stringify writes it, except U+2028 and
// U+2029 as \u2028 and \u2029, as encoding/json always writes them; with
// legacy, U+0008 and U+000C as \u0008 and \u000c, as encoding/json wrote
// them before Go 1.22 (\b and \f since).
func jsonString(s string, legacy bool) string {
	var out strings.Builder
	out.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			out.WriteString(`\"`)
		case r == '\\':
			out.WriteString(`\\`)
		case r == '\n':
			out.WriteString(`\n`)
		case r == '\r':
			out.WriteString(`\r`)
		case r == '\t':
			out.WriteString(`\t`)
		case r == '\b' && !legacy:
			out.WriteString(`\b`)
		case r == '\f' && !legacy:
			out.WriteString(`\f`)
		case r < 0x20 || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&out, `\u%04x`, r)
		default:
			out.WriteRune(r)
		}
	}
	out.WriteByte('"')
	return out.String()
}

// errorJSON is the text of an Error's JSON object, member by member (nil is null).
func errorJSON(namespace *string, code *int64, name *string, message string, legacy bool) string {
	orNull := func(s *string) string {
		if s == nil {
			return "null"
		}
		return jsonString(*s, legacy)
	}
	number := "null"
	if code != nil {
		number = strconv.FormatInt(*code, 10)
	}
	return `{"namespace":` + orNull(namespace) + `,"code":` + number + `,"name":` + orNull(name) +
		`,"message":` + jsonString(message, legacy) + `}`
}

// members reads a JSON object: its member names in the order written (twice if
// written twice) and their values (a number as a json.Number).
func members(raw []byte) ([]string, map[string]interface{}, error) {
	d := json.NewDecoder(strings.NewReader(string(raw)))
	d.UseNumber()
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return nil, nil, fmt.Errorf("not an object: %q", raw)
	}
	names, values := []string{}, map[string]interface{}{}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return nil, nil, err
		}
		var v interface{}
		if err := d.Decode(&v); err != nil {
			return nil, nil, err
		}
		names = append(names, t.(string))
		values[t.(string)] = v
	}
	if _, err := d.Token(); err != nil {
		return nil, nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, nil, fmt.Errorf("more after the object: %q", raw)
	}
	return names, values, nil
}

// checkJSON checks what err writes as JSON, expecting its namespace, code and
// name (nil: null) and message: through json.Marshal, exactly the four members
// in order with those values (its message round-trips), and HTML's specials
// escaped; through an Encoder with SetEscapeHTML(false), the text errorJSON
// builds; inside a value, through an error interface, the same.
func checkJSON(c func(string, interface{}, interface{}) bool, what string, err *codes.Error, namespace *string, code *int64, name *string, message string) {
	raw, marshalErr := json.Marshal(err)
	if !c(what+": json.Marshal succeeds", nil, marshalErr) {
		return
	}
	names, values, readErr := members(raw)
	c(what+": members in order", []interface{}{[]string{"namespace", "code", "name", "message"}, nil}, []interface{}{names, readErr})
	want := map[string]interface{}{"namespace": nil, "code": nil, "name": nil, "message": message}
	if namespace != nil {
		want["namespace"] = *namespace
	}
	if code != nil {
		want["code"] = json.Number(strconv.FormatInt(*code, 10))
	}
	if name != nil {
		want["name"] = *name
	}
	c(what+": member values", want, values)
	var decoded struct{ Message string }
	c(what+": message round-trips", []interface{}{message, nil}, []interface{}{decoded.Message, json.Unmarshal(raw, &decoded)})

	var text strings.Builder
	encoder := json.NewEncoder(&text)
	encoder.SetEscapeHTML(false)
	encodeErr := encoder.Encode(err)
	exact := errorJSON(namespace, code, name, message, false)
	if legacy := errorJSON(namespace, code, name, message, true); text.String() == legacy+"\n" {
		exact = legacy
	}
	c(what+": Encoder (SetEscapeHTML(false)) text", []interface{}{exact + "\n", nil}, []interface{}{text.String(), encodeErr})
	html := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`)
	c(what+": json.Marshal text", html.Replace(exact), string(raw))
	var inside error = err
	nested, nestedErr := json.Marshal(map[string]error{"error": inside})
	c(what+": json.Marshal of an error holding it", []interface{}{`{"error":` + string(raw) + `}`, nil}, []interface{}{string(nested), nestedErr})
}

// shownIn is the text locale shows: its own, else the first of its fallbacks'
// that the message has, else the default locale's: its own, its fallbacks',
// else (missing-translation lowered) the first the message has in catalog
// order.
func shownIn(cat catalog, message map[string]string, locale string) string {
	chain := append([]string{locale}, cat.Fallbacks[locale]...)
	chain = append(append(chain, cat.DefaultLocale), cat.Fallbacks[cat.DefaultLocale]...)
	for _, l := range append(chain, cat.Locales...) {
		if m, ok := message[l]; ok {
			return m
		}
	}
	return ""
}

// legacyVariant is tag with the withdrawn code of its language (iw for he), if
// it has one.
func legacyVariant(tag string) (string, bool) {
	lang, rest, hasRest := strings.Cut(tag, "-")
	withdrawn, ok := map[string]string{"he": "iw", "id": "in", "yi": "ji"}[lang]
	if !ok {
		return "", false
	}
	if hasRest {
		return withdrawn + "-" + rest, true
	}
	return withdrawn, true
}
