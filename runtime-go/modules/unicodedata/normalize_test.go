package unicodedata

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func hexList(s string) []rune {
	var out []rune
	for _, h := range strings.Fields(s) {
		v, _ := strconv.ParseUint(h, 16, 32)
		out = append(out, rune(v))
	}
	return out
}

// TestNormalizationTable compares all four forms with CPython 2.7 for
// every decomposable or combining character (testdata/normalization.txt).
func TestNormalizationTable(t *testing.T) {
	checkNormalization(t, "testdata/normalization.txt", view{})
}

// TestNormalization32Table does the same for ucd_3_2_0.normalize
// (testdata/normalization32.txt).
func TestNormalization32Table(t *testing.T) {
	checkNormalization(t, "testdata/normalization32.txt", view{old: true})
}

func checkNormalization(t *testing.T, file string, v view) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	forms := []string{"NFC", "NFD", "NFKC", "NFKD"}
	n, bad := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		cols := strings.Split(line, ";")
		in := py.NewUnicodeRunes(hexList(cols[0]))
		for i, form := range forms {
			n++
			got, e := normalize(v, []py.Object{py.NewStr(form), in}, nil)
			if e != nil {
				t.Fatalf("%s %s: %v", form, cols[0], e)
			}
			if string(got.(*py.Unicode).Runes()) != string(hexList(cols[i+1])) {
				bad++
				if bad <= 10 {
					t.Errorf("%s(%s) = %x, want %s", form, cols[0], got.(*py.Unicode).Runes(), cols[i+1])
				}
			}
		}
	}
	t.Logf("%d normalizations, %d wrong", n, bad)
}
