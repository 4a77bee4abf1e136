package fakeabm

import "net/http"

// businessOnly answers as Apple School Manager does for an endpoint it does
// not have (README: API 2.x resources): the path is not a resource there.
func (s *Server) businessOnly(h func(http.ResponseWriter, *http.Request, string)) func(http.ResponseWriter, *http.Request, string) {
	return func(w http.ResponseWriter, r *http.Request, id string) {
		if s.opts.Scope == "school.api" {
			s.writeError(w, apiError{status: 404, code: "NOT_FOUND", title: "The specified resource doesn't exist",
				detail: "The URL path '" + r.URL.Path + "' does not match a valid resource."})
			return
		}
		h(w, r, id)
	}
}
