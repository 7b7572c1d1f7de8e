package iomod

import (
	"os"
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

const chunkSize = 8192 // TextIOWrapper._CHUNK_SIZE

// textIO is TextIOWrapper. Decoded text waits in dec (after newline
// handling); offs[i] is the byte offset of dec[i] relative to an anchor
// position, so tell() is the anchor plus the offset of the next unread
// character. The anchor is recovered at tell() time as buffer.tell()
// minus fedEnd, the bytes fed to the decoder since the anchor.
type textIO struct {
	mu            sync.Mutex
	ok            bool
	buffer        py.Object // nil once detached
	encoding      py.Object
	codec         string // the runtime codec name
	errors        string
	universal     bool // newline is None or ""
	readnl        string
	writenl       string
	lineBuffering bool
	seekable      bool
	telling       bool
	nl            *nlDecoder
	chunk         int

	dec     []rune
	offs    []int
	decPos  int
	endOff  int    // offset just past what dec represents
	fedEnd  int    // offset just past every byte fed so far
	pending []byte // undecoded bytes (an incomplete character)
	heldCR  int    // offset of the '\r' the newline decoder holds back
	eof     bool
	raw     []byte // the bytes fed since the anchor
	offsOK  bool   // offs are exact (the codec is one the wrapper decodes itself)

	dict *py.Dict
}

var textIOWrapperType *py.Type

func (t *textIO) Type() *py.Type { return textIOWrapperType }
func (t *textIO) Dict() *py.Dict { return t.dict }

func (t *textIO) check(f *py.Frame, closedOK bool) *py.BaseException {
	if !t.ok {
		return py.NewValueError("I/O operation on uninitialized object")
	}
	if t.buffer == nil {
		return py.NewValueError("underlying buffer has been detached")
	}
	if !closedOK {
		return checkClosed(f, t.buffer)
	}
	return nil
}

// codecFor maps an encoding name to the codec the runtime knows it by.
func codecFor(enc string) string {
	n := strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(enc))
	switch n {
	case "utf_8", "utf8", "u8", "utf":
		return "utf-8"
	case "latin_1", "latin1", "latin", "iso8859_1", "iso_8859_1", "l1", "8859", "cp819":
		return "latin-1"
	case "ascii", "us_ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968":
		return "ascii"
	}
	return enc
}

// preferredEncoding is locale.getpreferredencoding() as CPython computes
// it from the environment's LC_ALL / LC_CTYPE / LANG.
func preferredEncoding() string {
	loc := ""
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := os.Getenv(k); v != "" {
			loc = v
			break
		}
	}
	if i := strings.IndexByte(loc, '.'); i >= 0 {
		cs := loc[i+1:]
		if j := strings.IndexByte(cs, '@'); j >= 0 {
			cs = cs[:j]
		}
		switch strings.ToLower(strings.ReplaceAll(cs, "-", "")) {
		case "utf8":
			return "UTF-8"
		case "iso88591":
			return "ISO-8859-1"
		}
		return cs
	}
	return "ANSI_X3.4-1968"
}

// utf8Len is the length of the UTF-8 sequence a lead byte starts.
func utf8Len(c byte) int {
	switch {
	case c < 0x80:
		return 1
	case c>>5 == 6:
		return 2
	case c>>4 == 14:
		return 3
	case c>>3 == 30:
		return 4
	}
	return 1
}

// decodeBytes decodes raw (keeping an incomplete trailing character back
// unless final) and returns the runes, each rune's byte offset in raw,
// and how many bytes were used.
func (t *textIO) decodeBytes(f *py.Frame, raw []byte, final bool) ([]rune, []int, int, *py.BaseException) {
	cut := len(raw)
	if t.codec == "utf-8" && !final {
		for k := 1; k <= 3 && k <= len(raw); k++ {
			c := raw[len(raw)-k]
			if c&0xc0 == 0x80 {
				continue
			}
			if c >= 0xc0 && utf8Len(c) > k {
				cut = len(raw) - k
			}
			break
		}
	}
	u, err := py.Decode(f, string(raw[:cut]), t.codec, t.errors)
	if err != nil {
		return nil, nil, 0, err
	}
	runes := u.(*py.Unicode).Runes()
	offs := make([]int, 0, len(runes))
	switch t.codec {
	case "utf-8":
		for i := 0; i < cut; {
			offs = append(offs, i)
			i += utf8Len(raw[i])
		}
	case "latin-1":
		for i := 0; i < cut; i++ {
			offs = append(offs, i)
		}
	case "ascii":
		for i := 0; i < cut; i++ {
			if raw[i] < 0x80 || t.errors != "ignore" {
				offs = append(offs, i)
			}
		}
	}
	if len(offs) != len(runes) {
		// an encoding the wrapper cannot map rune by rune (or invalid
		// bytes replaced): positions are known at chunk ends only
		t.offsOK = false
		offs = make([]int, len(runes))
	}
	return runes, offs, cut, nil
}

