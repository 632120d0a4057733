/**
 * The story's entities as the topic file names them: what kinds there are, the page name of
 * each, and the rules that keep every name pointing at one entity.
 */
import { foldedWords, slugify } from '../lib/slugs.ts';
import type { NamedEntity } from './mentionMatcher.ts';

/** The kinds of entity, in the order the "Who's who" page groups them. */
export const ENTITY_KINDS = ['person', 'organisation', 'place', 'product', 'event', 'other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** What names an entity: its name and its aliases. */
export interface EntityNames {
  name: string;
  aliases: readonly string[];
}

/** The part of the entity's page address that names it: "Ken Hu" → `ken-hu`. */
export const entitySlug = (name: string) => slugify(name);

export const namesOf = (entity: EntityNames): string[] => [entity.name, ...entity.aliases];

/** The topic's entities as the mention matcher looks for them: by slug, with every name. */
export const namedEntities = (entities: readonly EntityNames[]): NamedEntity[] =>
  entities.map((entity) => ({ slug: entitySlug(entity.name), names: namesOf(entity) }));

/** A name as compared with others: "Huawei  technologies" and "HUAWEI Technologies" are one name. */
const nameKey = (name: string) => foldedWords(name).join(' ');

/** A problem in the topic's list of entities, at a path inside the list. */
export interface EntityClash {
  path: (string | number)[];
  message: string;
}

/**
 * Two entities with one page name, or one name (or alias) claimed by two entities: each problem
 * names both entities, so the editor sees which two to tell apart.
 */
export function entityClashes(entities: readonly EntityNames[]): EntityClash[] {
  const problems: EntityClash[] = [];
  const pageOwner = new Map<string, number>();
  const nameOwner = new Map<string, number>();
  entities.forEach((entity, index) => {
    const slug = entitySlug(entity.name);
    const pageOwnerIndex = pageOwner.get(slug);
    if (!slug) {
      problems.push({
        path: [index, 'name'],
        message: `"${entity.name}" has no letters or digits to make a page name from (reword it)`,
      });
    } else if (pageOwnerIndex !== undefined) {
      problems.push({
        path: [index, 'name'],
        message: `"${entity.name}" would have the same page (/who/${slug}/) as entities[${pageOwnerIndex}] "${entities[pageOwnerIndex]!.name}" (rename one, or make one an alias of the other)`,
      });
    } else pageOwner.set(slug, index);
    namesOf(entity).forEach((name, nameIndex) => {
      const key = nameKey(name);
      const owner = nameOwner.get(key);
      if (owner === undefined) nameOwner.set(key, index);
      // The same name twice in one entity is harmless; a page clash is reported above already.
      else if (owner !== index && !(nameIndex === 0 && pageOwnerIndex !== undefined)) {
        problems.push({
          path: nameIndex === 0 ? [index, 'name'] : [index, 'aliases', nameIndex - 1],
          message: `"${name}" is already a name of entities[${owner}] "${entities[owner]!.name}" (a name or alias belongs to one entity: remove it from one of the two)`,
        });
      }
    });
  });
  return problems;
}

/** The topic's entities indexed once: what the content checks and the content sync look names up in. */
export interface EntityIndex {
  entities: readonly EntityNames[];
  /** Every name and alias, as compared, to the slug of the entity it names. */
  slugByName: ReadonlyMap<string, string>;
  /** Each entity's name by its slug. */
  nameBySlug: ReadonlyMap<string, string>;
}

export function indexEntities(entities: readonly EntityNames[]): EntityIndex {
  const slugByName = new Map<string, string>();
  for (const entity of entities)
    for (const name of namesOf(entity))
      if (!slugByName.has(nameKey(name))) slugByName.set(nameKey(name), entitySlug(entity.name));
  return {
    entities,
    slugByName,
    nameBySlug: new Map(entities.map((entity) => [entitySlug(entity.name), entity.name])),
  };
}

/** The slug of the entity a name (or alias) names, whatever its case and accents. */
export const findEntity = (index: EntityIndex, name: string) => index.slugByName.get(nameKey(name));
