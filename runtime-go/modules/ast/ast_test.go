package ast_test

import (
	"testing"

	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/all"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/golden"
)

func TestGolden(t *testing.T) { golden.Run(t, "testdata") }
