package datetime

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	gotime "time"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

type getters = map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException)

func intGetter(fn func(o py.Object) int) func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
	return func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return py.NewInt(int64(fn(s))), nil }
}

// noTZ accepts only None: there is no tzinfo class here, so any other
// value is "not a tzinfo subclass", as CPython says.
func noTZ(o py.Object) *py.BaseException {
	if o != nil && o != py.None {
		return py.NewTypeError("tzinfo argument must be None or of a tzinfo subclass, not type '" + o.Type().Name() + "'")
	}
	return nil
}

func init() {
	tdType = native.NewType(native.TypeSpec{Name: "timedelta", Module: "datetime",
		Doc: "Difference between two datetime values.", New: tdNew,
		Methods: map[string]native.Method{
			"total_seconds": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("total_seconds", args, kw); err != nil {
					return nil, err
				}
				t := s.(*timedelta)
				us, _ := new(big.Float).SetInt(t.totalUS()).Float64()
				return py.NewFloat(us / 1e6), nil
			},
		},
		Getters: getters{
			"days":         intGetter(func(o py.Object) int { return o.(*timedelta).days }),
			"seconds":      intGetter(func(o py.Object) int { return o.(*timedelta).secs }),
			"microseconds": intGetter(func(o py.Object) int { return o.(*timedelta).us }),
		},
	})
	dateMethods := map[string]native.Method{
		"toordinal": m0("toordinal", func(f *py.Frame, v *dt) (py.Object, *py.BaseException) { return py.NewInt(int64(v.ordinal())), nil }),
		"weekday": m0("weekday", func(f *py.Frame, v *dt) (py.Object, *py.BaseException) {
			return py.NewInt(int64((v.ordinal() + 6) % 7)), nil
		}),
		"isoweekday": m0("isoweekday", func(f *py.Frame, v *dt) (py.Object, *py.BaseException) {
			return py.NewInt(int64((v.ordinal()+6)%7 + 1)), nil
		}),
		"isocalendar": m0("isocalendar", isocalendar),
		"ctime":       m0("ctime", ctime),
		"timetuple":   m0("timetuple", timetuple),
		"strftime":    strftime,
		"__format__":  format,
		"replace":     replace,
		"isoformat":   isoformat,
		"utcoffset":   m0("utcoffset", func(f *py.Frame, v *dt) (py.Object, *py.BaseException) { return py.None, nil }),
		"dst":         m0("dst", func(f *py.Frame, v *dt) (py.Object, *py.BaseException) { return py.None, nil }),
		"tzname":      m0("tzname", func(f *py.Frame, v *dt) (py.Object, *py.BaseException) { return py.None, nil }),
	}
	dateGetters := getters{
		"year":  intGetter(func(o py.Object) int { return o.(*dt).y }),
		"month": intGetter(func(o py.Object) int { return o.(*dt).m }),
		"day":   intGetter(func(o py.Object) int { return o.(*dt).d }),
	}
	dateType = native.NewType(native.TypeSpec{Name: "date", Module: "datetime",
		Doc: "date(year, month, day) --> date object", New: dateNew, Methods: dateMethods, Getters: dateGetters})
	dtMethods := map[string]native.Method{
		"date": m0("date", func(f *py.Frame, v *dt) (py.Object, *py.BaseException) { return &dt{y: v.y, m: v.m, d: v.d}, nil }),
		"time": m0("time", func(f *py.Frame, v *dt) (py.Object, *py.BaseException) {
			return &tm{v.h, v.mi, v.s, v.us}, nil
		}),
		"utctimetuple": m0("utctimetuple", timetuple),
	}
	for k, m := range dateMethods {
		dtMethods[k] = m
	}
	dtGetters := getters{
		"hour":        intGetter(func(o py.Object) int { return o.(*dt).h }),
		"minute":      intGetter(func(o py.Object) int { return o.(*dt).mi }),
		"second":      intGetter(func(o py.Object) int { return o.(*dt).s }),
		"microsecond": intGetter(func(o py.Object) int { return o.(*dt).us }),
		"tzinfo":      func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return py.None, nil },
	}
	for k, g := range dateGetters {
		dtGetters[k] = g
	}
	dtType = native.NewType(native.TypeSpec{Name: "datetime", Module: "datetime", Bases: []*py.Type{dateType},
		Doc: "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])", New: dtNew,
		Methods: dtMethods, Getters: dtGetters})
	timeType = native.NewType(native.TypeSpec{Name: "time", Module: "datetime",
		Doc: "time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object", New: timeNew,
		Methods: map[string]native.Method{
			"isoformat": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				return py.StrObject(f, s)
			},
			"strftime": timeStrftime,
			"replace":  timeReplace,
		},
		Getters: getters{
			"hour":        intGetter(func(o py.Object) int { return o.(*tm).h }),
			"minute":      intGetter(func(o py.Object) int { return o.(*tm).mi }),
			"second":      intGetter(func(o py.Object) int { return o.(*tm).s }),
			"microsecond": intGetter(func(o py.Object) int { return o.(*tm).us }),
			"tzinfo":      func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return py.None, nil },
		}})
	classMethods()
	native.Register("datetime", "Fast implementation of the datetime type.", func() []native.Member {
		return []native.Member{
			native.V("timedelta", tdType), native.V("date", dateType), native.V("datetime", dtType),
			native.V("time", timeType), native.V("MINYEAR", py.NewInt(1)), native.V("MAXYEAR", py.NewInt(9999)),
		}
	})
}

