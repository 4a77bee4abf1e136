package client

// linkage is a JSON:API resource identifier.
type linkage struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

func (l *linkage) itemID() string { return l.ID }

// page is one page of a JSON:API list.
type page[T any] struct {
	Data *[]T `json:"data"` // nil when Apple left it out or sent null

	Links struct {
		Self string `json:"self"`
		Next string `json:"next"`
	} `json:"links"`
	Meta struct {
		Paging struct {
			Limit      int    `json:"limit"`
			NextCursor string `json:"nextCursor"`
			Total      *int64 `json:"total"`
		} `json:"paging"`
	} `json:"meta"`
}

// single is a response holding one resource, or null.
type single[T any] struct {
	Data *T `json:"data"`
}
