package py

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestGetsizeofAgainstCPython checks sys.getsizeof on the values and list,
// dict and set histories of testdata/sizeof.txt (testdata/gen_sizeof.py).
func TestGetsizeofAgainstCPython(t *testing.T) {
	fh, err := os.Open("testdata/sizeof.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f := NewRootFrame()
	ints := func(n int) []Object {
		out := make([]Object, n)
		for i := range out {
			out[i] = NewInt(int64(i))
		}
		return out
	}
	call := func(o Object, name string, args ...Object) {
		if _, err := CallMethod(f, o, name, args, nil); err != nil {
			t.Fatal(err)
		}
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n, fails := 0, 0
	for sc.Scan() {
		n++
		c := strings.Split(sc.Text(), "\t")
		want, _ := strconv.Atoi(c[1])
		var obj Object
		recipe, arg, isRecipe := strings.Cut(c[0], ":")
		k, aerr := strconv.Atoi(arg)
		if !isRecipe || aerr != nil {
			obj = parseLit(t, c[0])
		} else {
			switch recipe {
			case "append", "pop":
				l := NewList()
				m := k
				if recipe == "pop" {
					m = 20
				}
				for _, v := range ints(m) {
					call(l, "append", v)
				}
				for i := 0; recipe == "pop" && i < k; i++ {
					call(l, "pop")
				}
				obj = l
			case "comp":
				l := NewList()
				for _, v := range ints(k) {
					l.Append(v)
				}
				obj = l
			case "extend":
				obj = NewList()
				call(obj, "extend", NewList(ints(k)...))
			case "iadd":
				obj = must(t)(Inplace(f, OpAdd, NewList(), NewList(ints(k)...)))
			case "iter":
				// a generator has no length hint: list() reserves 8 first
				i, k := 0, k
				gen := NewGeneratorStep(f, func(f *Frame, gen *Generator, sent Object) (Object, *BaseException) {
					if i == k {
						return nil, nil
					}
					i++
					return NewInt(int64(i)), nil
				})
				obj = must(t)(Call1(f, ListType, gen))
			case "range":
				obj = must(t)(Call1(f, Builtins.getStr("range"), NewInt(int64(k))))
			case "dict", "deldict":
				d := NewDict()
				m := k
				if recipe == "deldict" {
					m = 20
				}
				for _, v := range ints(m) {
					_ = d.SetItem(f, v, v)
				}
				for i := 0; recipe == "deldict" && i < k; i++ {
					_ = d.DelItem(f, NewInt(int64(i)))
				}
				obj = d
			case "set":
				s := must(t)(Call0(f, SetType))
				for _, v := range ints(k) {
					call(s, "add", v)
				}
				obj = s
			default:
				t.Fatalf("unknown recipe %q", c[0])
			}
		}
		got, err := sysGetsizeof(f, []Object{obj}, nil)
		if err != nil || got.(*Int).v != int64(want) {
			fails++
			if fails <= 15 {
				t.Errorf("getsizeof(%s) = %v, %v; want %d", c[0], got, err, want)
			}
		}
	}
	if n == 0 {
		t.Fatal("no cases")
	}
	if fails > 0 {
		t.Errorf("%d of %d sizes differ from CPython", fails, n)
	}
}
