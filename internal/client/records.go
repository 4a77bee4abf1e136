package client

import (
	"context"
	"net/url"
)

// listRecords walks a list of res, decoding each page with the scanner as it
// arrives, and calls each for every item in Apple's order. A page is handed
// out only once it is whole and no larger than asked for, and an item named
// twice means the list moved under the walk: either stops the read rather
// than presenting a list as complete when it is not.
func (c *Client) listRecords(ctx context.Context, route, path string, query url.Values, res *Resource, each func(*Record) error) error {
	seen := uniqueIDs{}
	var batch []*Record
	return c.walk(ctx, route, path, query, func(body []byte) (pageInfo, error) {
		batch = batch[:0]
		info, err := decodePage(body, res, func(r *Record) error {
			if err := seen.add(res.Item, r.ID); err != nil {
				return err
			}
			batch = append(batch, r)
			return nil
		})
		if err != nil || info.items > pageLimit {
			return info, err // walk reports an oversized page before anything is used
		}
		for _, r := range batch {
			if err := each(r); err != nil {
				return info, err
			}
		}
		return info, nil
	})
}

// getRecord reads one resource of res.
func (c *Client) getRecord(ctx context.Context, route string, u *url.URL, res *Resource) (*Record, error) {
	body, err := c.cachedGet(ctx, route, u)
	if err != nil {
		return nil, err
	}
	return decodeDocument(body, res)
}

// listLinkages walks a JSON:API relationship (…/relationships/<name>) and
// calls each with every related id, in Apple's order. kind names the items
// in messages.
func (c *Client) listLinkages(ctx context.Context, route, kind, path string, each func(id string) error) error {
	return paginate(ctx, c, route, kind, path, nil, func(l *linkage) error {
		return each(l.ID)
	})
}
