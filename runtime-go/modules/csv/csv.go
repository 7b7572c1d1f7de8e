// Package csv is CPython 2.7's _csv module (csv.py is built on it): the
// reader's character state machine and the writer's quoting rules are
// _csv.c's, so edge cases (doubled quotes, escapes, empty fields, strict
// mode, QUOTE_NONNUMERIC floats) come out as in CPython.
//
// Members:
//
//	reader(iterable[, dialect], **fmtparams)  iterator of field lists;
//	                                          line_num, dialect
//	writer(fileobj[, dialect], **fmtparams)   writerow, writerows, dialect
//	Dialect                                   validated formatting parameters
//	register_dialect unregister_dialect get_dialect list_dialects _dialects
//	field_size_limit([limit])
//	Error QUOTE_MINIMAL QUOTE_ALL QUOTE_NONNUMERIC QUOTE_NONE __version__
package csv

import (
	"math/big"
	"strconv"
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

const (
	quoteMinimal = iota
	quoteAll
	quoteNonnumeric
	quoteNone
)

var (
	errorType, dialectType, readerType, writerType *py.Type
	registry                                       = py.NewDict()
	limitMu                                        sync.Mutex
	fieldLimit                                     = 131072
)

// dialect is a validated _csv.Dialect; -1 marks an unset character.
type dialect struct {
	delimiter, quotechar, escapechar rune
	doublequote, skipinitialspace    bool
	strict                           bool
	lineterminator                   string
	quoting                          int
}

func (d *dialect) Type() *py.Type { return dialectType }

// boolInt is how 2.7 exposes the dialect's flag members: as 0 or 1.
func boolInt(b bool) py.Object {
	if b {
		return py.NewInt(1)
	}
	return py.NewInt(0)
}

func charObj(c rune) py.Object {
	if c < 0 {
		return py.None
	}
	return py.NewStr(string(byte(c)))
}

func init() {
	errorType = native.NewExceptionClass("_csv", "Error", py.ExceptionType)
	getter := func(fn func(d *dialect) py.Object) func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
		return func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return fn(s.(*dialect)), nil }
	}
	dialectType = native.NewType(native.TypeSpec{Name: "Dialect", Module: "_csv",
		Doc: "CSV dialect",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return newDialect(f, args, kw)
		},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"delimiter":        getter(func(d *dialect) py.Object { return charObj(d.delimiter) }),
			"quotechar":        getter(func(d *dialect) py.Object { return charObj(d.quotechar) }),
			"escapechar":       getter(func(d *dialect) py.Object { return charObj(d.escapechar) }),
			"doublequote":      getter(func(d *dialect) py.Object { return boolInt(d.doublequote) }),
			"skipinitialspace": getter(func(d *dialect) py.Object { return boolInt(d.skipinitialspace) }),
			"strict":           getter(func(d *dialect) py.Object { return boolInt(d.strict) }),
			"lineterminator":   getter(func(d *dialect) py.Object { return py.NewStr(d.lineterminator) }),
			"quoting":          getter(func(d *dialect) py.Object { return py.NewInt(int64(d.quoting)) }),
		},
	})
	readerType = native.NewType(native.TypeSpec{Name: "reader", Module: "_csv",
		Methods: map[string]native.Method{"__iter__": native.SelfIter, "next": native.NextMethod},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"dialect": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*reader).d, nil },
			"line_num": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewLong(big.NewInt(int64(s.(*reader).lineNum))), nil
			},
		}})
	writerType = native.NewType(native.TypeSpec{Name: "writer", Module: "_csv",
		Methods: map[string]native.Method{"writerow": writerow, "writerows": writerows},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"dialect": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*writer).d, nil },
		}})
	native.Register("_csv", "CSV parsing and writing.", func() []native.Member {
		return []native.Member{
			native.F("reader", newReader), native.F("writer", newWriter),
			native.V("Dialect", dialectType), native.V("Error", errorType),
			native.F("register_dialect", registerDialect), native.F("unregister_dialect", unregisterDialect),
			native.F("get_dialect", getDialect), native.F("list_dialects", listDialects),
			native.F("field_size_limit", fieldSizeLimit), native.V("_dialects", registry),
			native.V("QUOTE_MINIMAL", py.NewInt(quoteMinimal)), native.V("QUOTE_ALL", py.NewInt(quoteAll)),
			native.V("QUOTE_NONNUMERIC", py.NewInt(quoteNonnumeric)), native.V("QUOTE_NONE", py.NewInt(quoteNone)),
			native.V("__version__", py.NewStr("1.0")),
		}
	})
}

