package py

import "strconv"

// The argument checks below produce the exact TypeError texts of
// CPython's METH_NOARGS, METH_O, PyArg_UnpackTuple and PyArg_ParseTuple
// helpers, so native code never hand-writes a message.

// NoArgs is METH_NOARGS: "keys() takes no arguments (1 given)".
func NoArgs(name string, args []Object, kw Kwargs) *BaseException {
	if len(kw) > 0 {
		return NewTypeError(name + "() takes no keyword arguments")
	}
	if len(args) != 0 {
		return NewTypeError(name + "() takes no arguments (" + strconv.Itoa(len(args)) + " given)")
	}
	return nil
}

// OneArg is METH_O: "append() takes exactly one argument (0 given)".
func OneArg(name string, args []Object, kw Kwargs) *BaseException {
	if len(kw) > 0 {
		return NewTypeError(name + "() takes no keyword arguments")
	}
	if len(args) != 1 {
		return NewTypeError(name + "() takes exactly one argument (" + strconv.Itoa(len(args)) + " given)")
	}
	return nil
}

// UnpackArgs is PyArg_UnpackTuple: "get expected at least 1 arguments, got 0".
func UnpackArgs(name string, args []Object, kw Kwargs, min, max int) *BaseException {
	if len(kw) > 0 {
		return NewTypeError(name + "() takes no keyword arguments")
	}
	n := len(args)
	if n < min {
		if min == max {
			return NewTypeError(name + " expected " + strconv.Itoa(min) + " arguments, got " + strconv.Itoa(n))
		}
		return NewTypeError(name + " expected at least " + strconv.Itoa(min) + " arguments, got " + strconv.Itoa(n))
	}
	if n > max {
		if min == max {
			return NewTypeError(name + " expected " + strconv.Itoa(max) + " arguments, got " + strconv.Itoa(n))
		}
		return NewTypeError(name + " expected at most " + strconv.Itoa(max) + " arguments, got " + strconv.Itoa(n))
	}
	return nil
}

// ParseArgs is PyArg_ParseTupleAndKeywords for native functions: names are
// the parameter names, the first required of them mandatory. It fills out
// (len(names) slots, nil for absent optionals) with CPython's messages.
func ParseArgs(fname string, args []Object, kw Kwargs, names []string, required int, out []Object) *BaseException {
	n := len(names)
	if len(args)+len(kw) > n {
		return NewTypeError(fname + "() takes at most " + strconv.Itoa(n) + " argument" + plural(n) + " (" + strconv.Itoa(len(args)+len(kw)) + " given)")
	}
	for i := range out {
		out[i] = nil
	}
	copy(out, args)
	for _, k := range kw {
		found := false
		for i, nm := range names {
			if nm == k.Name {
				if out[i] != nil {
					return NewTypeError("Argument given by name ('" + k.Name + "') and position (" + strconv.Itoa(i+1) + ")")
				}
				out[i] = k.Value
				found = true
				break
			}
		}
		if !found {
			return NewTypeError("'" + k.Name + "' is an invalid keyword argument for this function")
		}
	}
	for i := 0; i < required; i++ {
		if out[i] == nil {
			return NewTypeError("Required argument '" + names[i] + "' (pos " + strconv.Itoa(i+1) + ") not found")
		}
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
