// Package socket is the basic part of CPython 2.7's _socket module (the
// pure socket.py wraps it) on Linux sockets through package syscall, with
// name resolution from Go's net package.
//
// Members:
//
//	socket([family[, type[, proto]]])  AF_INET, AF_INET6, AF_UNIX sockets:
//	  accept bind close connect connect_ex fileno getpeername getsockname
//	  getsockopt setsockopt listen recv recvfrom send sendall sendto
//	  setblocking settimeout gettimeout shutdown; family type proto
//	SocketType                         the same type
//	error herror gaierror timeout      socket.error derives from IOError
//	gethostname gethostbyname getaddrinfo getdefaulttimeout
//	setdefaulttimeout htons ntohs htonl ntohl inet_aton inet_ntoa
//	has_ipv6, AF_* SOCK_* SOL_* SO_* IPPROTO_* TCP_NODELAY SHUT_* MSG_*
//	INADDR_ANY
//
// Timeouts wait with select(2) before each blocking call, as CPython does.
// Not provided: makefile and dup (socket.py supplies makefile), recv_into,
// socketpair, fromfd, getnameinfo, gethostbyaddr, getservbyname, the
// SSL-facing internals.
package socket

import (
	"context"
	"encoding/binary"
	"math"
	"math/big"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/posix"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var (
	socketType                                   *py.Type
	errorType, herrorType, gaierrorType, timeout *py.Type
	defaultTimeout                               = -1.0
	defMu                                        sync.Mutex
)

type sock struct {
	mu      sync.Mutex
	fd      int
	family  int
	typ     int
	proto   int
	timeout float64 // <0: blocking
}

func (s *sock) Type() *py.Type { return socketType }

func init() {
	errorType = native.NewExceptionClass("socket", "error", py.IOErrorType)
	herrorType = native.NewExceptionClass("socket", "herror", errorType)
	gaierrorType = native.NewExceptionClass("socket", "gaierror", errorType)
	timeout = native.NewExceptionClass("socket", "timeout", errorType)
	socketType = native.NewType(native.TypeSpec{Name: "socket", Module: "_socket",
		Doc: "socket([family[, type[, proto]]]) -> socket object",
		New: newSocket,
		Methods: map[string]native.Method{
			"accept": accept, "bind": addrMethod("bind", syscall.Bind), "connect": connect(false),
			"connect_ex": connect(true), "close": closeSock, "fileno": fileno, "getsockname": sockname(false),
			"getpeername": sockname(true), "listen": listen, "recv": recv, "recvfrom": recvfrom,
			"recv_into": recvInto(false), "recvfrom_into": recvInto(true),
			"send": send, "sendall": sendall, "sendto": sendto, "setblocking": setblocking,
			"settimeout": settimeout, "gettimeout": gettimeout, "setsockopt": setsockopt,
			"getsockopt": getsockopt, "shutdown": shutdown,
		},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"family": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(s.(*sock).family)), nil
			},
			"type": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(s.(*sock).typ)), nil
			},
			"proto": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(s.(*sock).proto)), nil
			},
		},
	})
	native.Register("_socket", "Implementation module for socket operations.", members)
}