var dialectParams = []string{"dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"}

// newDialect is dialect_new: a base dialect (name, object or Dialect)
// with keyword overrides, then validation.
func newDialect(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, len(dialectParams))
	if err := native.ParseKw("Dialect", args, kw, dialectParams, 0, out); err != nil {
		return nil, err
	}
	base := out[0]
	if s, ok := base.(*py.Str); ok {
		d, err := registry.Get(f, s)
		if err != nil {
			return nil, err
		}
		if d == nil {
			return nil, py.NewException(errorType, "unknown dialect")
		}
		base = d
	}
	if d, ok := base.(*dialect); ok && len(args) <= 1 && len(kw) == 0 {
		return d, nil
	}
	attr := func(i int) py.Object {
		if out[i] != nil {
			return out[i]
		}
		if base != nil {
			if v, err := py.GetAttr(f, base, dialectParams[i]); err == nil {
				return v
			}
		}
		return nil
	}
	d := &dialect{delimiter: ',', quotechar: '"', escapechar: -1, doublequote: true, lineterminator: "\r\n"}
	setChar := func(name string, o py.Object, target *rune) *py.BaseException {
		if o == nil {
			return nil
		}
		*target = -1
		if o == py.None {
			return nil
		}
		s, ok := o.(*py.Str)
		if !ok {
			return py.NewTypeError("\"" + name + "\" must be string, not " + o.Type().Name())
		}
		if len(s.Value()) > 1 {
			return py.NewTypeError("\"" + name + "\" must be an 1-character string")
		}
		if len(s.Value()) == 1 {
			*target = rune(s.Value()[0])
		}
		return nil
	}
	setBool := func(o py.Object, target *bool) *py.BaseException {
		if o == nil {
			return nil
		}
		t, err := py.IsTrue(f, o)
		*target = t
		return err
	}
	if err := setChar("delimiter", attr(1), &d.delimiter); err != nil {
		return nil, err
	}
	if err := setBool(attr(2), &d.doublequote); err != nil {
		return nil, err
	}
	if err := setChar("escapechar", attr(3), &d.escapechar); err != nil {
		return nil, err
	}
	if lt := attr(4); lt != nil {
		switch v := lt.(type) {
		case *py.Str:
			d.lineterminator = v.Value()
		case *py.NoneObject:
			d.lineterminator = ""
		default:
			return nil, py.NewTypeError("\"lineterminator\" must be a string")
		}
	}
	qc := attr(5)
	if err := setChar("quotechar", qc, &d.quotechar); err != nil {
		return nil, err
	}
	q := attr(6)
	if q != nil {
		n, ok := q.(*py.Int)
		if !ok {
			return nil, py.NewTypeError("\"quoting\" must be an integer")
		}
		d.quoting = int(n.Value())
	}
	if err := setBool(attr(7), &d.skipinitialspace); err != nil {
		return nil, err
	}
	if err := setBool(attr(8), &d.strict); err != nil {
		return nil, err
	}
	if qc == py.None && q == nil {
		d.quoting = quoteNone
	}
	if d.quoting < quoteMinimal || d.quoting > quoteNone {
		return nil, py.NewTypeError("bad \"quoting\" value")
	}
	if d.delimiter < 0 {
		return nil, py.NewTypeError("\"delimiter\" must be an 1-character string")
	}
	if d.quoting != quoteNone && d.quotechar < 0 {
		return nil, py.NewTypeError("quotechar must be set if quoting enabled")
	}
	if d.lineterminator == "" && (attr(4) == nil || attr(4) == py.None) {
		return nil, py.NewTypeError("lineterminator must be set")
	}
	return d, nil
}

// dialectFrom builds the dialect of reader()/writer() from their extra
// arguments.
func dialectFrom(f *py.Frame, args []py.Object, kw py.Kwargs) (*dialect, *py.BaseException) {
	d, err := newDialect(f, args, kw)
	if err != nil {
		return nil, err
	}
	return d.(*dialect), nil
}

