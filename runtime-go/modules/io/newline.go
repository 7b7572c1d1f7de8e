package iomod

import (
	"math/big"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// Kinds of newline seen, as IncrementalNewlineDecoder records them.
const (
	seenLF   = 1
	seenCR   = 2
	seenCRLF = 4
)

// nlDecoder is the newline half of IncrementalNewlineDecoder: it holds
// back a trailing '\r' until it knows whether '\n' follows, records which
// newlines it saw, and with translate turns "\r\n" and "\r" into "\n".
// offs (when asked for) maps each output rune to the index of the input
// rune it starts at, with the held-back '\r' counted as input.
type nlDecoder struct {
	translate bool
	pendingCR bool
	seen      int
}

func (d *nlDecoder) decode(in []rune, final bool) []rune {
	out, _ := d.decodeOffs(in, final, false)
	return out
}

func (d *nlDecoder) decodeOffs(in []rune, final, wantOffs bool) ([]rune, []int) {
	// input positions: -1 is the pending '\r' from the previous call
	src := in
	base := 0
	if d.pendingCR {
		src = append([]rune{'\r'}, in...)
		base = -1
		d.pendingCR = false
	}
	if !final && len(src) > 0 && src[len(src)-1] == '\r' {
		src = src[:len(src)-1]
		d.pendingCR = true
	}
	out := make([]rune, 0, len(src))
	var offs []int
	for i := 0; i < len(src); i++ {
		c := src[i]
		if wantOffs {
			offs = append(offs, i+base)
		}
		switch c {
		case '\n':
			d.seen |= seenLF
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				d.seen |= seenCRLF
				if d.translate {
					out = append(out, '\n')
					i++
					continue
				}
				out = append(out, '\r', '\n')
				if wantOffs {
					offs = append(offs, i+1+base)
				}
				i++
				continue
			}
			d.seen |= seenCR
			if d.translate {
				c = '\n'
			}
		}
		out = append(out, c)
	}
	return out, offs
}

// newlines is the `newlines` attribute: None, one string or a tuple.
func (d *nlDecoder) newlines() py.Object {
	var names []py.Object
	if d.seen&seenCR != 0 {
		names = append(names, py.NewStr("\r"))
	}
	if d.seen&seenLF != 0 {
		names = append(names, py.NewStr("\n"))
	}
	if d.seen&seenCRLF != 0 {
		names = append(names, py.NewStr("\r\n"))
	}
	switch len(names) {
	case 0:
		return py.None
	case 1: // CPython returns a unicode here, str items in the tuples
		return py.NewUnicode(names[0].(*py.Str).Value())
	}
	return py.NewTuple(names...)
}

// The IncrementalNewlineDecoder type wraps an optional decoder object
// (its decode(input, final=final) is called first).
type incNLDecoder struct {
	mu      sync.Mutex
	decoder py.Object
	errors  py.Object
	nl      nlDecoder
}

var incNLDecoderType *py.Type

func (d *incNLDecoder) Type() *py.Type { return incNLDecoderType }

