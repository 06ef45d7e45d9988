"""One charter or plan, open from its file. Every edit is one committed transaction.

There is no "save": each method below writes to the file before it returns, so closing the
laptop lid loses nothing. Listeners hear of each change, so a window can redraw.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

import reformkit
from reformkit import safe_files
from reformkit.document import file_install
from reformkit.document import project_file as files
from reformkit.document.document_lock import DocumentLock
from reformkit.document.errors import ProjectError, ReadOnlyError
from reformkit.document.fields import FieldError
from reformkit.document.inbox import read_rows, take_in
from reformkit.document.model import Document, Item, Meta, Section, Source, clean_tags, new_id, now
from reformkit.document.project_io import (
    LoadedFile,
    item_row,
    read_for_opening,
    renumber_items,
    renumber_sections,
    save_meta,
    save_modified,
    set_holder,
    unstorable_message,
    update_item_row,
    write_all,
)
from reformkit.document.spec import DocumentKinds, DocumentSpec
from reformkit.document.storage import load_document, section_row

__all__ = ["Listener", "LoadedFile", "Project", "read_for_opening"]

Listener = Callable[[str, str], None]
log = logging.getLogger(__name__)


class Project:
    """An open document file. Create with :meth:`create` or :meth:`open`; always :meth:`close`."""

    def __init__(
        self,
        path: Path,
        db: Database | None,
        document: Document,
        spec: DocumentSpec,
        read_only_reason: str = "",
        lock: DocumentLock | None = None,
    ):
        self.path = path
        self._lock = lock  # the writer role, held until close
        self.document = document
        self.spec = spec
        self.read_only_reason = read_only_reason
        self._db = db
        self._listeners: list[Listener] = []
        self._refused_rows: set[str] = set()  # inbox rows logged as unusable once already

    # Opening and closing.
    @classmethod
    def create(
        cls,
        path: Path,
        spec: DocumentSpec,
        title: str,
        organisation: str = "",
        authors: tuple[str, ...] = (),
        catalogue_version: str = "",
    ) -> Project:
        """Make a new document file with the spec's starter sections."""
        document = Document(
            spec.kind,
            Meta(
                title=title.strip() or f"Untitled {spec.label}",
                organisation=organisation,
                authors=list(authors),
                catalogue_version=catalogue_version,
                app_version=reformkit.__version__,
            ),
        )
        document.sections = [
            Section(key=t.key, title=t.title, tags=list(t.default_tags))
            for t in spec.section_types
            if t.starter
        ]
        return cls.create_from(path, document, spec)

    @classmethod
    def create_from(
        cls,
        path: Path,
        document: Document,
        spec: DocumentSpec,
        *,
        force: bool = False,
        state: Mapping[str, str] | None = None,
    ) -> Project:
        """Write ``document`` (already checked) to a new file and open it.

        The file is built complete beside ``path`` and moved into place only then, so a
        kill or a full disk never leaves half a document. An existing file at ``path`` is
        refused unless ``force``; then it is replaced safely (:mod:`file_install`: not while
        open anywhere, its leftover log checkpointed first). ``state`` values are written
        in the same transaction as the document (a package's description).
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProjectError(safe_files.cannot_write(path.parent, error)) from None
        safe_files.check_target(path, force=force, keep_existing=True, error=ProjectError)
        lock = file_install.take_lock(path)  # the writer role, from before the file exists
        try:
            with file_install.building(path, force=force, locked=True) as built:
                db = files.create_file(built)
                try:
                    with files.write_transaction(db):
                        write_all(db, document)
                        for key, value in (state or {}).items():
                            db.table("meta").upsert(
                                {"key": f"state:{key}", "value": value}, pk="key"
                            )
                        set_holder(db)
                except sqlite3.OperationalError as error:
                    what = f"{path.name} could not be created"
                    raise files.write_failed(path, error, what) from None
                except UnicodeEncodeError:
                    raise ProjectError(unstorable_message(f"{path.name} was not created")) from None
                finally:
                    db.close()
            db = files.open_for_writing(path)
            try:
                with files.write_transaction(db):
                    set_holder(db)
            except sqlite3.OperationalError as error:
                db.close()
                raise files.write_failed(path, error, f"{path.name} could not be opened") from None
        except BaseException:
            lock.release()
            raise
        return cls(path, db, document, spec, lock=lock)

    @classmethod
    def open(
        cls, path: Path, kinds: DocumentKinds, read_only: bool = False, ignore_lock: bool = False
    ) -> Project:
        """Read the whole file, then open it for editing (or read-only).

        The writer role is taken first, so the file is read while nobody else can write it.
        """
        path = Path(path)
        lock = None
        if not read_only and not ignore_lock and files.is_writable(path):
            files.check_header(path)  # no lock file beside something that is not a document
            lock = DocumentLock.acquire(path)
        try:
            return cls.finish_opening(read_for_opening(path, kinds), read_only, ignore_lock, lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def finish_opening(
        cls,
        loaded: LoadedFile,
        read_only: bool = False,
        ignore_lock: bool = False,
        lock: DocumentLock | None = None,
    ) -> Project:
        """The quick second half of :meth:`open`, on the thread that will edit the file.

        The slow half, :func:`read_for_opening`, may run on another thread. Editing needs
        the writer role (:class:`DocumentLock`): taken here unless ``lock`` holds it already,
        or the person chose to open it anyway (``ignore_lock``). A file holding objects
        ReformKit did not make opens read-only.
        """
        path = loaded.path
        reason = ""
        if read_only:
            reason = "You opened it read-only."
        elif not files.is_writable(path):
            reason = "The file or its folder cannot be written to, so it opened read-only."
        else:
            reason = loaded.read_only_reason
        if reason:
            if lock is not None:
                lock.release()
            return cls(path, None, loaded.document, loaded.spec, reason)
        if lock is None and not ignore_lock:
            lock = DocumentLock.acquire(path)
        try:
            if loaded.modified_since(path):
                # Another program changed the file after it was read: read it again.
                loaded = read_for_opening(path, loaded.kinds)
                if loaded.read_only_reason:
                    return cls.finish_opening(loaded, read_only, ignore_lock, lock)
            db = files.open_for_writing(path)
            try:
                with files.write_transaction(db):
                    set_holder(db)
            except sqlite3.OperationalError as error:
                db.close()
                raise files.write_failed(
                    path, error, f"{path.name} could not be opened for editing"
                ) from None
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        project = cls(path, db, loaded.document, loaded.spec, lock=lock)
        project._drain_on_open()
        return project

    def _drain_on_open(self) -> None:
        """Take in what phones sent before a crash; a failure here leaves it waiting."""
        try:
            self.drain_inbox()
        except ProjectError as error:
            log.warning("%s: waiting submissions not taken in: %s", self.path.name, error)

    def close(self) -> None:
        if self._db is not None:
            try:
                with files.write_transaction(self._db):
                    self._db.execute("delete from meta where key = 'open_by'")
            except sqlite3.OperationalError:
                pass  # a full disk: the mark stays, and is taken over as stale next time
            finally:
                self._db.close()
                self._db = None
        if self._lock is not None:
            self._lock.release()  # after the file is closed and its log folded in
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    # Metadata.
    def set_meta(self, **changes: Any) -> None:
        allowed = {"title", "organisation", "authors", "language", "catalogue_version"}
        unknown = set(changes) - allowed
        if unknown:
            raise ProjectError(f"A document has no setting called {', '.join(sorted(unknown))}.")
        if "title" in changes and not str(changes["title"]).strip():
            raise ProjectError("A document needs a title.")
        with self._edit("meta", self.document.meta.id) as db:
            for key, value in changes.items():
                setattr(self.document.meta, key, list(value) if key == "authors" else value)
            save_meta(db, self.document.meta)

    # Sections.
    def add_section(self, key: str, title: str = "", index: int | None = None) -> Section:
        section_type = self.spec.section_type(key)
        section = Section(
            key=key, title=title.strip() or section_type.title, tags=list(section_type.default_tags)
        )
        sections = self.document.sections
        index = len(sections) if index is None else max(0, min(index, len(sections)))
        with self._edit("section-added", section.id) as db:
            sections.insert(index, section)
            db.table("sections").insert(section_row(section, index))
            renumber_sections(db, sections)
        return section

    def update_section(self, section_id: str, **changes: Any) -> Section:
        section = self.document.section(section_id)
        allowed = {"title", "intro", "tags", "owner"}
        if set(changes) - allowed:
            raise ProjectError(f"A section has no setting {', '.join(set(changes) - allowed)}.")
        if "tags" in changes:
            changes["tags"] = clean_tags(changes["tags"])
        if "title" in changes and not str(changes["title"]).strip():
            raise ProjectError("A section needs a title.")
        with self._edit("section-changed", section_id) as db:
            for key, value in changes.items():
                setattr(section, key, value)
            position = self.document.sections.index(section)
            db.table("sections").update(section_id, section_row(section, position))
        return section

    def remove_section(self, section_id: str) -> Section:
        section = self.document.section(section_id)
        with self._edit("section-removed", section_id) as db:
            self.document.sections.remove(section)
            db.execute("delete from sections where id = ?", [section_id])
            renumber_sections(db, self.document.sections)
        return section

    def move_section(self, section_id: str, index: int) -> None:
        section = self.document.section(section_id)
        sections = self.document.sections
        with self._edit("section-moved", section_id) as db:
            sections.remove(section)
            sections.insert(max(0, min(index, len(sections))), section)
            renumber_sections(db, sections)

    # Items.
    def add_item(
        self,
        section_id: str,
        item_type: str,
        fields: Mapping[str, Any],
        tags: Any = None,
        source: Source | None = None,
        index: int | None = None,
        author: str = "",
    ) -> Item:
        section = self.document.section(section_id)
        kind = self.spec.section_type(section.key).item_type(item_type)
        item = Item(
            type=kind.name,
            fields=kind.clean(fields),
            tags=clean_tags([] if tags is None else tags),  # the part's tags are suggestions
            source=source,
            author=author,
        )
        items = section.items
        index = len(items) if index is None else max(0, min(index, len(items)))
        with self._edit("item-added", item.id) as db:
            items.insert(index, item)
            db.table("items").insert(item_row(item, section.id, index))
            renumber_items(db, section)
        return item

    def add_items(
        self,
        section_id: str,
        item_type: str,
        rows: list[dict[str, Any]],
        tags: Any = None,
        author: str = "",
        *,
        ids: Sequence[str] | None = None,
    ) -> list[Item]:
        """Add many items to the end of a section: all of them or none (a spreadsheet's rows).

        Every row is checked first; if any is unusable, :class:`FieldError` lists each bad
        row and nothing is written. Then all are added in one transaction with one change
        notification, ``("items-added", section_id)``, so a window can make one undo step.
        ``ids`` gives the new items chosen ids (so rows can point at each other).
        """
        section = self.document.section(section_id)
        kind = self.spec.section_type(section.key).item_type(item_type)
        if ids is not None and len(ids) != len(rows):
            raise ValueError(f"{len(ids)} ids given for {len(rows)} rows")
        if ids is not None and len(set(ids)) != len(ids):
            raise ValueError("the ids given repeat")
        cleaned_tags = clean_tags([] if tags is None else tags)  # the part's: suggestions
        items, problems = [], []
        for number, row in enumerate(rows, start=1):
            try:
                fields = kind.clean(row)
            except FieldError as error:
                problems.append(f"Row {number}: {error}")
                continue
            item = Item(type=kind.name, fields=fields, tags=list(cleaned_tags), author=author)
            if ids is not None:
                item.id = ids[number - 1]
            items.append(item)
        if problems:
            raise FieldError(
                f"{len(problems)} of {len(rows)} rows cannot be added, so none were added. "
                + " ".join(problems)
            )
        if not items:
            return []
        start = len(section.items)
        with self._edit("items-added", section.id) as db:
            section.items.extend(items)
            db.table("items").insert_all(
                [item_row(item, section.id, start + n) for n, item in enumerate(items)]
            )
        return items

    def update_item(
        self,
        item_id: str,
        fields: Mapping[str, Any] | None = None,
        tags: Any = None,
        needs_review: bool | None = None,
        source: Source | None = None,
    ) -> Item:
        section, item = self.document.find_item(item_id)
        kind = self.spec.section_type(section.key).item_type(item.type)
        new_fields = kind.clean({**item.fields, **fields}) if fields is not None else item.fields
        new_tags = clean_tags(tags) if tags is not None else item.tags
        with self._edit("item-changed", item_id) as db:
            item.fields, item.tags, item.modified = new_fields, new_tags, now()
            if needs_review is not None:
                item.needs_review = needs_review
            if source is not None:
                item.source = source
            update_item_row(db, item, section.id, section.items.index(item))
        return item

    def remove_item(self, item_id: str) -> Item:
        section, item = self.document.find_item(item_id)
        with self._edit("item-removed", item_id) as db:
            section.items.remove(item)
            db.execute("delete from items where id = ?", [item_id])
            renumber_items(db, section)
        return item

    def move_item(self, item_id: str, section_id: str, index: int) -> None:
        """Move an item within its section or into another that can hold its type."""
        old_section, item = self.document.find_item(item_id)
        target = self.document.section(section_id)
        self.spec.section_type(target.key).item_type(item.type)
        with self._edit("item-moved", item_id) as db:
            old_section.items.remove(item)
            target.items.insert(max(0, min(index, len(target.items))), item)
            db.execute("update items set section_id = ? where id = ?", [target.id, item_id])
            renumber_items(db, old_section)
            if target is not old_section:
                renumber_items(db, target)

    # Putting back what was removed (undo), with the same ids.
    def restore_item(self, section_id: str, item: Item, index: int) -> Item:
        section = self.document.section(section_id)
        self.spec.section_type(section.key).item_type(item.type)
        with self._edit("item-added", item.id) as db:
            section.items.insert(max(0, min(index, len(section.items))), item)
            db.table("items").insert(item_row(item, section.id, 0))
            renumber_items(db, section)
        return item

    def restore_section(self, section: Section, index: int) -> Section:
        self.spec.section_type(section.key)
        sections = self.document.sections
        with self._edit("section-added", section.id) as db:
            sections.insert(max(0, min(index, len(sections))), section)
            db.table("sections").insert(section_row(section, 0))
            db.table("items").insert_all(
                [item_row(item, section.id, n) for n, item in enumerate(section.items)]
            )
            renumber_sections(db, sections)
        return section

    def remove_items(self, item_ids: Sequence[str]) -> list[tuple[str, int, Item]]:
        """Remove many items in one transaction (undoing an import); return, for each, its
        section id, place and the item, in the order needed to put them back."""
        found = []
        for item_id in item_ids:
            section, item = self.document.find_item(item_id)
            found.append((section, section.items.index(item), item))
        removed = [(section.id, index, item) for section, index, item in found]
        with self._edit("items-removed", ",".join(item_ids)) as db:
            for section, _, item in found:
                section.items.remove(item)
            db.conn.executemany("delete from items where id = ?", [(i,) for i in item_ids])
            for section in {id(s): s for s, _, _ in found}.values():
                renumber_items(db, section)
        return sorted(removed, key=lambda entry: entry[1])

    def restore_items(self, placed: Sequence[tuple[str, int, Item]]) -> None:
        """Put back items removed by :meth:`remove_items`, with their ids, in one transaction."""
        touched: dict[str, Section] = {}
        with self._edit("items-added", placed[0][0] if placed else "") as db:
            for section_id, index, item in sorted(placed, key=lambda entry: entry[1]):
                section = self.document.section(section_id)
                section.items.insert(max(0, min(index, len(section.items))), item)
                db.table("items").insert(item_row(item, section.id, 0))
                touched[section.id] = section
            for section in touched.values():
                renumber_items(db, section)

    # Submissions from phones (reformkit.document.inbox), taken in on the editing thread.
    def drain_inbox(self, limit: int | None = None) -> int:
        """Turn the inbox's waiting rows (the first ``limit`` of them, when given) into items;
        return how many items were added.

        In one transaction the items are written and their rows deleted, so each submission
        is in the document or in the inbox, never both or neither. The kinds' hooks see all
        the rows at once. A part an item needs is added at the end. A row no kind can take
        in stays in the inbox (and in the log, once) without holding up the others.
        Listeners hear ``("items-added", "")``. A caller on the UI thread passes ``limit`` so
        one drain stays short however much waits; the rest goes in at its next drain.
        """
        if self._db is None:
            raise ReadOnlyError(f"{self.path.name} is open read-only. {self.read_only_reason}")
        rows, damaged = read_rows(self._db.conn, limit, self._refused_rows)
        for row_id in damaged:
            self._refuse(row_id, "its contents cannot be read")
        if not rows:
            return 0
        taken = take_in(self.document, self.spec, rows)
        for row, reason in taken.refused:
            self._refuse(row.id, f"from '{row.channel}': {reason}")
        if not taken.accepted:
            return 0
        added: list[dict[str, Any]] = []
        with self._edit("items-added", "", "the answers that arrived were not saved") as db:
            parts: dict[str, Section] = {}
            for section in reversed(self.document.sections):
                parts[section.key] = section  # the first part of each key
            for _, pairs in taken.accepted:
                for key, item in pairs:
                    section = parts.get(key) or self._append_section(db, key)
                    parts[key] = section
                    section.items.append(item)
                    added.append(item_row(item, section.id, len(section.items) - 1))
            columns = list(added[0])
            db.conn.executemany(
                f"insert into items ({', '.join(columns)}) "
                f"values ({', '.join('?' for _ in columns)})",
                [[row[name] for name in columns] for row in added],
            )
            db.conn.executemany(
                "delete from inbox where id = ?", [(row.id,) for row, _ in taken.accepted]
            )
        return len(added)

    def _append_section(self, db: Database, key: str) -> Section:
        section_type = self.spec.section_type(key)
        section = Section(key=key, title=section_type.title, tags=list(section_type.default_tags))
        self.document.sections.append(section)
        db.table("sections").insert(section_row(section, len(self.document.sections) - 1))
        return section

    def _refuse(self, row_id: str, reason: str) -> None:
        if row_id not in self._refused_rows:
            self._refused_rows.add(row_id)
            log.warning("%s: inbox row %s kept, not taken in: %s", self.path.name, row_id, reason)

    # Where the user was: the wizard's step, the part last selected. Kept in the file so
    # that reopening it, even after a crash, lands in the same place.
    def state(self, key: str, default: str = "") -> str:
        rows = self.execute_read("select value from meta where key = ?", [f"state:{key}"])
        return str(rows[0]["value"]) if rows else default

    def set_state(self, key: str, value: str) -> None:
        """Remember UI state only (the wizard's step, the part last selected), best effort.

        Losing it costs a click, so a read-only document skips it and a failed write (a
        full disk) is logged, not raised. Inside a :meth:`batch` a failure is raised, so the
        batch fails whole. Anything that matters uses :meth:`write_state` or an edit.
        """
        if self._db is None:
            log.debug("%s is read-only: state %r not kept", self.path.name, key)
            return
        inside_batch = self._db.conn.in_transaction
        try:
            self.write_state(key, value)
        except ProjectError as error:
            if inside_batch:
                raise
            log.warning("Could not remember %r in %s: %s", key, self.path.name, error)

    def write_state(self, key: str, value: str) -> None:
        """Keep a value that matters (a package's description) in the file, or raise:
        :class:`ReadOnlyError` on a read-only document, a plain :class:`ProjectError` when
        the write fails (a full disk)."""
        if self._db is None:
            raise ReadOnlyError(f"{self.path.name} is open read-only. {self.read_only_reason}")
        try:
            with files.write_transaction(self._db):
                self._db.table("meta").upsert({"key": f"state:{key}", "value": value}, pk="key")
        except sqlite3.OperationalError as error:
            raise files.write_failed(self.path, error) from None

    # Copies and snapshots.
    def save_as(self, target: Path, *, force: bool = False) -> Path:
        """Copy the whole file to ``target`` with SQLite's backup API, replacing it only
        once the copy is complete.

        An existing file at ``target`` is replaced (the person chose it in a save dialog that
        asked), but a ReformKit document only with ``force``, and never while it is open.
        """
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise ProjectError("Choose a different name: that is the file already open.")
        source = self._connection_for_reading()
        try:
            with file_install.building(
                target, force=force, keep_existing=False, open_document=self.path
            ) as temporary:
                try:
                    copy = sqlite3.connect(temporary)
                    try:
                        source.backup(copy)
                        files.drop_foreign(copy)  # a copy holds only what ReformKit made
                        copy.execute("delete from meta where key = 'open_by'")
                        copy.commit()
                        copy.execute("PRAGMA journal_mode = DELETE")
                    finally:
                        copy.close()
                except (OSError, sqlite3.Error) as error:
                    raise ProjectError(
                        f"The copy to {target} could not be written ({error}). "
                        "Nothing was replaced; the open document is unchanged."
                    ) from None
        finally:
            if self._db is None:
                source.close()
        return target

    def _connection_for_reading(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db.conn
        return files.read_only_connection(self.path)

    def execute_read(self, sql: str, params: list[Any] | None = None) -> list[sqlite3.Row]:
        connection = self._connection_for_reading()
        previous = connection.row_factory
        connection.row_factory = sqlite3.Row
        try:
            return list(connection.execute(sql, params or []))
        finally:
            connection.row_factory = previous
            if self._db is None:
                connection.close()

    @contextmanager
    def batch(self, change: str, target_id: str = "", what: str = "") -> Iterator[Database]:
        """Group many edits (a merge) into one transaction: all are kept, or none.

        The edits inside run as savepoints of one transaction; listeners hear one change,
        ``change``, when it is committed. It gives the database, for rows no method writes
        (a merge's record); any failure inside fails the whole batch. ``what`` says what did
        not happen if a write fails (default: "this change to NAME was not saved").
        """
        listeners, self._listeners = self._listeners, []
        try:
            with self._edit(change, target_id, what) as db:
                yield db
        finally:
            self._listeners = listeners
        for listener in list(listeners):
            listener(change, target_id)

    @contextmanager
    def _edit(self, change: str, target_id: str, what: str = "") -> Iterator[Database]:
        """Run one edit as one transaction; on failure, reload so memory matches the file."""
        if self._db is None:
            raise ReadOnlyError(f"{self.path.name} is open read-only. {self.read_only_reason}")
        db = self._db
        nested = db.conn.in_transaction  # inside a batch, which says what did not happen
        try:
            with files.write_transaction(db):
                yield db
                self.document.meta.modified = now()
                save_modified(db, self.document.meta.modified)
        except BaseException as error:
            db.conn.row_factory = sqlite3.Row
            try:
                self.document = load_document(db.conn)
            finally:
                db.conn.row_factory = None
            if isinstance(error, sqlite3.OperationalError) and not nested:  # a full disk
                raise files.write_failed(self.path, error, what) from None
            if isinstance(error, UnicodeEncodeError):
                raise ProjectError(unstorable_message(what or "the change was not made")) from None
            raise
        for listener in list(self._listeners):
            listener(change, target_id)

    # For the versions module.
    def write_snapshot(self, name: str, document_json: str) -> str:
        snapshot_id = new_id()
        with self._edit("snapshot", snapshot_id) as db:
            db.table("snapshots").insert(
                {"id": snapshot_id, "name": name, "created": now(), "document": document_json}
            )
        return snapshot_id
