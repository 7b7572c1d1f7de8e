package py

import (
	"os"
	"path/filepath"
	"testing"
)

// A file written and never closed keeps its data: flushOpenFiles (run at
// exit) writes out what is still buffered.
func TestUnclosedFileFlushedAtExit(t *testing.T) {
	name := filepath.Join(t.TempDir(), "out.txt")
	fl, err := OpenFile(NewRootFrame(), name, "w")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CallMethod(NewRootFrame(), fl, "write", []Object{NewStr("buffered")}, nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(name); len(b) != 0 {
		t.Fatalf("written through before the flush: %q", b)
	}
	flushOpenFiles()
	if b, _ := os.ReadFile(name); string(b) != "buffered" {
		t.Fatalf("after flushOpenFiles: %q", b)
	}
}