func members() []native.Member {
	m := []native.Member{
		native.V("socket", socketType), native.V("SocketType", socketType),
		native.V("error", errorType), native.V("herror", herrorType),
		native.V("gaierror", gaierrorType), native.V("timeout", timeout),
		native.V("has_ipv6", py.True),
		native.F("gethostname", gethostname), native.F("gethostbyname", gethostbyname),
		native.F("gethostbyaddr", gethostbyaddr), native.F("gethostbyname_ex", gethostbyname_ex),
		native.F("getaddrinfo", getaddrinfo),
		native.F("getdefaulttimeout", getdefaulttimeout), native.F("setdefaulttimeout", setdefaulttimeout),
		native.F("htons", swap("htons", 16)), native.F("ntohs", swap("ntohs", 16)),
		native.F("htonl", swap("htonl", 32)), native.F("ntohl", swap("ntohl", 32)),
		native.F("inet_aton", inetAton), native.F("inet_ntoa", inetNtoa),
	}
	for _, c := range []struct {
		n string
		v int64
	}{{"AF_UNSPEC", 0}, {"AF_UNIX", 1}, {"AF_INET", 2}, {"AF_INET6", 10}, {"SOCK_STREAM", 1}, {"SOCK_DGRAM", 2},
		{"SOCK_RAW", 3}, {"SOCK_SEQPACKET", 5}, {"SOL_SOCKET", 1}, {"SO_REUSEADDR", 2}, {"SO_KEEPALIVE", 9},
		{"SO_BROADCAST", 6}, {"SO_ERROR", 4}, {"SO_RCVBUF", 8}, {"SO_SNDBUF", 7}, {"SO_LINGER", 13},
		{"SO_TYPE", 3}, {"IPPROTO_IP", 0}, {"IPPROTO_TCP", 6}, {"IPPROTO_UDP", 17}, {"IPPROTO_IPV6", 41},
		{"TCP_NODELAY", 1}, {"SHUT_RD", 0}, {"SHUT_WR", 1}, {"SHUT_RDWR", 2}, {"MSG_PEEK", 2},
		{"MSG_DONTWAIT", 64}, {"MSG_WAITALL", 256}, {"SOMAXCONN", 128}, {"INADDR_ANY", 0},
		{"AI_PASSIVE", 1}, {"AI_CANONNAME", 2}, {"AI_NUMERICHOST", 4}, {"EAI_NONAME", -2}} {
		m = append(m, native.V(c.n, py.NewInt(c.v)))
	}
	return m
}

func sockErr(e error) *py.BaseException {
	if en, ok := e.(syscall.Errno); ok {
		return native.EnvError(errorType, int(en), posix.Strerror(int(en)), nil)
	}
	return py.NewException(errorType, e.Error())
}

func newSocket(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := native.ParseKw("socket", args, kw, []string{"family", "type", "proto"}, 0, out); err != nil {
		return nil, err
	}
	vals := []int{syscall.AF_INET, syscall.SOCK_STREAM, 0}
	for i, o := range out {
		if o != nil {
			v, err := native.Int(f, o)
			if err != nil {
				return nil, err
			}
			vals[i] = v
		}
	}
	fd, e := syscall.Socket(vals[0], vals[1]|syscall.SOCK_CLOEXEC, vals[2])
	if e != nil {
		return nil, sockErr(e)
	}
	defMu.Lock()
	to := defaultTimeout
	defMu.Unlock()
	return native.Wrap(t, socketType, &sock{fd: fd, family: vals[0], typ: vals[1], proto: vals[2], timeout: to}), nil
}

// Repr mirrors <socket object, fd=3, family=2, type=1, protocol=0>.
func (s *sock) Repr(f *py.Frame) (string, *py.BaseException) {
	return "<socket object, fd=" + strconv.Itoa(s.fd) + ", family=" + strconv.Itoa(s.family) + ", type=" + strconv.Itoa(s.typ) + ", protocol=" + strconv.Itoa(s.proto) + ">", nil
}

// toSockaddr converts a Python address for the socket's family.
func (s *sock) toSockaddr(f *py.Frame, o py.Object) (syscall.Sockaddr, *py.BaseException) {
	if s.family == syscall.AF_UNIX {
		p, ok := o.(*py.Str)
		if !ok {
			return nil, py.NewTypeError("argument must be string, not " + o.Type().Name())
		}
		return &syscall.SockaddrUnix{Name: p.Value()}, nil
	}
	t, ok := o.(*py.Tuple)
	if !ok || len(t.Elems()) < 2 {
		return nil, py.NewTypeError("getsockaddrarg: AF_INET address must be tuple, not " + o.Type().Name())
	}
	hs, ok := t.Elems()[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("coercing to Unicode: need string or buffer, " + t.Elems()[0].Type().Name() + " found")
	}
	port, err := native.Int(f, t.Elems()[1])
	if err != nil {
		return nil, err
	}
	if port < 0 || port > 65535 {
		return nil, py.NewOverflowError("getsockaddrarg: port must be 0-65535.")
	}
	ip, gerr := resolve(hs.Value(), s.family)
	if gerr != nil {
		return nil, gerr
	}
	if s.family == syscall.AF_INET6 {
		sa := &syscall.SockaddrInet6{Port: port}
		copy(sa.Addr[:], ip.To16())
		return sa, nil
	}
	sa := &syscall.SockaddrInet4{Port: port}
	copy(sa.Addr[:], ip.To4())
	return sa, nil
}

