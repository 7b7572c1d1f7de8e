// Package time is CPython 2.7's time module on Linux.
//
// Members:
//
//	time() clock() sleep(secs)         wall clock, process CPU time, sleep
//	gmtime([secs]) localtime([secs])   struct_time in UTC / local time
//	mktime(t)                          local struct_time to seconds
//	asctime([t]) ctime([secs])         'Sun Jan  2 03:04:05 2000'
//	strftime(format[, t])              C-locale strftime (glibc directives)
//	strptime(string[, format])         delegates to the pure _strptime module, as CPython does
//	struct_time                        the 9-field result type (tm_year … tm_isdst)
//	timezone altzone daylight tzname   the local zone, computed as CPython does
//	tzset()                            re-read TZ
//	accept2dyear                       1 (0 when PYTHONY2K is set)
//
// struct_time is a class deriving from tuple (so its type prints as
// <class 'time.struct_time'>, not <type …>).
package time

import (
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	gotime "time"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var (
	structTimeType *py.Type
	zoneMu         sync.Mutex
	zone           = gotime.Local
)

var fields = []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

func init() {
	getters := map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){}
	for i, name := range fields {
		i := i
		getters[name] = func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
			return s.(*py.Tuple).Elems()[i], nil
		}
	}
	structTimeType = native.NewHeapType(native.TypeSpec{Name: "struct_time", Module: "time",
		Doc:   "The time value as returned by gmtime(), localtime(), and strptime()",
		Bases: []*py.Type{py.TupleType},
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			out := make([]py.Object, 2)
			if err := native.ParseKw("struct_time", args, kw, []string{"sequence", "dict"}, 1, out); err != nil {
				return nil, err
			}
			items, err := py.ToSlice(f, out[0])
			if err != nil {
				return nil, err
			}
			if len(items) != 9 {
				return nil, py.NewTypeError("time.struct_time() takes a 9-sequence (" + strconv.Itoa(len(items)) + "-sequence given)")
			}
			return py.NewInstanceWithBase(t, py.NewTuple(items...)), nil
		},
		Getters: getters,
		Values: map[string]py.Object{
			"n_fields": py.NewInt(9), "n_sequence_fields": py.NewInt(9), "n_unnamed_fields": py.NewInt(0),
		},
	})
	structTimeType.Def("__repr__", func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		var sb strings.Builder
		sb.WriteString("time.struct_time(")
		for i, v := range py.BaseOf(s).(*py.Tuple).Elems() {
			if i > 0 {
				sb.WriteString(", ")
			}
			r, err := py.Repr(f, v)
			if err != nil {
				return nil, err
			}
			sb.WriteString(fields[i] + "=" + r.Value())
		}
		sb.WriteString(")")
		return py.NewStr(sb.String()), nil
	})
	structTimeType.Def("__reduce__", func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return py.NewTuple(structTimeType, py.NewTuple(py.BaseOf(s), py.NewDict())), nil
	})
	native.Register("time", "This module provides various functions to manipulate time values.", members)
}

func members() []native.Member {
	tz, alt, daylight, names := zoneInfo()
	accept := int64(1)
	if os.Getenv("PYTHONY2K") != "" {
		accept = 0
	}
	return []native.Member{
		native.F("time", timeFn),
		native.F("clock", clock),
		native.F("sleep", sleep),
		native.F("gmtime", gmtime),
		native.F("localtime", localtime),
		native.F("mktime", mktime),
		native.F("asctime", asctime),
		native.F("ctime", ctime),
		native.F("strftime", strftime),
		native.F("strptime", strptime),
		native.F("tzset", tzset),
		native.V("struct_time", structTimeType),
		native.V("timezone", py.NewInt(tz)),
		native.V("altzone", py.NewInt(alt)),
		native.V("daylight", py.NewInt(daylight)),
		native.V("tzname", py.NewTuple(py.NewStr(names[0]), py.NewStr(names[1]))),
		native.V("accept2dyear", py.NewInt(accept)),
	}
}

// zoneInfo mirrors CPython's module init: compare the offsets of January
// and July of the current year to tell standard time from DST.
func zoneInfo() (tz, alt, daylight int64, names [2]string) {
	zoneMu.Lock()
	loc := zone
	zoneMu.Unlock()
	year := gotime.Now().In(loc).Year()
	janName, janOff := gotime.Date(year, 1, 1, 0, 0, 0, 0, loc).Zone()
	julName, julOff := gotime.Date(year, 7, 1, 0, 0, 0, 0, loc).Zone()
	janzone, julzone := int64(-janOff), int64(-julOff)
	if janzone < julzone { // southern hemisphere: DST in January
		tz, alt, names = julzone, janzone, [2]string{julName, janName}
	} else {
		tz, alt, names = janzone, julzone, [2]string{janName, julName}
	}
	if janzone != julzone {
		daylight = 1
	}
	return
}

