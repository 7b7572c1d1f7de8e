package py

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestMethodsAgainstCPython calls str/unicode/list/tuple/dict methods
// listed in testdata/methods.txt (testdata/gen_methods.py) and compares
// results and error messages with CPython 2.7's.
func TestMethodsAgainstCPython(t *testing.T) {
	fh, err := os.Open("testdata/methods.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n, fails := 0, 0
	for sc.Scan() {
		n++
		c := strings.Split(sc.Text(), "\t")
		var obj Object
		switch {
		case strings.HasPrefix(c[0], "set("), strings.HasPrefix(c[0], "frozenset("):
			ctor, lit := SetType, strings.TrimPrefix(c[0], "set(")
			if strings.HasPrefix(c[0], "frozenset(") {
				ctor, lit = FrozenSetType, strings.TrimPrefix(c[0], "frozenset(")
			}
			obj = must(t)(Call1(nil, ctor, parseLit(t, lit[:len(lit)-1])))
		case strings.HasPrefix(c[0], "bytearray("):
			lit := strings.TrimPrefix(c[0], "bytearray(")
			obj = must(t)(Call1(nil, ByteArrayType, parseLit(t, lit[:len(lit)-1])))
		default:
			obj = parseLit(t, c[0])
		}
		if d, ok := obj.(*Dict); ok {
			obj = d.Copy(nil)
		}
		args := parseLit(t, c[2]).(*Tuple).elems
		r, err := CallMethod(NewRootFrame(), obj, c[1], args, nil)
		got := resultRepr(r, err)
		if got != c[3] {
			fails++
			if fails <= 15 {
				t.Errorf("%s.%s%s:\n got %s\nwant %s", c[0], c[1], c[2], got, c[3])
			}
		}
	}
	if n == 0 {
		t.Fatal("no cases")
	}
	if fails > 0 {
		t.Errorf("%d of %d method calls differ from CPython", fails, n)
	}
}
