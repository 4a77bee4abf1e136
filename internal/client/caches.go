package client

import (
	"context"
	"fmt"
	"time"
)

// openCaches sets up the token and read caches the configuration asks for.
// Nothing touches the disk until the first token or read.
func (c *Client) openCaches() error {
	if c.cfg.CacheDir == "" {
		return nil
	}
	dir := &cacheDir{path: c.cfg.CacheDir}
	cfg := c.cfg
	if cfg.TokenCache {
		s, err := newSealer(cfg.PrivateKey, "token", cfg.ClientID, cfg.KeyID, cfg.Scope, cfg.TokenURL)
		if err != nil {
			return fmt.Errorf("token cache: %w", err)
		}
		c.tokenCache = &tokenCache{dir: dir, seal: s, name: s.name("token", "access token")}
	}
	if cfg.ReadCacheMaxAge > 0 {
		s, err := newSealer(cfg.PrivateKey, "read", cfg.ClientID, cfg.KeyID, cfg.Scope, cfg.TokenURL, c.base.String())
		if err != nil {
			return fmt.Errorf("read cache: %w", err)
		}
		c.readCache = &readCache{dir: dir, seal: s, maxAge: cfg.ReadCacheMaxAge}
	}
	return nil
}

// cacheTrouble records that the cache directory cannot be used, and logs
// it once; the client goes on without the entry it could not read or write.
func (c *Client) cacheTrouble(ctx context.Context, err error) {
	c.trouble.once.Do(func() {
		msg := err.Error()
		c.trouble.msg.Store(&msg)
		c.log(ctx, LevelInfo, "cache directory not usable; reading without it", map[string]any{"error": msg})
	})
}

// ReadCacheMaxAge is how old a cached read may be; 0 without the read cache.
func (c *Client) ReadCacheMaxAge() time.Duration {
	if c.readCache == nil {
		return 0
	}
	return c.readCache.maxAge
}
