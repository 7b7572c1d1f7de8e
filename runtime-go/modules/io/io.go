// Package iomod is CPython 2.7's _io module, the core of the io module:
// the abstract bases, in-memory streams, raw file I/O, buffering and
// text decoding, and open().
//
// Members:
//
//	DEFAULT_BUFFER_SIZE   8192
//	BlockingIOError       IOError subclass with characters_written
//	UnsupportedOperation  (ValueError, IOError) subclass
//	open(file, mode='r', buffering=-1, encoding=None, errors=None,
//	     newline=None, closefd=True)
//	_IOBase _RawIOBase _BufferedIOBase _TextIOBase   the abstract bases
//	BytesIO               in-memory bytes
//	StringIO              in-memory unicode, with newline translation
//	FileIO                raw unbuffered file descriptor I/O
//	BufferedReader BufferedWriter BufferedRandom BufferedRWPair
//	TextIOWrapper         text over a buffered stream (encoding, newlines)
//	IncrementalNewlineDecoder
//
// Differences from CPython: the buffered classes buffer reads and writes
// but do not take CPython's internal buffer lock (each call holds its
// object's mutex instead); TextIOWrapper decodes utf-8, latin-1 and ascii
// incrementally itself and other encodings chunk by chunk through the
// runtime's codecs, and its tell() cookie is a plain byte position (the
// decoder state is never carried in the cookie, since these decoders keep
// none between characters).
package iomod

import (
	"strings"
	"syscall"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

const defaultBufferSize = 8192

var unsupportedOperation, blockingIOError *py.Type

func init() {
	// the types are built in dependency order (Go would run per-file
	// init functions in file name order)
	initBases()
	initBytesIO()
	initStringIO()
	initNewlineDecoder()
	initFileIO()
	initBuffered()
	initTextIO()
	d := py.NewDict()
	d.SetStr("__module__", py.NewStr("io"))
	t, err := py.NewClass(nil, nil, "UnsupportedOperation", []*py.Type{py.ValueErrorType, py.IOErrorType}, d)
	if err != nil {
		panic("_io: " + err.Error())
	}
	unsupportedOperation = t

	blockingIOError = native.NewExceptionClass("__builtin__", "BlockingIOError", py.IOErrorType)
	blockingIOError.Def("__init__", func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out := make([]py.Object, 3)
		if err := native.ParseKw("BlockingIOError", args, kw, []string{"errno", "strerror", "characters_written"}, 2, out); err != nil {
			return nil, err
		}
		written := py.Object(py.NewInt(0))
		if out[2] != nil {
			if _, err := native.Int(f, out[2]); err != nil {
				return nil, err
			}
			written = out[2]
		}
		init, err := py.GetAttr(f, py.IOErrorType, "__init__")
		if err != nil {
			return nil, err
		}
		if _, err := py.Call(f, init, []py.Object{self, out[0], out[1]}, nil); err != nil {
			return nil, err
		}
		if err := py.SetAttr(f, self, "characters_written", written); err != nil {
			return nil, err
		}
		return py.None, nil
	})

	native.Register("_io", "The implementation of the io module: streams, buffering, text decoding and open().", func() []native.Member {
		return []native.Member{
			native.V("DEFAULT_BUFFER_SIZE", py.NewInt(defaultBufferSize)),
			native.V("BlockingIOError", blockingIOError),
			native.V("UnsupportedOperation", unsupportedOperation),
			native.V("_IOBase", iobaseType),
			native.V("_RawIOBase", rawIOBaseType),
			native.V("_BufferedIOBase", bufferedIOBaseType),
			native.V("_TextIOBase", textIOBaseType),
			native.F("open", openFn),
			native.V("BytesIO", bytesIOType),
			native.V("FileIO", fileIOType),
			native.V("BufferedReader", bufferedReaderType),
			native.V("BufferedWriter", bufferedWriterType),
			native.V("BufferedRandom", bufferedRandomType),
			native.V("BufferedRWPair", bufferedRWPairType),
			native.V("TextIOWrapper", textIOWrapperType),
			native.V("StringIO", stringIOType),
			native.V("IncrementalNewlineDecoder", incNLDecoderType),
		}
	})
}

