package py

import (
	"math/rand"
	"sort"
	"testing"
)

// TestStableSortIdxMatchesSliceStable checks the run-merging sort against
// Go's stable sort on inputs with many equal keys (stability shows),
// ascending and descending stretches, and every size around the run
// length.
func TestStableSortIdxMatchesSliceStable(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 1, 2, 3, 31, 32, 33, 63, 64, 65, 100, 1000, 5000} {
		for shape := 0; shape < 4; shape++ {
			keys := make([]int, n)
			for i := range keys {
				switch shape {
				case 0:
					keys[i] = rng.Intn(10)
				case 1:
					keys[i] = i / 3
				case 2:
					keys[i] = (n - i) / 2
				case 3:
					keys[i] = (i % 97) * (1 - 2*(i/200%2))
				}
			}
			want := make([]int, n)
			got := make([]int, n)
			for i := range want {
				want[i], got[i] = i, i
			}
			sort.SliceStable(want, func(i, j int) bool { return keys[want[i]] < keys[want[j]] })
			calls := 0
			stableSortIdx(got, func(i, j int) bool { calls++; return keys[i] < keys[j] })
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("n=%d shape=%d: position %d holds %d, want %d", n, shape, i, got[i], want[i])
				}
			}
			if shape == 1 && n > 1 && calls != n-1 {
				t.Errorf("n=%d: sorted input took %d comparisons, want %d", n, calls, n-1)
			}
		}
	}
}

// TestNativeKeyLessAgreesWithLess checks the native key comparisons
// against the generic Less, and that keys they cannot order exactly
// (bools, floats, tuples of mixed length or content) get none.
func TestNativeKeyLessAgreesWithLess(t *testing.T) {
	f := NewRootFrame()
	rng := rand.New(rand.NewSource(2))
	n := 300
	ints, strs, tups := make([]Object, n), make([]Object, n), make([]Object, n)
	for i := 0; i < n; i++ {
		a, b := int64(rng.Intn(7)-3), int64(rng.Intn(1<<40)-1<<39)
		ints[i] = NewInt(b)
		strs[i] = NewStr(string([]byte{byte(rng.Intn(256)), byte(rng.Intn(3))}))
		tups[i] = NewTuple(NewInt(a), NewInt(b))
	}
	for _, keys := range [][]Object{ints, strs, tups} {
		native := nativeKeyLess(keys)
		if native == nil {
			t.Fatalf("no native order for %v", keys[0].Type().Name())
		}
		for i := 0; i < n; i++ {
			j := rng.Intn(n)
			want, err := Less(f, keys[i], keys[j])
			if err != nil {
				t.Fatal(err)
			}
			if got := native(i, j); got != want {
				t.Fatalf("%v < %v: native %v, Less %v", keys[i], keys[j], got, want)
			}
		}
	}
	for _, keys := range [][]Object{
		{NewInt(1), True},
		{NewInt(1), NewFloat(2)},
		{NewStr("a"), NewUnicode("b")},
		{NewTuple(NewInt(1)), NewTuple(NewInt(1), NewInt(2))},
		{NewTuple(NewInt(1), NewStr("x")), NewTuple(NewInt(1), NewStr("y"))},
		{NewTuple(), NewTuple()},
	} {
		if nativeKeyLess(keys) != nil {
			t.Errorf("native order offered for %v, %v", keys[0], keys[1])
		}
	}
}
