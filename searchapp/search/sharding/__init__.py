"""Searching a sharded index as one (`searchapp.index.shards`): each shard's part of a request (`shard`),
the front end that merges the parts into what one index would answer (`engine`, `merging`, `statistics`,
`catalog`), and how it reaches the shards: in this process or on a Ray cluster (`fanout`, `cluster`)."""
