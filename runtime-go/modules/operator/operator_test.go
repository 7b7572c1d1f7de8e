package operator_test

import (
	"testing"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/golden"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/all"
)

func TestGolden(t *testing.T) { golden.Run(t, "testdata") }
