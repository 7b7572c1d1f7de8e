package py

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestCallBindingAgainstCPython checks argument binding and its TypeError
// texts against testdata/calls.txt (testdata/gen_calls.py).
func TestCallBindingAgainstCPython(t *testing.T) {
	fh, err := os.Open("testdata/calls.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	n := 0
	for sc.Scan() {
		n++
		c := strings.Split(sc.Text(), "\t")
		var params []string
		if c[0] != "" {
			params = strings.Split(c[0], ",")
		}
		ndef, _ := strconv.Atoi(c[1])
		var defaults []Object
		for i := 0; i < ndef; i++ {
			defaults = append(defaults, NewStr("D"+strconv.Itoa(i)))
		}
		spec := FuncSpec{Name: "fn", Params: params, Defaults: defaults, Varargs: c[2], Kwargs: c[3]}
		fn := NewFunction(spec, NewDict(), func(f *Frame, args []Object) (Object, *BaseException) {
			return NewList(append([]Object(nil), args...)...), nil
		})
		npos, _ := strconv.Atoi(c[4])
		var args []Object
		for i := 0; i < npos; i++ {
			args = append(args, NewStr("P"+strconv.Itoa(i)))
		}
		var kw Kwargs
		if c[5] != "" {
			for _, k := range strings.Split(c[5], ",") {
				kw = append(kw, Kwarg{k, NewStr("K" + k)})
			}
		}
		r, cerr := Call(NewRootFrame(), fn, args, kw)
		got := resultRepr(r, cerr)
		if got != c[6] {
			t.Errorf("%s: got %s want %s", sc.Text(), got, c[6])
		}
	}
	if n == 0 {
		t.Fatal("no cases")
	}
}