// classMethods adds the constructors and class attributes that need the
// types to exist.
func classMethods() {
	cm := func(t *py.Type, name string, fn func(f *py.Frame, cls *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)) {
		t.Dict().SetStr(name, py.NewClassMethod(py.NewBuiltinFunction(name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return fn(f, args[0].(*py.Type), args[1:], kw)
		})))
	}
	cm(dateType, "today", func(f *py.Frame, cls *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs("today", args, kw); err != nil {
			return nil, err
		}
		n := gotime.Now()
		v := &dt{y: n.Year(), m: int(n.Month()), d: n.Day()}
		if cls.IsSubtype(dtType) {
			v.hasTime, v.h, v.mi, v.s, v.us = true, n.Hour(), n.Minute(), n.Second(), n.Nanosecond()/1000
		}
		return v, nil
	})
	cm(dateType, "fromordinal", func(f *py.Frame, cls *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.OneArg("fromordinal", args, kw); err != nil {
			return nil, err
		}
		n, err := intArg(f, args[0])
		if err != nil {
			return nil, err
		}
		if n < 1 {
			return nil, py.NewValueError("ordinal must be >= 1")
		}
		v, err := fromOrdinal(n)
		if err != nil {
			return nil, err
		}
		v.hasTime = cls.IsSubtype(dtType)
		return v, nil
	})
	fromTS := func(name string, utc bool) func(f *py.Frame, cls *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return func(f *py.Frame, cls *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			out := make([]py.Object, 2)
			if err := native.ParseKw(name, args, kw, []string{"timestamp", "tz"}, 1, out); err != nil {
				return nil, err
			}
			if err := noTZ(out[1]); err != nil {
				return nil, err
			}
			ts, err := native.Float(f, out[0])
			if err != nil {
				return nil, err
			}
			sec := math.Floor(ts)
			us := math.Round((ts - sec) * 1e6)
			if us >= 1e6 {
				sec++
				us -= 1e6
			}
			t := gotime.Unix(int64(sec), 0)
			if utc {
				t = t.UTC()
			}
			v := &dt{y: t.Year(), m: int(t.Month()), d: t.Day()}
			if cls.IsSubtype(dtType) {
				v.hasTime, v.h, v.mi, v.s, v.us = true, t.Hour(), t.Minute(), t.Second(), int(us)
			}
			return v, nil
		}
	}
	cm(dateType, "fromtimestamp", fromTS("fromtimestamp", false))
	cm(dtType, "utcfromtimestamp", fromTS("utcfromtimestamp", true))
	now := func(utc bool) func(f *py.Frame, cls *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return func(f *py.Frame, cls *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			out := make([]py.Object, 1)
			if err := native.ParseKw("now", args, kw, []string{"tz"}, 0, out); err != nil {
				return nil, err
			}
			if err := noTZ(out[0]); err != nil {
				return nil, err
			}
			n := gotime.Now()
			if utc {
				n = n.UTC()
			}
			return &dt{y: n.Year(), m: int(n.Month()), d: n.Day(), hasTime: true, h: n.Hour(), mi: n.Minute(), s: n.Second(), us: n.Nanosecond() / 1000}, nil
		}
	}
	cm(dtType, "now", now(false))
	cm(dtType, "utcnow", now(true))
	cm(dtType, "combine", func(f *py.Frame, cls *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.UnpackArgs("combine", args, kw, 2, 2); err != nil {
			return nil, err
		}
		d, ok1 := asDT(args[0])
		t, ok2 := py.BaseOf(args[1]).(*tm)
		if !ok1 || !ok2 {
			return nil, py.NewTypeError("combine() argument must be date and time")
		}
		return &dt{y: d.y, m: d.m, d: d.d, hasTime: true, h: t.h, mi: t.mi, s: t.s, us: t.us}, nil
	})
	cm(dtType, "strptime", func(f *py.Frame, cls *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.UnpackArgs("strptime", args, kw, 2, 2); err != nil {
			return nil, err
		}
		m, err := py.ImportModule(f, "_strptime")
		if err != nil {
			return nil, err
		}
		fn, err := py.GetAttr(f, m, "_strptime")
		if err != nil {
			return nil, err
		}
		r, err := py.Call(f, fn, args, nil)
		if err != nil {
			return nil, err
		}
		parts, err := py.Unpack(f, r, 2)
		if err != nil {
			return nil, err
		}
		tt, err := py.ToSlice(f, parts[0])
		if err != nil {
			return nil, err
		}
		return py.Call(f, cls, append(append([]py.Object(nil), tt[:6]...), parts[1]), nil)
	})
	minTD, _ := newTD(-maxDays, 0, 0)
	maxTD, _ := newTD(maxDays, 86399, 999999)
	tdType.Dict().SetStr("min", minTD)
	tdType.Dict().SetStr("max", maxTD)
	tdType.Dict().SetStr("resolution", &timedelta{0, 0, 1})
	dateType.Dict().SetStr("min", &dt{y: 1, m: 1, d: 1})
	dateType.Dict().SetStr("max", &dt{y: 9999, m: 12, d: 31})
	dateType.Dict().SetStr("resolution", &timedelta{1, 0, 0})
	dtType.Dict().SetStr("min", &dt{y: 1, m: 1, d: 1, hasTime: true})
	dtType.Dict().SetStr("max", &dt{y: 9999, m: 12, d: 31, hasTime: true, h: 23, mi: 59, s: 59, us: 999999})
	dtType.Dict().SetStr("resolution", &timedelta{0, 0, 1})
	timeType.Dict().SetStr("min", &tm{})
	timeType.Dict().SetStr("max", &tm{23, 59, 59, 999999})
	timeType.Dict().SetStr("resolution", &timedelta{0, 0, 1})
}

