package client

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

// pageLimit is the largest page Apple serves; asking for it keeps the
// request count, the cost under Apple's rate limit, at its minimum.
const pageLimit = 1000

// paginate walks every page of a JSON:API list and calls each for every item,
// in Apple's order, as each page arrives. The next page is always built from
// the first request's query plus the new cursor: Apple's links.next may carry
// only the cursor, and following it as is would drop limit and fields. A
// next link to another host, a page larger than asked for, or a cursor seen
// before stops the walk with an error rather than a partial or endless read.
func paginate[T any](ctx context.Context, c *Client, route, path string, query url.Values, each func(*T) error) error {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	q.Set("limit", strconv.Itoa(pageLimit))
	u := c.apiURL(path, q)
	seen := map[string]bool{}
	for pageNo := 1; ; pageNo++ {
		var p page[T]
		if err := c.getJSON(ctx, route, u, &p); err != nil {
			return fmt.Errorf("page %d: %w", pageNo, err)
		}
		if len(p.Data) > pageLimit {
			return fmt.Errorf("GET %s page %d: Apple sent %d items, more than the limit of %d asked for", u.Path, pageNo, len(p.Data), pageLimit)
		}
		for i := range p.Data {
			if err := each(&p.Data[i]); err != nil {
				return err
			}
		}
		cursor, err := c.nextCursor(u, p.Links.Next, p.Meta.Paging.NextCursor)
		if err != nil {
			return fmt.Errorf("GET %s page %d: %w", u.Path, pageNo, err)
		}
		if cursor == "" {
			return nil
		}
		if seen[cursor] {
			return fmt.Errorf("GET %s page %d: Apple sent a cursor it had sent before; stopping instead of reading the same pages again", u.Path, pageNo)
		}
		seen[cursor] = true
		q.Set("cursor", cursor)
		u = c.apiURL(path, q)
	}
}

// nextCursor finds the cursor of the next page in meta.paging.nextCursor or
// in links.next, and "" on the last page.
func (c *Client) nextCursor(current *url.URL, next, metaCursor string) (string, error) {
	if next == "" {
		return metaCursor, nil
	}
	n, err := current.Parse(next)
	if err != nil {
		return "", fmt.Errorf("links.next %q is not a URL: %w", next, err)
	}
	if n.Scheme != c.base.Scheme || n.Host != c.base.Host {
		return "", fmt.Errorf("links.next points at %s://%s, not at the API host %s; refusing to follow it", n.Scheme, n.Host, c.base.Host)
	}
	if metaCursor != "" {
		return metaCursor, nil
	}
	cursor := n.Query().Get("cursor")
	if cursor == "" {
		return "", fmt.Errorf("links.next %q has no cursor and meta.paging.nextCursor is empty", n.Path)
	}
	return cursor, nil
}