func resolve(host string, family int) (net.IP, *py.BaseException) {
	switch host {
	case "":
		if family == syscall.AF_INET6 {
			return net.IPv6zero, nil
		}
		return net.IPv4zero, nil
	case "<broadcast>":
		return net.IPv4bcast, nil
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip, nil
	}
	ips, err := net.DefaultResolver.LookupIP(context.Background(), map[bool]string{true: "ip6", false: "ip4"}[family == syscall.AF_INET6], host)
	if err != nil || len(ips) == 0 {
		return nil, py.NewExceptionArgs(gaierrorType, py.NewInt(-2), py.NewStr("Name or service not known"))
	}
	return ips[0], nil
}

func fromSockaddr(sa syscall.Sockaddr) py.Object {
	switch a := sa.(type) {
	case *syscall.SockaddrInet4:
		return py.NewTuple(py.NewStr(net.IP(a.Addr[:]).String()), py.NewInt(int64(a.Port)))
	case *syscall.SockaddrInet6:
		return py.NewTuple(py.NewStr(net.IP(a.Addr[:]).String()), py.NewInt(int64(a.Port)), py.NewInt(0), py.NewInt(int64(a.ZoneId)))
	case *syscall.SockaddrUnix:
		return py.NewStr(a.Name)
	}
	return py.None
}

// wait blocks until fd is ready (write or read) within the timeout.
func (s *sock) wait(write bool) *py.BaseException {
	if s.timeout < 0 {
		return nil
	}
	var set syscall.FdSet
	set.Bits[s.fd/64] |= 1 << (uint(s.fd) % 64)
	sec := math.Floor(s.timeout)
	tv := syscall.Timeval{Sec: int64(sec), Usec: int64((s.timeout - sec) * 1e6)}
	var n int
	var e error
	for {
		r, w := set, set
		if write {
			n, e = syscall.Select(s.fd+1, nil, &w, nil, &tv)
		} else {
			n, e = syscall.Select(s.fd+1, &r, nil, nil, &tv)
		}
		if e != syscall.EINTR {
			break
		}
	}
	if e != nil {
		return sockErr(e)
	}
	if n == 0 {
		return py.NewException(timeout, "timed out")
	}
	return nil
}

func self(o py.Object) *sock { return o.(*sock) }

func addrMethod(name string, fn func(int, syscall.Sockaddr) error) native.Method {
	return func(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.OneArg(name, args, kw); err != nil {
			return nil, err
		}
		s := self(o)
		sa, err := s.toSockaddr(f, args[0])
		if err != nil {
			return nil, err
		}
		if e := fn(s.fd, sa); e != nil {
			return nil, sockErr(e)
		}
		return py.None, nil
	}
}

func connect(ex bool) native.Method {
	name := "connect"
	if ex {
		name = "connect_ex"
	}
	return func(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.OneArg(name, args, kw); err != nil {
			return nil, err
		}
		s := self(o)
		sa, err := s.toSockaddr(f, args[0])
		if err != nil {
			return nil, err
		}
		e := syscall.Connect(s.fd, sa)
		if e == syscall.EINPROGRESS && s.timeout > 0 {
			if err := s.wait(true); err != nil {
				return nil, err
			}
			n, _ := syscall.GetsockoptInt(s.fd, syscall.SOL_SOCKET, syscall.SO_ERROR)
			if n != 0 {
				e = syscall.Errno(n)
			} else {
				e = nil
			}
		}
		if ex {
			if en, ok := e.(syscall.Errno); ok {
				return py.NewInt(int64(en)), nil
			}
			return py.NewInt(0), nil
		}
		if e != nil {
			return nil, sockErr(e)
		}
		return py.None, nil
	}
}

