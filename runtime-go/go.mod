module github.com/grumpy-audit/grumpy-audit/runtime-go

go 1.24