// readChunk reads and decodes one chunk (all the rest when all is set);
// false at EOF.
func (t *textIO) readChunk(f *py.Frame, all bool) (bool, *py.BaseException) {
	if t.decPos >= len(t.dec) {
		// rebase offsets on the end of the consumed text
		shift := t.endOff
		t.dec, t.offs, t.decPos = t.dec[:0], t.offs[:0], 0
		t.endOff -= shift
		t.fedEnd -= shift
		t.heldCR -= shift
		t.raw = append(t.raw[:0], t.raw[min(shift, len(t.raw)):]...)
		t.offsOK = true
	}
	var r py.Object
	var err *py.BaseException
	if all {
		r, err = call(f, t.buffer, "read")
	} else if py.HasAttr(f, t.buffer, "read1") {
		r, err = call(f, t.buffer, "read1", py.NewInt(int64(t.chunk)))
	} else {
		r, err = call(f, t.buffer, "read", py.NewInt(int64(t.chunk)))
	}
	if err != nil {
		return false, err
	}
	var data string
	if r != py.None {
		s, ok := py.BaseOf(r).(*py.Str)
		if !ok {
			return false, py.NewTypeError("underlying read1() should have returned a bytes object, not '" + r.Type().Name() + "'")
		}
		data = s.Value()
	}
	final := data == "" || all
	base := t.fedEnd - len(t.pending)
	raw := append(t.pending, data...)
	t.fedEnd += len(data)
	t.raw = append(t.raw, data...)
	runes, roffs, used, err := t.decodeBytes(f, raw, final)
	if err != nil {
		return false, err
	}
	t.pending = append([]byte(nil), raw[used:]...)
	out := runes
	if t.nl != nil {
		var idx []int
		out, idx = t.nl.decodeOffs(runes, final, true)
		for _, i := range idx {
			if i < 0 {
				t.offs = append(t.offs, t.heldCR)
			} else {
				t.offs = append(t.offs, base+roffs[i])
			}
		}
		if t.nl.pendingCR {
			t.heldCR = base + roffs[len(roffs)-1]
			t.endOff = t.heldCR
		} else {
			t.endOff = base + used
		}
	} else {
		for _, o := range roffs {
			t.offs = append(t.offs, base+o)
		}
		t.endOff = base + used
	}
	t.dec = append(t.dec, out...)
	t.eof = final
	return !final || len(out) > 0, nil
}

func (t *textIO) resetDecoder() {
	t.dec, t.offs, t.decPos = nil, nil, 0
	t.endOff, t.fedEnd, t.heldCR = 0, 0, 0
	t.pending = nil
	t.raw = nil
	t.eof = false
	t.offsOK = true
	if t.nl != nil {
		t.nl.pendingCR = false
	}
}

func (t *textIO) take(n int) py.Object {
	r := append([]rune(nil), t.dec[t.decPos:t.decPos+n]...)
	t.decPos += n
	return py.NewUnicodeRunes(r)
}

func (t *textIO) read(f *py.Frame, n int) (py.Object, *py.BaseException) {
	if n < 0 {
		if _, err := t.readChunk(f, true); err != nil {
			return nil, err
		}
		return t.take(len(t.dec) - t.decPos), nil
	}
	for len(t.dec)-t.decPos < n {
		more, err := t.readChunk(f, false)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
	}
	return t.take(min(n, len(t.dec)-t.decPos)), nil
}

func (t *textIO) readline(f *py.Frame, limit int) (py.Object, *py.BaseException) {
	universal, readnl := t.universal, t.readnl
	if t.nl != nil && t.nl.translate {
		universal, readnl = false, "\n"
	}
	for {
		end := lineEnd(t.dec, t.decPos, universal, readnl)
		if end >= 0 {
			n := end - t.decPos
			if limit >= 0 && n > limit {
				n = limit
			}
			return t.take(n), nil
		}
		if limit >= 0 && len(t.dec)-t.decPos >= limit {
			return t.take(limit), nil
		}
		if t.eof && t.decPos >= len(t.dec) {
			return py.NewUnicode(""), nil
		}
		more, err := t.readChunk(f, false)
		if err != nil {
			return nil, err
		}
		if !more {
			return t.take(len(t.dec) - t.decPos), nil
		}
	}
}

