"""The Dask engine: the same extraction on a Dask cluster, fed and drained as a stream.

The client reads the inputs and sends them in partitions of PARTITION documents, one task
per partition (`extract_partition`, which builds the pipeline once per worker process).
Partitions are submitted as they are read, never more than two per worker thread ahead of
the oldest unfinished one, and their records come back in input order: memory stays flat on
the client and on the cluster however large the input. (A dask.bag would need all its
partitions when the graph is built; futures let the client feed the cluster as it reads.)

Without a scheduler address a `distributed.LocalCluster` of `workers` processes is started.
Workers should run one thread each (`dask worker --nthreads 1 --nworkers N`): the pipeline
is CPU-bound Python, so threads add nothing but contention on the GIL.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from distributed import Client, LocalCluster

from extractor.article import RawDocument
from extractor.batch import BatchOptions, extract_partition
from extractor.record import MeetingRecord

PARTITION = 16
AHEAD_PER_THREAD = 2


def partitions(documents: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    documents = iter(documents)
    while part := list(islice(documents, size)):
        yield part


def dask_engine(documents: Iterable[RawDocument], options: BatchOptions) -> Iterator[MeetingRecord]:
    """Records in input order from the cluster at `options.scheduler` (or a local one)."""
    logging.getLogger("distributed").setLevel(logging.getLogger().getEffectiveLevel())  # INFO only with -v
    cluster = None if options.scheduler else LocalCluster(n_workers=options.workers, threads_per_worker=1,
                                                          dashboard_address=None)
    try:
        with Client(options.scheduler or cluster) as client:
            ahead = AHEAD_PER_THREAD * max(1, sum(client.nthreads().values()))
            pending: deque = deque()
            for part in partitions(documents, PARTITION):
                pending.append(client.submit(extract_partition, part, options.use_ner, options.doc_timeout, pure=False))
                if len(pending) >= ahead:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    finally:
        if cluster is not None:
            cluster.close()
