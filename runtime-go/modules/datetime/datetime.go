// Package datetime is the naive (timezone-free) part of CPython 2.7's
// datetime module, which 2.7 implements only in C.
//
// Members:
//
//	timedelta(days, seconds, microseconds, milliseconds, minutes, hours,
//	  weeks)   2.7 normalisation, reprs (datetime.timedelta(1, 2, 3)),
//	           str, arithmetic, comparisons, hash, total_seconds, min/max/resolution
//	date(year, month, day)  today fromtimestamp fromordinal toordinal
//	  weekday isoweekday isocalendar isoformat ctime strftime timetuple
//	  replace, ± timedelta, date - date, comparisons, hash
//	datetime(year, month, day[, hour[, minute[, second[, microsecond]]]])
//	  now utcnow fromtimestamp utcfromtimestamp combine strptime date time
//	  plus the date methods, ± timedelta, datetime - datetime
//	time([hour[, minute[, second[, microsecond]]]])  isoformat strftime
//	  replace, comparisons, hash, bool (midnight is false in 2.7)
//	MINYEAR MAXYEAR
//
// Timezones are not supported: the tzinfo class is absent (so defining a
// tzinfo subclass fails with AttributeError) and any tzinfo other than
// None is rejected with CPython's TypeError, so naive values are exact and
// aware ones fail loudly. utcoffset/dst/tzname of naive values are None.
package datetime