func m0(name string, fn func(f *py.Frame, v *dt) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		return fn(f, s.(*dt))
	}
}

func dateNew(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := native.ParseKw("date", args, kw, []string{"year", "month", "day"}, 3, out); err != nil {
		return nil, err
	}
	var v [3]int
	for i := range v {
		var err *py.BaseException
		if v[i], err = intArg(f, out[i]); err != nil {
			return nil, err
		}
	}
	if err := checkDate(v[0], v[1], v[2]); err != nil {
		return nil, err
	}
	return native.Wrap(t, dateType, &dt{y: v[0], m: v[1], d: v[2]}), nil
}

func dtNew(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 8)
	if err := native.ParseKw("datetime", args, kw, []string{"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"}, 3, out); err != nil {
		return nil, err
	}
	if err := noTZ(out[7]); err != nil {
		return nil, err
	}
	var v [7]int
	for i := range v {
		if out[i] == nil {
			continue
		}
		var err *py.BaseException
		if v[i], err = intArg(f, out[i]); err != nil {
			return nil, err
		}
	}
	if err := checkDate(v[0], v[1], v[2]); err != nil {
		return nil, err
	}
	if err := checkTime(v[3], v[4], v[5], v[6]); err != nil {
		return nil, err
	}
	return native.Wrap(t, dtType, &dt{y: v[0], m: v[1], d: v[2], hasTime: true, h: v[3], mi: v[4], s: v[5], us: v[6]}), nil
}

