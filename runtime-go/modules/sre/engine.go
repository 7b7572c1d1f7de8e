package sre

import (
	"unicode"
)

// Opcodes of CPython 2.7's SRE bytecode (sre_constants.OPCODES).
const (
	opFailure          = 0
	opSuccess          = 1
	opAny              = 2
	opAnyAll           = 3
	opAssert           = 4
	opAssertNot        = 5
	opAt               = 6
	opBranch           = 7
	opCall             = 8
	opCategory         = 9
	opCharset          = 10
	opBigCharset       = 11
	opGroupref         = 12
	opGrouprefExists   = 13
	opGrouprefIgnore   = 14
	opIn               = 15
	opInIgnore         = 16
	opInfo             = 17
	opJump             = 18
	opLiteral          = 19
	opLiteralIgnore    = 20
	opMark             = 21
	opMaxUntil         = 22
	opMinUntil         = 23
	opNotLiteral       = 24
	opNotLiteralIgnore = 25
	opNegate           = 26
	opRange            = 27
	opRepeat           = 28
	opRepeatOne        = 29
	opSubpattern       = 30
	opMinRepeatOne     = 31
)

// AT codes.
const (
	atBeginning = iota
	atBeginningLine
	atBeginningString
	atBoundary
	atNonBoundary
	atEnd
	atEndLine
	atEndString
	atLocBoundary
	atLocNonBoundary
	atUniBoundary
	atUniNonBoundary
)

// Category codes.
const (
	catDigit = iota
	catNotDigit
	catSpace
	catNotSpace
	catWord
	catNotWord
	catLinebreak
	catNotLinebreak
	catLocWord
	catLocNotWord
	catUniDigit
	catUniNotDigit
	catUniSpace
	catUniNotSpace
	catUniWord
	catUniNotWord
	catUniLinebreak
	catUniNotLinebreak
)

// Flags (sre_constants.SRE_FLAG_*).
const (
	flagIgnoreCase = 2
	flagLocale     = 4
	flagUnicode    = 32
)

const maxRepeat = 4294967295

// Character classes as SRE defines them: ASCII for the plain categories
// (the C locale for LOCALE), Python's Unicode database for UNICODE.
func isDigit(c rune) bool { return c < 128 && c >= '0' && c <= '9' }
func isSpace(c rune) bool {
	return c < 128 && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
}
func isAlnum(c rune) bool {
	return c < 128 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}
func isWord(c rune) bool      { return isAlnum(c) || c == '_' }
func isLinebreak(c rune) bool { return c == '\n' }