import (
	"math"
	"math/big"
	"strconv"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var tdType, dateType, dtType, timeType *py.Type

const maxDays = 999999999

// ---- calendar arithmetic (proleptic Gregorian, ordinal 1 = 0001-01-01) ----

var daysInMonth = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
var daysBeforeMonth = [13]int{0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func monthDays(y, m int) int {
	if m == 2 && isLeap(y) {
		return 29
	}
	return daysInMonth[m]
}

func daysBeforeYear(y int) int {
	y--
	return y*365 + y/4 - y/100 + y/400
}

func ymdToOrd(y, m, d int) int {
	n := daysBeforeYear(y) + daysBeforeMonth[m] + d
	if m > 2 && isLeap(y) {
		n++
	}
	return n
}

func ordToYMD(n int) (int, int, int) {
	n--
	n400, n := n/146097, n%146097
	y := n400*400 + 1
	n100, n := n/36524, n%36524
	n4, n := n/1461, n%1461
	n1, n := n/365, n%365
	y += n100*100 + n4*4 + n1
	if n1 == 4 || n100 == 4 {
		return y - 1, 12, 31
	}
	leap := n1 == 3 && (n4 != 24 || n100 == 3)
	m := (n + 50) >> 5
	preceding := daysBeforeMonth[m]
	if m > 2 && leap {
		preceding++
	}
	if preceding > n { // the estimate is one month too far
		m--
		preceding -= monthDays(y, m)
	}
	return y, m, n - preceding + 1
}

func checkDate(y, m, d int) *py.BaseException {
	if y < 1 || y > 9999 {
		return py.NewValueError("year is out of range")
	}
	if m < 1 || m > 12 {
		return py.NewValueError("month must be in 1..12")
	}
	if d < 1 || d > monthDays(y, m) {
		return py.NewValueError("day is out of range for month")
	}
	return nil
}

func checkTime(h, mi, s, us int) *py.BaseException {
	switch {
	case h < 0 || h > 23:
		return py.NewValueError("hour must be in 0..23")
	case mi < 0 || mi > 59:
		return py.NewValueError("minute must be in 0..59")
	case s < 0 || s > 59:
		return py.NewValueError("second must be in 0..59")
	case us < 0 || us > 999999:
		return py.NewValueError("microsecond must be in 0..999999")
	}
	return nil
}

// intArg is the "i" conversion of the datetime constructors.
func intArg(f *py.Frame, o py.Object) (int, *py.BaseException) {
	switch v := o.(type) {
	case *py.Int:
		return int(v.Value()), nil
	case *py.Long:
		return native.Int(f, v)
	case *py.Float:
		return 0, py.NewTypeError("integer argument expected, got float")
	}
	return 0, py.NewTypeError("an integer is required")
}

func pad(n, w int) string {
	s := strconv.Itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}

// ---- timedelta ----

type timedelta struct{ days, secs, us int }

func (t *timedelta) Type() *py.Type { return tdType }

func newTD(days, secs, us int64) (*timedelta, *py.BaseException) {
	// normalise with floor division, as microseconds_to_delta
	secs += floorDiv(&us, 1000000)
	days += floorDiv(&secs, 86400)
	if days < -maxDays || days > maxDays {
		return nil, py.NewOverflowError("days=" + strconv.FormatInt(days, 10) + "; must have magnitude <= 999999999")
	}
	return &timedelta{int(days), int(secs), int(us)}, nil
}

// floorDiv returns floor(*x / d) and leaves the non-negative remainder.
func floorDiv(x *int64, d int64) int64 {
	q := *x / d
	r := *x % d
	if r < 0 {
		r += d
		q--
	}
	*x = r
	return q
}

func (t *timedelta) totalUS() *big.Int {
	v := big.NewInt(int64(t.days))
	v.Mul(v, big.NewInt(86400))
	v.Add(v, big.NewInt(int64(t.secs)))
	v.Mul(v, big.NewInt(1000000))
	return v.Add(v, big.NewInt(int64(t.us)))
}

func tdFromUS(v *big.Int) (*timedelta, *py.BaseException) {
	us := new(big.Int)
	secs, us := new(big.Int).DivMod(v, big.NewInt(1000000), us)
	s := new(big.Int)
	days, s := new(big.Int).DivMod(secs, big.NewInt(86400), s)
	if !days.IsInt64() || days.Int64() < -maxDays || days.Int64() > maxDays {
		return nil, py.NewOverflowError("days=" + days.String() + "; must have magnitude <= 999999999")
	}
	return &timedelta{int(days.Int64()), int(s.Int64()), int(us.Int64())}, nil
}

var tdParams = []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
var tdFactors = []int64{86400000000, 1000000, 1, 1000, 60000000, 3600000000, 604800000000}

// tdNew is delta_new: each argument is accumulated exactly (floats split
// into integral and fractional microseconds), leftovers rounded at the end.
func tdNew(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 7)
	if err := native.ParseKw("timedelta", args, kw, tdParams, 0, out); err != nil {
		return nil, err
	}
	sum := new(big.Int)
	leftover := 0.0
	for _, i := range []int{2, 3, 1, 4, 5, 0, 6} { // CPython's order: us, ms, s, min, h, days, weeks
		o := out[i]
		if o == nil {
			continue
		}
		factor := tdFactors[i]
		switch v := o.(type) {
		case *py.Int, *py.Long:
			b, _ := native.Big(f, v)
			sum.Add(sum, new(big.Int).Mul(b, big.NewInt(factor)))
		case *py.Float:
			ip, fp := math.Modf(v.Value())
			bi, _ := new(big.Float).SetFloat64(ip).Int(nil)
			sum.Add(sum, bi.Mul(bi, big.NewInt(factor)))
			if fp != 0 {
				ip2, fp2 := math.Modf(float64(factor) * fp)
				b2, _ := new(big.Float).SetFloat64(ip2).Int(nil)
				sum.Add(sum, b2)
				leftover += fp2
			}
		default:
			return nil, py.NewTypeError("unsupported type for timedelta " + tdParams[i] + " component: " + o.Type().Name())
		}
	}
	if leftover != 0 {
		whole := math.Round(leftover)
		if math.Abs(whole-leftover) == 0.5 { // 2.7 rounds half away from zero
			whole = leftover + math.Copysign(0.5, leftover)
		}
		b, _ := new(big.Float).SetFloat64(whole).Int(nil)
		sum.Add(sum, b)
	}
	td, err := tdFromUS(sum)
	if err != nil {
		return nil, err
	}
	return native.Wrap(t, tdType, td), nil
}

func (t *timedelta) Repr(f *py.Frame) (string, *py.BaseException) {
	switch {
	case t.us != 0:
		return "datetime.timedelta(" + strconv.Itoa(t.days) + ", " + strconv.Itoa(t.secs) + ", " + strconv.Itoa(t.us) + ")", nil
	case t.secs != 0:
		return "datetime.timedelta(" + strconv.Itoa(t.days) + ", " + strconv.Itoa(t.secs) + ")", nil
	}
	return "datetime.timedelta(" + strconv.Itoa(t.days) + ")", nil
}

func (t *timedelta) Str(f *py.Frame) (py.Object, *py.BaseException) {
	s := ""
	if t.days != 0 {
		s = strconv.Itoa(t.days) + " day"
		if t.days != 1 && t.days != -1 {
			s += "s"
		}
		s += ", "
	}
	s += strconv.Itoa(t.secs/3600) + ":" + pad(t.secs%3600/60, 2) + ":" + pad(t.secs%60, 2)
	if t.us != 0 {
		s += "." + pad(t.us, 6)
	}
	return py.NewStr(s), nil
}

func (t *timedelta) Hash(f *py.Frame) (int64, *py.BaseException) {
	return py.Hash(f, py.NewTuple(py.NewInt(int64(t.days)), py.NewInt(int64(t.secs)), py.NewInt(int64(t.us))))
}

func (t *timedelta) Truth(f *py.Frame) (bool, *py.BaseException) {
	return t.days != 0 || t.secs != 0 || t.us != 0, nil
}

func asTD(o py.Object) (*timedelta, bool) {
	t, ok := py.BaseOf(o).(*timedelta)
	return t, ok
}

func (t *timedelta) Binary(f *py.Frame, op py.Op, y py.Object, side py.Side) (py.Object, *py.BaseException) {
	if o, ok := asTD(y); ok {
		a, b := t, o
		if side == py.Right {
			a, b = o, t
		}
		switch op {
		case py.OpAdd:
			return tdFromUS(new(big.Int).Add(a.totalUS(), b.totalUS()))
		case py.OpSub:
			return tdFromUS(new(big.Int).Sub(a.totalUS(), b.totalUS()))
		}
		return py.NotImplemented, nil
	}
	n, ok := y.(*py.Int)
	var nb *big.Int
	if ok {
		nb = big.NewInt(n.Value())
	} else if l, isLong := y.(*py.Long); isLong {
		nb = l.Big()
	} else {
		return py.NotImplemented, nil
	}
	switch {
	case op == py.OpMul:
		return tdFromUS(new(big.Int).Mul(t.totalUS(), nb))
	case (op == py.OpFloorDiv || op == py.OpDiv) && side == py.Left:
		if nb.Sign() == 0 {
			return nil, py.NewZeroDivisionError("integer division or modulo by zero")
		}
		return tdFromUS(floorQuo(t.totalUS(), nb))
	}
	return py.NotImplemented, nil
}

// floorQuo is Python's a // b for big ints.
func floorQuo(a, b *big.Int) *big.Int {
	q, r := new(big.Int).QuoRem(a, b, new(big.Int))
	if r.Sign() != 0 && (r.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
	}
	return q
}

func (t *timedelta) Unary(f *py.Frame, op py.UnaryOp) (py.Object, *py.BaseException) {
	switch op {
	case py.UNeg:
		return tdFromUS(new(big.Int).Neg(t.totalUS()))
	case py.UPos:
		return t, nil
	case py.UAbs:
		if t.days < 0 {
			return tdFromUS(new(big.Int).Neg(t.totalUS()))
		}
		return t, nil
	}
	return py.NotImplemented, nil
}

func cmpInts(op py.CmpOp, a, b []int) py.Object {
	c := 0
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				c = -1
			} else {
				c = 1
			}
			break
		}
	}
	switch op {
	case py.LT:
		return py.NewBool(c < 0)
	case py.LE:
		return py.NewBool(c <= 0)
	case py.EQ:
		return py.NewBool(c == 0)
	case py.NE:
		return py.NewBool(c != 0)
	case py.GT:
		return py.NewBool(c > 0)
	}
	return py.NewBool(c >= 0)
}