func accept(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("accept", args, kw); err != nil {
		return nil, err
	}
	s := self(o)
	if err := s.wait(false); err != nil {
		return nil, err
	}
	nfd, sa, e := syscall.Accept4(s.fd, syscall.SOCK_CLOEXEC)
	if e != nil {
		return nil, sockErr(e)
	}
	ns := &sock{fd: nfd, family: s.family, typ: s.typ, proto: s.proto, timeout: s.timeout}
	if s.timeout >= 0 {
		syscall.SetNonblock(nfd, true)
	}
	return py.NewTuple(ns, fromSockaddr(sa)), nil
}

func closeSock(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("close", args, kw); err != nil {
		return nil, err
	}
	s := self(o)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fd >= 0 {
		syscall.Close(s.fd)
		s.fd = -1
	}
	return py.None, nil
}

func fileno(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("fileno", args, kw); err != nil {
		return nil, err
	}
	return py.NewInt(int64(self(o).fd)), nil
}

func sockname(peer bool) native.Method {
	name := "getsockname"
	if peer {
		name = "getpeername"
	}
	return func(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		var sa syscall.Sockaddr
		var e error
		if peer {
			sa, e = syscall.Getpeername(self(o).fd)
		} else {
			sa, e = syscall.Getsockname(self(o).fd)
		}
		if e != nil {
			return nil, sockErr(e)
		}
		return fromSockaddr(sa), nil
	}
}

func listen(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("listen", args, kw); err != nil {
		return nil, err
	}
	n, err := native.Int(f, args[0])
	if err != nil {
		return nil, err
	}
	if e := syscall.Listen(self(o).fd, max(n, 0)); e != nil {
		return nil, sockErr(e)
	}
	return py.None, nil
}

func intOpt(f *py.Frame, args []py.Object, i int) (int, *py.BaseException) {
	if i < len(args) {
		return native.Int(f, args[i])
	}
	return 0, nil
}

func recv(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("recv", args, kw, 1, 2); err != nil {
		return nil, err
	}
	n, err := native.Int(f, args[0])
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, py.NewValueError("negative buffersize in recv")
	}
	flags, err := intOpt(f, args, 1)
	if err != nil {
		return nil, err
	}
	s := self(o)
	if err := s.wait(false); err != nil {
		return nil, err
	}
	buf := make([]byte, n)
	k, _, e := syscall.Recvfrom(s.fd, buf, flags)
	if e != nil {
		return nil, sockErr(e)
	}
	return py.NewStr(string(buf[:k])), nil
}

// recvInto is recv_into(buffer[, nbytes[, flags]]) -> nbytes, and with
// from, recvfrom_into -> (nbytes, address): the data goes into the start of
// a writable buffer (bytearray, array, memoryview).
func recvInto(from bool) native.Method {
	name := "recv_into"
	if from {
		name = "recvfrom_into"
	}
	return func(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		a := make([]py.Object, 3)
		if err := py.ParseArgs(name, args, kw, []string{"buffer", "nbytes", "flags"}, 1, a); err != nil {
			return nil, err
		}
		switch a[0].(type) {
		case *py.Str, *py.Unicode:
			return nil, py.NewTypeError(name + "() argument 1 must be read-write buffer, not " + a[0].Type().Name())
		}
		size, err := py.Len(f, a[0])
		if err != nil {
			return nil, py.NewTypeError(name + "() argument 1 must be read-write buffer, not " + a[0].Type().Name())
		}
		n := 0
		if a[1] != nil {
			if n, err = native.Int(f, a[1]); err != nil {
				return nil, err
			}
		}
		flags := 0
		if a[2] != nil {
			if flags, err = native.Int(f, a[2]); err != nil {
				return nil, err
			}
		}
		if n < 0 {
			return nil, py.NewValueError("negative buffersize in " + name)
		}
		if n == 0 {
			n = size
		} else if size < n {
			if from {
				return nil, py.NewValueError("nbytes is greater than the length of the buffer")
			}
			return nil, py.NewValueError("buffer too small for requested bytes")
		}
		s := self(o)
		if err := s.wait(false); err != nil {
			return nil, err
		}
		buf := make([]byte, n)
		k, sa, e := syscall.Recvfrom(s.fd, buf, flags)
		if e != nil {
			return nil, sockErr(e)
		}
		if k > 0 {
			sl, err := py.Call(f, py.Builtins.GetStr("slice"), []py.Object{py.NewInt(0), py.NewInt(int64(k))}, nil)
			if err != nil {
				return nil, err
			}
			if err := py.SetItem(f, a[0], sl, py.NewStr(string(buf[:k]))); err != nil {
				return nil, err
			}
		}
		if !from {
			return py.NewInt(int64(k)), nil
		}
		var addr py.Object = py.None
		if sa != nil {
			addr = fromSockaddr(sa)
		}
		return py.NewTuple(py.NewInt(int64(k)), addr), nil
	}
}

