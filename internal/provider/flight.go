package provider

import (
	"context"
	"errors"
	"sync"
)

// flight computes a value once per provider instance and shares it: callers
// that arrive while the fetch runs wait for it instead of starting their own
// (single-flight), and later callers get the stored result. This is what
// lets several data sources in one configuration cost one walk of Apple's
// lists. A fetch that failed because its caller's context ended is forgotten,
// so a caller with time left fetches again.
type flight[T any] struct {
	mu   sync.Mutex
	call *flightCall[T]
}

type flightCall[T any] struct {
	done chan struct{}
	val  T
	err  error
}

func (f *flight[T]) get(ctx context.Context, fetch func(context.Context) (T, error)) (T, error) {
	for {
		f.mu.Lock()
		c := f.call
		if c == nil {
			c = &flightCall[T]{done: make(chan struct{})}
			f.call = c
			f.mu.Unlock()
			c.val, c.err = fetch(ctx)
			if c.err != nil && isContextError(c.err) {
				f.mu.Lock()
				f.call = nil
				f.mu.Unlock()
			}
			close(c.done)
			return c.val, c.err
		}
		f.mu.Unlock()
		select {
		case <-c.done:
			if c.err != nil && isContextError(c.err) && ctx.Err() == nil {
				continue // the fetching caller gave up; this one has time left
			}
			return c.val, c.err
		case <-ctx.Done():
			var zero T
			return zero, ctx.Err()
		}
	}
}

func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