func tzset(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("tzset", args, kw); err != nil {
		return nil, err
	}
	name := os.Getenv("TZ")
	loc := gotime.Local
	if name != "" {
		if l, err := gotime.LoadLocation(strings.TrimPrefix(name, ":")); err == nil {
			loc = l
		} else {
			loc = gotime.UTC
		}
	}
	zoneMu.Lock()
	zone = loc
	zoneMu.Unlock()
	m, err := py.ImportModule(f, "time")
	if err != nil {
		return nil, err
	}
	tz, alt, daylight, names := zoneInfo()
	for k, v := range map[string]py.Object{"timezone": py.NewInt(tz), "altzone": py.NewInt(alt), "daylight": py.NewInt(daylight),
		"tzname": py.NewTuple(py.NewStr(names[0]), py.NewStr(names[1]))} {
		if err := py.SetAttr(f, m, k, v); err != nil {
			return nil, err
		}
	}
	return py.None, nil
}

func local() *gotime.Location {
	zoneMu.Lock()
	defer zoneMu.Unlock()
	return zone
}

func timeFn(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("time", args, kw); err != nil {
		return nil, err
	}
	return py.NewFloat(float64(gotime.Now().UnixNano()) / 1e9), nil
}

// clock is the process's CPU time, as C's clock() on Linux.
func clock(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("clock", args, kw); err != nil {
		return nil, err
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return nil, py.NewRuntimeError(err.Error())
	}
	us := ru.Utime.Sec*1e6 + ru.Utime.Usec + ru.Stime.Sec*1e6 + ru.Stime.Usec
	return py.NewFloat(float64(us) / 1e6), nil
}

func sleep(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseTuple("sleep", args, []string{"secs"}, 1, out); err != nil {
		return nil, err
	}
	if err := native.NoKwArgs("sleep", kw); err != nil {
		return nil, err
	}
	secs, err := native.Float(f, out[0])
	if err != nil {
		return nil, err
	}
	if secs < 0 || math.IsNaN(secs) {
		return nil, py.NewExceptionArgs(py.IOErrorType, py.NewInt(22), py.NewStr("Invalid argument"))
	}
	if err := py.SleepInterruptible(f, gotime.Duration(secs*1e9)); err != nil {
		return nil, err
	}
	return py.None, nil
}

// secsArg parses the optional seconds of gmtime/localtime/ctime.
func secsArg(f *py.Frame, name string, args []py.Object, kw py.Kwargs) (int64, *py.BaseException) {
	if err := native.NoKwArgs(name, kw); err != nil {
		return 0, err
	}
	out := make([]py.Object, 1)
	if err := native.ParseTuple(name, args, []string{"seconds"}, 0, out); err != nil {
		return 0, err
	}
	if out[0] == nil || out[0] == py.None {
		return gotime.Now().Unix(), nil
	}
	x, err := native.Float(f, out[0])
	if err != nil {
		return 0, err
	}
	x = math.Trunc(x)
	if math.IsNaN(x) || x < -(1<<62) || x > 1<<62 || math.Abs(x)/(365.25*86400) > 1<<31 {
		return 0, py.NewValueError("timestamp out of range for platform time_t")
	}
	return int64(x), nil
}

func structTime(t gotime.Time, isdst int64) py.Object {
	wday := (int64(t.Weekday()) + 6) % 7
	return py.NewInstanceWithBase(structTimeType, py.NewTuple(
		py.NewInt(int64(t.Year())), py.NewInt(int64(t.Month())), py.NewInt(int64(t.Day())),
		py.NewInt(int64(t.Hour())), py.NewInt(int64(t.Minute())), py.NewInt(int64(t.Second())),
		py.NewInt(wday), py.NewInt(int64(t.YearDay())), py.NewInt(isdst)))
}

func gmtime(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	s, err := secsArg(f, "gmtime", args, kw)
	if err != nil {
		return nil, err
	}
	return structTime(gotime.Unix(s, 0).UTC(), 0), nil
}

func localtime(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	s, err := secsArg(f, "localtime", args, kw)
	if err != nil {
		return nil, err
	}
	t := gotime.Unix(s, 0).In(local())
	return structTime(t, isDST(t)), nil
}

func isDST(t gotime.Time) int64 {
	if t.IsDST() {
		return 1
	}
	return 0
}

// tm is C's struct tm as gettmarg fills it.
type tm struct {
	year, mon, mday, hour, min, sec, wday, yday, isdst int
}