func recvfrom(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("recvfrom", args, kw, 1, 2); err != nil {
		return nil, err
	}
	n, err := native.Int(f, args[0])
	if err != nil {
		return nil, err
	}
	flags, err := intOpt(f, args, 1)
	if err != nil {
		return nil, err
	}
	s := self(o)
	if err := s.wait(false); err != nil {
		return nil, err
	}
	buf := make([]byte, max(n, 0))
	k, sa, e := syscall.Recvfrom(s.fd, buf, flags)
	if e != nil {
		return nil, sockErr(e)
	}
	var addr py.Object = py.None
	if sa != nil {
		addr = fromSockaddr(sa)
	}
	return py.NewTuple(py.NewStr(string(buf[:k])), addr), nil
}

func dataArg(o py.Object, fname string) ([]byte, *py.BaseException) {
	switch v := py.BaseOf(o).(type) {
	case *py.Str:
		return []byte(v.Value()), nil
	case *py.ByteArray, *py.Buffer:
		s, err := py.ToStr(py.NewRootFrame(), v)
		if err != nil {
			return nil, err
		}
		return []byte(s.Value()), nil
	case *py.MemoryView:
		// socket.py's _fileobject.flush sends memoryview slices of its buffer.
		s, err := py.CallMethod(py.NewRootFrame(), v, "tobytes", nil, nil)
		if err != nil {
			return nil, err
		}
		return []byte(s.(*py.Str).Value()), nil
	}
	if o.Type().Name() == "array" {
		s, err := py.CallMethod(py.NewRootFrame(), o, "tostring", nil, nil)
		if err == nil {
			if str, ok := s.(*py.Str); ok {
				return []byte(str.Value()), nil
			}
		}
	}
	return nil, py.NewTypeError(fname + "() argument 1 must be string or buffer, not " + o.Type().Name())
}

func send(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("send", args, kw, 1, 2); err != nil {
		return nil, err
	}
	b, err := dataArg(args[0], "send")
	if err != nil {
		return nil, err
	}
	flags, err := intOpt(f, args, 1)
	if err != nil {
		return nil, err
	}
	s := self(o)
	if err := s.wait(true); err != nil {
		return nil, err
	}
	n, e := syscall.SendmsgN(s.fd, b, nil, nil, flags)
	if e != nil {
		return nil, sockErr(e)
	}
	return py.NewInt(int64(n)), nil
}

func sendall(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("sendall", args, kw, 1, 2); err != nil {
		return nil, err
	}
	b, err := dataArg(args[0], "sendall")
	if err != nil {
		return nil, err
	}
	flags, err := intOpt(f, args, 1)
	if err != nil {
		return nil, err
	}
	s := self(o)
	for len(b) > 0 {
		if err := s.wait(true); err != nil {
			return nil, err
		}
		n, e := syscall.SendmsgN(s.fd, b, nil, nil, flags)
		if e == syscall.EINTR || e == syscall.EAGAIN {
			continue
		}
		if e != nil {
			return nil, sockErr(e)
		}
		b = b[n:]
	}
	return py.None, nil
}

