package py

import (
	"errors"
	"syscall"
)

// errnoOf maps a Go error to (errno, strerror) with glibc's messages.
func errnoOf(err error) (int, string) {
	var en syscall.Errno
	if errors.As(err, &en) {
		msg := en.Error()
		if len(msg) > 0 && msg[0] >= 'a' && msg[0] <= 'z' {
			msg = string(msg[0]-32) + msg[1:]
		}
		return int(en), msg
	}
	return 0, err.Error()
}
