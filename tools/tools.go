//go:build tools

// Package tools pins the generators `make generate` runs, in a module of their
// own so their dependencies never reach the provider's go.mod.
package tools

import (
	// tfplugindocs writes docs/ from the provider schema, templates/ and examples/.
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
)