func (t *textIO) tell(f *py.Frame) (py.Object, *py.BaseException) {
	if !t.seekable {
		return nil, unsupported("underlying stream is not seekable")
	}
	if !t.telling {
		return nil, py.NewException(py.IOErrorType, "telling position disabled by next() call")
	}
	if _, err := call(f, t.buffer, "flush"); err != nil {
		return nil, err
	}
	r, err := call(f, t.buffer, "tell")
	if err != nil {
		return nil, err
	}
	pos, err := native.Int(f, r)
	if err != nil {
		return nil, err
	}
	if t.fedEnd == 0 && len(t.dec) == 0 {
		return r, nil
	}
	off := t.endOff
	if t.decPos < len(t.dec) {
		if !t.offsOK {
			return nil, py.NewException(py.IOErrorType, "can't reconstruct logical file position")
		}
		off = t.offs[t.decPos]
		if t.nl != nil && t.decPos > 0 && pos == t.fedEnd && off <= len(t.raw) {
			// CPython rebuilds the decoder state by re-decoding from the
			// chunk start, resetting the decoder first when that start
			// is the beginning of the stream: newlines then reports
			// only what the re-decoding sees
			t.nl.seen = scanNewlines(t.raw[:off], off < t.fedEnd)
		}
	}
	return offObj(int64(pos - t.fedEnd + off)), nil
}

func (t *textIO) write(f *py.Frame, text []rune) (py.Object, *py.BaseException) {
	n := len(text)
	hasLF, hasCR := false, false
	for _, c := range text {
		if c == '\n' {
			hasLF = true
		} else if c == '\r' {
			hasCR = true
		}
	}
	if hasLF && t.writenl != "" {
		var out []rune
		for _, c := range text {
			if c == '\n' {
				out = append(out, []rune(t.writenl)...)
			} else {
				out = append(out, c)
			}
		}
		text = out
	}
	b, err := py.Encode(f, text, t.codec, t.errors)
	if err != nil {
		return nil, err
	}
	if _, err := call(f, t.buffer, "write", b); err != nil {
		return nil, err
	}
	if t.lineBuffering && (hasLF || hasCR) {
		if _, err := call(f, t.buffer, "flush"); err != nil {
			return nil, err
		}
	}
	t.resetDecoder()
	if t.nl != nil {
		t.nl.seen = 0
	}
	return offObj(int64(n)), nil
}

// tm wraps a TextIOWrapper method: lock and checks.
func tm(closedOK bool, fn func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		t := self.(*textIO)
		t.mu.Lock()
		defer t.mu.Unlock()
		if err := t.check(f, closedOK); err != nil {
			return nil, err
		}
		return fn(f, t, args, kw)
	}
}

func tpass(name string) native.Method {
	return tm(true, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		return call(f, t.buffer, name)
	})
}

func textIOInit(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 5)
	if err := native.ParseKw("TextIOWrapper", args, kw, []string{"buffer", "encoding", "errors", "newline", "line_buffering"}, 1, out); err != nil {
		return nil, err
	}
	var encoding py.Object = py.NewStr(preferredEncoding())
	if out[1] != nil && out[1] != py.None {
		s, ok := out[1].(*py.Str)
		if !ok {
			return nil, py.NewTypeError("TextIOWrapper() argument 2 must be string or None, not " + out[1].Type().Name())
		}
		encoding = s
	}
	errors := "strict"
	if out[2] != nil && out[2] != py.None {
		s, ok := out[2].(*py.Str)
		if !ok {
			return nil, py.NewTypeError("TextIOWrapper() argument 3 must be string or None, not " + out[2].Type().Name())
		}
		errors = s.Value()
	}
	nl, none, err := newlineArg(out[3])
	if err != nil {
		return nil, err
	}
	lineBuffering := false
	if out[4] != nil {
		n, err := native.Int(f, out[4])
		if err != nil {
			return nil, err
		}
		lineBuffering = n != 0
	}
	codec := codecFor(encoding.(*py.Str).Value())
	if _, err := py.Decode(f, "", codec, "strict"); err != nil {
		if err.IsInstance(py.LookupErrorType) {
			return nil, py.NewException(py.LookupErrorType, "unknown encoding: "+encoding.(*py.Str).Value())
		}
		return nil, err
	}
	sk, err := call(f, out[0], "seekable")
	if err != nil {
		return nil, err
	}
	seekable, err := py.IsTrue(f, sk)
	if err != nil {
		return nil, err
	}
	t := self.(*textIO)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.ok, t.buffer, t.encoding, t.codec, t.errors = true, out[0], encoding, codec, errors
	t.universal, t.readnl, t.writenl, t.lineBuffering = none || nl == "", nl, "", lineBuffering
	if !t.universal && (nl == "\r" || nl == "\r\n") {
		t.writenl = nl
	}
	t.nl = nil
	if t.universal {
		t.nl = &nlDecoder{translate: none}
	}
	t.seekable, t.telling, t.chunk = seekable, seekable, chunkSize
	t.resetDecoder()
	return py.None, nil
}