func sendto(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("sendto", args, kw, 2, 3); err != nil {
		return nil, err
	}
	b, err := dataArg(args[0], "sendto")
	if err != nil {
		return nil, err
	}
	flags := 0
	addr := args[1]
	if len(args) == 3 {
		if flags, err = native.Int(f, args[1]); err != nil {
			return nil, err
		}
		addr = args[2]
	}
	s := self(o)
	sa, err := s.toSockaddr(f, addr)
	if err != nil {
		return nil, err
	}
	if e := syscall.Sendto(s.fd, b, flags, sa); e != nil {
		return nil, sockErr(e)
	}
	return py.NewInt(int64(len(b))), nil
}

func (s *sock) setTimeout(t float64) *py.BaseException {
	s.timeout = t
	if e := syscall.SetNonblock(s.fd, t >= 0); e != nil {
		return sockErr(e)
	}
	return nil
}

func setblocking(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("setblocking", args, kw); err != nil {
		return nil, err
	}
	b, err := py.IsTrue(f, args[0])
	if err != nil {
		return nil, err
	}
	t := 0.0
	if b {
		t = -1
	}
	return py.None, self(o).setTimeout(t)
}

func timeoutArg(f *py.Frame, o py.Object) (float64, *py.BaseException) {
	if o == py.None {
		return -1, nil
	}
	t, err := native.Float(f, o)
	if err != nil {
		return 0, py.NewTypeError("Timeout value must be a float")
	}
	if t < 0 {
		return 0, py.NewValueError("Timeout value out of range")
	}
	return t, nil
}

func settimeout(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("settimeout", args, kw); err != nil {
		return nil, err
	}
	t, err := timeoutArg(f, args[0])
	if err != nil {
		return nil, err
	}
	return py.None, self(o).setTimeout(t)
}

func gettimeout(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("gettimeout", args, kw); err != nil {
		return nil, err
	}
	if t := self(o).timeout; t >= 0 {
		return py.NewFloat(t), nil
	}
	return py.None, nil
}

func setsockopt(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("setsockopt", args, kw, 3, 3); err != nil {
		return nil, err
	}
	level, err := native.Int(f, args[0])
	if err != nil {
		return nil, err
	}
	opt, err := native.Int(f, args[1])
	if err != nil {
		return nil, err
	}
	var e error
	if s, ok := args[2].(*py.Str); ok {
		e = syscall.SetsockoptString(self(o).fd, level, opt, s.Value())
	} else {
		v, err := native.Int(f, args[2])
		if err != nil {
			return nil, err
		}
		e = syscall.SetsockoptInt(self(o).fd, level, opt, v)
	}
	if e != nil {
		return nil, sockErr(e)
	}
	return py.None, nil
}

func getsockopt(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("getsockopt", args, kw, 2, 2); err != nil {
		return nil, err
	}
	level, err := native.Int(f, args[0])
	if err != nil {
		return nil, err
	}
	opt, err := native.Int(f, args[1])
	if err != nil {
		return nil, err
	}
	v, e := syscall.GetsockoptInt(self(o).fd, level, opt)
	if e != nil {
		return nil, sockErr(e)
	}
	return py.NewInt(int64(v)), nil
}

func shutdown(f *py.Frame, o py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("shutdown", args, kw); err != nil {
		return nil, err
	}
	how, err := native.Int(f, args[0])
	if err != nil {
		return nil, err
	}
	if e := syscall.Shutdown(self(o).fd, how); e != nil {
		return nil, sockErr(e)
	}
	return py.None, nil
}

func gethostname(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("gethostname", args, kw); err != nil {
		return nil, err
	}
	h, e := os.Hostname()
	if e != nil {
		return nil, sockErr(e)
	}
	return py.NewStr(h), nil
}

func gethostbyname(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("gethostbyname", args, kw); err != nil {
		return nil, err
	}
	h, ok := args[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("gethostbyname() argument 1 must be string, not " + args[0].Type().Name())
	}
	ip, err := resolve(h.Value(), syscall.AF_INET)
	if err != nil {
		return nil, err
	}
	return py.NewStr(ip.String()), nil
}