// ---- reader ----

const (
	startRecord = iota
	startField
	escapedChar
	inField
	inQuotedField
	escapeInQuotedField
	quoteInQuotedField
	eatCRNL
)

type reader struct {
	mu      sync.Mutex
	input   py.Object
	d       *dialect
	lineNum int
	state   int
	fields  []py.Object
	field   []byte
	numeric bool
}

func (r *reader) Type() *py.Type { return readerType }

func newReader(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if len(args) < 1 {
		return nil, py.NewTypeError("expected at least 1 arguments, got 0")
	}
	it, err := py.Iter(f, args[0])
	if err != nil {
		return nil, py.NewTypeError("argument 1 must be an iterator")
	}
	d, err := dialectFrom(f, args[1:], kw)
	if err != nil {
		return nil, err
	}
	return &reader{input: it, d: d}, nil
}

func (r *reader) Iter(f *py.Frame) (py.Object, *py.BaseException) { return r, nil }

func (r *reader) saveField(f *py.Frame) *py.BaseException {
	var v py.Object = py.NewStr(string(r.field))
	if r.numeric {
		r.numeric = false
		fv, err := py.ToFloat(f, v)
		if err != nil {
			return err
		}
		v = fv
	}
	r.fields = append(r.fields, v)
	r.field = r.field[:0]
	return nil
}

func (r *reader) addChar(c rune) *py.BaseException {
	limitMu.Lock()
	limit := fieldLimit
	limitMu.Unlock()
	if len(r.field) >= limit {
		return py.NewException(errorType, "field larger than field limit ("+strconv.Itoa(limit)+")")
	}
	r.field = append(r.field, byte(c))
	return nil
}

// processChar is parse_process_char; c == 0 marks the end of a line.
func (r *reader) processChar(f *py.Frame, c rune) *py.BaseException {
	d := r.d
	eol := c == '\n' || c == '\r' || c == 0
	switch r.state {
	case startRecord:
		if c == 0 {
			return nil
		}
		if c == '\n' || c == '\r' {
			r.state = eatCRNL
			return nil
		}
		r.state = startField
		fallthrough
	case startField:
		switch {
		case eol:
			if err := r.saveField(f); err != nil {
				return err
			}
			r.state = eatCRNL
			if c == 0 {
				r.state = startRecord
			}
		case c == d.quotechar && d.quoting != quoteNone:
			r.state = inQuotedField
		case c == d.escapechar:
			r.state = escapedChar
		case c == ' ' && d.skipinitialspace:
		case c == d.delimiter:
			return r.saveField(f)
		default:
			if d.quoting == quoteNonnumeric {
				r.numeric = true
			}
			if err := r.addChar(c); err != nil {
				return err
			}
			r.state = inField
		}
	case escapedChar:
		if c == 0 {
			c = '\n'
		}
		if err := r.addChar(c); err != nil {
			return err
		}
		r.state = inField
	case inField:
		switch {
		case eol:
			if err := r.saveField(f); err != nil {
				return err
			}
			r.state = eatCRNL
			if c == 0 {
				r.state = startRecord
			}
		case c == d.escapechar:
			r.state = escapedChar
		case c == d.delimiter:
			if err := r.saveField(f); err != nil {
				return err
			}
			r.state = startField
		default:
			return r.addChar(c)
		}
	case inQuotedField:
		switch {
		case c == 0:
		case c == d.escapechar:
			r.state = escapeInQuotedField
		case c == d.quotechar && d.quoting != quoteNone:
			if d.doublequote {
				r.state = quoteInQuotedField
			} else {
				r.state = inField
			}
		default:
			return r.addChar(c)
		}
	case escapeInQuotedField:
		if c == 0 {
			c = '\n'
		}
		if err := r.addChar(c); err != nil {
			return err
		}
		r.state = inQuotedField
	case quoteInQuotedField:
		switch {
		case d.quoting != quoteNone && c == d.quotechar:
			if err := r.addChar(c); err != nil {
				return err
			}
			r.state = inQuotedField
		case c == d.delimiter:
			if err := r.saveField(f); err != nil {
				return err
			}
			r.state = startField
		case eol:
			if err := r.saveField(f); err != nil {
				return err
			}
			r.state = eatCRNL
			if c == 0 {
				r.state = startRecord
			}
		case !d.strict:
			if err := r.addChar(c); err != nil {
				return err
			}
			r.state = inField
		default:
			return py.NewException(errorType, "'"+string(byte(d.delimiter))+"' expected after '"+string(byte(d.quotechar))+"'")
		}
	case eatCRNL:
		switch {
		case c == '\n' || c == '\r':
		case c == 0:
			r.state = startRecord
		default:
			return py.NewException(errorType, "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?")
		}
	}
	return nil
}