func initTextIO() {
	ms := map[string]native.Method{
		"__init__": textIOInit,
		"read": tm(false, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := sizeArg(f, "read", args, kw, -1)
			if err != nil {
				return nil, err
			}
			return t.read(f, n)
		}),
		"readline": tm(false, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := sizeArg(f, "readline", args, kw, -1)
			if err != nil {
				return nil, err
			}
			return t.readline(f, n)
		}),
		"next": tm(false, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("next", args, kw); err != nil {
				return nil, err
			}
			l, err := t.next(f)
			if err == nil && l == nil {
				err = py.NewExceptionArgs(py.StopIterationType)
			}
			return l, err
		}),
		"write": tm(false, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg("write", args, kw); err != nil {
				return nil, err
			}
			u, ok := args[0].(*py.Unicode)
			if !ok {
				return nil, py.NewTypeError("write() argument 1 must be unicode, not " + args[0].Type().Name())
			}
			return t.write(f, u.Runes())
		}),
		"tell": tm(false, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("tell", args, kw); err != nil {
				return nil, err
			}
			return t.tell(f)
		}),
		"seek": tm(false, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := native.NoKwArgs("seek", kw); err != nil {
				return nil, err
			}
			out := make([]py.Object, 2)
			if err := native.ParseTuple("seek", args, []string{"cookie", "whence"}, 1, out); err != nil {
				return nil, err
			}
			whence := 0
			if out[1] != nil {
				w, err := native.Int(f, out[1])
				if err != nil {
					return nil, err
				}
				whence = w
			}
			if !t.seekable {
				return nil, unsupported("underlying stream is not seekable")
			}
			cookie, err := native.Int(f, out[0])
			if err != nil {
				return nil, err
			}
			switch whence {
			case 1:
				if cookie != 0 {
					return nil, py.NewException(py.IOErrorType, "can't do nonzero cur-relative seeks")
				}
				return t.tell(f)
			case 2:
				if cookie != 0 {
					return nil, py.NewException(py.IOErrorType, "can't do nonzero end-relative seeks")
				}
				if _, err := call(f, t.buffer, "flush"); err != nil {
					return nil, err
				}
				t.resetDecoder()
				return call(f, t.buffer, "seek", py.NewInt(0), py.NewInt(2))
			case 0:
			default:
				return nil, py.NewValueError("invalid whence (" + native.Itoa(whence) + ", should be 0, 1 or 2)")
			}
			if cookie < 0 {
				return nil, py.NewValueError("negative seek position " + native.Itoa(cookie))
			}
			if _, err := call(f, t.buffer, "flush"); err != nil {
				return nil, err
			}
			if _, err := call(f, t.buffer, "seek", py.NewInt(int64(cookie))); err != nil {
				return nil, err
			}
			t.resetDecoder()
			return out[0], nil
		}),
		"truncate": tm(false, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := native.NoKwArgs("truncate", kw); err != nil {
				return nil, err
			}
			out := make([]py.Object, 1)
			if err := native.ParseTuple("truncate", args, []string{"pos"}, 0, out); err != nil {
				return nil, err
			}
			if _, err := call(f, t.buffer, "flush"); err != nil {
				return nil, err
			}
			pos := out[0]
			if pos == nil || pos == py.None {
				p, err := t.tell(f)
				if err != nil {
					return nil, err
				}
				pos = p
			}
			return call(f, t.buffer, "truncate", pos)
		}),
		"flush": tm(false, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("flush", args, kw); err != nil {
				return nil, err
			}
			t.telling = t.seekable
			return call(f, t.buffer, "flush")
		}),
		"close": tm(true, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("close", args, kw); err != nil {
				return nil, err
			}
			c, err := isClosed(f, t.buffer)
			if err != nil {
				return nil, err
			}
			if c {
				return py.None, nil
			}
			_, ferr := call(f, t.buffer, "flush")
			if _, err := call(f, t.buffer, "close"); err != nil {
				return nil, err
			}
			if ferr != nil {
				return nil, ferr
			}
			return py.None, nil
		}),
		"detach": tm(true, func(f *py.Frame, t *textIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("detach", args, kw); err != nil {
				return nil, err
			}
			if _, err := call(f, t.buffer, "flush"); err != nil {
				return nil, err
			}
			b := t.buffer
			t.buffer = nil
			return b, nil
		}),
		"fileno":   tpass("fileno"),
		"isatty":   tpass("isatty"),
		"seekable": tpass("seekable"),
		"readable": tpass("readable"),
		"writable": tpass("writable"),
	}
	getters := map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException){
		"encoding": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			return self.(*textIO).encoding, nil
		},
		"errors": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			return py.NewStr(self.(*textIO).errors), nil
		},
		"line_buffering": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			return py.NewBool(self.(*textIO).lineBuffering), nil
		},
		"buffer": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			t := self.(*textIO)
			if t.buffer == nil {
				return nil, py.NewValueError("underlying buffer has been detached")
			}
			return t.buffer, nil
		},
		"newlines": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			t := self.(*textIO)
			t.mu.Lock()
			defer t.mu.Unlock()
			if t.nl == nil {
				return py.None, nil
			}
			return t.nl.newlines(), nil
		},
		"_CHUNK_SIZE": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			return py.NewInt(int64(self.(*textIO).chunk)), nil
		},
	}
	for _, n := range []string{"closed", "name"} {
		n := n
		getters[n] = func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			t := self.(*textIO)
			if err := t.check(f, true); err != nil {
				return nil, err
			}
			return py.GetAttr(f, t.buffer, n)
		}
	}
	textIOWrapperType = native.NewType(native.TypeSpec{Name: "TextIOWrapper", Module: "_io", Bases: []*py.Type{textIOBaseType},
		Doc: "Text (unicode) reading and writing over a buffered binary stream, with an encoding and newline handling.",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return native.Wrap(t, textIOWrapperType, &textIO{dict: py.NewDict(), offsOK: true}), nil
		},
		Methods: ms, Getters: getters,
		Setters: map[string]func(f *py.Frame, self py.Object, v py.Object) *py.BaseException{
			"_CHUNK_SIZE": func(f *py.Frame, self py.Object, v py.Object) *py.BaseException {
				n, err := native.Int(f, v)
				if err != nil {
					return err
				}
				if n <= 0 {
					return py.NewValueError("a strictly positive integer is required")
				}
				self.(*textIO).chunk = n
				return nil
			},
		}})
	textIOWrapperType.SetHasDict()
}