func timeNew(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 5)
	if err := native.ParseKw("time", args, kw, []string{"hour", "minute", "second", "microsecond", "tzinfo"}, 0, out); err != nil {
		return nil, err
	}
	if err := noTZ(out[4]); err != nil {
		return nil, err
	}
	var v [4]int
	for i := range v {
		if out[i] == nil {
			continue
		}
		var err *py.BaseException
		if v[i], err = intArg(f, out[i]); err != nil {
			return nil, err
		}
	}
	if err := checkTime(v[0], v[1], v[2], v[3]); err != nil {
		return nil, err
	}
	return native.Wrap(t, timeType, &tm{v[0], v[1], v[2], v[3]}), nil
}

func isocalendar(f *py.Frame, v *dt) (py.Object, *py.BaseException) {
	// week 1 contains the year's first Thursday
	week1Monday := func(y int) int {
		first := ymdToOrd(y, 1, 1)
		wd := (first + 6) % 7
		mon := first - wd
		if wd > 3 {
			mon += 7
		}
		return mon
	}
	y := v.y
	ord := v.ordinal()
	start := week1Monday(y)
	if ord < start {
		y--
		start = week1Monday(y)
	} else if ord >= week1Monday(y+1) {
		y++
		start = week1Monday(y)
	}
	week := (ord-start)/7 + 1
	day := (ord-start)%7 + 1
	return py.NewTuple(py.NewInt(int64(y)), py.NewInt(int64(week)), py.NewInt(int64(day))), nil
}

var dayNames = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
var monthNames = []string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func ctime(f *py.Frame, v *dt) (py.Object, *py.BaseException) {
	day := strconv.Itoa(v.d)
	if v.d < 10 {
		day = " " + day
	}
	return py.NewStr(dayNames[(v.ordinal()+6)%7] + " " + monthNames[v.m] + " " + day + " " +
		pad(v.h, 2) + ":" + pad(v.mi, 2) + ":" + pad(v.s, 2) + " " + pad(v.y, 4)), nil
}

func timetuple(f *py.Frame, v *dt) (py.Object, *py.BaseException) {
	m, err := py.ImportModule(f, "time")
	if err != nil {
		return nil, err
	}
	st, err := py.GetAttr(f, m, "struct_time")
	if err != nil {
		return nil, err
	}
	yday := v.ordinal() - ymdToOrd(v.y, 1, 1) + 1
	tup := py.NewTuple(py.NewInt(int64(v.y)), py.NewInt(int64(v.m)), py.NewInt(int64(v.d)),
		py.NewInt(int64(v.h)), py.NewInt(int64(v.mi)), py.NewInt(int64(v.s)),
		py.NewInt(int64((v.ordinal()+6)%7)), py.NewInt(int64(yday)), py.NewInt(-1))
	return py.Call1(f, st, tup)
}

