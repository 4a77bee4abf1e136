package fakeabm

import (
	"encoding/json"
	"maps"
	"net/http"
)

func (s *Server) count(route string) {
	s.mu.Lock()
	s.counts[route]++
	s.mu.Unlock()
}

// Count is the number of requests that reached route, failed ones included.
func (s *Server) Count(route string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[route]
}

// Counts is a copy of all per-route request counts.
func (s *Server) Counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.counts)
}

// ResetCounts sets every count back to zero.
func (s *Server) ResetCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.counts)
}

// serveCounts answers GET /_fake/counts without auth, so scripts and benchmarks
// can read the request cost of a run while the fake keeps serving.
func (s *Server) serveCounts(w http.ResponseWriter, _ *http.Request) {
	b, _ := json.Marshal(s.Counts()) // map keys come out sorted
	writeJSON(w, http.StatusOK, b)
}
