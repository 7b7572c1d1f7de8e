// Package zlib is CPython 2.7's zlib module on Go's compress/zlib,
// compress/flate and compress/gzip.
//
// Members:
//
//	compress(string[, level])            zlib stream
//	decompress(string[, wbits[, bufsize]])  zlib (wbits 9..15), raw deflate
//	                                     (negative), gzip (16+), auto (32+)
//	compressobj([level[, method[, wbits[, memlevel[, strategy]]]]])
//	  .compress(data) .flush([mode])
//	decompressobj([wbits]) .decompress(data[, max_length]) .flush()
//	  .unused_data .unconsumed_tail
//	crc32(data[, value]) adler32(data[, value])  *signed* in 2.7
//	error, and the constants (Z_*, DEFLATED, MAX_WBITS, DEF_MEM_LEVEL,
//	ZLIB_VERSION)
//
// Known difference: Go's deflate is not zlib's, so compressed bytes differ
// from CPython's at the same level (both are valid streams; each side
// decompresses the other's, and decompression output is identical).
// strategy and memlevel are accepted but only level shapes Go's output.
// decompressobj re-inflates its buffered input on each call (quadratic on
// long streams fed in many small pieces).
package zlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	gozlib "compress/zlib"
	"errors"
	"hash/crc32"
	"io"
	"math/big"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var errorType, compType, decompType *py.Type

func init() {
	errorType = native.NewExceptionClass("zlib", "error", py.ExceptionType)
	compType = native.NewType(native.TypeSpec{Name: "Compress", Module: "zlib",
		Methods: map[string]native.Method{"compress": compCompress, "flush": compFlush}})
	decompType = native.NewType(native.TypeSpec{Name: "Decompress", Module: "zlib",
		Methods: map[string]native.Method{"decompress": decompDecompress, "flush": decompFlush},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"unused_data": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				d := s.(*decompressor)
				d.mu.Lock()
				defer d.mu.Unlock()
				return py.NewStr(d.unused), nil
			},
			"unconsumed_tail": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				d := s.(*decompressor)
				d.mu.Lock()
				defer d.mu.Unlock()
				return py.NewStr(d.tail), nil
			},
		}})
	native.Register("zlib", "The functions in this module allow compression and decompression using the\nzlib library, which is based on GNU zip.", func() []native.Member {
		m := []native.Member{
			native.F("compress", compress),
			native.F("decompress", decompress),
			native.F("compressobj", compressobj),
			native.F("decompressobj", decompressobj),
			native.F("crc32", checksum("crc32", func(v uint32, b []byte) uint32 { return crc32.Update(v, crc32.IEEETable, b) }, 0)),
			native.F("adler32", checksum("adler32", adlerUpdate, 1)),
			native.V("error", errorType),
			native.V("ZLIB_VERSION", py.NewStr("1.2.11")),
		}
		for _, c := range []struct {
			n string
			v int64
		}{{"DEFLATED", 8}, {"DEF_MEM_LEVEL", 8}, {"MAX_WBITS", 15}, {"Z_BEST_COMPRESSION", 9}, {"Z_BEST_SPEED", 1},
			{"Z_DEFAULT_COMPRESSION", -1}, {"Z_DEFAULT_STRATEGY", 0}, {"Z_FILTERED", 1}, {"Z_FINISH", 4},
			{"Z_FULL_FLUSH", 3}, {"Z_HUFFMAN_ONLY", 2}, {"Z_NO_FLUSH", 0}, {"Z_SYNC_FLUSH", 2}} {
			m = append(m, native.V(c.n, py.NewInt(c.v)))
		}
		return m
	})
}

func zerr(msg string) *py.BaseException { return py.NewException(errorType, msg) }

func data(f *py.Frame, o py.Object, fname string) (string, *py.BaseException) {
	switch v := py.BaseOf(o).(type) {
	case *py.Str:
		return v.Value(), nil
	case *py.ByteArray:
		s, err := py.ToStr(f, v)
		if err != nil {
			return "", err
		}
		return s.Value(), nil
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "ascii", "strict")
		if err != nil {
			return "", err
		}
		return e.(*py.Str).Value(), nil
	}
	return "", py.NewTypeError(fname + "() argument 1 must be string or read-only buffer, not " + o.Type().Name())
}

