// Package selectmod is the basic part of CPython 2.7's select module on
// Linux: select() over file descriptors or objects with fileno().
//
// Members:
//
//	select(rlist, wlist, xlist[, timeout])  the ready subsets, as lists of
//	                                        the objects passed in
//	error                                   select.error (errno, message)
//	POLL* EPOLL* PIPE_BUF                   the constants
//
// Not provided: poll() and epoll() objects (AttributeError).
package selectmod // "select" is a Go keyword

import (
	"math"
	"syscall"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/posix"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var errorType *py.Type

func init() {
	errorType = native.NewExceptionClass("select", "error", py.ExceptionType)
	native.Register("select", "This module supports asynchronous I/O on multiple file descriptors.", func() []native.Member {
		m := []native.Member{native.F("select", selectFn), native.V("error", errorType)}
		for _, c := range []struct {
			n string
			v int64
		}{{"PIPE_BUF", 4096}, {"POLLIN", 1}, {"POLLPRI", 2}, {"POLLOUT", 4}, {"POLLERR", 8}, {"POLLHUP", 16},
			{"POLLNVAL", 32}, {"POLLRDNORM", 64}, {"POLLRDBAND", 128}, {"POLLWRNORM", 256}, {"POLLWRBAND", 512},
			{"POLLMSG", 1024}, {"EPOLLIN", 1}, {"EPOLLPRI", 2}, {"EPOLLOUT", 4}, {"EPOLLERR", 8}, {"EPOLLHUP", 16},
			{"EPOLLRDNORM", 64}, {"EPOLLRDBAND", 128}, {"EPOLLWRNORM", 256}, {"EPOLLWRBAND", 512}, {"EPOLLMSG", 1024},
			{"EPOLLONESHOT", 1 << 30}, {"EPOLLET", -(1 << 31)}} {
			m = append(m, native.V(c.n, py.NewInt(c.v)))
		}
		return m
	})
}

// Err is select.error(errno, strerror).
func Err(errno int) *py.BaseException {
	return py.NewExceptionArgs(errorType, py.NewInt(int64(errno)), py.NewStr(posix.Strerror(errno)))
}

// Fileno is the descriptor of an int or of an object's fileno().
func Fileno(f *py.Frame, o py.Object) (int, *py.BaseException) {
	switch v := o.(type) {
	case *py.Int:
		if v.Value() < 0 {
			return 0, py.NewValueError("file descriptor cannot be a negative integer (" + native.Itoa(int(v.Value())) + ")")
		}
		return int(v.Value()), nil
	case *py.Long:
		return native.Int(f, v)
	}
	if !py.HasAttr(f, o, "fileno") {
		return 0, py.NewTypeError("argument must be an int, or have a fileno() method")
	}
	r, err := py.CallMethod(f, o, "fileno", nil, nil)
	if err != nil {
		return 0, err
	}
	n, ok := r.(*py.Int)
	if !ok {
		return 0, py.NewTypeError("fileno() returned a non-integer")
	}
	if n.Value() < 0 {
		return 0, py.NewValueError("file descriptor cannot be a negative integer (" + native.Itoa(int(n.Value())) + ")")
	}
	return int(n.Value()), nil
}

type entry struct {
	obj py.Object
	fd  int
}

func fdList(f *py.Frame, o py.Object, set *syscall.FdSet, maxfd *int) ([]entry, *py.BaseException) {
	items, err := py.ToSlice(f, o)
	if err != nil {
		return nil, py.NewTypeError("arguments 1-3 must be sequences")
	}
	var out []entry
	for _, it := range items {
		fd, err := Fileno(f, it)
		if err != nil {
			return nil, err
		}
		if fd >= syscall.FD_SETSIZE {
			return nil, py.NewValueError("filedescriptor out of range in select()")
		}
		set.Bits[fd/64] |= 1 << (uint(fd) % 64)
		*maxfd = max(*maxfd, fd)
		out = append(out, entry{it, fd})
	}
	return out, nil
}

func ready(es []entry, set *syscall.FdSet) py.Object {
	var out []py.Object
	for _, e := range es {
		if set.Bits[e.fd/64]&(1<<(uint(e.fd)%64)) != 0 {
			out = append(out, e.obj)
		}
	}
	return py.NewList(out...)
}

func selectFn(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("select", args, kw, 3, 4); err != nil {
		return nil, err
	}
	var tv *syscall.Timeval
	if len(args) == 4 && args[3] != py.None {
		t, err := native.Float(f, args[3])
		if err != nil {
			return nil, py.NewTypeError("timeout must be a float or None")
		}
		if t > math.MaxInt32 {
			return nil, py.NewOverflowError("timeout period too long")
		}
		sec := math.Floor(t)
		tv = &syscall.Timeval{Sec: int64(sec), Usec: int64((t - sec) * 1e6)}
	}
	var sets [3]syscall.FdSet
	var lists [3][]entry
	maxfd := -1
	for i := 0; i < 3; i++ {
		var err *py.BaseException
		if lists[i], err = fdList(f, args[i], &sets[i], &maxfd); err != nil {
			return nil, err
		}
	}
	if tv != nil && (tv.Sec < 0 || tv.Usec < 0) {
		return nil, Err(int(syscall.EINVAL))
	}
	for {
		r, w, x := sets[0], sets[1], sets[2]
		_, e := syscall.Select(maxfd+1, &r, &w, &x, tv)
		if e == syscall.EINTR {
			continue
		}
		if e != nil {
			return nil, Err(int(e.(syscall.Errno)))
		}
		return py.NewTuple(ready(lists[0], &r), ready(lists[1], &w), ready(lists[2], &x)), nil
	}
}