// tmArg is gettmarg: a 9-sequence, with 2.7's two-digit-year handling.
func tmArg(f *py.Frame, o py.Object) (tm, *py.BaseException) {
	items, err := py.ToSlice(f, o)
	if err != nil {
		return tm{}, py.NewTypeError("Tuple or struct_time argument required")
	}
	if len(items) != 9 {
		return tm{}, py.NewTypeError("argument must be sequence of length 9, not " + strconv.Itoa(len(items)))
	}
	var v [9]int
	for i, it := range items {
		if v[i], err = native.Int(f, it); err != nil {
			return tm{}, err
		}
	}
	y := v[0]
	if y < 1900 {
		m, err := py.ImportModule(f, "time")
		if err != nil {
			return tm{}, err
		}
		acc, _ := py.GetAttr(f, m, "accept2dyear")
		ai, ok := acc.(*py.Int)
		if !ok || ai.Value() == 0 {
			return tm{}, py.NewValueError("year >= 1900 required")
		}
		switch {
		case 69 <= y && y <= 99:
			y += 1900
		case 0 <= y && y <= 68:
			y += 2000
		default:
			return tm{}, py.NewValueError("year out of range")
		}
	}
	// C's % keeps the sign, which is what the wday check below relies on
	return tm{year: y, mon: v[1] - 1, mday: v[2], hour: v[3], min: v[4], sec: v[5], wday: (v[6] + 1) % 7, yday: v[7] - 1, isdst: v[8]}, nil
}

// checkTm is strftime's range check and normalisation.
func checkTm(t *tm) *py.BaseException {
	if t.mon == -1 {
		t.mon = 0
	} else if t.mon < 0 || t.mon > 11 {
		return py.NewValueError("month out of range")
	}
	if t.mday == 0 {
		t.mday = 1
	} else if t.mday < 0 || t.mday > 31 {
		return py.NewValueError("day of month out of range")
	}
	if t.hour < 0 || t.hour > 23 {
		return py.NewValueError("hour out of range")
	}
	if t.min < 0 || t.min > 59 {
		return py.NewValueError("minute out of range")
	}
	if t.sec < 0 || t.sec > 61 {
		return py.NewValueError("seconds out of range")
	}
	if t.wday < 0 {
		return py.NewValueError("day of week out of range")
	}
	if t.yday == -1 {
		t.yday = 0
	} else if t.yday < 0 || t.yday > 365 {
		return py.NewValueError("day of year out of range")
	}
	if t.isdst < -1 {
		t.isdst = -1
	} else if t.isdst > 1 {
		t.isdst = 1
	}
	return nil
}

func nowTm() tm {
	t := gotime.Now().In(local())
	return tm{year: t.Year(), mon: int(t.Month()) - 1, mday: t.Day(), hour: t.Hour(), min: t.Minute(), sec: t.Second(),
		wday: int(t.Weekday()), yday: t.YearDay() - 1, isdst: int(isDST(t))}
}

var days = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func asctimeOf(t tm) string {
	return days[t.wday%7][:3] + " " + months[t.mon%12][:3] + " " + pad(t.mday, 2, ' ') + " " +
		pad(t.hour, 2, '0') + ":" + pad(t.min, 2, '0') + ":" + pad(t.sec, 2, '0') + " " + strconv.Itoa(t.year)
}

func pad(n, width int, c byte) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = string(c) + s
	}
	return s
}

func asctime(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("asctime", args, kw, 0, 1); err != nil {
		return nil, err
	}
	t := nowTm()
	if len(args) == 1 {
		var err *py.BaseException
		if t, err = tmArg(f, args[0]); err != nil {
			return nil, err
		}
	}
	if t.mon < 0 || t.wday < 0 {
		return nil, py.NewValueError("month out of range")
	}
	return py.NewStr(asctimeOf(t)), nil
}

func ctime(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	s, err := secsArg(f, "ctime", args, kw)
	if err != nil {
		return nil, err
	}
	t := gotime.Unix(s, 0).In(local())
	return py.NewStr(asctimeOf(tm{year: t.Year(), mon: int(t.Month()) - 1, mday: t.Day(), hour: t.Hour(), min: t.Minute(), sec: t.Second(), wday: int(t.Weekday())})), nil
}

func mktime(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("mktime", args, kw); err != nil {
		return nil, err
	}
	t, err := tmArg(f, args[0])
	if err != nil {
		return nil, err
	}
	// Go normalises out-of-range fields like C's mktime does
	gt := gotime.Date(t.year, gotime.Month(t.mon+1), t.mday, t.hour, t.min, t.sec, 0, local())
	if t.isdst > 0 && !gt.IsDST() {
		gt = gt.Add(-gotime.Hour)
	}
	return py.NewFloat(float64(gt.Unix())), nil
}