// hostsEntries reads /etc/hosts as libc does: each line an address and
// its names, the first name canonical.
func hostsEntries() [][]string {
	data, err := os.ReadFile("/etc/hosts")
	if err != nil {
		return nil
	}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if fs := strings.Fields(line); len(fs) >= 2 {
			out = append(out, fs)
		}
	}
	return out
}

func strList(ss []string) py.Object {
	items := make([]py.Object, len(ss))
	for i, s := range ss {
		items[i] = py.NewStr(s)
	}
	return py.NewList(items...)
}

// gethostbyaddr(ip_or_name) -> (name, aliases, [ip]), from the first hosts
// line for the address, as glibc answers without a name server.
func gethostbyaddr(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("gethostbyaddr", args, kw); err != nil {
		return nil, err
	}
	h, ok := args[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("gethostbyaddr() argument 1 must be string, not " + args[0].Type().Name())
	}
	ip, err := resolve(h.Value(), syscall.AF_INET)
	if err != nil {
		return nil, err
	}
	for _, e := range hostsEntries() {
		if a := net.ParseIP(e[0]); a != nil && a.Equal(ip) {
			return py.NewTuple(py.NewStr(e[1]), strList(e[2:]), strList([]string{ip.String()})), nil
		}
	}
	return nil, py.NewExceptionArgs(herrorType, py.NewInt(1), py.NewStr("Unknown host"))
}

// gethostbyname_ex(name) -> (name, aliases, ips): the hosts line naming it,
// else the resolver's IPv4 addresses under the given name.
func gethostbyname_ex(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("gethostbyname_ex", args, kw); err != nil {
		return nil, err
	}
	h, ok := args[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("gethostbyname_ex() argument 1 must be string, not " + args[0].Type().Name())
	}
	name := h.Value()
	var canon string
	var aliases, ips []string
	for _, e := range hostsEntries() {
		if a := net.ParseIP(e[0]); a == nil || a.To4() == nil {
			continue
		}
		for _, n := range e[1:] {
			if n == name {
				if canon == "" {
					canon, aliases = e[1], e[2:]
				}
				ips = append(ips, e[0])
				break
			}
		}
	}
	if canon == "" {
		ip, err := resolve(name, syscall.AF_INET)
		if err != nil {
			return nil, err
		}
		canon, ips = name, []string{ip.String()}
	}
	return py.NewTuple(py.NewStr(canon), strList(aliases), strList(ips)), nil
}

