//go:build tools

// Package tools pins the OpenTofu CLI that scripts/ensure-tofu.sh builds.
package tools

import (
	_ "github.com/opentofu/opentofu/cmd/tofu"
)