// openFn is io.open: FileIO, wrapped in a buffer, wrapped in a
// TextIOWrapper, as the mode asks.
func openFn(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 7)
	if err := native.ParseKw("open", args, kw, []string{"file", "mode", "buffering", "encoding", "errors", "newline", "closefd"}, 1, out); err != nil {
		return nil, err
	}
	file := out[0]
	switch file.(type) {
	case *py.Str, *py.Unicode, *py.Int, *py.Long, *py.Float:
	default:
		r, err := py.Repr(f, file)
		if err != nil {
			return nil, err
		}
		return nil, py.NewTypeError("invalid file: " + r.Value())
	}
	mode := "r"
	if out[1] != nil {
		s, ok := out[1].(*py.Str)
		if !ok {
			return nil, py.NewTypeError("open() argument 2 must be string, not " + out[1].Type().Name())
		}
		mode = s.Value()
	}
	buffering := -1
	if out[2] != nil {
		n, err := native.Int(f, out[2])
		if err != nil {
			return nil, err
		}
		buffering = n
	}
	strOrNone := func(i int, what string) (py.Object, *py.BaseException) {
		if out[i] == nil || out[i] == py.None {
			return py.None, nil
		}
		if _, ok := out[i].(*py.Str); !ok {
			return nil, py.NewTypeError("open() argument " + native.Itoa(i+1) + " must be string or None, not " + out[i].Type().Name())
		}
		return out[i], nil
	}
	encoding, err := strOrNone(3, "encoding")
	if err != nil {
		return nil, err
	}
	errors, err := strOrNone(4, "errors")
	if err != nil {
		return nil, err
	}
	newline, err := strOrNone(5, "newline")
	if err != nil {
		return nil, err
	}
	closefd := py.Object(py.True)
	if out[6] != nil {
		closefd = out[6]
	}

	var reading, writing, appending, updating, text, binary, universal bool
	seen := map[rune]bool{}
	for _, c := range mode {
		if !strings.ContainsRune("rwa+tbU", c) || seen[c] {
			return nil, py.NewValueError("invalid mode: '" + mode + "'")
		}
		seen[c] = true
		switch c {
		case 'r':
			reading = true
		case 'w':
			writing = true
		case 'a':
			appending = true
		case '+':
			updating = true
		case 't':
			text = true
		case 'b':
			binary = true
		case 'U':
			universal, reading = true, true
		}
	}
	rawMode := ""
	if reading {
		rawMode += "r"
	}
	if writing {
		rawMode += "w"
	}
	if appending {
		rawMode += "a"
	}
	if updating {
		rawMode += "+"
	}
	switch {
	case universal && (writing || appending):
		return nil, py.NewValueError("can't use U and writing mode at once")
	case text && binary:
		return nil, py.NewValueError("can't have text and binary mode at once")
	case btoi(reading)+btoi(writing)+btoi(appending) > 1:
		return nil, py.NewValueError("must have exactly one of read/write/append mode")
	case !(reading || writing || appending):
		return nil, py.NewValueError("must have exactly one of read/write/append mode")
	case binary && encoding != py.None:
		return nil, py.NewValueError("binary mode doesn't take an encoding argument")
	case binary && errors != py.None:
		return nil, py.NewValueError("binary mode doesn't take an errors argument")
	case binary && newline != py.None:
		return nil, py.NewValueError("binary mode doesn't take a newline argument")
	}
	raw, err := py.Call(f, fileIOType, []py.Object{file, py.NewStr(rawMode), closefd}, nil)
	if err != nil {
		return nil, err
	}
	result := raw
	fail := func(err *py.BaseException) (py.Object, *py.BaseException) {
		call(f, result, "close")
		return nil, err
	}
	lineBuffering := false
	if buffering == 1 || buffering < 0 {
		tty, err := call(f, raw, "isatty")
		if err != nil {
			return fail(err)
		}
		if t, _ := py.IsTrue(f, tty); t || buffering == 1 {
			lineBuffering = true
		}
	}
	if buffering == 1 || buffering < 0 && lineBuffering {
		buffering = -1
	}
	if buffering < 0 {
		buffering = defaultBufferSize
		if fd, err := call(f, raw, "fileno"); err == nil {
			if n, err := native.Int(f, fd); err == nil {
				if bs := blockSize(n); bs > 1 {
					buffering = bs
				}
			}
		}
	}
	if buffering == 0 {
		if binary {
			return raw, nil
		}
		return fail(py.NewValueError("can't have unbuffered text I/O"))
	}
	bufType := bufferedReaderType
	switch {
	case updating:
		bufType = bufferedRandomType
	case writing || appending:
		bufType = bufferedWriterType
	}
	buf, err := py.Call(f, bufType, []py.Object{raw, py.NewInt(int64(buffering))}, nil)
	if err != nil {
		return fail(err)
	}
	result = buf
	if binary {
		return buf, nil
	}
	txt, err := py.Call(f, textIOWrapperType, []py.Object{buf, encoding, errors, newline, py.NewBool(lineBuffering)}, nil)
	if err != nil {
		return fail(err)
	}
	result = txt
	if err := py.SetAttr(f, txt, "mode", py.NewUnicode(mode)); err != nil {
		return fail(err)
	}
	return txt, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// blockSize is st_blksize of fd (0 when fstat fails).
func blockSize(fd int) int {
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil {
		return 0
	}
	return int(st.Blksize)
}