// cantCompare mirrors 2.7: == and != say False/True, ordering raises.
func cantCompare(op py.CmpOp, a, b py.Object) (py.Object, *py.BaseException) {
	switch op {
	case py.EQ:
		return py.False, nil
	case py.NE:
		return py.True, nil
	}
	return nil, py.NewTypeError("can't compare " + tpName(a) + " to " + tpName(b))
}

// tpName is CPython's tp_name: "datetime.date" for this module's types.
func tpName(o py.Object) string {
	switch py.BaseOf(o).(type) {
	case *timedelta, *dt, *tm:
		if o.Type() == py.BaseOf(o).Type() {
			return "datetime." + o.Type().Name()
		}
	}
	return o.Type().Name()
}

func (t *timedelta) RichCompare(f *py.Frame, op py.CmpOp, y py.Object) (py.Object, *py.BaseException) {
	o, ok := asTD(y)
	if !ok {
		return cantCompare(op, t, y)
	}
	return cmpInts(op, []int{t.days, t.secs, t.us}, []int{o.days, o.secs, o.us}), nil
}

// ---- date and datetime ----

// dt is a date (hasTime false) or a naive datetime.
type dt struct {
	y, m, d      int
	h, mi, s, us int
	hasTime      bool
}

func (v *dt) Type() *py.Type {
	if v.hasTime {
		return dtType
	}
	return dateType
}