// Next is Reader_iternext: lines are consumed until a record completes.
func (r *reader) Next(f *py.Frame) (py.Object, *py.BaseException) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fields, r.field, r.state, r.numeric = nil, r.field[:0], startRecord, false
	for {
		line, err := py.Next(f, r.input)
		if err != nil {
			return nil, err
		}
		if line == nil {
			if len(r.field) != 0 || r.state == inQuotedField {
				if r.d.strict {
					return nil, py.NewException(errorType, "unexpected end of data")
				}
				if err := r.saveField(f); err != nil {
					return nil, err
				}
				break
			}
			return nil, nil
		}
		r.lineNum++
		var s string
		switch v := line.(type) {
		case *py.Str:
			s = v.Value()
		case *py.Unicode:
			e, err := py.Encode(f, v.Runes(), "ascii", "strict")
			if err != nil {
				return nil, err
			}
			s = e.(*py.Str).Value()
		default:
			return nil, py.NewTypeError("expected string or Unicode object, " + line.Type().Name() + " found")
		}
		if strings.IndexByte(s, 0) >= 0 {
			return nil, py.NewException(errorType, "line contains NUL")
		}
		for i := 0; i < len(s); i++ {
			if err := r.processChar(f, rune(s[i])); err != nil {
				r.fields = nil
				return nil, err
			}
		}
		if err := r.processChar(f, 0); err != nil {
			r.fields = nil
			return nil, err
		}
		if r.state == startRecord {
			break
		}
	}
	out := r.fields
	r.fields = nil
	return py.NewList(out...), nil
}

// ---- writer ----

type writer struct {
	write py.Object
	d     *dialect
}

func (w *writer) Type() *py.Type { return writerType }

func newWriter(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if len(args) < 1 {
		return nil, py.NewTypeError("expected at least 1 arguments, got 0")
	}
	wr, err := py.GetAttr(f, args[0], "write")
	if err != nil || !py.IsCallable(wr) {
		return nil, py.NewTypeError("argument 1 must have a \"write\" method")
	}
	d, err := dialectFrom(f, args[1:], kw)
	if err != nil {
		return nil, err
	}
	return &writer{write: wr, d: d}, nil
}

func isNumber(o py.Object) bool {
	switch o.(type) {
	case *py.Int, *py.Long, *py.Float, *py.Complex:
		return true
	}
	t := o.Type()
	return t.Lookup("__int__") != nil || t.Lookup("__float__") != nil
}

// appendField is join_append_data's two passes: decide the quoting, then
// write the field.
func (w *writer) appendField(sb *strings.Builder, field string, quoted bool, quoteEmpty bool, first bool) *py.BaseException {
	d := w.d
	special := func(c rune) bool {
		return c == d.delimiter || c == d.escapechar || c == d.quotechar || strings.ContainsRune(d.lineterminator, c)
	}
	for i := 0; i < len(field); i++ {
		c := rune(field[i])
		if special(c) && d.quoting != quoteNone && !(c == d.quotechar && !d.doublequote) {
			quoted = true
		}
	}
	if len(field) == 0 && quoteEmpty {
		if d.quoting == quoteNone {
			return py.NewException(errorType, "single empty field record must be quoted")
		}
		quoted = true
	}
	if !first {
		sb.WriteByte(byte(d.delimiter))
	}
	if quoted {
		sb.WriteByte(byte(d.quotechar))
	}
	for i := 0; i < len(field); i++ {
		c := rune(field[i])
		if special(c) {
			wantEscape := false
			if d.quoting == quoteNone {
				wantEscape = true
			} else if c == d.quotechar {
				if d.doublequote {
					sb.WriteByte(byte(d.quotechar))
				} else {
					wantEscape = true
				}
			}
			if wantEscape {
				if d.escapechar < 0 {
					return py.NewException(errorType, "need to escape, but no escapechar set")
				}
				sb.WriteByte(byte(d.escapechar))
			}
		}
		sb.WriteByte(byte(c))
	}
	if quoted {
		sb.WriteByte(byte(d.quotechar))
	}
	return nil
}

