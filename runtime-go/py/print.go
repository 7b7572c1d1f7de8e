package py

// Print implements the print statement: `print v1, v2` (newline true) and
// `print v1,` (newline false), and `print >>file, ...` (file non-nil).
// It follows ceval's PRINT_ITEM/PRINT_NEWLINE softspace rules exactly: a
// space is written before an item when the file's softspace is set, and
// softspace is cleared after a string ending in whitespace other than ' '.
func Print(f *Frame, file Object, values []Object, newline bool) *BaseException {
	if file == nil || file == None {
		var err *BaseException
		file, err = sysStdout(f)
		if err != nil {
			return err
		}
	}
	for _, v := range values {
		if err := printItem(f, file, v); err != nil {
			return err
		}
	}
	if newline {
		if err := fileWrite(f, file, NewStr("\n")); err != nil {
			return err
		}
		return setSoftspace(f, file, false)
	}
	return nil
}

func sysStdout(f *Frame) (Object, *BaseException) {
	out := SysModule.dict.getStr("stdout")
	if out == nil {
		return nil, NewRuntimeError("lost sys.stdout")
	}
	return out, nil
}

func printItem(f *Frame, file, v Object) *BaseException {
	ss, err := getSoftspace(f, file)
	if err != nil {
		return err
	}
	if ss {
		// PRINT_ITEM clears softspace first: if writing the item fails,
		// no newline is owed at exit
		if err := setSoftspace(f, file, false); err != nil {
			return err
		}
		if err := fileWrite(f, file, NewStr(" ")); err != nil {
			return err
		}
	}
	if fl, ok := file.(*File); ok {
		if err := fl.writeObject(f, v); err != nil {
			return err
		}
	} else {
		s, err := StrObject(f, v)
		if err != nil {
			return err
		}
		if err := fileWrite(f, file, s); err != nil {
			return err
		}
	}
	soft := true
	switch sv := v.(type) {
	case *Str:
		if n := len(sv.s); n > 0 {
			c := sv.s[n-1]
			if isSpaceByte(c) && c != ' ' {
				soft = false
			}
		}
	case *Unicode:
		if n := len(sv.r); n > 0 {
			c := sv.r[n-1]
			if unicodeIsSpace(c) && c != ' ' {
				soft = false
			}
		}
	}
	return setSoftspace(f, file, soft)
}

func fileWrite(f *Frame, file Object, s Object) *BaseException {
	if fl, ok := file.(*File); ok {
		if st, ok := s.(*Str); ok {
			return fl.WriteString(st.s)
		}
		return fl.writeObject(f, s)
	}
	_, err := CallMethod(f, file, "write", []Object{s}, nil)
	return err
}

func getSoftspace(f *Frame, file Object) (bool, *BaseException) {
	if fl, ok := file.(*File); ok {
		fl.mu.Lock()
		defer fl.mu.Unlock()
		return fl.softspace, nil
	}
	v, err := GetAttr(f, file, "softspace")
	if err != nil {
		return false, nil
	}
	return IsTrue(f, v)
}

func setSoftspace(f *Frame, file Object, v bool) *BaseException {
	if fl, ok := file.(*File); ok {
		fl.mu.Lock()
		fl.softspace = v
		fl.mu.Unlock()
		return nil
	}
	err := SetAttr(f, file, "softspace", NewInt(b2i(v)))
	if err != nil && err.IsInstance(AttributeErrorType) {
		return nil
	}
	return err
}