func uniIsSpace(c rune) bool { return unicode.IsSpace(c) || c >= 0x1c && c <= 0x1f }
func uniIsWord(c rune) bool  { return unicode.IsLetter(c) || unicode.IsNumber(c) || c == '_' }
func uniIsLinebreak(c rune) bool {
	switch c {
	case '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func lowerASCII(c rune) rune {
	if c < 128 && c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

// lowerLocale is tolower() in the C locale, applied below 256.
func lowerLocale(c rune) rune { return lowerASCII(c) }

func lowerUnicode(c rune) rune { return unicode.ToLower(c) }

func lowerFor(flags int) func(rune) rune {
	switch {
	case flags&flagLocale != 0:
		return lowerLocale
	case flags&flagUnicode != 0:
		return lowerUnicode
	}
	return lowerASCII
}

func category(code int, c rune) bool {
	switch code {
	case catDigit:
		return isDigit(c)
	case catNotDigit:
		return !isDigit(c)
	case catSpace:
		return isSpace(c)
	case catNotSpace:
		return !isSpace(c)
	case catWord:
		return isWord(c)
	case catNotWord:
		return !isWord(c)
	case catLinebreak:
		return isLinebreak(c)
	case catNotLinebreak:
		return !isLinebreak(c)
	case catLocWord:
		return isWord(c)
	case catLocNotWord:
		return !isWord(c)
	case catUniDigit:
		return unicode.IsDigit(c)
	case catUniNotDigit:
		return !unicode.IsDigit(c)
	case catUniSpace:
		return uniIsSpace(c)
	case catUniNotSpace:
		return !uniIsSpace(c)
	case catUniWord:
		return uniIsWord(c)
	case catUniNotWord:
		return !uniIsWord(c)
	case catUniLinebreak:
		return uniIsLinebreak(c)
	case catUniNotLinebreak:
		return !uniIsLinebreak(c)
	}
	return false
}

// repeatCtx is a REPEAT in progress (SRE's SRE_REPEAT).
type repeatCtx struct {
	count   int
	pc      int // the REPEAT opcode
	lastPtr int
	prev    *repeatCtx
}

// state is one matching run over s[0:end], as SRE_STATE.
type state struct {
	code      []uint32
	s         []rune
	start     int // where the current attempt started
	end       int
	pos       int // the caller's pos (for match objects)
	ptr       int // end of the match after success
	marks     []int
	lastmark  int
	lastindex int
	repeat    *repeatCtx
	lower     func(rune) rune
	invalid   bool
}

func newState(code []uint32, s []rune, pos, endpos int, flags int) *state {
	n := len(s)
	pos = max(0, min(pos, n))
	endpos = max(0, min(endpos, n))
	st := &state{code: code, s: s, start: pos, end: endpos, pos: pos, lower: lowerFor(flags)}
	st.reset()
	return st
}

func (st *state) reset() {
	st.marks = st.marks[:0]
	st.lastmark = -1
	st.lastindex = -1
	st.repeat = nil
}

func (st *state) at(i int) uint32 {
	if i < 0 || i >= len(st.code) {
		st.invalid = true
		return opFailure
	}
	return st.code[i]
}

func (st *state) mark(i int) int {
	if i < len(st.marks) {
		return st.marks[i]
	}
	return -1
}

func (st *state) setMark(i, v int) {
	for len(st.marks) <= i {
		st.marks = append(st.marks, -1)
	}
	st.marks[i] = v
}

func (st *state) saveMarks() []int { return append([]int(nil), st.marks...) }

func (st *state) restoreMarks(saved []int) { st.marks = append(st.marks[:0], saved...) }

func (st *state) atCode(code uint32, ptr int) bool {
	s, end := st.s, st.end
	switch code {
	case atBeginning, atBeginningString:
		return ptr == 0
	case atBeginningLine:
		return ptr == 0 || isLinebreak(s[ptr-1])
	case atEnd:
		return ptr+1 == end && isLinebreak(s[ptr]) || ptr == end
	case atEndLine:
		return ptr == end || isLinebreak(s[ptr])
	case atEndString:
		return ptr == end
	case atBoundary, atNonBoundary, atLocBoundary, atLocNonBoundary, atUniBoundary, atUniNonBoundary:
		if end == 0 {
			return false
		}
		word := isWord
		if code == atUniBoundary || code == atUniNonBoundary {
			word = uniIsWord
		}
		that := ptr > 0 && word(s[ptr-1])
		this := ptr < end && word(s[ptr])
		if code == atBoundary || code == atLocBoundary || code == atUniBoundary {
			return this != that
		}
		return this == that
	}
	st.invalid = true
	return false
}

// charset runs the set instructions at pc against ch.
func (st *state) charset(pc int, ch rune) bool {
	ok := true
	c := uint32(ch)
	for {
		switch st.at(pc) {
		case opFailure:
			return !ok
		case opLiteral:
			if c == st.at(pc+1) {
				return ok
			}
			pc += 2
		case opCategory:
			if category(int(st.at(pc+1)), ch) {
				return ok
			}
			pc += 2
		case opCharset:
			if c < 256 && st.at(pc+1+int(c>>5))&(1<<(c&31)) != 0 {
				return ok
			}
			pc += 9
		case opRange:
			if st.at(pc+1) <= c && c <= st.at(pc+2) {
				return ok
			}
			pc += 3
		case opNegate:
			ok = !ok
			pc++
		case opBigCharset:
			count := int(st.at(pc + 1))
			pc += 2
			if c < 65536 {
				hi := int(c >> 8)
				block := int(st.at(pc+hi/4)>>(8*(hi%4))) & 0xff
				if st.at(pc+64+block*8+int((c&255)>>5))&(1<<(c&31)) != 0 {
					return ok
				}
			}
			pc += 64 + count*8
		default:
			st.invalid = true
			return false
		}
		if st.invalid {
			return false
		}
	}
}

// count is SRE(count): how many times the single-character item at pc
// matches from ptr, at most maxCount.
func (st *state) count(pc, ptr, maxCount int) int {
	end := st.end
	if maxCount < end-ptr && maxCount != maxRepeat {
		end = ptr + maxCount
	}
	s := st.s
	i := ptr
	switch st.at(pc) {
	case opIn:
		for i < end && st.charset(pc+2, s[i]) {
			i++
		}
	case opAny:
		for i < end && !isLinebreak(s[i]) {
			i++
		}
	case opAnyAll:
		i = end
	case opLiteral:
		c := st.at(pc + 1)
		for i < end && uint32(s[i]) == c {
			i++
		}
	case opLiteralIgnore:
		c := rune(st.at(pc + 1))
		for i < end && st.lower(s[i]) == c {
			i++
		}
	case opNotLiteral:
		c := st.at(pc + 1)
		for i < end && uint32(s[i]) != c {
			i++
		}
	case opNotLiteralIgnore:
		c := rune(st.at(pc + 1))
		for i < end && st.lower(s[i]) != c {
			i++
		}
	default:
		// a general single-width item: run it repeatedly
		for st.ptr = ptr; st.ptr < end; {
			p := st.ptr
			if !st.match(pc, p) || st.invalid {
				st.ptr = p
				break
			}
		}
		return st.ptr - ptr
	}
	return i - ptr
}

// match is SRE(match): does the code at pc match at ptr, up to the next
// SUCCESS? On success st.ptr is where it ended.
func (st *state) match(pc, ptr int) bool {
	s := st.s
	end := st.end
	if st.at(pc) == opInfo {
		if min := int(st.at(pc + 3)); min != 0 && ptr <= end && end-ptr < min {
			return false
		}
		pc += int(st.at(pc+1)) + 1
	}
	for !st.invalid {
		switch op := st.at(pc); op {
		case opMark:
			i := int(st.at(pc + 1))
			if i&1 != 0 {
				st.lastindex = i/2 + 1
			}
			if i > st.lastmark {
				for j := st.lastmark + 1; j < i; j++ {
					st.setMark(j, -1)
				}
				st.lastmark = i
			}
			st.setMark(i, ptr)
			pc += 2
		case opLiteral:
			if ptr >= end || uint32(s[ptr]) != st.at(pc+1) {
				return false
			}
			pc += 2
			ptr++
		case opNotLiteral:
			if ptr >= end || uint32(s[ptr]) == st.at(pc+1) {
				return false
			}
			pc += 2
			ptr++
		case opSuccess:
			st.ptr = ptr
			return true
		case opAt:
			if !st.atCode(st.at(pc+1), ptr) {
				return false
			}
			pc += 2
		case opCategory:
			if ptr >= end || !category(int(st.at(pc+1)), s[ptr]) {
				return false
			}
			pc += 2
			ptr++
		case opAny:
			if ptr >= end || isLinebreak(s[ptr]) {
				return false
			}
			pc++
			ptr++
		case opAnyAll:
			if ptr >= end {
				return false
			}
			pc++
			ptr++
		case opIn:
			if ptr >= end || !st.charset(pc+2, s[ptr]) {
				return false
			}
			pc += int(st.at(pc+1)) + 1
			ptr++
		case opLiteralIgnore:
			if ptr >= end || st.lower(s[ptr]) != st.lower(rune(st.at(pc+1))) {
				return false
			}
			pc += 2
			ptr++
		case opNotLiteralIgnore:
			if ptr >= end || st.lower(s[ptr]) == st.lower(rune(st.at(pc+1))) {
				return false
			}
			pc += 2
			ptr++
		case opInIgnore:
			if ptr >= end || !st.charset(pc+2, st.lower(s[ptr])) {
				return false
			}
			pc += int(st.at(pc+1)) + 1
			ptr++
		case opJump, opInfo:
			pc += int(st.at(pc+1)) + 1
		case opBranch:
			return st.branch(pc, ptr)
		case opRepeatOne:
			return st.repeatOne(pc, ptr)
		case opMinRepeatOne:
			return st.minRepeatOne(pc, ptr)
		case opRepeat:
			rep := &repeatCtx{count: -1, pc: pc, lastPtr: -1, prev: st.repeat}
			st.repeat = rep
			ok := st.match(pc+1+int(st.at(pc+1)), ptr)
			st.repeat = rep.prev
			return ok
		case opMaxUntil:
			return st.maxUntil(pc, ptr)
		case opMinUntil:
			return st.minUntil(pc, ptr)
		case opGroupref, opGrouprefIgnore:
			g := int(st.at(pc+1)) * 2
			if g >= st.lastmark {
				return false
			}
			p, e := st.mark(g), st.mark(g+1)
			if p < 0 || e < 0 || e < p {
				return false
			}
			for ; p < e; p++ {
				if ptr >= end {
					return false
				}
				if op == opGroupref && s[ptr] != s[p] || op == opGrouprefIgnore && st.lower(s[ptr]) != st.lower(s[p]) {
					return false
				}
				ptr++
			}
			pc += 2
		case opGrouprefExists:
			// the skip is relative to the word after the opcode
			g := int(st.at(pc+1)) * 2
			if g >= st.lastmark {
				pc += 1 + int(st.at(pc+2))
				continue
			}
			p, e := st.mark(g), st.mark(g+1)
			if p < 0 || e < 0 || e < p {
				pc += 1 + int(st.at(pc+2))
				continue
			}
			pc += 3
		case opAssert:
			back := int(st.at(pc + 2))
			if ptr-back < 0 {
				return false
			}
			if !st.match(pc+3, ptr-back) {
				return false
			}
			pc += int(st.at(pc+1)) + 1
		case opAssertNot:
			back := int(st.at(pc + 2))
			if ptr-back >= 0 {
				if st.match(pc+3, ptr-back) {
					return false
				}
			}
			pc += int(st.at(pc+1)) + 1
		case opFailure:
			return false
		default:
			st.invalid = true
			return false
		}
	}
	return false
}

func (st *state) branch(pc, ptr int) bool {
	lastmark, lastindex := st.lastmark, st.lastindex
	rep := st.repeat
	var saved []int
	if rep != nil {
		saved = st.saveMarks()
	}
	end := st.end
	for alt := pc + 1; st.at(alt) != 0 && !st.invalid; alt += int(st.at(alt)) {
		// cheap rejections SRE makes before trying an alternative
		if st.at(alt+1) == opLiteral && (ptr >= end || uint32(st.s[ptr]) != st.at(alt+2)) {
			continue
		}
		if st.at(alt+1) == opIn && (ptr >= end || !st.charset(alt+3, st.s[ptr])) {
			continue
		}
		if st.match(alt+1, ptr) {
			return true
		}
		if rep != nil {
			st.restoreMarks(saved)
		}
		st.lastmark, st.lastindex = lastmark, lastindex
	}
	return false
}

func (st *state) repeatOne(pc, ptr int) bool {
	min, max := int(st.at(pc+2)), int(st.at(pc+3))
	if ptr+min > st.end {
		return false
	}
	st.ptr = ptr
	count := st.count(pc+4, ptr, max)
	if count < min {
		return false
	}
	ptr += count
	next := pc + 1 + int(st.at(pc+1))
	if st.at(next) == opSuccess {
		st.ptr = ptr
		return true
	}
	lastmark, lastindex := st.lastmark, st.lastindex
	if st.at(next) == opLiteral {
		// the tail starts with a literal: only try where it can match
		chr := st.at(next + 1)
		for {
			for count >= min && (ptr >= st.end || uint32(st.s[ptr]) != chr) {
				ptr--
				count--
			}
			if count < min {
				break
			}
			st.ptr = ptr
			if st.match(next, ptr) {
				return true
			}
			ptr--
			count--
			st.lastmark, st.lastindex = lastmark, lastindex
		}
		return false
	}
	for count >= min {
		st.ptr = ptr
		if st.match(next, ptr) {
			return true
		}
		ptr--
		count--
		st.lastmark, st.lastindex = lastmark, lastindex
	}
	return false
}

func (st *state) minRepeatOne(pc, ptr int) bool {
	min, max := int(st.at(pc+2)), int(st.at(pc+3))
	if ptr+min > st.end {
		return false
	}
	st.ptr = ptr
	count := 0
	if min > 0 {
		count = st.count(pc+4, ptr, min)
		if count < min {
			return false
		}
		ptr += count
	}
	next := pc + 1 + int(st.at(pc+1))
	if st.at(next) == opSuccess {
		st.ptr = ptr
		return true
	}
	lastmark, lastindex := st.lastmark, st.lastindex
	for max == maxRepeat || count <= max {
		st.ptr = ptr
		if st.match(next, ptr) {
			return true
		}
		st.ptr = ptr
		if st.count(pc+4, ptr, 1) == 0 {
			break
		}
		ptr++
		count++
		st.lastmark, st.lastindex = lastmark, lastindex
	}
	return false
}

func (st *state) maxUntil(pc, ptr int) bool {
	rep := st.repeat
	if rep == nil {
		st.invalid = true
		return false
	}
	st.ptr = ptr
	count := rep.count + 1
	min, max := int(st.at(rep.pc+2)), int(st.at(rep.pc+3))
	body := rep.pc + 4
	if count < min {
		rep.count = count
		if st.match(body, ptr) {
			return true
		}
		rep.count = count - 1
		st.ptr = ptr
		return false
	}
	if (count < max || max == maxRepeat) && ptr != rep.lastPtr {
		// we may have enough matches; try one more item first
		rep.count = count
		lastmark, lastindex := st.lastmark, st.lastindex
		saved := st.saveMarks()
		savedLast := rep.lastPtr
		rep.lastPtr = ptr
		ok := st.match(body, ptr)
		rep.lastPtr = savedLast
		if ok {
			return true
		}
		st.restoreMarks(saved)
		st.lastmark, st.lastindex = lastmark, lastindex
		rep.count = count - 1
		st.ptr = ptr
	}
	// no more items here: the tail must match
	st.repeat = rep.prev
	if st.match(pc+1, ptr) {
		return true
	}
	st.repeat = rep
	st.ptr = ptr
	return false
}

func (st *state) minUntil(pc, ptr int) bool {
	rep := st.repeat
	if rep == nil {
		st.invalid = true
		return false
	}
	st.ptr = ptr
	count := rep.count + 1
	min, max := int(st.at(rep.pc+2)), int(st.at(rep.pc+3))
	body := rep.pc + 4
	if count < min {
		rep.count = count
		if st.match(body, ptr) {
			return true
		}
		rep.count = count - 1
		st.ptr = ptr
		return false
	}
	lastmark, lastindex := st.lastmark, st.lastindex
	// see if the tail matches
	st.repeat = rep.prev
	if st.match(pc+1, ptr) {
		return true
	}
	st.repeat = rep
	st.ptr = ptr
	st.lastmark, st.lastindex = lastmark, lastindex
	if count >= max && max != maxRepeat || ptr == rep.lastPtr {
		return false
	}
	rep.count = count
	savedLast := rep.lastPtr
	rep.lastPtr = ptr
	ok := st.match(body, ptr)
	rep.lastPtr = savedLast
	if ok {
		return true
	}
	rep.count = count - 1
	st.ptr = ptr
	return false
}

// search is SRE(search): try each start position from st.start.
func (st *state) search() bool {
	code := 0
	ptr, end := st.start, st.end
	if ptr > end {
		return false
	}
	if st.at(0) == opInfo {
		if min := int(st.at(3)); min != 0 && end-ptr < min {
			return false
		}
		code = int(st.at(1)) + 1
	}
	for ; ptr <= end; ptr++ {
		st.start, st.ptr = ptr, ptr
		if st.match(code, ptr) {
			return true
		}
		if st.invalid {
			return false
		}
	}
	return false
}

// matchAt is pattern.match: anchored at st.start.
func (st *state) matchAt() bool {
	st.ptr = st.start
	return st.match(0, st.start)
}
