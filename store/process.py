"""`regwatch process`: run the extractor over pending documents, one transaction each.

Documents are committed one by one, so a run killed midway keeps everything
finished before the kill, and the next run picks up exactly the documents
still pending. The extractor itself never touches the database.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator

import sqlite_utils

from nlp.pipeline import DocInput, ExtractorPool, pipeline_version
from store import db as store
from store import stories

log = logging.getLogger(__name__)


def _inputs(rows: list[dict]) -> Iterator[DocInput]:
    for row in rows:
        try:
            metadata = json.loads(row.get("metadata") or "{}")
        except json.JSONDecodeError:
            metadata = {}
        published = (row.get("published") or "")[:10] or None
        yield DocInput(
            id=row["id"], text=row["text"] or "", published=published, title=row.get("title"), metadata=metadata
        )


def process_pending(
    database: sqlite_utils.Database,
    *,
    workers: int = 1,
    limit: int | None = None,
    batch: int = 200,
    on_done: Callable[[], None] | None = None,
) -> tuple[int, int]:
    """Extract every document whose results are missing or from another pipeline version.

    :returns: (documents processed, documents that failed)
    """
    version = pipeline_version()
    done = failed = 0
    with ExtractorPool(workers) as pool:
        while limit is None or done < limit:
            size = batch if limit is None else min(batch, limit - done)
            rows = list(store.pending_documents(database, version, limit=size))
            if not rows:
                break
            for result in pool.map(_inputs(rows)):
                if result.error:
                    failed += 1
                    log.warning("document %s failed: %s", result.id, result.error)
                # results and their story links commit together: a kill leaves neither
                with database.atomic():
                    previous_stories = stories.stories_of_document(database, result.id)
                    store.replace_results(database, result.id, result, version)
                    stories.resolve_document(database, result.id, also_refresh=previous_stories)
                done += 1
                if on_done:
                    on_done()
    # events written without extraction (screening-list designations) join stories too
    stories.resolve_all(database)
    return done, failed