func asDT(o py.Object) (*dt, bool) {
	v, ok := py.BaseOf(o).(*dt)
	return v, ok
}

func (v *dt) ordinal() int { return ymdToOrd(v.y, v.m, v.d) }

func fromOrdinal(n int) (*dt, *py.BaseException) {
	if n < 1 || n > ymdToOrd(9999, 12, 31) {
		return nil, py.NewOverflowError("date value out of range")
	}
	y, m, d := ordToYMD(n)
	return &dt{y: y, m: m, d: d}, nil
}

func (v *dt) Repr(f *py.Frame) (string, *py.BaseException) {
	if !v.hasTime {
		return "datetime.date(" + strconv.Itoa(v.y) + ", " + strconv.Itoa(v.m) + ", " + strconv.Itoa(v.d) + ")", nil
	}
	s := "datetime.datetime(" + strconv.Itoa(v.y) + ", " + strconv.Itoa(v.m) + ", " + strconv.Itoa(v.d) + ", " + strconv.Itoa(v.h) + ", " + strconv.Itoa(v.mi)
	if v.us != 0 {
		s += ", " + strconv.Itoa(v.s) + ", " + strconv.Itoa(v.us)
	} else if v.s != 0 {
		s += ", " + strconv.Itoa(v.s)
	}
	return s + ")", nil
}

func (v *dt) dateISO() string { return pad(v.y, 4) + "-" + pad(v.m, 2) + "-" + pad(v.d, 2) }

func timeISO(h, mi, s, us int) string {
	r := pad(h, 2) + ":" + pad(mi, 2) + ":" + pad(s, 2)
	if us != 0 {
		r += "." + pad(us, 6)
	}
	return r
}

func (v *dt) iso(sep string) string {
	if !v.hasTime {
		return v.dateISO()
	}
	return v.dateISO() + sep + timeISO(v.h, v.mi, v.s, v.us)
}

func (v *dt) Str(f *py.Frame) (py.Object, *py.BaseException) { return py.NewStr(v.iso(" ")), nil }

func (v *dt) state() string {
	b := []byte{byte(v.y >> 8), byte(v.y), byte(v.m), byte(v.d)}
	if v.hasTime {
		b = append(b, byte(v.h), byte(v.mi), byte(v.s), byte(v.us>>16), byte(v.us>>8), byte(v.us))
	}
	return string(b)
}

// Hash follows 2.7: a datetime hashes its state string, a date the
// 1-tuple holding it (date_getstate).
func (v *dt) Hash(f *py.Frame) (int64, *py.BaseException) {
	if v.hasTime {
		return py.Hash(f, py.NewStr(v.state()))
	}
	return py.Hash(f, py.NewTuple(py.NewStr(v.state())))
}

func (v *dt) fields() []int { return []int{v.y, v.m, v.d, v.h, v.mi, v.s, v.us} }

func (v *dt) RichCompare(f *py.Frame, op py.CmpOp, y py.Object) (py.Object, *py.BaseException) {
	o, ok := asDT(y)
	if !ok || o.hasTime != v.hasTime {
		if ok && (op == py.EQ || op == py.NE) {
			return py.NewBool(op == py.NE), nil
		}
		if ok {
			return nil, py.NewTypeError("can't compare " + tpName(y) + " to " + tpName(v))
		}
		return cantCompare(op, v, y)
	}
	return cmpInts(op, v.fields(), o.fields()), nil
}

