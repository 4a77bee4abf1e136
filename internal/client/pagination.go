package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// pageLimit is the largest page Apple serves; asking for it keeps the
// request count, the cost under Apple's rate limit, at its minimum.
const pageLimit = 1000

// pageInfo is what a page decoder reports about the page it read.
type pageInfo struct {
	items      int
	next       string // links.next
	nextCursor string // meta.paging.nextCursor
}

// walk reads every page of a JSON:API list, handing each body to decode as it
// arrives, so memory holds one page at a time. The next page is always built
// from the first request's query plus the new cursor: Apple's links.next may
// carry only the cursor, and following it as is would drop limit and fields.
// A next link to another host without a nextCursor, a page larger than
// asked for, or a cursor seen before stops the walk with an error rather than a partial or endless
// read. With the read cache, a whole earlier read of the same first page is
// handed to decode instead, page by page, and a read from Apple is kept.
func (c *Client) walk(ctx context.Context, route, path string, query url.Values, decode func(body []byte) (pageInfo, error)) error {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	q.Set("limit", strconv.Itoa(pageLimit))
	u := c.apiURL(path, q)
	rc := c.readsFor(route)
	if rc == nil {
		return c.walkApple(ctx, route, path, q, u, decode, nil)
	}
	served, err := rc.replay(ctx, c, route, u, func(body []byte) error {
		_, err := decode(body)
		return err
	})
	if served {
		return err
	}
	rec := rc.record(ctx, c, u)
	err = c.walkApple(ctx, route, path, q, u, decode, rec)
	rec.end(ctx, c, err)
	return err
}

// walkApple is walk's read from Apple, from the first page u on; rec, when
// not nil, keeps each page for the read cache.
func (c *Client) walkApple(ctx context.Context, route, path string, q url.Values, u *url.URL, decode func(body []byte) (pageInfo, error), rec *readRecorder) error {
	seen := map[string]bool{}
	progress := walkProgress{c: c, route: route, start: c.now()}
	for pageNo := 1; ; pageNo++ {
		body, err := c.get(ctx, route, u)
		if err != nil {
			return fmt.Errorf("page %d: %w", pageNo, err)
		}
		info, err := decode(body)
		if err != nil {
			return fmt.Errorf("GET %s page %d: %w", u.Path, pageNo, err)
		}
		progress.page(ctx, info.items)
		if info.items > pageLimit {
			return fmt.Errorf("GET %s page %d: Apple sent %d items, more than the limit of %d asked for", u.Path, pageNo, info.items, pageLimit)
		}
		cursor, err := c.nextCursor(info.next, info.nextCursor)
		if err != nil {
			return fmt.Errorf("GET %s page %d: %w", u.Path, pageNo, err)
		}
		rec.answer(body, cursor == "")
		if cursor == "" {
			progress.done(ctx)
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

// listItem is what every list item has: Apple's id.
type listItem[T any] interface {
	*T
	itemID() string
}

// paginate walks a list whose pages are small enough for encoding/json and
// calls each for every item, in Apple's order. A page without data, or an
// item listed twice, is an inconsistent answer and stops the walk: a list
// must never be presented as complete when it is not.
func paginate[T any, P listItem[T]](ctx context.Context, c *Client, route, kind, path string, query url.Values, each func(P) error) error {
	seen := uniqueIDs{}
	return c.walk(ctx, route, path, query, func(body []byte) (pageInfo, error) {
		var p page[T]
		if err := json.Unmarshal(body, &p); err != nil {
			return pageInfo{}, fmt.Errorf("malformed response body: %w", err)
		}
		if p.Data == nil {
			return pageInfo{}, errors.New("malformed response body: the page has no data list")
		}
		info := pageInfo{items: len(*p.Data), next: p.Links.Next, nextCursor: p.Meta.Paging.NextCursor}
		if info.items > pageLimit {
			return info, nil // walk reports it before anything is used
		}
		for i := range *p.Data {
			item := P(&(*p.Data)[i])
			if err := seen.add(kind, item.itemID()); err != nil {
				return info, err
			}
			if err := each(item); err != nil {
				return info, err
			}
		}
		return info, nil
	})
}

// uniqueIDs remembers the ids a list has named so far. An id named twice
// means the list moved under the walk; it is refused rather than counted
// twice.
type uniqueIDs map[string]struct{}

func (u uniqueIDs) add(kind, id string) error {
	if _, dup := u[id]; dup {
		return fmt.Errorf("the list names %s %q twice; Apple's answer is inconsistent, try again", kind, id)
	}
	u[id] = struct{}{}
	return nil
}

// nextCursor finds the cursor of the next page, "" on the last page. The
// client never follows links.next: it builds the next request on its own API
// host from the cursor. So meta.paging.nextCursor, when Apple gives it, is
// enough whatever host links.next names (Apple writes it absolute on its own
// host, which differs from api_url behind a proxy). Only when links.next is
// the sole way on is its cursor taken, and then only from a link on the API
// host: a cursor from a foreign link could be anyone's.
func (c *Client) nextCursor(next, metaCursor string) (string, error) {
	if metaCursor != "" {
		return metaCursor, nil
	}
	if next == "" {
		return "", nil
	}
	n, err := c.base.Parse(next)
	if err != nil {
		return "", fmt.Errorf("links.next %q is not a URL: %w", next, err)
	}
	if n.Scheme != c.base.Scheme || n.Host != c.base.Host {
		return "", fmt.Errorf("links.next points at %s://%s, not at the API host %s, and meta.paging.nextCursor is empty; refusing to follow it", n.Scheme, n.Host, c.base.Host)
	}
	cursor := n.Query().Get("cursor")
	if cursor == "" {
		return "", fmt.Errorf("links.next %q has no cursor and meta.paging.nextCursor is empty", n.Path)
	}
	return cursor, nil
}

// progressEvery is how many pages a list read goes between two progress
// lines at INFO level.
const progressEvery = 10

// walkProgress logs a list read's progress at INFO level, every
// progressEvery pages and at its end, so a read that Apple's rate limit
// stretches over minutes can be followed with TF_LOG=INFO. It names the
// route, not the path, and counts: nothing Apple sent.
type walkProgress struct {
	c            *Client
	route        string
	start        time.Time
	pages, items int
}

func (p *walkProgress) page(ctx context.Context, items int) {
	p.pages++
	p.items += items
	if p.pages%progressEvery == 0 {
		p.c.log(ctx, LevelInfo, "reading list", p.fields())
	}
}

func (p *walkProgress) done(ctx context.Context) {
	p.c.log(ctx, LevelInfo, "list read", p.fields())
}

func (p *walkProgress) fields() map[string]any {
	return map[string]any{
		"route": p.route, "pages": p.pages, "items": p.items,
		"elapsed_ms": p.c.now().Sub(p.start).Milliseconds(), "requests_so_far": p.c.requests.Load(),
	}
}
