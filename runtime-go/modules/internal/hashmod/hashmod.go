// Package hashmod builds the hash object types of CPython 2.7's builtin
// hash modules (_md5, _sha, _sha256, _sha512) on Go's crypto packages:
// update digest hexdigest copy, attributes digest_size digestsize
// block_size name.
package hashmod

import (
	"encoding"
	"encoding/hex"
	"hash"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// Kind describes one hash algorithm.
type Kind struct {
	Module, TypeName, Name string // "_md5", "md5", "MD5"
	New                    func() hash.Hash
	NoKeywords             bool // _md5.new takes no keyword arguments
	typ                    *py.Type
}

type object struct {
	mu   sync.Mutex
	kind *Kind
	h    hash.Hash
}

func (o *object) Type() *py.Type { return o.kind.typ }

// Type makes (once) the Python type for k.
func (k *Kind) Type() *py.Type {
	if k.typ != nil {
		return k.typ
	}
	size := func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
		return py.NewInt(int64(s.(*object).h.Size())), nil
	}
	k.typ = native.NewType(native.TypeSpec{Name: k.TypeName, Module: k.Module,
		Methods: map[string]native.Method{
			"update": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.OneArg("update", args, kw); err != nil {
					return nil, err
				}
				b, err := data(f, "update", args[0])
				if err != nil {
					return nil, err
				}
				o := s.(*object)
				o.mu.Lock()
				o.h.Write(b)
				o.mu.Unlock()
				return py.None, nil
			},
			"digest": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("digest", args, kw); err != nil {
					return nil, err
				}
				return py.NewStr(string(s.(*object).sum())), nil
			},
			"hexdigest": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("hexdigest", args, kw); err != nil {
					return nil, err
				}
				return py.NewStr(hex.EncodeToString(s.(*object).sum())), nil
			},
			"copy": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("copy", args, kw); err != nil {
					return nil, err
				}
				return s.(*object).clone()
			},
		},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"digest_size": size,
			"digestsize":  size,
			"block_size": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(s.(*object).h.BlockSize())), nil
			},
			"name": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return py.NewStr(k.Name), nil },
		},
	})
	return k.typ
}

func (o *object) sum() []byte {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.h.Sum(nil)
}

// clone copies the running state through the hash's binary marshaling.
func (o *object) clone() (py.Object, *py.BaseException) {
	o.mu.Lock()
	defer o.mu.Unlock()
	state, err := o.h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		return nil, py.NewRuntimeError(err.Error())
	}
	n := o.kind.New()
	if err := n.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
		return nil, py.NewRuntimeError(err.Error())
	}
	return &object{kind: o.kind, h: n}, nil
}

func data(f *py.Frame, fname string, o py.Object) ([]byte, *py.BaseException) {
	switch v := py.BaseOf(o).(type) {
	case *py.Str:
		return []byte(v.Value()), nil
	case *py.ByteArray:
		s, err := py.ToStr(f, v)
		if err != nil {
			return nil, err
		}
		return []byte(s.Value()), nil
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "ascii", "strict")
		if err != nil {
			return nil, err
		}
		return []byte(e.(*py.Str).Value()), nil
	}
	return nil, py.NewTypeError(fname + "() argument 1 must be string or buffer, not " + o.Type().Name())
}

// Constructor is new([string]) for k.
func (k *Kind) Constructor() native.Func {
	k.Type()
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if k.NoKeywords {
			if err := native.NoKwArgs("new", kw); err != nil {
				return nil, err
			}
		}
		out := make([]py.Object, 1)
		if err := native.ParseKw("new", args, kw, []string{"string"}, 0, out); err != nil {
			return nil, err
		}
		o := &object{kind: k, h: k.New()}
		if out[0] != nil {
			b, err := data(f, "new", out[0])
			if err != nil {
				return nil, err
			}
			o.h.Write(b)
		}
		return o, nil
	}
}