func (v *dt) Binary(f *py.Frame, op py.Op, y py.Object, side py.Side) (py.Object, *py.BaseException) {
	if td, ok := asTD(y); ok {
		if op == py.OpSub && side == py.Right {
			return py.NotImplemented, nil
		}
		if op != py.OpAdd && op != py.OpSub {
			return py.NotImplemented, nil
		}
		sign := int64(1)
		if op == py.OpSub {
			sign = -1
		}
		if !v.hasTime {
			r, err := fromOrdinal(v.ordinal() + int(sign)*td.days)
			if err != nil {
				return nil, err
			}
			return r, nil
		}
		us := big.NewInt(int64(v.ordinal()))
		us.Mul(us, big.NewInt(86400))
		us.Add(us, big.NewInt(int64(v.h*3600+v.mi*60+v.s)))
		us.Mul(us, big.NewInt(1000000))
		us.Add(us, big.NewInt(int64(v.us)))
		us.Add(us, new(big.Int).Mul(td.totalUS(), big.NewInt(sign)))
		return dtFromUS(us)
	}
	if o, ok := asDT(y); ok && op == py.OpSub && o.hasTime == v.hasTime {
		a, b := v, o
		if side == py.Right {
			a, b = o, v
		}
		if !a.hasTime {
			return newTD(int64(a.ordinal()-b.ordinal()), 0, 0)
		}
		d := int64(a.ordinal() - b.ordinal())
		s := int64((a.h*3600 + a.mi*60 + a.s) - (b.h*3600 + b.mi*60 + b.s))
		return newTD(d, s, int64(a.us-b.us))
	}
	return py.NotImplemented, nil
}

// dtFromUS builds a datetime from microseconds since 0001-01-01 minus a day.
func dtFromUS(us *big.Int) (py.Object, *py.BaseException) {
	rem := new(big.Int)
	secs, rem := new(big.Int).DivMod(us, big.NewInt(1000000), rem)
	sr := new(big.Int)
	days, sr := new(big.Int).DivMod(secs, big.NewInt(86400), sr)
	if !days.IsInt64() {
		return nil, py.NewOverflowError("date value out of range")
	}
	d, err := fromOrdinal(int(days.Int64()))
	if err != nil {
		return nil, err
	}
	s := int(sr.Int64())
	d.hasTime = true
	d.h, d.mi, d.s, d.us = s/3600, s%3600/60, s%60, int(rem.Int64())
	return d, nil
}

// ---- time ----

type tm struct{ h, mi, s, us int }

func (t *tm) Type() *py.Type { return timeType }

func (t *tm) Repr(f *py.Frame) (string, *py.BaseException) {
	s := "datetime.time(" + strconv.Itoa(t.h) + ", " + strconv.Itoa(t.mi)
	if t.us != 0 {
		s += ", " + strconv.Itoa(t.s) + ", " + strconv.Itoa(t.us)
	} else if t.s != 0 {
		s += ", " + strconv.Itoa(t.s)
	}
	return s + ")", nil
}

func (t *tm) Str(f *py.Frame) (py.Object, *py.BaseException) {
	return py.NewStr(timeISO(t.h, t.mi, t.s, t.us)), nil
}

func (t *tm) Hash(f *py.Frame) (int64, *py.BaseException) {
	return py.Hash(f, py.NewStr(string([]byte{byte(t.h), byte(t.mi), byte(t.s), byte(t.us >> 16), byte(t.us >> 8), byte(t.us)})))
}

func (t *tm) Truth(f *py.Frame) (bool, *py.BaseException) {
	return t.h != 0 || t.mi != 0 || t.s != 0 || t.us != 0, nil
}

func (t *tm) RichCompare(f *py.Frame, op py.CmpOp, y py.Object) (py.Object, *py.BaseException) {
	o, ok := py.BaseOf(y).(*tm)
	if !ok {
		return cantCompare(op, t, y)
	}
	return cmpInts(op, []int{t.h, t.mi, t.s, t.us}, []int{o.h, o.mi, o.s, o.us}), nil
}

var (
	_ py.Reprer       = (*timedelta)(nil)
	_ py.Binaryer     = (*timedelta)(nil)
	_ py.RichComparer = (*dt)(nil)
	_ py.Hasher       = (*tm)(nil)
	_ py.Unaryer      = (*timedelta)(nil)
)
