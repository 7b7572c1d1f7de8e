package py

// The stable sort behind list.sort and sorted(). Python comparisons are
// the expensive part, so this is a merge sort over natural runs (the
// shape of CPython's timsort without galloping): already ordered input
// costs n-1 comparisons and random input about n·log2(n), where Go's
// in-place stable sort needs several times more. Keys that are all plain
// ints, all plain strs, or all tuples of plain ints compare natively; the
// order is the one Less gives them.

// sortLess reports whether keys[i] < keys[j]; it records the first
// error and then answers false.
type sortLess func(i, j int) bool

// minRun is the length short runs are extended to by insertion sort.
const minRun = 32

// stableSortIdx sorts idx stably by less.
func stableSortIdx(idx []int, less sortLess) {
	n := len(idx)
	if n < 2 {
		return
	}
	// find runs: ascending (a[i] <= a[i+1]) or strictly descending
	// (reversed in place, which keeps stability), extended to minRun
	var runs []int // run start offsets; a run ends where the next starts
	for lo := 0; lo < n; {
		hi := lo + 1
		if hi < n {
			if less(idx[hi], idx[lo]) {
				for hi+1 < n && less(idx[hi+1], idx[hi]) {
					hi++
				}
				hi++
				for a, b := lo, hi-1; a < b; a, b = a+1, b-1 {
					idx[a], idx[b] = idx[b], idx[a]
				}
			} else {
				for hi+1 < n && !less(idx[hi+1], idx[hi]) {
					hi++
				}
				hi++
			}
		}
		if hi-lo < minRun {
			end := min(lo+minRun, n)
			insertionSortIdx(idx[lo:end], hi-lo, less)
			hi = end
		}
		runs = append(runs, lo)
		lo = hi
	}
	if len(runs) == 1 {
		return
	}
	buf := make([]int, n)
	for len(runs) > 1 {
		next := runs[:0]
		for r := 0; r < len(runs); r += 2 {
			lo := runs[r]
			if r+1 == len(runs) {
				next = append(next, lo)
				break
			}
			mid := runs[r+1]
			hi := n
			if r+2 < len(runs) {
				hi = runs[r+2]
			}
			mergeIdx(idx[lo:hi], mid-lo, buf, less)
			next = append(next, lo)
		}
		runs = next
	}
}

// insertionSortIdx extends the sorted prefix a[:sorted] to all of a,
// with a binary search for each insertion point (after equal keys).
func insertionSortIdx(a []int, sorted int, less sortLess) {
	for i := max(sorted, 1); i < len(a); i++ {
		x := a[i]
		lo, hi := 0, i
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if less(x, a[m]) {
				hi = m
			} else {
				lo = m + 1
			}
		}
		copy(a[lo+1:i+1], a[lo:i])
		a[lo] = x
	}
}

// mergeIdx merges the sorted halves a[:mid] and a[mid:], taking from the
// left on ties.
func mergeIdx(a []int, mid int, buf []int, less sortLess) {
	if !less(a[mid], a[mid-1]) {
		return // already in order
	}
	left := buf[:mid]
	copy(left, a[:mid])
	i, j, k := 0, mid, 0
	for i < len(left) && j < len(a) {
		if less(a[j], left[i]) {
			a[k] = a[j]
			j++
		} else {
			a[k] = left[i]
			i++
		}
		k++
	}
	copy(a[k:], left[i:])
}

// nativeKeyLess returns a native comparison of keys[i] and keys[j] when
// the keys are all plain ints, all plain strs, or all tuples of one
// length of plain ints; else nil. The values are copied into flat arrays
// first: a million-element sort is then bound by comparisons, not by
// cache misses on the key objects.
func nativeKeyLess(keys []Object) func(i, j int) bool {
	if len(keys) == 0 {
		return nil
	}
	plainInt := func(o Object) (int64, bool) {
		i, ok := o.(*Int)
		if !ok || i == True || i == False {
			return 0, false
		}
		return i.v, true
	}
	switch k0 := keys[0].(type) {
	case *Int:
		vals := make([]int64, len(keys))
		for i, k := range keys {
			v, ok := plainInt(k)
			if !ok {
				return nil
			}
			vals[i] = v
		}
		return func(i, j int) bool { return vals[i] < vals[j] }
	case *Str:
		vals := make([]string, len(keys))
		for i, k := range keys {
			s, ok := k.(*Str)
			if !ok {
				return nil
			}
			vals[i] = s.s
		}
		return func(i, j int) bool { return vals[i] < vals[j] }
	case *Tuple:
		w := len(k0.elems)
		if w == 0 {
			return nil
		}
		vals := make([]int64, len(keys)*w)
		for i, k := range keys {
			t, ok := k.(*Tuple)
			if !ok || len(t.elems) != w {
				return nil
			}
			for x, e := range t.elems {
				v, ok := plainInt(e)
				if !ok {
					return nil
				}
				vals[i*w+x] = v
			}
		}
		return func(i, j int) bool {
			a, b := vals[i*w:i*w+w], vals[j*w:j*w+w]
			for x := range a {
				if a[x] != b[x] {
					return a[x] < b[x]
				}
			}
			return false
		}
	}
	return nil
}
