"""Comments (with @mentions of colleagues) and tags on leads and cases. Each is audited in the
transaction that writes it; a mentioned colleague gets a notification."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from zhongben.store.audit import Actor, record
from zhongben.store.collab_models import Comment, Tag
from zhongben.store.models import Org, User
from zhongben.store.notify import notify

MENTION = re.compile(r"@([0-9A-Za-z_.\-\u3400-\u9fff]+)")
MAX_COMMENT, MAX_TAG = 5000, 20
OBJECT_NAMES = {"lead": "线索", "matter": "监督案件"}


class CollabError(ValueError):
    """A comment, tag or attachment that cannot be saved; the message is shown (Chinese)."""


@dataclass(frozen=True)
class Posted:
    comment: Comment
    mentioned: list[User]
    unknown: list[str]  # @names that are no colleague who can see the object


def colleagues(session: Session, org_id: int | None) -> list[User]:
    """Active users who can see an object of ``org_id``: those of its office and of the
    offices above it (one query for the offices, one for the users)."""
    query = select(User).where(User.active.is_(True)).order_by(User.id)
    if org_id is not None:
        query = query.where(User.org_id.in_(ancestors(session, org_id)))
    return list(session.scalars(query))


def ancestors(session: Session, org_id: int) -> list[int]:
    """The office and every office above it."""
    parents = dict(session.execute(select(Org.id, Org.parent_id)).all())
    chain: list[int] = []
    current: int | None = org_id
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def _mentions(body: str, people: list[User]) -> tuple[list[User], list[str]]:
    found, unknown = [], []
    for name in dict.fromkeys(MENTION.findall(body)):
        user = next((u for u in people if name in (u.username, u.display_name)), None)
        if user is None:
            unknown.append(name)
        elif user not in found:
            found.append(user)
    return found, unknown


def add_comment(session: Session, actor: Actor, object_type: str, object_id: str,
                org_id: int | None, body: str, link: str, title: str) -> Posted:
    text = body.strip()
    if not text:
        raise CollabError("评论内容不能为空")
    if len(text) > MAX_COMMENT:
        raise CollabError(f"评论不能超过 {MAX_COMMENT} 字")
    mentioned, unknown = _mentions(text, colleagues(session, org_id))
    comment = Comment(object_type=object_type, object_id=object_id, user_id=actor.user_id,
                      at=datetime.now(), body=text, mentions=[u.id for u in mentioned])
    session.add(comment)
    session.flush()
    record(session, actor, "comment.add", object_type, object_id, comment_id=comment.id,
           mentions=[u.display_name for u in mentioned], length=len(text))
    for user in mentioned:
        if user.id != actor.user_id:
            where = OBJECT_NAMES.get(object_type, "")
            notify(session, user.id, "mention",
                   f"{actor.username}在{where}“{title}”的评论中提到了您",
                   f"{link}#comment-{comment.id}")
    return Posted(comment, mentioned, unknown)


def comments_of(session: Session, object_type: str,
                object_id: str) -> list[tuple[Comment, str]]:
    query = (select(Comment, User.display_name).join(User, User.id == Comment.user_id)
             .where(Comment.object_type == object_type, Comment.object_id == object_id)
             .order_by(Comment.id))
    return [(c, name) for c, name in session.execute(query)]


def clean_tag(raw: str) -> str:
    tag = " ".join(raw.split()).strip("#＃ ")
    if not tag:
        raise CollabError("标签不能为空")
    if len(tag) > MAX_TAG:
        raise CollabError(f"标签不能超过 {MAX_TAG} 个字")
    return tag


def add_tag(session: Session, actor: Actor, object_type: str, object_id: str, raw: str) -> str:
    tag = clean_tag(raw)
    if session.get(Tag, (object_type, object_id, tag)) is None:
        session.add(Tag(object_type=object_type, object_id=object_id, tag=tag))
        record(session, actor, "tag.add", object_type, object_id, tag=tag)
    return tag


def remove_tag(session: Session, actor: Actor, object_type: str, object_id: str,
               tag: str) -> None:
    session.execute(delete(Tag).where(Tag.object_type == object_type,
                                      Tag.object_id == object_id, Tag.tag == tag))
    record(session, actor, "tag.remove", object_type, object_id, tag=tag)


def tags_of(session: Session, object_type: str, object_id: str) -> list[str]:
    query = select(Tag.tag).where(Tag.object_type == object_type, Tag.object_id == object_id)
    return sorted(session.scalars(query))


def known_tags(session: Session, object_type: str) -> list[str]:
    query = select(Tag.tag).where(Tag.object_type == object_type).distinct()
    return sorted(session.scalars(query))