func (w *writer) row(f *py.Frame, seq py.Object) (py.Object, *py.BaseException) {
	switch seq.(type) {
	case *py.Int, *py.Long, *py.Float, *py.NoneObject:
		return nil, py.NewException(errorType, "sequence expected")
	}
	items, err := py.ToSlice(f, seq)
	if err != nil {
		return nil, py.NewException(errorType, "sequence expected")
	}
	var sb strings.Builder
	for i, it := range items {
		quoted := false
		switch w.d.quoting {
		case quoteNonnumeric:
			quoted = !isNumber(it)
		case quoteAll:
			quoted = true
		}
		var s string
		switch v := it.(type) {
		case *py.Str:
			s = v.Value()
		case *py.NoneObject:
		case *py.Float:
			r, err := py.Repr(f, v)
			if err != nil {
				return nil, err
			}
			s = r.Value()
		default:
			so, err := py.ToStr(f, it)
			if err != nil {
				return nil, err
			}
			s = so.Value()
		}
		if err := w.appendField(&sb, s, quoted, len(items) == 1, i == 0); err != nil {
			return nil, err
		}
	}
	sb.WriteString(w.d.lineterminator)
	return py.Call1(f, w.write, py.NewStr(sb.String()))
}

func writerow(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("writerow", args, kw); err != nil {
		return nil, err
	}
	return s.(*writer).row(f, args[0])
}

func writerows(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("writerows", args, kw); err != nil {
		return nil, err
	}
	it, err := py.Iter(f, args[0])
	if err != nil {
		return nil, py.NewTypeError("writerows() argument must be iterable")
	}
	for {
		row, err := py.Next(f, it)
		if err != nil {
			return nil, err
		}
		if row == nil {
			return py.None, nil
		}
		if _, err := s.(*writer).row(f, row); err != nil {
			return nil, err
		}
	}
}

// ---- registry ----

func nameArg(o py.Object) *py.BaseException {
	switch o.(type) {
	case *py.Str, *py.Unicode:
		return nil
	}
	return py.NewTypeError("dialect name must be a string or unicode")
}

func registerDialect(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if len(args) < 1 || len(args) > 2 {
		return nil, py.NewTypeError("register_dialect() expected at most 2 arguments, got " + strconv.Itoa(len(args)))
	}
	if err := nameArg(args[0]); err != nil {
		return nil, err
	}
	d, err := newDialect(f, args[1:], kw)
	if err != nil {
		return nil, err
	}
	return py.None, registry.SetItem(f, args[0], d)
}

func unregisterDialect(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("unregister_dialect", args, kw); err != nil {
		return nil, err
	}
	if err := registry.DelItem(f, args[0]); err != nil {
		if err.IsInstance(py.KeyErrorType) {
			return nil, py.NewException(errorType, "unknown dialect")
		}
		return nil, err
	}
	return py.None, nil
}

func getDialect(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("get_dialect", args, kw); err != nil {
		return nil, err
	}
	d, err := registry.Get(f, args[0])
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, py.NewException(errorType, "unknown dialect")
	}
	return d, nil
}

func listDialects(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("list_dialects", args, kw); err != nil {
		return nil, err
	}
	return py.NewList(registry.Keys()...), nil
}

func fieldSizeLimit(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("field_size_limit", args, kw, 0, 1); err != nil {
		return nil, err
	}
	limitMu.Lock()
	defer limitMu.Unlock()
	old := fieldLimit
	if len(args) == 1 {
		n, ok := args[0].(*py.Int)
		if !ok {
			return nil, py.NewTypeError("limit must be an integer")
		}
		fieldLimit = int(n.Value())
	}
	return py.NewInt(int64(old)), nil
}

var (
	_ py.Iterator = (*reader)(nil)
)
