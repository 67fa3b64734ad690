"""Cross-report entity resolution: a report's entity joins the canonical entity it names, or starts one.

A name or alias matches by its folded form, within one entity type. A person's full name matches full
names; a surname alone joins only the one person with that surname (none when there are several).
Countries must agree where both are known, and places must lie within PLACE_RADIUS_KM of each other,
so Damascus, Maryland and Damascus, Syria stay two places."""
from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from thucydides.gazetteer.distance import km
from thucydides.gazetteer.names import fold
from thucydides.model import Entity
from thucydides.store.schema import aliases, entities

PLACE_RADIUS_KM = 100.0
PLACE_TYPES = ("LOCATION", "FACILITY")


def name_keys(entity: Entity) -> dict[str, str]:
    """Folded key -> surface form, for the name and every alias."""
    out: dict[str, str] = {}
    for form in (entity.name, *entity.aliases):
        key = fold(form)
        if key and key not in out:
            out[key] = form
    return out


def surname_key(entity: Entity) -> str | None:
    key = fold(entity.name)
    return key.rsplit(" ", 1)[-1] if entity.type == "PERSON" and " " in key else None


def fuller(name: str, key: str, type_: str) -> bool:
    """Whether a name is a fuller form of the canonical key: "Alexander Zhuravlyov" of "zhuravlyov",
    "Ukrainian civilians" of "civilians" (so the canonical name does not depend on which report came first)."""
    new = fold(name).split()
    old = key.split()
    if len(new) <= len(old):
        return False
    if type_ == "PERSON":
        return new[-1] == old[-1]
    return set(old) <= set(new)


def compatible(row, entity: Entity) -> bool:
    """The same side or country where both say, and near enough where both are on the map."""
    if bool(row.generic) != entity.generic:
        return False
    geo = entity.geo
    if row.country and (entity.country or (geo and geo.country)) and row.country != (entity.country or geo.country):
        return False
    if entity.type in PLACE_TYPES and geo is not None and row.lat is not None:
        if geo.geonameid and row.geonameid and geo.geonameid == row.geonameid:
            return True
        return km(row.lat, row.lon, geo.lat, geo.lon) <= PLACE_RADIUS_KM
    return True


class EntityResolver:
    """Finds or creates the canonical entity of each of a report's entities, on one connection."""

    def __init__(self, connection: Connection):
        self.connection = connection

    def candidates(self, entity: Entity) -> list:
        keys = name_keys(entity)
        if entity.type == "PERSON" and " " in fold(entity.name):
            keys = {k: v for k, v in keys.items() if " " in k}  # full names match full names only
        if not keys:
            return []
        ids = select(aliases.c.entity_id).where(aliases.c.key.in_(sorted(keys)))
        rows = self.connection.execute(
            select(entities).where(entities.c.type == entity.type, entities.c.id.in_(ids)).order_by(entities.c.id)
        ).all()
        found = [r for r in rows if compatible(r, entity)]
        surname = surname_key(entity)
        if not found and surname:  # a person known so far only by the surname
            rows = self.connection.execute(select(entities).where(
                entities.c.type == "PERSON", entities.c.key == surname)).all()
            found = [r for r in rows if compatible(r, entity)]
            return found if len(found) == 1 else []
        if entity.type == "PERSON" and " " not in fold(entity.name):
            return found if len(found) == 1 else []  # a surname alone: only when it is unambiguous
        return found

    def resolve(self, entity: Entity) -> int:
        """The canonical id for a report's entity, its names and facts merged in."""
        found = self.candidates(entity)
        if found:
            best = max(found, key=lambda r: (bool(entity.geo and entity.geo.geonameid
                                                  and r.geonameid == entity.geo.geonameid), r.documents, -r.id))
            self.merge_into(best, entity)
            return best.id
        return self.create(entity)

    def create(self, entity: Entity) -> int:
        geo = entity.geo
        entity_id = self.connection.execute(insert(entities).values(
            name=entity.name, key=fold(entity.name) or entity.name.lower(), type=entity.type, kind=entity.kind,
            country=entity.country or (geo.country if geo else None), generic=entity.generic,
            lat=geo.lat if geo else None, lon=geo.lon if geo else None, feature=geo.feature if geo else None,
            geonameid=geo.geonameid if geo else None, within=geo.within if geo else None,
            documents=1)).inserted_primary_key[0]
        self.add_aliases(entity_id, entity, known=set())
        return entity_id

    def merge_into(self, row, entity: Entity) -> None:
        geo = entity.geo
        changes: dict = {"documents": row.documents + 1}
        if row.kind is None and entity.kind:
            changes["kind"] = entity.kind
        if row.country is None and (entity.country or (geo and geo.country)):
            changes["country"] = entity.country or geo.country
        if row.lat is None and geo is not None:
            changes.update(lat=geo.lat, lon=geo.lon, feature=geo.feature, geonameid=geo.geonameid, within=geo.within)
        if fuller(entity.name, row.key, entity.type):
            changes.update(name=entity.name, key=fold(entity.name))  # the fullest form seen
        self.connection.execute(update(entities).where(entities.c.id == row.id).values(**changes))
        known = set(self.connection.execute(select(aliases.c.key).where(aliases.c.entity_id == row.id)).scalars())
        self.add_aliases(row.id, entity, known)

    def add_aliases(self, entity_id: int, entity: Entity, known: set[str]) -> None:
        keys = name_keys(entity)
        surname = surname_key(entity)
        if surname and surname not in keys:
            keys[surname] = entity.name.rsplit(" ", 1)[-1]
        rows = [{"entity_id": entity_id, "key": k, "alias": v} for k, v in keys.items() if k not in known]
        if rows:
            self.connection.execute(insert(aliases), rows)
