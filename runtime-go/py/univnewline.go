package py

import (
	"bufio"
	"strings"
)

// univNewlines is mode 'U' reading, as CPython 2.7's file object does it:
// "\r\n" and "\r" read as "\n", translated as bytes are consumed (not when
// the buffer fills), so `newlines` reports the kinds seen at the same
// moments as CPython: a "\r" counts once the next byte shows it is not
// part of "\r\n", or at end of file.
type univNewlines struct {
	on     bool
	skipLF bool // a "\r" was returned as "\n"; a following "\n" is dropped
	kinds  uint8
}

const (
	nlCR uint8 = 1 << iota
	nlLF
	nlCRLF
)

// readByte is the next byte of the file, translated in mode 'U'.
func (fl *File) readByte() (byte, error) {
	if !fl.univ.on {
		return fl.r.ReadByte()
	}
	return fl.univ.next(fl.r)
}

func (u *univNewlines) next(r *bufio.Reader) (byte, error) {
	c, err := r.ReadByte()
	if err != nil {
		return 0, err
	}
	if u.skipLF {
		u.skipLF = false
		if c == '\n' {
			u.kinds |= nlCRLF
			if c, err = r.ReadByte(); err != nil {
				return 0, err
			}
		} else {
			u.kinds |= nlCR
		}
	}
	switch c {
	case '\r':
		u.skipLF = true
		return '\n', nil
	case '\n':
		u.kinds |= nlLF
	}
	return c, nil
}

// settle records a pending "\r" as CR when the file ends right after it.
func (u *univNewlines) settle(r *bufio.Reader) {
	if u.on && u.skipLF {
		if _, err := r.Peek(1); err != nil {
			u.kinds |= nlCR
		}
	}
}

// read returns up to n translated bytes (all when n < 0).
func (u *univNewlines) read(r *bufio.Reader, n int) string {
	var b strings.Builder
	for n < 0 || b.Len() < n {
		c, err := u.next(r)
		if err != nil {
			break
		}
		b.WriteByte(c)
	}
	u.settle(r)
	return b.String()
}

// seen is the file's `newlines`: None, one kind, or a tuple of kinds.
func (u *univNewlines) seen() Object {
	var kinds []Object
	for _, k := range []struct {
		bit uint8
		s   string
	}{{nlCR, "\r"}, {nlLF, "\n"}, {nlCRLF, "\r\n"}} {
		if u.kinds&k.bit != 0 {
			kinds = append(kinds, NewStr(k.s))
		}
	}
	switch len(kinds) {
	case 0:
		return None
	case 1:
		return kinds[0]
	}
	return NewTuple(kinds...)
}
