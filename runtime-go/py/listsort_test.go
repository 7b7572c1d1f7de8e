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
