package provider

import (
	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// coverageObject is one AppleCare agreement of a device, as the client
// declares it (client.AppleCareCoverage), with Apple's id.
var coverageObject = newObjectType(client.AppleCareCoverage, idAttribute("Apple's ID of the coverage record."))

// writeCoverage writes a device's coverage list in Apple's order.
func writeCoverage(w *msgpackWriter, coverage []*client.Record) {
	w.arrayLen(len(coverage))
	for _, c := range coverage {
		coverageObject.write(w, c, nil)
	}
}
