package math

// Real functions rounded as CPython's on Linux (see cr.go), for other
// native modules (cmath) that must compose them the way CPython does.
var (
	Exp   = crExp
	Log   = crLog
	Sin   = crSin
	Cos   = crCos
	Tan   = crTan
	Atan2 = crAtan2
	Hypot = crHypot
	Sinh  = fdSinh
	Cosh  = fdCosh
	Tanh  = fdTanh
	Asinh = fdAsinh
)