func strftime(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("strftime", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 2)
	if err := native.ParseTuple("strftime", args, []string{"format", "tuple"}, 1, out); err != nil {
		return nil, err
	}
	var format string
	switch v := out[0].(type) {
	case *py.Str:
		format = v.Value()
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "ascii", "strict")
		if err != nil {
			return nil, err
		}
		format = e.(*py.Str).Value()
	default:
		return nil, py.NewTypeError("strftime() argument 1 must be string, not " + out[0].Type().Name())
	}
	t := nowTm()
	if out[1] != nil {
		var err *py.BaseException
		if t, err = tmArg(f, out[1]); err != nil {
			return nil, err
		}
		if err := checkTm(&t); err != nil {
			return nil, err
		}
	}
	return py.NewStr(format2(format, t)), nil
}

// format2 is glibc's strftime in the C locale for the directives it has.
func format2(format string, t tm) string {
	var sb strings.Builder
	names := [2]string{}
	_, _, _, names = zoneInfo()
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 >= len(format) {
			sb.WriteByte(c)
			continue
		}
		i++
		d := format[i]
		wd := t.wday % 7
		switch d {
		case 'a':
			sb.WriteString(days[wd][:3])
		case 'A':
			sb.WriteString(days[wd])
		case 'b', 'h':
			sb.WriteString(months[t.mon][:3])
		case 'B':
			sb.WriteString(months[t.mon])
		case 'c':
			sb.WriteString(asctimeOf(t))
		case 'C':
			sb.WriteString(pad(t.year/100, 2, '0'))
		case 'd':
			sb.WriteString(pad(t.mday, 2, '0'))
		case 'D':
			sb.WriteString(format2("%m/%d/%y", t))
		case 'e':
			sb.WriteString(pad(t.mday, 2, ' '))
		case 'F':
			sb.WriteString(format2("%Y-%m-%d", t))
		case 'H':
			sb.WriteString(pad(t.hour, 2, '0'))
		case 'I':
			sb.WriteString(pad((t.hour+11)%12+1, 2, '0'))
		case 'j':
			sb.WriteString(pad(t.yday+1, 3, '0'))
		case 'k':
			sb.WriteString(pad(t.hour, 2, ' '))
		case 'l':
			sb.WriteString(pad((t.hour+11)%12+1, 2, ' '))
		case 'm':
			sb.WriteString(pad(t.mon+1, 2, '0'))
		case 'M':
			sb.WriteString(pad(t.min, 2, '0'))
		case 'n':
			sb.WriteByte('\n')
		case 'p':
			if t.hour < 12 {
				sb.WriteString("AM")
			} else {
				sb.WriteString("PM")
			}
		case 'P':
			if t.hour < 12 {
				sb.WriteString("am")
			} else {
				sb.WriteString("pm")
			}
		case 'r':
			sb.WriteString(format2("%I:%M:%S %p", t))
		case 'R':
			sb.WriteString(format2("%H:%M", t))
		case 'S':
			sb.WriteString(pad(t.sec, 2, '0'))
		case 't':
			sb.WriteByte('\t')
		case 'T', 'X':
			sb.WriteString(format2("%H:%M:%S", t))
		case 'u':
			sb.WriteString(strconv.Itoa((wd+6)%7 + 1))
		case 'U':
			sb.WriteString(pad((t.yday+7-wd)/7, 2, '0'))
		case 'w':
			sb.WriteString(strconv.Itoa(wd))
		case 'W':
			sb.WriteString(pad((t.yday+7-(wd+6)%7)/7, 2, '0'))
		case 'x':
			sb.WriteString(format2("%m/%d/%y", t))
		case 'y':
			sb.WriteString(pad(t.year%100, 2, '0'))
		case 'Y':
			sb.WriteString(strconv.Itoa(t.year))
		case 'z':
			sb.WriteString("+0000") // 2.7 passes tm_gmtoff = 0
		case 'Z':
			if t.isdst > 0 {
				sb.WriteString(names[1])
			} else {
				sb.WriteString(names[0])
			}
		case '%':
			sb.WriteByte('%')
		default:
			sb.WriteByte('%')
			sb.WriteByte(d)
		}
	}
	return sb.String()
}

// strptime imports the pure _strptime module and calls it, as 2.7 does.
func strptime(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("strptime", args, kw, 1, 2); err != nil {
		return nil, err
	}
	m, err := py.ImportModule(f, "_strptime")
	if err != nil {
		return nil, err
	}
	fn, err := py.GetAttr(f, m, "_strptime_time")
	if err != nil {
		return nil, err
	}
	return py.Call(f, fn, args, nil)
}