// next is one step of line iteration; it disables tell() until EOF, as
// CPython does.
func (t *textIO) next(f *py.Frame) (py.Object, *py.BaseException) {
	t.telling = false
	l, err := t.readline(f, -1)
	if err != nil {
		return nil, err
	}
	if len(l.(*py.Unicode).Runes()) == 0 {
		t.telling = t.seekable
		return nil, nil
	}
	return l, nil
}

// Iter implements iter(t).
func (t *textIO) Iter(f *py.Frame) (py.Object, *py.BaseException) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.check(f, false); err != nil {
		return nil, err
	}
	return t, nil
}

// Next implements line iteration.
func (t *textIO) Next(f *py.Frame) (py.Object, *py.BaseException) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.check(f, false); err != nil {
		return nil, err
	}
	return t.next(f)
}

// Repr is <_io.TextIOWrapper name='x' encoding='UTF-8'>.
func (t *textIO) Repr(f *py.Frame) (string, *py.BaseException) {
	enc, err := py.Repr(f, t.encoding)
	if err != nil {
		return "", err
	}
	if t.buffer != nil {
		if n, err := py.GetAttr(f, t.buffer, "name"); err == nil {
			r, err := py.Repr(f, n)
			if err != nil {
				return "", err
			}
			return "<_io.TextIOWrapper name=" + r.Value() + " encoding=" + enc.Value() + ">", nil
		}
	}
	return "<_io.TextIOWrapper encoding=" + enc.Value() + ">", nil
}

var (
	_ py.Iterator   = (*textIO)(nil)
	_ py.Iterabler  = (*textIO)(nil)
	_ py.Reprer     = (*textIO)(nil)
	_ py.DictHolder = (*textIO)(nil)
)
