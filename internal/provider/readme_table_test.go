package provider

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// The README's data-source table links every data source's generated page,
// and names no data source the provider does not have.
func TestReadmeLinksEveryDataSource(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	resp, err := providerServer(t).GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for name := range resp.DataSourceSchemas {
		names[name] = true
		page := "docs/data-sources/" + strings.TrimPrefix(name, "abm_") + ".md"
		if !strings.Contains(readme, "| [`"+name+"`]("+page+") |") {
			t.Errorf("the README's table has no row linking %s to %s", name, page)
		}
		if _, err := os.Stat("../../" + page); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, line := range strings.Split(readme, "\n") {
		if rest, ok := strings.CutPrefix(line, "| [`abm_"); ok {
			if name := "abm_" + rest[:strings.Index(rest, "`")]; !names[name] {
				t.Errorf("the README's table names %s, which the provider does not have", name)
			}
		}
	}
}
