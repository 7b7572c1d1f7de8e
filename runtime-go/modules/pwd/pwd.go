// Package pwd is CPython 2.7's pwd module: the password database, read
// from /etc/passwd (glibc's "files" source; NSS services such as LDAP
// are not consulted).
//
// Members:
//
//	getpwuid(uid)   the entry for a user id (KeyError when absent)
//	getpwnam(name)  the entry for a user name (KeyError when absent)
//	getpwall()      every entry, in file order
//	struct_passwd   the entry type: (pw_name, pw_passwd, pw_uid, pw_gid,
//	                pw_gecos, pw_dir, pw_shell); struct_pwent is an alias
package pwd

import (
	"os"
	"strconv"
	"strings"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var passwdType = py.NewStructSeqType("pwd", "struct_passwd",
	[]string{"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"})

func init() {
	native.Register("pwd", "Access to the Unix password database (the entries of /etc/passwd).", func() []native.Member {
		return []native.Member{
			native.V("struct_passwd", passwdType),
			native.V("struct_pwent", passwdType),
			native.F("getpwuid", getpwuid),
			native.F("getpwnam", getpwnam),
			native.F("getpwall", getpwall),
		}
	})
}

type entry struct {
	fields   []string
	uid, gid int64
}

// entries parses /etc/passwd, skipping malformed lines as glibc does.
func entries() []entry {
	data, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return nil
	}
	var out []entry
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' || line[0] == '+' || line[0] == '-' {
			continue
		}
		f := strings.Split(line, ":")
		if len(f) != 7 {
			continue
		}
		uid, e1 := strconv.ParseUint(f[2], 10, 32)
		gid, e2 := strconv.ParseUint(f[3], 10, 32)
		if e1 != nil || e2 != nil {
			continue
		}
		out = append(out, entry{f, int64(uid), int64(gid)})
	}
	return out
}

func (e entry) value() py.Object {
	f := e.fields
	return py.NewStructSeq(passwdType, py.NewStr(f[0]), py.NewStr(f[1]), py.NewInt(e.uid), py.NewInt(e.gid),
		py.NewStr(f[4]), py.NewStr(f[5]), py.NewStr(f[6]))
}

func oneArg(fname string, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs(fname, kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 1)
	if err := native.ParseTuple(fname, args, []string{"arg"}, 1, out); err != nil {
		return nil, err
	}
	return out[0], nil
}

func getpwuid(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	a, err := oneArg("getpwuid", args, kw)
	if err != nil {
		return nil, err
	}
	if _, ok := a.(*py.Float); ok {
		return nil, py.NewTypeError("integer argument expected, got float")
	}
	b, ok := native.Big(f, a)
	if !ok {
		return nil, py.NewTypeError("an integer is required")
	}
	for _, e := range entries() {
		if b.IsInt64() && e.uid == b.Int64() {
			return e.value(), nil
		}
	}
	return nil, py.NewExceptionArgs(py.KeyErrorType, py.NewStr("getpwuid(): uid not found: "+b.String()))
}

func getpwnam(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	a, err := oneArg("getpwnam", args, kw)
	if err != nil {
		return nil, err
	}
	s, ok := a.(*py.Str)
	if !ok {
		return nil, py.NewTypeError("getpwnam() argument 1 must be string, not " + a.Type().Name())
	}
	for _, e := range entries() {
		if e.fields[0] == s.Value() {
			return e.value(), nil
		}
	}
	return nil, py.NewExceptionArgs(py.KeyErrorType, py.NewStr("getpwnam(): name not found: "+s.Value()))
}

func getpwall(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("getpwall", args, kw); err != nil {
		return nil, err
	}
	var out []py.Object
	for _, e := range entries() {
		out = append(out, e.value())
	}
	return py.NewList(out...), nil
}
