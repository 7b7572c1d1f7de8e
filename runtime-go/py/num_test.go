package py

import (
	"math"
	"testing"
)

// TestNumMatchesGenericOperators checks the unboxed Num path against the
// generic operators it stands for: same result type and repr, or the same
// exception, for every operator on edge-case operands.
func TestNumMatchesGenericOperators(t *testing.T) {
	f := NewRootFrame()
	big := NewLongFromString("123456789012345678901234567890")
	vals := []Object{
		NewInt(0), NewInt(1), NewInt(-1), NewInt(2), NewInt(-7), NewInt(63), NewInt(64),
		NewInt(math.MaxInt32), NewInt(math.MinInt32), NewInt(math.MaxInt32 + 1), NewInt(math.MinInt32 - 1),
		NewInt(math.MaxInt64), NewInt(math.MinInt64), NewInt(1 << 40), NewInt(-(1 << 40)),
		True, False, NewFloat(0), NewFloat(math.Copysign(0, -1)), NewFloat(2.5), NewFloat(-0.1),
		NewFloat(math.Inf(1)), NewFloat(math.NaN()), NewFloat(1e308), big, NewStr("%d"), NewTuple(NewInt(3)),
	}
	ops := []Op{OpAdd, OpSub, OpMul, OpDiv, OpTrueDiv, OpFloorDiv, OpMod, OpLShift, OpRShift, OpAnd, OpOr, OpXor}
	fast := map[Op]func(a, b Num) (Num, bool){
		OpAdd: AddFast, OpSub: SubFast, OpMul: MulFast, OpMod: ModFast, OpAnd: AndFast, OpOr: OrFast, OpXor: XorFast,
	}
	floatFast := map[Op]func(a, b Num) (Num, bool){
		OpAdd: AddFloat, OpSub: SubFloat, OpMul: MulFloat, OpDiv: DivFloat, OpTrueDiv: DivFloat,
	}
	show := func(o Object, err *BaseException) string {
		if err != nil {
			s, _ := ToStr(f, err)
			return "raise " + err.Type().Name() + ": " + s.Value()
		}
		r, rerr := Repr(f, o)
		if rerr != nil {
			t.Fatal(rerr)
		}
		return o.Type().Name() + " " + r.Value()
	}
	for _, op := range ops {
		for _, a := range vals {
			for _, b := range vals {
				if (op == OpLShift && !smallShift(b)) || (op == OpMul && (isSeq(a) || isSeq(b))) {
					continue // huge longs or sequences, not a test of anything
				}
				want := show(binaryOp(f, op, a, b))
				n, err := NumBinary(f, op, NumOf(a), NumOf(b))
				var got string
				if err != nil {
					got = show(nil, err)
				} else {
					got = show(n.Object(), nil)
				}
				if got != want {
					t.Errorf("NumBinary(%v, %s, %s) = %s, want %s", op, show(a, nil), show(b, nil), got, want)
				}
				for _, fn := range []func(a, b Num) (Num, bool){fast[op], floatFast[op]} {
					if fn == nil {
						continue
					}
					if r, ok := fn(NumOf(a), NumOf(b)); ok {
						if got := show(r.Object(), nil); got != want {
							t.Errorf("fast %v(%s, %s) = %s, want %s", op, show(a, nil), show(b, nil), got, want)
						}
					}
				}
				wantIn := show(Inplace(f, op, a, b))
				if got := show(NumInplace(f, op, a, NumOf(b))); got != wantIn {
					t.Errorf("NumInplace(%v, %s, %s) = %s, want %s", op, show(a, nil), show(b, nil), got, wantIn)
				}
				in, err := NumInplaceNum(f, op, NumOf(a), NumOf(b))
				if got := show(in.Object(), err); got != wantIn {
					t.Errorf("NumInplaceNum(%v, %s, %s) = %s, want %s", op, show(a, nil), show(b, nil), got, wantIn)
				}
			}
		}
	}
	for _, a := range vals {
		wt, werr := IsTrue(f, a)
		gt, gerr := NumTruth(f, NumOf(a))
		if wt != gt || (werr == nil) != (gerr == nil) {
			t.Errorf("NumTruth(%s) = %v, want %v", show(a, nil), gt, wt)
		}
		if ft, ok := TruthFast(NumOf(a)); ok && (ft != wt || werr != nil) {
			t.Errorf("TruthFast(%s) = %v, want %v", show(a, nil), ft, wt)
		}
		for _, b := range vals {
			for _, op := range []CmpOp{LT, LE, EQ, NE, GT, GE} {
				w, werr := CompareBool(f, op, a, b)
				g, gerr := NumCompareBool(f, op, NumOf(a), NumOf(b))
				if w != g || (werr == nil) != (gerr == nil) {
					t.Errorf("NumCompareBool(%v, %s, %s) = %v, want %v", op, show(a, nil), show(b, nil), g, w)
				}
				fast := map[CmpOp]func(a, b Num) (bool, bool){LT: LtFast, LE: LeFast, EQ: EqFast, NE: NeFast, GT: GtFast, GE: GeFast}[op]
				if g, ok := fast(NumOf(a), NumOf(b)); ok && (g != w || werr != nil) {
					t.Errorf("fast compare %v(%s, %s) = %v, want %v", op, show(a, nil), show(b, nil), g, w)
				}
			}
		}
	}
}

func smallShift(b Object) bool {
	i, ok := b.(*Int)
	return ok && i.v <= 64
}

func isSeq(o Object) bool {
	switch o.(type) {
	case *Str, *Tuple:
		return true
	}
	return false
}

// TestModFastPathMatchesGeneric checks Mod's int shortcut against the
// generic binary operation, signs, bools and the int64 edges included.
func TestModFastPathMatchesGeneric(t *testing.T) {
	f := NewRootFrame()
	vals := []Object{NewInt(0), NewInt(7), NewInt(-7), NewInt(97), NewInt(-1 << 63), NewInt(1<<63 - 1), True, False}
	for _, a := range vals {
		for _, b := range []Object{NewInt(1), NewInt(3), NewInt(10), NewInt(1<<63 - 1), True} {
			got, err := Mod(f, a, b)
			if err != nil {
				t.Fatal(err)
			}
			want, err := binaryOp(f, OpMod, a, b)
			if err != nil {
				t.Fatal(err)
			}
			if got.Type() != want.Type() || got.(*Int).v != want.(*Int).v {
				t.Errorf("%v %% %v = %v, want %v", a, b, got, want)
			}
		}
	}
}
