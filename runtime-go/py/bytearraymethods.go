package py

import "strings"

// bytearray's str-like methods compute on the bytes as a str and convert
// str results back to bytearrays, as CPython's shared bytes_methods do.
// Arguments may be any buffer (str, bytearray, buffer, memoryview).
var byteArrayStrMethods = []string{
	"capitalize", "center", "count", "endswith", "expandtabs", "find", "index",
	"isalnum", "isalpha", "isdigit", "islower", "isspace", "istitle", "isupper",
	"ljust", "lower", "lstrip", "partition", "replace", "rfind", "rindex", "rjust",
	"rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip",
	"swapcase", "title", "translate", "upper", "zfill",
}

// Methods whose first argument is a byte string to search for.
var byteArraySubArg = map[string]bool{
	"count": true, "find": true, "index": true, "rfind": true, "rindex": true,
	"partition": true, "rpartition": true, "replace": true,
}

func byteArrayArg(name string, i int, a Object) (Object, *BaseException) {
	switch v := baseOf(a).(type) {
	case *ByteArray, *Buffer, *MemoryView:
		if s, ok := bufferData(v); ok {
			return NewStr(s), nil
		}
		return NewStr(v.(*MemoryView).bytes()), nil
	case *Int:
		if i == 0 && byteArraySubArg[name] {
			return nil, NewTypeError("Type " + typeNameForError(a) + " doesn't support the buffer API")
		}
	}
	return a, nil
}

func init() {
	for _, name := range byteArrayStrMethods {
		name := name
		ByteArrayType.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			conv := make([]Object, len(args))
			for i, a := range args {
				c, err := byteArrayArg(name, i, a)
				if err != nil {
					return nil, err
				}
				conv[i] = c
			}
			r, err := CallMethod(f, NewStr(baseOf(self).(*ByteArray).snapshot()), name, conv, kw)
			if err != nil {
				if (name == "index" || name == "rindex") && err.IsInstance(ValueErrorType) {
					return nil, NewValueError("subsection not found")
				}
				return nil, err
			}
			return strToByteArray(r), nil
		})
	}
	ByteArrayType.def("join", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("join", args, kw); err != nil {
			return nil, err
		}
		items, err := ToSlice(f, args[0])
		if err != nil {
			return nil, err
		}
		parts := make([]string, len(items))
		for i, it := range items {
			switch v := baseOf(it).(type) {
			case *Str:
				parts[i] = v.s
			case *ByteArray:
				parts[i] = v.snapshot()
			default:
				return nil, NewTypeError("can only join an iterable of bytes (item " + itoa(i) + " has type '" + typeNameForError(it) + "')")
			}
		}
		return &ByteArray{b: []byte(strings.Join(parts, baseOf(self).(*ByteArray).snapshot()))}, nil
	})
	ByteArrayType.def("remove", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("remove", args, kw); err != nil {
			return nil, err
		}
		var c int
		if s, ok := args[0].(*Str); ok && len(s.s) == 1 {
			c = int(s.s[0])
		} else {
			n, err := IndexInt(f, args[0], "an integer or string of size 1 is required")
			if err != nil {
				return nil, err
			}
			if n < 0 || n > 255 {
				return nil, NewValueError("byte must be in range(0, 256)")
			}
			c = n
		}
		ba := baseOf(self).(*ByteArray)
		ba.mu.Lock()
		defer ba.mu.Unlock()
		i := strings.IndexByte(string(ba.b), byte(c))
		if i < 0 {
			return nil, NewValueError("value not found in bytearray")
		}
		ba.b = append(ba.b[:i], ba.b[i+1:]...)
		return None, nil
	})
	fromhex := &BuiltinMethod{name: "fromhex", owner: ByteArrayType, fn: func(f *Frame, cls Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("fromhex", args, kw); err != nil {
			return nil, err
		}
		var s string
		switch v := args[0].(type) {
		case *Str:
			s = v.s
		case *Unicode:
			s = string(v.r)
		default:
			return nil, NewTypeError("fromhex() argument 1 must be string or read-only character buffer, not " + typeNameForError(args[0]))
		}
		var out []byte
		for i := 0; i < len(s); {
			if s[i] == ' ' {
				i++
				continue
			}
			hi, lo := hexDigit(s[i]), -1
			if i+1 < len(s) {
				lo = hexDigit(s[i+1])
			}
			if hi < 0 || lo < 0 {
				return nil, NewValueError("non-hexadecimal number found in fromhex() arg at position " + itoa(i))
			}
			out = append(out, byte(hi<<4|lo))
			i += 2
		}
		return Call(f, cls, []Object{NewStr(string(out))}, nil)
	}}
	ByteArrayType.dict.setStr("fromhex", &ClassMethod{fn: fromhex})
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