// strftimeAt formats with time.strftime after expanding %f (microseconds)
// and the empty %z/%Z of naive values, as 2.7's wrap_strftime does.
func strftimeAt(f *py.Frame, fmtObj py.Object, y int, tt py.Object, us int) (py.Object, *py.BaseException) {
	fs, ok := fmtObj.(*py.Str)
	if !ok {
		return nil, py.NewTypeError("strftime() argument 1 must be str, not " + fmtObj.Type().Name())
	}
	if y < 1900 {
		return nil, py.NewValueError("year=" + strconv.Itoa(y) + " is before 1900; the datetime strftime() methods require year >= 1900")
	}
	var sb strings.Builder
	s := fs.Value()
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) {
			switch s[i+1] {
			case 'f':
				sb.WriteString(pad(us, 6))
				i++
				continue
			case 'z', 'Z':
				i++
				continue
			}
			sb.WriteByte(s[i])
			sb.WriteByte(s[i+1])
			i++
			continue
		}
		sb.WriteByte(s[i])
	}
	m, err := py.ImportModule(f, "time")
	if err != nil {
		return nil, err
	}
	fn, err := py.GetAttr(f, m, "strftime")
	if err != nil {
		return nil, err
	}
	return py.Call2(f, fn, py.NewStr(sb.String()), tt)
}

func strftime(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseKw("strftime", args, kw, []string{"format"}, 1, out); err != nil {
		return nil, err
	}
	v := s.(*dt)
	tt, err := timetuple(f, v)
	if err != nil {
		return nil, err
	}
	return strftimeAt(f, out[0], v.y, tt, v.us)
}

func format(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("__format__", args, kw); err != nil {
		return nil, err
	}
	if sp, ok := args[0].(*py.Str); ok && sp.Value() == "" {
		return py.StrObject(f, s)
	}
	return strftime(f, s, args, nil)
}

func isoformat(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	v := s.(*dt)
	if !v.hasTime {
		if err := py.NoArgs("isoformat", args, kw); err != nil {
			return nil, err
		}
		return py.NewStr(v.iso("")), nil
	}
	out := make([]py.Object, 1)
	if err := native.ParseKw("isoformat", args, kw, []string{"sep"}, 0, out); err != nil {
		return nil, err
	}
	sep := "T"
	if out[0] != nil {
		c, ok := out[0].(*py.Str)
		if !ok || len(c.Value()) != 1 {
			return nil, py.NewTypeError("isoformat() argument 1 must be char, not " + out[0].Type().Name())
		}
		sep = c.Value()
	}
	return py.NewStr(v.iso(sep)), nil
}

func replace(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	v := *s.(*dt)
	names := []string{"year", "month", "day"}
	if v.hasTime {
		names = append(names, "hour", "minute", "second", "microsecond", "tzinfo")
	}
	out := make([]py.Object, len(names))
	if err := native.ParseKw("replace", args, kw, names, 0, out); err != nil {
		return nil, err
	}
	targets := []*int{&v.y, &v.m, &v.d, &v.h, &v.mi, &v.s, &v.us}
	for i, o := range out {
		if o == nil {
			continue
		}
		if i == 7 {
			if err := noTZ(o); err != nil {
				return nil, err
			}
			continue
		}
		n, err := intArg(f, o)
		if err != nil {
			return nil, err
		}
		*targets[i] = n
	}
	if err := checkDate(v.y, v.m, v.d); err != nil {
		return nil, err
	}
	if err := checkTime(v.h, v.mi, v.s, v.us); err != nil {
		return nil, err
	}
	return &v, nil
}

func timeStrftime(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseKw("strftime", args, kw, []string{"format"}, 1, out); err != nil {
		return nil, err
	}
	t := s.(*tm)
	tt, err := timetuple(f, &dt{y: 1900, m: 1, d: 1, h: t.h, mi: t.mi, s: t.s})
	if err != nil {
		return nil, err
	}
	return strftimeAt(f, out[0], 1900, tt, t.us)
}

func timeReplace(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	t := *s.(*tm)
	out := make([]py.Object, 5)
	if err := native.ParseKw("replace", args, kw, []string{"hour", "minute", "second", "microsecond", "tzinfo"}, 0, out); err != nil {
		return nil, err
	}
	if err := noTZ(out[4]); err != nil {
		return nil, err
	}
	for i, p := range []*int{&t.h, &t.mi, &t.s, &t.us} {
		if out[i] == nil {
			continue
		}
		n, err := intArg(f, out[i])
		if err != nil {
			return nil, err
		}
		*p = n
	}
	if err := checkTime(t.h, t.mi, t.s, t.us); err != nil {
		return nil, err
	}
	return &t, nil
}
