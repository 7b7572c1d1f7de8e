package all

import (
	"sync"
	"testing"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// TestSharedObjectsUnderThreads hammers native objects shared between
// goroutines (threads have no GIL): every single operation must stay
// atomic, with no lost updates and no data race (run with -race).
func TestSharedObjectsUnderThreads(t *testing.T) {
	f := py.NewRootFrame()
	get := func(mod, name string) py.Object {
		m, err := py.ImportModule(f, mod)
		if err != nil {
			t.Fatal(err)
		}
		v, err := py.GetAttr(f, m, name)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	deque, _ := py.Call0(f, get("_collections", "deque"))
	counter, _ := py.Call0(f, get("itertools", "count"))
	rng, _ := py.Call1(f, get("_random", "Random"), py.NewInt(1))
	sio, _ := py.Call0(f, get("cStringIO", "StringIO"))
	arr, _ := py.Call1(f, get("array", "array"), py.NewStr("i"))
	const workers, n = 8, 500
	py.EnableThreads() // the goroutines below run Python operations
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := py.NewRootFrame()
			for i := 0; i < n; i++ {
				py.CallMethod(f, deque, "append", []py.Object{py.NewInt(int64(i))}, nil)
				py.CallMethod(f, deque, "appendleft", []py.Object{py.NewInt(int64(i))}, nil)
				py.CallMethod(f, deque, "pop", nil, nil)
				py.Next(f, counter)
				py.CallMethod(f, rng, "random", nil, nil)
				py.CallMethod(f, sio, "write", []py.Object{py.NewStr("x")}, nil)
				py.CallMethod(f, arr, "append", []py.Object{py.NewInt(1)}, nil)
			}
		}()
	}
	wg.Wait()
	check := func(what string, o py.Object, want int) {
		got, err := py.Len(f, o)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: len %d, want %d", what, got, want)
		}
	}
	check("deque", deque, workers*n)
	check("array", arr, workers*n)
	v, _ := py.CallMethod(f, sio, "getvalue", nil, nil)
	check("StringIO", v, workers*n)
	next, _ := py.Next(f, counter)
	if next.(*py.Int).Value() != workers*n {
		t.Errorf("count: next is %v, want %d", next, workers*n)
	}
}