// adlerUpdate continues an Adler-32 from value (Go only starts at 1).
func adlerUpdate(v uint32, b []byte) uint32 {
	const mod = 65521
	s1, s2 := v&0xffff, v>>16
	for len(b) > 0 {
		n := min(len(b), 5552)
		for _, c := range b[:n] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		b = b[n:]
	}
	return s2<<16 | s1
}

func checksum(name string, fn func(uint32, []byte) uint32, start uint32) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		out := make([]py.Object, 2)
		if err := native.ParseTuple(name, args, []string{"data", "value"}, 1, out); err != nil {
			return nil, err
		}
		s, err := data(f, out[0], name)
		if err != nil {
			return nil, err
		}
		v := start
		if out[1] != nil {
			b, ok := native.Big(f, out[1])
			if !ok {
				return nil, py.NewTypeError("an integer is required")
			}
			v = uint32(new(big.Int).And(b, big.NewInt(0xffffffff)).Uint64())
		}
		return py.NewInt(int64(int32(fn(v, []byte(s))))), nil
	}
}

func level(f *py.Frame, o py.Object) (int, *py.BaseException) {
	if o == nil {
		return -1, nil
	}
	l, err := native.Int(f, o)
	if err != nil {
		return 0, err
	}
	if l < -1 || l > 9 {
		return 0, zerr("Bad compression level")
	}
	return l, nil
}

func compress(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("compress", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 2)
	if err := native.ParseTuple("compress", args, []string{"string", "level"}, 1, out); err != nil {
		return nil, err
	}
	s, err := data(f, out[0], "compress")
	if err != nil {
		return nil, err
	}
	l, err := level(f, out[1])
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w, e := gozlib.NewWriterLevel(&buf, l)
	if e != nil {
		return nil, zerr("Bad compression level")
	}
	w.Write([]byte(s))
	w.Close()
	return py.NewStr(buf.String()), nil
}

// reader opens the stream format wbits selects.
func reader(r *bytes.Reader, wbits int) (io.ReadCloser, error) {
	switch {
	case wbits < 0:
		return flate.NewReader(r), nil
	case wbits >= 32:
		if r.Len() >= 2 {
			b := make([]byte, 2)
			r.ReadAt(b, 0)
			if b[0] == 0x1f && b[1] == 0x8b {
				return gzip.NewReader(r)
			}
		}
		return gozlib.NewReader(r)
	case wbits >= 16:
		return gzip.NewReader(r)
	}
	return gozlib.NewReader(r)
}

// inflate decompresses all it can; complete reports the end of stream.
func inflate(s string, wbits int) (out []byte, rest string, complete bool, err *py.BaseException) {
	r := bytes.NewReader([]byte(s))
	rd, e := reader(r, wbits)
	if e != nil {
		if errors.Is(e, io.EOF) || errors.Is(e, io.ErrUnexpectedEOF) {
			return nil, "", false, nil
		}
		return nil, "", false, zerr("Error -3 while decompressing data: incorrect header check")
	}
	var buf bytes.Buffer
	_, e = io.Copy(&buf, rd)
	switch {
	case e == nil:
		return buf.Bytes(), s[len(s)-r.Len():], true, nil
	case errors.Is(e, io.ErrUnexpectedEOF):
		return buf.Bytes(), "", false, nil
	case errors.Is(e, gozlib.ErrChecksum), errors.Is(e, gzip.ErrChecksum):
		return nil, "", false, zerr("Error -3 while decompressing data: incorrect data check")
	case errors.Is(e, gozlib.ErrHeader), errors.Is(e, gzip.ErrHeader):
		return nil, "", false, zerr("Error -3 while decompressing data: incorrect header check")
	}
	return nil, "", false, zerr("Error -3 while decompressing data: invalid stored block lengths")
}

func wbitsArg(f *py.Frame, o py.Object) (int, *py.BaseException) {
	if o == nil {
		return 15, nil
	}
	return native.Int(f, o)
}

func decompress(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("decompress", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 3)
	if err := native.ParseTuple("decompress", args, []string{"string", "wbits", "bufsize"}, 1, out); err != nil {
		return nil, err
	}
	s, err := data(f, out[0], "decompress")
	if err != nil {
		return nil, err
	}
	wbits, err := wbitsArg(f, out[1])
	if err != nil {
		return nil, err
	}
	res, _, complete, err := inflate(s, wbits)
	if err != nil {
		return nil, err
	}
	if !complete {
		return nil, zerr("Error -5 while decompressing data: incomplete or truncated stream")
	}
	return py.NewStr(string(res)), nil
}

