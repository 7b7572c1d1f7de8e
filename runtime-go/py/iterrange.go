package py

// rangeBuiltin is the builtin range, for IterCall to recognise.
var rangeBuiltin *BuiltinFunction

// IterCall is iter(fn(args...)), the iterable of a for loop that calls
// fn. When fn is the builtin range and every argument is a plain int, the
// list range() would build is never visible (only the loop's hidden
// iterator would hold it), so the ints are yielded lazily instead. Any
// other case, including every error, goes through the ordinary call.
func IterCall(f *Frame, fn Object, args ...Object) (Object, *BaseException) {
	if fn == Object(rangeBuiltin) && rangeBuiltin != nil && len(args) >= 1 && len(args) <= 3 {
		var vals [3]int64
		ok := true
		for i, a := range args {
			v, isInt := a.(*Int)
			if !isInt {
				ok = false
				break
			}
			vals[i] = v.v
		}
		if ok {
			start, stop, step := int64(0), vals[0], int64(1)
			if len(args) >= 2 {
				start, stop = vals[0], vals[1]
			}
			if len(args) == 3 {
				step = vals[2]
			}
			// step 0 raises and an oversized list raises MemoryError:
			// leave both to range itself.
			if step != 0 {
				if n := rangeLen(start, stop, step); n >= 0 && n <= 1<<28 {
					return &xrangeIter{next: start, step: step, left: n}, nil
				}
			}
		}
	}
	r, err := Call(f, fn, append([]Object(nil), args...), nil)
	if err != nil {
		return nil, err
	}
	return Iter(f, r)
}