func getaddrinfo(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 6)
	if err := native.ParseKw("getaddrinfo", args, kw, []string{"host", "port", "family", "socktype", "proto", "flags"}, 2, out); err != nil {
		return nil, err
	}
	nums := make([]int, 4)
	for i, o := range out[2:] {
		if o != nil {
			v, err := native.Int(f, o)
			if err != nil {
				return nil, err
			}
			nums[i] = v
		}
	}
	port := 0
	switch p := out[1].(type) {
	case *py.Int:
		port = int(p.Value())
	case *py.Str:
		n, e := strconv.Atoi(p.Value())
		if e != nil {
			sp, e2 := net.LookupPort("tcp", p.Value())
			if e2 != nil {
				return nil, py.NewExceptionArgs(gaierrorType, py.NewInt(-8), py.NewStr("Servname not supported for ai_socktype"))
			}
			n = sp
		}
		port = n
	case *py.NoneObject:
	default:
		return nil, py.NewException(errorType, "Int or String expected")
	}
	var ips []net.IP
	if out[0] == py.None {
		ips = []net.IP{net.IPv4(127, 0, 0, 1)}
		if nums[3]&1 != 0 {
			ips = []net.IP{net.IPv4zero}
		}
	} else {
		h, ok := out[0].(*py.Str)
		if !ok {
			return nil, py.NewTypeError("getaddrinfo() argument 1 must be string or None")
		}
		if ip := net.ParseIP(h.Value()); ip != nil {
			ips = []net.IP{ip}
		} else {
			found, e := net.DefaultResolver.LookupIP(context.Background(), "ip", h.Value())
			if e != nil || len(found) == 0 {
				return nil, py.NewExceptionArgs(gaierrorType, py.NewInt(-2), py.NewStr("Name or service not known"))
			}
			ips = found
		}
	}
	types := []int{syscall.SOCK_STREAM, syscall.SOCK_DGRAM, syscall.SOCK_RAW}
	if nums[1] != 0 {
		types = []int{nums[1]}
	}
	var res []py.Object
	for _, ip := range ips {
		fam := syscall.AF_INET
		if ip.To4() == nil {
			fam = syscall.AF_INET6
		}
		if nums[0] != 0 && nums[0] != fam {
			continue
		}
		for _, st := range types {
			proto := map[int]int{syscall.SOCK_STREAM: 6, syscall.SOCK_DGRAM: 17, syscall.SOCK_RAW: 0}[st]
			if nums[2] != 0 {
				proto = nums[2]
			}
			var addr py.Object
			if fam == syscall.AF_INET6 {
				addr = py.NewTuple(py.NewStr(ip.String()), py.NewInt(int64(port)), py.NewInt(0), py.NewInt(0))
			} else {
				addr = py.NewTuple(py.NewStr(ip.To4().String()), py.NewInt(int64(port)))
			}
			res = append(res, py.NewTuple(py.NewInt(int64(fam)), py.NewInt(int64(st)), py.NewInt(int64(proto)), py.NewStr(""), addr))
		}
	}
	return py.NewList(res...), nil
}

func getdefaulttimeout(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("getdefaulttimeout", args, kw); err != nil {
		return nil, err
	}
	defMu.Lock()
	defer defMu.Unlock()
	if defaultTimeout < 0 {
		return py.None, nil
	}
	return py.NewFloat(defaultTimeout), nil
}

func setdefaulttimeout(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("setdefaulttimeout", args, kw); err != nil {
		return nil, err
	}
	t, err := timeoutArg(f, args[0])
	if err != nil {
		return nil, err
	}
	defMu.Lock()
	defaultTimeout = t
	defMu.Unlock()
	return py.None, nil
}

func swap(name string, bits int) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.OneArg(name, args, kw); err != nil {
			return nil, err
		}
		b, ok := native.Big(f, args[0])
		if !ok {
			return nil, py.NewTypeError("expected int/long, " + args[0].Type().Name() + " found")
		}
		if b.Sign() < 0 {
			return nil, py.NewOverflowError("can't convert negative number to unsigned long")
		}
		v := b.Uint64()
		if bits == 16 {
			return py.NewInt(int64((v&0xff)<<8 | (v>>8)&0xff)), nil
		}
		var buf [4]byte
		binary.BigEndian.PutUint32(buf[:], uint32(v))
		// htonl/ntohl return longs in 2.7
		return py.NewLong(new(big.Int).SetUint64(uint64(binary.LittleEndian.Uint32(buf[:])))), nil
	}
}

func inetAton(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("inet_aton", args, kw); err != nil {
		return nil, err
	}
	s, ok := args[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("inet_aton() argument 1 must be string, not " + args[0].Type().Name())
	}
	ip := net.ParseIP(s.Value())
	if ip == nil || ip.To4() == nil || strings.Contains(s.Value(), ":") {
		return nil, py.NewException(errorType, "illegal IP address string passed to inet_aton")
	}
	return py.NewStr(string(ip.To4())), nil
}

func inetNtoa(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("inet_ntoa", args, kw); err != nil {
		return nil, err
	}
	s, ok := args[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("inet_ntoa() argument 1 must be string or read-only buffer, not " + args[0].Type().Name())
	}
	if len(s.Value()) != 4 {
		return nil, py.NewException(errorType, "packed IP wrong length for inet_ntoa")
	}
	b := []byte(s.Value())
	return py.NewStr(net.IPv4(b[0], b[1], b[2], b[3]).String()), nil
}

var (
	_ py.Reprer = (*sock)(nil)
)