type compressor struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	w    io.WriteCloser
	done bool
}

func (c *compressor) Type() *py.Type { return compType }

type flusher interface{ Flush() error }

func compressobj(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("compressobj", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 5)
	if err := native.ParseTuple("compressobj", args, []string{"level", "method", "wbits", "memlevel", "strategy"}, 0, out); err != nil {
		return nil, err
	}
	l, err := level(f, out[0])
	if err != nil {
		return nil, err
	}
	wbits, err := wbitsArg(f, out[2])
	if err != nil {
		return nil, err
	}
	c := &compressor{}
	var e error
	switch {
	case wbits < 0:
		c.w, e = flate.NewWriter(&c.buf, l)
	case wbits >= 16:
		c.w, e = gzip.NewWriterLevel(&c.buf, l)
	default:
		c.w, e = gozlib.NewWriterLevel(&c.buf, l)
	}
	if e != nil {
		return nil, py.NewValueError("Invalid initialization option")
	}
	return c, nil
}

func (c *compressor) take() py.Object {
	s := py.NewStr(c.buf.String())
	c.buf.Reset()
	return s
}

func compCompress(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("compress", args, kw); err != nil {
		return nil, err
	}
	s, err := data(f, args[0], "compress")
	if err != nil {
		return nil, err
	}
	c := self.(*compressor)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return nil, zerr("Error -2 while compressing: inconsistent stream state")
	}
	c.w.Write([]byte(s))
	return c.take(), nil
}

func compFlush(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("flush", args, kw, 0, 1); err != nil {
		return nil, err
	}
	mode := 4
	if len(args) == 1 {
		var err *py.BaseException
		if mode, err = native.Int(f, args[0]); err != nil {
			return nil, err
		}
	}
	c := self.(*compressor)
	c.mu.Lock()
	defer c.mu.Unlock()
	if mode == 0 || c.done {
		return py.NewStr(""), nil
	}
	if mode == 4 {
		c.w.Close()
		c.done = true
	} else if fl, ok := c.w.(flusher); ok {
		fl.Flush()
	}
	return c.take(), nil
}

type decompressor struct {
	mu       sync.Mutex
	wbits    int
	input    string
	produced int
	unused   string
	tail     string
	done     bool
}

func (d *decompressor) Type() *py.Type { return decompType }

func decompressobj(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("decompressobj", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 1)
	if err := native.ParseTuple("decompressobj", args, []string{"wbits"}, 0, out); err != nil {
		return nil, err
	}
	wbits, err := wbitsArg(f, out[0])
	if err != nil {
		return nil, err
	}
	return &decompressor{wbits: wbits}, nil
}

func decompDecompress(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("decompress", args, kw, 1, 2); err != nil {
		return nil, err
	}
	s, err := data(f, args[0], "decompress")
	if err != nil {
		return nil, err
	}
	maxLen := 0
	if len(args) == 2 {
		if maxLen, err = native.Int(f, args[1]); err != nil {
			return nil, err
		}
		if maxLen < 0 {
			return nil, py.NewValueError("max_length must be greater than zero")
		}
	}
	d := self.(*decompressor)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		d.unused += s
		return py.NewStr(""), nil
	}
	d.input += d.tail + s
	d.tail = ""
	res, rest, complete, err := inflate(d.input, d.wbits)
	if err != nil {
		return nil, err
	}
	fresh := res[min(d.produced, len(res)):]
	if maxLen > 0 && len(fresh) > maxLen {
		// keep the rest for the next call, as unconsumed input would be
		fresh = fresh[:maxLen]
	}
	d.produced += len(fresh)
	if complete && d.produced == len(res) {
		d.done = true
		d.unused = rest
	}
	return py.NewStr(string(fresh)), nil
}

func decompFlush(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("flush", args, kw, 0, 1); err != nil {
		return nil, err
	}
	d := self.(*decompressor)
	d.mu.Lock()
	defer d.mu.Unlock()
	res, _, _, err := inflate(d.input, d.wbits)
	if err != nil {
		return nil, err
	}
	fresh := res[min(d.produced, len(res)):]
	d.produced += len(fresh)
	return py.NewStr(string(fresh)), nil
}