func initNewlineDecoder() {
	incNLDecoderType = native.NewType(native.TypeSpec{Name: "IncrementalNewlineDecoder", Module: "_io",
		Doc: "Decoder stage that records newline kinds and can translate them to \\n.",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return native.Wrap(t, incNLDecoderType, &incNLDecoder{decoder: py.None, errors: py.NewStr("strict")}), nil
		},
		Methods: map[string]native.Method{
			"__init__": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				out := make([]py.Object, 3)
				if err := native.ParseKw("IncrementalNewlineDecoder", args, kw, []string{"decoder", "translate", "errors"}, 2, out); err != nil {
					return nil, err
				}
				tr, err := native.Int(f, out[1])
				if err != nil {
					return nil, err
				}
				d := self.(*incNLDecoder)
				d.mu.Lock()
				defer d.mu.Unlock()
				d.decoder, d.nl = out[0], nlDecoder{translate: tr != 0}
				if out[2] != nil {
					d.errors = out[2]
				}
				return py.None, nil
			},
			"decode": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				out := make([]py.Object, 2)
				if err := native.ParseKw("decode", args, kw, []string{"input", "final"}, 1, out); err != nil {
					return nil, err
				}
				final := false
				if out[1] != nil {
					n, err := native.Int(f, out[1])
					if err != nil {
						return nil, err
					}
					final = n != 0
				}
				d := self.(*incNLDecoder)
				in := out[0]
				if d.decoder != py.None {
					r, err := py.CallMethod(f, d.decoder, "decode", []py.Object{in}, py.Kwargs{{Name: "final", Value: py.NewBool(final)}})
					if err != nil {
						return nil, err
					}
					in = r
				}
				u, ok := in.(*py.Unicode)
				if !ok {
					if s, isStr := in.(*py.Str); isStr {
						r, err := py.Decode(f, s.Value(), "ascii", "strict")
						if err != nil {
							return nil, err
						}
						u = r.(*py.Unicode)
					} else {
						return nil, py.NewTypeError("decoder should return a string result, not '" + in.Type().Name() + "'")
					}
				}
				d.mu.Lock()
				defer d.mu.Unlock()
				return py.NewUnicodeRunes(d.nl.decode(u.Runes(), final)), nil
			},
			"getstate": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("getstate", args, kw); err != nil {
					return nil, err
				}
				d := self.(*incNLDecoder)
				var buf py.Object = py.NewStr("")
				var flag int64
				if d.decoder != py.None {
					st, err := py.CallMethod(f, d.decoder, "getstate", nil, nil)
					if err != nil {
						return nil, err
					}
					t, ok := st.(*py.Tuple)
					if !ok || len(t.Elems()) != 2 {
						return nil, py.NewTypeError("illegal decoder state")
					}
					buf = t.Elems()[0]
					n, err := native.Int(f, t.Elems()[1])
					if err != nil {
						return nil, err
					}
					flag = int64(n)
				}
				flag <<= 1
				if d.nl.pendingCR {
					flag |= 1
				}
				return py.NewTuple(buf, py.NewLong(big.NewInt(flag))), nil
			},
			"setstate": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.OneArg("setstate", args, kw); err != nil {
					return nil, err
				}
				t, ok := args[0].(*py.Tuple)
				if !ok || len(t.Elems()) != 2 {
					return nil, py.NewTypeError("setstate() argument must be a tuple of 2 items")
				}
				flag, err := native.Int(f, t.Elems()[1])
				if err != nil {
					return nil, err
				}
				d := self.(*incNLDecoder)
				d.nl.pendingCR = flag&1 != 0
				if d.decoder != py.None {
					if _, err := py.CallMethod(f, d.decoder, "setstate", []py.Object{py.NewTuple(t.Elems()[0], py.NewInt(int64(flag>>1)))}, nil); err != nil {
						return nil, err
					}
				}
				return py.None, nil
			},
			"reset": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("reset", args, kw); err != nil {
					return nil, err
				}
				d := self.(*incNLDecoder)
				d.nl.seen, d.nl.pendingCR = 0, false
				if d.decoder != py.None {
					return py.CallMethod(f, d.decoder, "reset", nil, nil)
				}
				return py.None, nil
			},
		},
		Getters: map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException){
			"newlines": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
				d := self.(*incNLDecoder)
				d.mu.Lock()
				defer d.mu.Unlock()
				return d.nl.newlines(), nil
			},
		}})
}

// scanNewlines is the kinds of newline in raw bytes; a final '\r' counts
// only when more data follows it (otherwise a decoder still holds it).
func scanNewlines(raw []byte, more bool) int {
	seen := 0
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\n':
			seen |= seenLF
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				seen |= seenCRLF
				i++
			} else if i+1 < len(raw) || more {
				seen |= seenCR
			}
		}
	}
	return seen
}
