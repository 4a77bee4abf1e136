package provider

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// The flight tests run in a synctest bubble so that synctest.Wait can tell
// when every caller is blocked inside get: "waiting for the fetch" is then
// a fact the test establishes, not a race it hopes to win.

func TestFlightConcurrentCallersShareOneFetch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var f flight[int]
		var fetches atomic.Int32
		release := make(chan struct{})
		fetch := func(ctx context.Context) (int, error) {
			fetches.Add(1)
			<-release
			return 42, ctx.Err()
		}
		const callers = 5
		results := make(chan int, callers)
		for range callers {
			go func() {
				v, err := f.get(context.Background(), fetch)
				if err != nil {
					t.Errorf("get: %v", err)
				}
				results <- v
			}()
		}
		synctest.Wait() // one caller fetching, the others waiting for it
		if n := fetches.Load(); n != 1 {
			t.Fatalf("%d fetches started for %d concurrent callers, want 1", n, callers)
		}
		close(release)
		for range callers {
			if v := <-results; v != 42 {
				t.Errorf("a caller got %d, want the fetched 42", v)
			}
		}
		v, err := f.get(context.Background(), fetch)
		if err != nil || v != 42 {
			t.Errorf("later caller: %d, %v; want the stored 42", v, err)
		}
		if n := fetches.Load(); n != 1 {
			t.Errorf("%d fetches after a later caller, want the stored result reused (1)", n)
		}
	})
}

func TestFlightFetchFailedOnContextIsForgottenAndRefetched(t *testing.T) {
	expired, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel()
	canceled, cancel2 := context.WithCancel(context.Background())
	cancel2()
	for name, tc := range map[string]struct {
		ctx  context.Context
		want error
	}{
		"canceled":          {canceled, context.Canceled},
		"deadline exceeded": {expired, context.DeadlineExceeded},
	} {
		t.Run(name, func(t *testing.T) {
			var f flight[string]
			fetches := 0
			fetch := func(ctx context.Context) (string, error) {
				fetches++
				if err := ctx.Err(); err != nil {
					// Wrapped, as the client returns it.
					return "", fmt.Errorf("list org devices: %w", err)
				}
				return "devices", nil
			}
			if _, err := f.get(tc.ctx, fetch); !errors.Is(err, tc.want) {
				t.Fatalf("get with an ended context: %v, want %v", err, tc.want)
			}
			v, err := f.get(context.Background(), fetch)
			if err != nil || v != "devices" {
				t.Fatalf("get after the failed fetch: %q, %v; want a new fetch's \"devices\"", v, err)
			}
			if fetches != 2 {
				t.Errorf("%d fetches, want 2 (the failed one forgotten)", fetches)
			}
			if _, err := f.get(context.Background(), fetch); err != nil || fetches != 2 {
				t.Errorf("third get: %v after %d fetches; want the stored result", err, fetches)
			}
		})
	}
}

// A caller waiting for a fetch whose own caller gave up still has time left,
// so it fetches itself rather than inheriting someone else's cancellation.
func TestFlightWaiterRefetchesWhenTheFetchingCallerGivesUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var f flight[string]
		var fetches atomic.Int32
		fetch := func(ctx context.Context) (string, error) {
			if fetches.Add(1) == 1 {
				<-ctx.Done()
				return "", ctx.Err()
			}
			return "devices", nil
		}
		first, cancel := context.WithCancel(context.Background())
		firstErr := make(chan error, 1)
		go func() {
			_, err := f.get(first, fetch)
			firstErr <- err
		}()
		synctest.Wait()
		second := make(chan string, 1)
		go func() {
			v, err := f.get(context.Background(), fetch)
			if err != nil {
				t.Errorf("waiting caller: %v", err)
			}
			second <- v
		}()
		synctest.Wait() // the second caller waits for the first one's fetch
		cancel()
		if err := <-firstErr; !errors.Is(err, context.Canceled) {
			t.Errorf("fetching caller: %v, want context.Canceled", err)
		}
		if v := <-second; v != "devices" {
			t.Errorf("waiting caller got %q, want its own fetch's \"devices\"", v)
		}
		if n := fetches.Load(); n != 2 {
			t.Errorf("%d fetches, want 2", n)
		}
	})
}

// A waiter whose own context ends stops waiting at once; the fetch goes on
// for the caller that started it and its result is kept.
func TestFlightWaiterWithAnEndedContextStopsWaiting(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var f flight[int]
		var fetches atomic.Int32
		release := make(chan struct{})
		fetch := func(ctx context.Context) (int, error) {
			fetches.Add(1)
			<-release
			return 7, ctx.Err()
		}
		fetched := make(chan int, 1)
		go func() {
			v, _ := f.get(context.Background(), fetch)
			fetched <- v
		}()
		synctest.Wait()
		ctx, cancel := context.WithCancel(context.Background())
		waiterErr := make(chan error, 1)
		go func() {
			_, err := f.get(ctx, fetch)
			waiterErr <- err
		}()
		synctest.Wait()
		cancel()
		if err := <-waiterErr; !errors.Is(err, context.Canceled) {
			t.Errorf("waiter with a canceled context: %v, want context.Canceled", err)
		}
		close(release)
		if v := <-fetched; v != 7 {
			t.Errorf("fetching caller got %d, want 7", v)
		}
		if v, err := f.get(context.Background(), fetch); err != nil || v != 7 || fetches.Load() != 1 {
			t.Errorf("later caller: %d, %v after %d fetches; want the stored 7 from 1 fetch", v, err, fetches.Load())
		}
	})
}

// Any other failure is kept for the provider instance, as a success is: every
// data source of the run reports it and none repeats requests Apple refused.
func TestFlightNonContextErrorIsKept(t *testing.T) {
	var f flight[int]
	refused := errors.New("Apple answered 403 FORBIDDEN")
	fetches := 0
	fetch := func(context.Context) (int, error) {
		fetches++
		return 0, refused
	}
	for i := range 3 {
		if _, err := f.get(context.Background(), fetch); !errors.Is(err, refused) {
			t.Fatalf("get %d: %v, want the fetch's error", i, err)
		}
	}
	if fetches != 1 {
		t.Errorf("%d fetches, want 1: a failure other than the context's is not retried", fetches)
	}
}
